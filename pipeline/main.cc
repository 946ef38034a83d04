// The notat command line. Exit codes are decided here and only here:
//   0  every check passed
//   1  some check failed (records are still emitted, and marked)
//   2  an input could not be read, or a usage error
//   3  internal error: a bug (e.g. a document violating our schema) or a broken installation
//   4  database error (ingest, series)
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <set>
#include <thread>

#include <CLI/CLI.hpp>

#include "pipeline/emit.h"
#include "pipeline/ingest.h"
#include "pipeline/lexicon.h"
#include "pipeline/repair.h"
#include "pipeline/run.h"
#include "pipeline/source.h"
#include "pipeline/validate.h"

namespace notat {
namespace {

namespace fs = std::filesystem;

constexpr int kExitOk = 0;
constexpr int kExitCheckFailed = 1;
constexpr int kExitBadInput = 2;
constexpr int kExitInternal = 3;
constexpr int kExitDatabase = 4;

void PrintError(const Error& e) { std::cerr << "notat: error: " << e.ToString() << "\n"; }

// A directory given to extract or validate stands for the note files in it
// (found as `notat ingest` finds them, sorted); other inputs stay as given.
// A directory holding none stays, and fails as an input with its reason.
std::vector<std::string> WithDirectoriesExpanded(const std::vector<std::string>& inputs) {
  std::vector<std::string> out;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (input != "-" && fs::is_directory(input, ec)) {
      ExpandedInputs found = ExpandInputs({input});
      if (!found.files.empty()) {
        out.insert(out.end(), found.files.begin(), found.files.end());
        continue;
      }
    }
    out.push_back(input);
  }
  return out;
}

// Runs ProcessInput on every input, `workers` at a time, results in input order.
std::vector<NoteResult> ProcessAll(const std::vector<std::string>& inputs, const Context& ctx) {
  std::vector<NoteResult> results(inputs.size());
  int cores = std::max(1u, std::thread::hardware_concurrency());
  int jobs = ctx.options.jobs > 0 ? ctx.options.jobs : cores;
  int workers = std::max(1, std::min<int>(jobs, static_cast<int>(inputs.size())));
  Context per_file = ctx;
  per_file.options.jobs = std::max(1, jobs / workers);  // pages in flight per file
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < inputs.size();) {
      // No exception should reach here; if a library throws one anyway, it
      // costs this input only, never the batch.
      try {
        results[i] = ProcessInput(inputs[i], per_file);
      } catch (const std::exception& e) {
        results[i] = NoteResult{};
        results[i].path = inputs[i];
        results[i].error = Error{ErrorCode::kInternal, inputs[i] + ": unexpected error: " + e.what()};
      }
    }
  };
  std::vector<std::thread> threads;
  for (int w = 1; w < workers; ++w) threads.emplace_back(work);
  work();
  for (std::thread& t : threads) t.join();
  return results;
}

int ExitFor(const std::vector<NoteResult>& results, bool internal_error) {
  if (internal_error) return kExitInternal;
  int code = kExitOk;
  for (const NoteResult& r : results) {
    if (r.error) code = std::max(code, r.error->code == ErrorCode::kInternal ? kExitInternal : kExitBadInput);
    else if (!r.report.ok()) code = std::max(code, kExitCheckFailed);
  }
  return code;
}

struct Loaded {
  std::unique_ptr<Lexicon> lexicon;
  Context ctx;
};

std::optional<Loaded> LoadContext(const Options& options) {
  Result<std::unique_ptr<Lexicon>> lexicon = LoadDanishLexicon();
  if (!lexicon) {
    PrintError(lexicon.error());
    return std::nullopt;
  }
  Loaded l;
  l.lexicon = std::move(*lexicon);
  l.ctx.options = options;
  l.ctx.lexicon = l.lexicon.get();
  return l;
}

int CmdRepair(const std::string& input, bool explain, const Options& options) {
  std::optional<Loaded> loaded = LoadContext(options);
  if (!loaded) return kExitInternal;
  Result<Document> doc = ReadInput(input, options, loaded->lexicon.get());
  if (!doc) {
    PrintError(doc.error());
    return kExitBadInput;
  }
  RepairedText repaired = Repair(*doc, *loaded->lexicon);
  std::string out;
  for (size_t p = 0; p < repaired.pages.size(); ++p) {
    if (p > 0) out += "\f";
    for (const Line& l : repaired.pages[p].lines) out += l.text + "\n";
  }
  std::cout << out << std::flush;
  if (explain) {
    bool pages = repaired.pages.size() > 1;
    std::cerr << (pages ? "page\t" : "") << "line\tcolumn\tbefore\tafter\trule\tconfidence\n";
    for (const Correction& c : repaired.corrections) {
      if (pages) std::cerr << c.page << "\t";
      std::cerr << c.line << "\t" << c.column << "\t" << c.before << "\t" << c.after << "\t" << c.rule
                << "\t" << c.confidence << "\n";
    }
    for (const Correction& c : repaired.undecided) {
      if (pages) std::cerr << c.page << "\t";
      std::cerr << c.line << "\t" << c.column << "\t" << c.before << "\t" << c.after
                << "\tundecided:" << c.rule << "\t" << c.confidence << "\n";
    }
    std::cerr << repaired.corrections.size() << " corrections, " << repaired.undecided.size()
              << " left undecided\n";
  }
  return kExitOk;
}

int CmdExtract(const std::vector<std::string>& inputs, const std::string& format_name,
               const std::string& output, const Options& options) {
  Format format = format_name == "jsonl" ? Format::kJsonl : format_name == "csv" ? Format::kCsv : Format::kJson;
  std::optional<Loaded> loaded = LoadContext(options);
  if (!loaded) return kExitInternal;
  std::vector<NoteResult> results = ProcessAll(inputs, loaded->ctx);
  bool internal_error = false;
  std::string out;
  std::vector<std::string> documents;
  if (format == Format::kCsv) out = CsvHeader();
  for (const NoteResult& r : results) {
    if (r.error) {
      PrintError(*r.error);
      continue;
    }
    Result<std::string> text = format == Format::kJson    ? NoteJson(r)
                               : format == Format::kJsonl ? RecordsJsonl(r)
                                                          : RecordsCsv(r);
    if (!text) {
      PrintError(text.error());
      internal_error = true;
      continue;
    }
    if (format == Format::kJson) documents.push_back(std::move(*text));
    else out += *text;
    if (!r.report.ok())
      std::cerr << "notat: " << r.path << ": some checks failed (see `notat validate " << r.path << "`)\n";
  }
  if (format == Format::kJson) {
    // One document for one input; an array of documents for several.
    if (inputs.size() == 1 && documents.size() == 1) {
      out = documents[0] + "\n";
    } else {
      out = "[";
      for (size_t i = 0; i < documents.size(); ++i) out += (i ? ",\n" : "\n") + documents[i];
      out += "\n]\n";
    }
  }
  if (output.empty() || output == "-") {
    std::cout << out << std::flush;
  } else {
    // A file is written to a temporary file and renamed, so a reader never
    // sees half a file (the process id keeps two runs' temporary files
    // apart). A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written
    // as it is: renaming onto it would replace it with a file.
    std::error_code ec;
    const fs::file_status status = fs::status(output, ec);
    const bool in_place = fs::exists(status) && !fs::is_regular_file(status);
    const std::string target = in_place ? output : output + ".tmp." + std::to_string(getpid());
    std::ofstream f(target, std::ios::binary);
    f << out;
    f.close();
    if (!f || (!in_place && std::rename(target.c_str(), output.c_str()) != 0)) {
      PrintError(Error{ErrorCode::kIo, output + ": cannot write the output"});
      if (!in_place) std::remove(target.c_str());
      return kExitBadInput;
    }
  }
  return ExitFor(results, internal_error);
}

const char* StatusWord(CheckStatus s) {
  switch (s) {
    case CheckStatus::kPass: return "PASS";
    case CheckStatus::kFail: return "FAIL";
    case CheckStatus::kSkip: return "SKIP";
  }
  return "SKIP";
}

void PrintCheck(const Check& c) {
  std::printf("  %s  %-34s %s\n", StatusWord(c.status), c.name.c_str(), c.message.c_str());
  if (c.status == CheckStatus::kFail && (!c.expected.empty() || !c.actual.empty()))
    std::printf("        %-34s expected %s, actual %s\n", "", c.expected.c_str(), c.actual.c_str());
}

int CmdValidate(const std::vector<std::string>& inputs, const std::string& db_url, const Options& options) {
  // A database that cannot be read is said before any input is read.
  std::unique_ptr<Database> db;
  if (!db_url.empty()) {
    Result<std::unique_ptr<Database>> opened = OpenExistingDatabase(db_url);
    if (!opened) {
      PrintError(opened.error());
      return kExitDatabase;
    }
    db = std::move(*opened);
  }
  std::optional<Loaded> loaded = LoadContext(options);
  if (!loaded) return kExitInternal;
  std::vector<NoteResult> results = ProcessAll(inputs, loaded->ctx);
  std::vector<const Extraction*> notes;
  std::vector<std::string> names;
  std::vector<std::string> failing;  // inputs with a failed check, and which
  for (const NoteResult& r : results) {
    if (r.error) {
      std::printf("%s\n  ERROR %s\n\n", r.path.c_str(), r.error->ToString().c_str());
      PrintError(*r.error);
      continue;
    }
    int pass = 0, fail = 0, skip = 0;
    std::string sources;
    for (const Page& p : r.document.pages) {
      if (!sources.empty()) sources += ", ";
      sources += "p" + std::to_string(p.number) + " " + p.text_source;
    }
    // A word joined across a line end is two corrections (its pieces);
    // count it once, apart from words the repair changed.
    size_t joins = 0, changed = 0;
    for (const Correction& c : r.repaired.corrections) {
      bool join_only = c.rule == "hyphen-join" || c.rule == "line-join";
      if (join_only && c.after.empty()) ++joins;
      else if (!join_only) ++changed;
    }
    auto words = [](size_t n) { return std::to_string(n) + (n == 1 ? " word" : " words"); };
    std::printf("%s  (note %s, %s, %s repaired, %s joined at line ends; %s)\n", r.path.c_str(),
                r.extraction.note_period.empty() ? "period unknown" : r.extraction.note_period.c_str(),
                r.document.kind.c_str(), words(changed).c_str(), words(joins).c_str(), sources.c_str());
    std::string failed;  // the failed checks' names
    for (const Check& c : r.report.checks) {
      PrintCheck(c);
      (c.status == CheckStatus::kPass ? pass : c.status == CheckStatus::kFail ? fail : skip)++;
      if (c.status == CheckStatus::kFail) failed += (failed.empty() ? "" : ", ") + c.name;
    }
    for (const std::string& p : r.extraction.problems) std::printf("  NOTE  %s\n", p.c_str());
    std::printf("  %d checks: %d passed, %d failed, %d skipped\n\n", pass + fail + skip, pass, fail, skip);
    notes.push_back(&r.extraction);
    names.push_back(r.path);
    if (fail > 0) failing.push_back(r.path + " (" + failed + ")");
  }
  int code = ExitFor(results, false);
  // With --db: the database's current notes too, as references.
  const size_t inputs_read = notes.size();
  StoredNotes stored;
  if (db) {
    std::set<std::string> skip;
    for (const NoteResult& r : results)
      if (!r.error) skip.insert(r.document.sha256);
    Result<StoredNotes> loaded_notes = LoadStoredNotes(*db, skip);
    if (!loaded_notes) {
      std::fflush(stdout);
      PrintError(loaded_notes.error());
      return kExitDatabase;
    }
    stored = std::move(*loaded_notes);
    for (size_t i = 0; i < stored.notes.size(); ++i) {
      notes.push_back(&stored.notes[i]);
      names.push_back(stored.names[i]);
    }
  }
  std::vector<Check> across = CrossCheck(notes, names, inputs_read);
  int differ = 0;
  if (db) {
    // Said even when no figure is shared, so that an empty comparison is
    // not taken for agreement.
    std::printf("across notes: compared with %zu current note%s stored in %s\n", stored.notes.size(),
                stored.notes.size() == 1 ? "" : "s", db->display_url().c_str());
    if (across.empty()) std::printf("  no figure of these notes is given by another\n");
  }
  if (!across.empty()) {
    if (!db) std::printf("across notes\n");
    for (const Check& c : across) {
      PrintCheck(c);
      if (c.status == CheckStatus::kFail) code = std::max(code, kExitCheckFailed), ++differ;
    }
  }
  // A batch ends with what to look at first.
  if (inputs.size() > 1) {
    const size_t unreadable = results.size() - inputs_read;
    std::string line = "\nsummary: " + std::to_string(inputs.size()) + " inputs, " +
                       std::to_string(inputs_read - failing.size()) + " passed every check, " +
                       std::to_string(failing.size()) + " failed some, " + std::to_string(unreadable) +
                       " could not be read; " + std::to_string(differ) +
                       (differ == 1 ? " figure differs" : " figures differ") + " between notes\n";
    for (const std::string& f : failing) line += "  failed checks: " + f + "\n";
    for (const NoteResult& r : results)
      if (r.error) line += "  not read: " + r.path + "\n";
    std::printf("%s", line.c_str());
  }
  std::fflush(stdout);
  return code;
}

// libgomp reads OMP_THREAD_LIMIT when it is loaded, before main, so the limit
// has to be in the environment at exec time. Tesseract with OpenMP threads on
// top of our own per-page workers is many times slower; we parallelise pages.
void EnsureSingleThreadedOpenMp(char** argv) {
  if (std::getenv("OMP_THREAD_LIMIT") != nullptr) return;
  setenv("OMP_THREAD_LIMIT", "1", 1);
  execv("/proc/self/exe", argv);
  // If the re-exec fails we go on; OCR is then only slower.
}

}  // namespace
}  // namespace notat

int main(int argc, char** argv) {
  using namespace notat;
  EnsureSingleThreadedOpenMp(argv);

  CLI::App app{"notat: figures you can trust from Danish half-year notes (text, PDF, scans)"};
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 all checks passed; 1 some check failed (records still emitted, marked);\n"
      "2 an input could not be read, or usage error; 3 internal error; 4 database error.\n"
      "Run `notat COMMAND --help` for examples.");

  Options options;
  std::string ocr_mode = "auto";
  auto add_input_options = [&](CLI::App* cmd) {
    cmd->add_option("--ocr", ocr_mode, "auto: text layer when healthy, else OCR; always; never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    cmd->add_option("--jobs,-j", options.jobs, "worker threads for OCR (0 = number of cores)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--password", options.password, "password of encrypted PDFs");
    cmd->add_option("--keep-work", options.keep_work, "leave each stage's artifacts in this directory");
  };

  std::string repair_input = "-";
  bool explain = false;
  CLI::App* repair = app.add_subcommand("repair", "repair OCR-damaged Danish text; repaired text to stdout");
  repair->add_option("FILE", repair_input, "input (text, PDF or image); - or nothing for stdin");
  repair->add_flag("--explain", explain, "list each correction on stderr: line, column, before, after, rule");
  add_input_options(repair);
  repair->footer(
      "Examples:\n"
      "  notat repair samples/note-2025-h1.ocr.txt > repaired.txt\n"
      "  echo 'Den Igbende stigning i fgrste halvar' | notat repair --explain");

  std::vector<std::string> extract_inputs;
  std::string format = "json", output;
  CLI::App* extract = app.add_subcommand("extract", "extract tables 1-3 and facts as records");
  extract->add_option("INPUT", extract_inputs, "text, PDF or image files; - for stdin")->required();
  extract->add_option("--format,-f", format, "json (a document per input), jsonl (a record per line), csv")
      ->check(CLI::IsMember({"json", "jsonl", "csv"}));
  extract->add_option("--output,-o", output, "write here instead of stdout");
  add_input_options(extract);
  extract->footer(
      "Examples:\n"
      "  notat extract samples/note-2025-h1.ocr.txt\n"
      "  notat extract --format jsonl notes/*.pdf > records.jsonl\n"
      "  notat extract --format csv --output records.csv notes/2025-h1.pdf notes/2024-h2.pdf");

  std::vector<std::string> validate_inputs;
  CLI::App* validate = app.add_subcommand("validate", "print a readable report of every check");
  validate->add_option("INPUT", validate_inputs, "text, PDF or image files; - for stdin")->required();
  std::string validate_db;
  validate->add_option("--db", validate_db,
                       "also compare with the current notes stored here (sqlite:PATH or postgresql://...)");
  add_input_options(validate);
  validate->footer(
      "Examples:\n"
      "  notat validate samples/note-2025-h1.ocr.txt\n"
      "  notat validate notes/2024.pdf notes/2025-h1.pdf   # also checks the notes agree\n"
      "  notat validate notes/2025-h2.pdf --db sqlite:notat.db   # ... and agree with the notes stored there");

  IngestOptions ingest_options;
  std::string shard;
  CLI::App* ingest = app.add_subcommand("ingest", "ingest notes into a database, one transaction per note");
  ingest->add_option("INPUT", ingest_options.inputs, "files, directories (recursive) or globs")->required();
  ingest->add_option("--db", ingest_options.db_url, "sqlite:PATH (default sqlite:notat.db) or postgresql://...");
  ingest->add_option("--json-summary", ingest_options.json_summary, "also write the summary as JSON here");
  ingest->add_option("--shard", shard, "i/n: take only the i-th of n parts of the input list (0-based)");
  add_input_options(ingest);
  ingest->footer(
      "Examples:\n"
      "  notat ingest samples/\n"
      "  notat ingest notes/ --db postgresql://notat@db.example/notat --jobs 2\n"
      "  notat ingest 'notes/*.pdf' --shard 0/2 --json-summary summary.json");

  SeriesOptions series_options;
  CLI::App* series = app.add_subcommand("series", "print each series over time from the database");
  series->add_option("--db", series_options.db_url, "sqlite:PATH (default sqlite:notat.db) or postgresql://...");
  series->add_option("--format", series_options.format, "text (a table per series), jsonl or csv (a line per figure)")
      ->check(CLI::IsMember({"text", "jsonl", "csv"}));
  series->footer(
      "Examples:\n"
      "  notat series\n"
      "  notat series --format csv > figures.csv\n"
      "  notat series --db postgresql://notat@db.example/notat");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : kExitBadInput;
  }
  options.ocr = ocr_mode == "always" ? OcrMode::kAlways : ocr_mode == "never" ? OcrMode::kNever : OcrMode::kAuto;

  if (repair->parsed()) return CmdRepair(repair_input, explain, options);
  if (extract->parsed()) return CmdExtract(WithDirectoriesExpanded(extract_inputs), format, output, options);
  if (validate->parsed()) return CmdValidate(WithDirectoriesExpanded(validate_inputs), validate_db, options);
  if (ingest->parsed()) {
    if (!shard.empty()) {
      int i = 0, n = 0;
      char tail = 0;
      if (std::sscanf(shard.c_str(), "%d/%d%c", &i, &n, &tail) != 2 || n < 1 || i < 0 || i >= n) {
        std::cerr << "notat: error: --shard wants i/n with 0 <= i < n, got '" << shard << "'\n";
        return kExitBadInput;
      }
      ingest_options.shard_index = i;
      ingest_options.shard_count = n;
    }
    ingest_options.jobs = options.jobs;
    std::optional<Loaded> loaded = LoadContext(options);
    if (!loaded) return kExitInternal;
    return Ingest(ingest_options, loaded->ctx);
  }
  if (series->parsed()) return Series(series_options);
  return kExitBadInput;
}
