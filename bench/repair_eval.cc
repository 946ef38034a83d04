// notat-repair-eval: how well the repair stage restores Danish text that an
// English OCR model damaged, and how fast it is. Definitions of every figure:
// BENCHMARKS.md, "Repair accuracy".
//
//   notat-repair-eval --truth samples/note-2025-h1.txt --ocr samples/note-2025-h1.ocr.txt
//   notat-repair-eval --corpus /work/repair-corpus/heldout [--json] [--show-errors 20]
//
// Exit codes: 0 measured, 2 bad usage or unreadable input, 3 lexicon missing.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "bench/repair_eval_metrics.h"
#include "pipeline/lexicon.h"
#include "pipeline/repair.h"
#include "pipeline/repair_text.h"
#include "pipeline/source.h"

namespace notat::repair_eval {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Pair {
  std::string name;    // shown in reports: the truth file's path
  std::string source;  // corpus source package ("" when unknown)
  std::string truth;
  std::string ocr;
};

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return static_cast<bool>(in) || in.eof();
}

// Source package of each page, from index.tsv beside the part directory.
std::map<std::string, std::string> ReadIndex(const fs::path& part_dir) {
  std::map<std::string, std::string> source_of;
  std::string text;
  fs::path dir = fs::absolute(part_dir).lexically_normal();
  if (dir.filename().empty()) dir = dir.parent_path();
  if (!ReadFile((dir.parent_path() / "index.tsv").string(), &text)) return source_of;
  std::string part = dir.filename().string();
  for (const std::string& line : SplitLines(text)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) f.push_back(cell);
    if (f.size() >= 3 && f[0] == part) source_of[f[1]] = f[2];
  }
  return source_of;
}

bool LoadCorpus(const std::string& dir, std::vector<Pair>* pairs, std::string* error) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    *error = dir + ": not a directory";
    return false;
  }
  std::vector<fs::path> truths;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    if (name.size() > 10 && name.ends_with(".truth.txt")) truths.push_back(e.path());
  }
  if (ec) {
    *error = dir + ": " + ec.message();
    return false;
  }
  if (truths.empty()) {
    *error = dir + ": no NNN.truth.txt files (make one with bench/make-repair-corpus)";
    return false;
  }
  std::sort(truths.begin(), truths.end());
  std::map<std::string, std::string> source_of = ReadIndex(dir);
  for (const fs::path& t : truths) {
    std::string stem = t.filename().string();
    stem.resize(stem.size() - std::string(".truth.txt").size());
    fs::path o = t.parent_path() / (stem + ".ocr.txt");
    Pair p{t.string(), source_of.count(stem) ? source_of[stem] : "", "", ""};
    if (!ReadFile(t.string(), &p.truth)) {
      *error = t.string() + ": cannot read";
      return false;
    }
    if (!ReadFile(o.string(), &p.ocr)) {
      *error = o.string() + ": cannot read (every NNN.truth.txt needs its NNN.ocr.txt)";
      return false;
    }
    pairs->push_back(std::move(p));
  }
  return true;
}

int CountWords(const std::string& text) {
  int n = 0;
  bool in = false;
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

double Share(int64_t part, int64_t whole) { return whole ? 100.0 * part / whole : 0.0; }
double PerThousand(int64_t part, int64_t whole) { return whole ? 1000.0 * part / whole : 0.0; }

nlohmann::json CountsJson(const Counts& c) {
  return {
      {"words", c.words},
      {"ocr_right", c.ocr_right},
      {"repaired_right", c.repaired_right},
      {"word_accuracy_before_pct", Share(c.ocr_right, c.words)},
      {"word_accuracy_after_pct", Share(c.repaired_right, c.words)},
      {"damaged", c.damaged},
      {"restored", c.restored},
      {"restored_pct", Share(c.restored, c.damaged)},
      {"missed", c.missed},
      {"miscorrected", c.miscorrected},
      {"false_corrections", c.false_corrections},
      {"false_corrections_per_1000", PerThousand(c.false_corrections, c.words)},
      {"aoa_words", c.aoa_words},
      {"aoa_right_before", c.aoa_right_before},
      {"aoa_right_after", c.aoa_right_after},
      {"aoa_right_before_pct", Share(c.aoa_right_before, c.aoa_words)},
      {"aoa_right_after_pct", Share(c.aoa_right_after, c.aoa_words)},
      {"spurious_aoa", c.spurious_aoa},
      {"spurious_aoa_per_1000", PerThousand(c.spurious_aoa, c.words)},
      {"extra_ocr_words", c.extra_ocr},
      {"extra_repaired_words", c.extra_repaired},
  };
}

void PrintCounts(const Counts& c, const char* indent) {
  std::printf("%swords (truth)                   %lld\n", indent, static_cast<long long>(c.words));
  std::printf("%sword accuracy, OCR / repaired   %.1f%% / %.1f%%\n", indent,
              Share(c.ocr_right, c.words), Share(c.repaired_right, c.words));
  std::printf("%sdamaged words                   %lld (%.1f%% of words)\n", indent,
              static_cast<long long>(c.damaged), Share(c.damaged, c.words));
  std::printf("%s  restored exactly              %.1f%% (%lld)\n", indent,
              Share(c.restored, c.damaged), static_cast<long long>(c.restored));
  std::printf("%s  left as the OCR read them     %.1f%% (%lld)\n", indent,
              Share(c.missed, c.damaged), static_cast<long long>(c.missed));
  std::printf("%s  changed, but not to the truth %.1f%% (%lld)\n", indent,
              Share(c.miscorrected, c.damaged), static_cast<long long>(c.miscorrected));
  std::printf("%swords with æ/ø/å                %lld\n", indent, static_cast<long long>(c.aoa_words));
  std::printf("%s  æ/ø/å right, OCR / repaired    %.1f%% / %.1f%%\n", indent,
              Share(c.aoa_right_before, c.aoa_words), Share(c.aoa_right_after, c.aoa_words));
  std::printf("%sfalse corrections               %.2f per 1,000 words (%lld)\n", indent,
              PerThousand(c.false_corrections, c.words), static_cast<long long>(c.false_corrections));
  std::printf("%sspurious æ/ø/å                   %.2f per 1,000 words (%lld)\n", indent,
              PerThousand(c.spurious_aoa, c.words), static_cast<long long>(c.spurious_aoa));
  std::printf("%sextra words, OCR / repaired     %lld / %lld\n", indent,
              static_cast<long long>(c.extra_ocr), static_cast<long long>(c.extra_repaired));
}

const char* Kind(const WordOutcome& w) {
  if (w.ocr_right()) return "false-correction";
  if (w.repaired == w.ocr) return "missed";
  return "miscorrected";
}

std::string Show(const std::string& s) { return s.empty() ? "∅" : s; }

// Counts of (from -> to) with one example word each.
struct Tally {
  std::map<std::pair<std::string, std::string>, std::pair<int, std::string>> counts;
  void Add(const std::string& from, const std::string& to, const std::string& example) {
    auto& e = counts[{from, to}];
    if (e.first++ == 0) e.second = example;
  }
  std::vector<std::pair<std::pair<std::string, std::string>, std::pair<int, std::string>>> Top(
      size_t n) const {
    std::vector<std::pair<std::pair<std::string, std::string>, std::pair<int, std::string>>> v(
        counts.begin(), counts.end());
    std::stable_sort(v.begin(), v.end(),
                     [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
    if (v.size() > n) v.resize(n);
    return v;
  }
};

nlohmann::json TallyJson(const Tally& t, size_t n) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [k, v] : t.Top(n))
    out.push_back({{"from", k.first}, {"to", k.second}, {"count", v.first}, {"example", v.second}});
  return out;
}

void PrintTally(const char* title, const Tally& t, size_t n) {
  std::printf("%s\n", title);
  for (const auto& [k, v] : t.Top(n))
    std::printf("  %5d  %s -> %s   (e.g. %s)\n", v.first, Show(k.first).c_str(),
                Show(k.second).c_str(), v.second.c_str());
}

// What kind of failure `w` is, in words that name no word: what the OCR
// read (a word of the lexicon or not), what the truth is to the lexicon
// (stored, only a compound of its parts, unknown), and whether the repair
// listed the word as undecided with the truth as its guess.
std::string MissKind(const WordOutcome& w, const RepairedText& r, const Lexicon& lex) {
  std::string kind = Kind(w);
  if (w.ocr_right()) return kind;
  if (w.ocr_link != Link::kOne) return kind + ", OCR split or merged it";
  std::string ocr = LowerUtf8(std::string_view(w.ocr)), truth = LowerUtf8(std::string_view(w.truth));
  kind += lex.Accepts(ocr) ? ", OCR read a word" : ", OCR read no word";
  Lexicon::Entry t = lex.Lookup(truth);
  kind += (t.flags & (kLexListed | kLexAttested | kLexDomain)) ? ", truth stored"
          : lex.Accepts(truth)                                 ? ", truth a compound"
          : t.count                                            ? ", truth only in the corpus"
                                                               : ", truth unknown";
  const char* listed = ", not listed undecided";
  for (const Correction& u : r.undecided) {
    if (u.line != w.ocr_line || StripPunctuation(u.before) != w.ocr) continue;
    listed = StripPunctuation(u.after) == w.truth ? ", undecided, guess right" : ", undecided, other guess";
    break;
  }
  return kind + listed;
}

int Main(int argc, char** argv) {
  CLI::App app{"Measures the repair stage against true text (BENCHMARKS.md, Repair accuracy)"};
  std::string truth_path, ocr_path, corpus_dir, lexicon_dir;
  bool json = false, by_source = false, miss_kinds = false;
  int show_errors = 0, patterns = 0;
  double min_seconds = 2.0;
  app.add_option("--truth", truth_path, "true text, same lines as --ocr");
  app.add_option("--ocr", ocr_path, "OCR text of the same page(s)");
  app.add_option("--corpus", corpus_dir, "directory of NNN.truth.txt / NNN.ocr.txt pairs");
  app.add_option("--lexicon-dir", lexicon_dir, "directory of the compiled lexicon");
  app.add_flag("--json", json, "machine-readable output");
  app.add_option("--show-errors", show_errors, "print the first N failures (truth | ocr | repaired)");
  app.add_option("--patterns", patterns, "print the N most frequent error patterns");
  app.add_flag("--miss-kinds", miss_kinds,
               "count words not restored by kind (no words shown: safe on a held-out corpus)");
  app.add_flag("--by-source", by_source, "also report each corpus source (from index.tsv)");
  app.add_option("--min-seconds", min_seconds, "time repeated repair passes for at least this long");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  bool pair_mode = !truth_path.empty() || !ocr_path.empty();
  if (pair_mode == !corpus_dir.empty() || (pair_mode && (truth_path.empty() || ocr_path.empty()))) {
    std::fprintf(stderr, "notat-repair-eval: give either --truth FILE --ocr FILE, or --corpus DIR\n");
    return 2;
  }

  std::vector<Pair> pairs;
  std::string error;
  if (pair_mode) {
    Pair p{truth_path, "", "", ""};
    if (!ReadFile(truth_path, &p.truth)) error = truth_path + ": cannot read";
    else if (!ReadFile(ocr_path, &p.ocr)) error = ocr_path + ": cannot read";
    pairs.push_back(std::move(p));
  } else {
    LoadCorpus(corpus_dir, &pairs, &error);
  }
  if (!error.empty()) {
    std::fprintf(stderr, "notat-repair-eval: %s\n", error.c_str());
    return 2;
  }

  // Documents are built before timing: the speed is the repair's alone.
  std::vector<Document> docs;
  int64_t ocr_words = 0;
  for (const Pair& p : pairs) {
    Result<Document> d = DocumentFromText(p.ocr, p.name);
    if (!d) {
      // An empty OCR page: every truth word is missing.
      Document empty;
      empty.path = p.name;
      empty.kind = "text";
      empty.pages.push_back(Page{});
      docs.push_back(std::move(empty));
    } else {
      docs.push_back(std::move(*d));
    }
    ocr_words += CountWords(p.ocr);
  }

  LexiconOptions lex_options;
  lex_options.data_dir = lexicon_dir;
  // The file the figures were measured with (the production lexicon, or a
  // held-out one from bench/make-heldout-lexicon), absolute so reports are
  // unambiguous.
  std::string lexicon_file = FindLexiconFile(lex_options);
  if (!lexicon_file.empty()) {
    std::error_code ec;
    fs::path abs = fs::absolute(lexicon_file, ec);
    if (!ec) lexicon_file = abs.lexically_normal().string();
  }
  auto t0 = Clock::now();
  Result<std::unique_ptr<Lexicon>> lexicon = LoadDanishLexicon(lex_options);
  double load_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  if (!lexicon) {
    std::fprintf(stderr, "notat-repair-eval: %s\n", lexicon.error().ToString().c_str());
    return 3;
  }

  // What the lexicon loads on first need (hunspell-da), loaded before timing.
  t0 = Clock::now();
  (*lexicon)->LoadAll();
  double lazy_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();

  // The first pass meets the text for the first time, as a batch meets a new
  // note (nothing about its words is cached yet), and gives the results.
  // Warm passes repeat the same text until min_seconds have passed.
  std::vector<RepairedText> repaired;
  repaired.reserve(docs.size());
  t0 = Clock::now();
  for (const Document& d : docs) repaired.push_back(Repair(d, **lexicon));
  double first_s = std::chrono::duration<double>(Clock::now() - t0).count();
  int passes = 0;
  double warm_s = 0;
  size_t sink = 0;
  do {
    t0 = Clock::now();
    for (const Document& d : docs) sink += Repair(d, **lexicon).corrections.size();
    warm_s += std::chrono::duration<double>(Clock::now() - t0).count();
    ++passes;
  } while (warm_s < min_seconds && passes < 10000);
  double words_per_s = warm_s > 0 ? static_cast<double>(ocr_words) * passes / warm_s : 0;
  double first_words_per_s = first_s > 0 ? ocr_words / first_s : 0;

  Counts total;
  std::map<std::string, Counts> per_source;
  Tally missed_chars, false_chars, missed_words, false_words;
  std::map<std::string, int64_t> kinds;
  std::vector<std::string> failures;
  int64_t corrections = 0;
  for (size_t k = 0; k < pairs.size(); ++k) {
    corrections += static_cast<int64_t>(repaired[k].corrections.size());
    std::vector<std::string> rep_lines;
    for (const Page& page : repaired[k].pages)
      for (const Line& line : page.lines) rep_lines.push_back(line.text);
    PageResult r = ComparePage(SplitLines(pairs[k].truth), SplitLines(pairs[k].ocr), rep_lines);
    total += r.counts;
    if (!pairs[k].source.empty()) per_source[pairs[k].source] += r.counts;
    for (const WordOutcome& w : r.words) {
      if (w.repaired_right()) continue;
      std::string kind = miss_kinds ? MissKind(w, repaired[k], **lexicon) : Kind(w);
      if (miss_kinds) ++kinds[kind];
      if (static_cast<int>(failures.size()) < show_errors) {
        char buf[64];
        std::snprintf(buf, sizeof buf, ":%d", w.truth_line);
        failures.push_back(pairs[k].name + buf + "  " + w.truth + " | " + Show(w.ocr) + " | " +
                           Show(w.repaired) + "   [" + kind + "]");
      }
      if (w.ocr_right()) {
        false_words.Add(w.truth, w.repaired, pairs[k].name);
        if (w.repaired_link == Link::kOne)
          for (const auto& [from, to] : CharDiffs(w.truth, w.repaired))
            false_chars.Add(from, to, w.truth + " -> " + w.repaired);
      } else {
        // What the repair still has to do: from its output to the truth.
        missed_words.Add(w.repaired, w.truth, "ocr " + Show(w.ocr));
        if (w.repaired_link == Link::kOne)
          for (const auto& [from, to] : CharDiffs(w.repaired, w.truth))
            missed_chars.Add(from, to, w.repaired + " -> " + w.truth);
      }
    }
  }

  std::string what = pair_mode ? truth_path + " vs " + ocr_path : corpus_dir;
  if (json) {
    nlohmann::json out = CountsJson(total);
    out["input"] = what;
    out["lexicon"] = lexicon_file;
    out["pages"] = pairs.size();
    out["ocr_words"] = ocr_words;
    out["corrections_recorded"] = corrections;
    out["lexicon_load_ms"] = load_ms;
    out["hunspell_load_ms"] = lazy_ms;
    out["repair_words_per_s"] = words_per_s;
    out["repair_first_pass_words_per_s"] = first_words_per_s;
    out["repair_passes"] = passes;
    if (by_source) {
      nlohmann::json s = nlohmann::json::object();
      for (const auto& [name, c] : per_source) s[name] = CountsJson(c);
      out["by_source"] = s;
    }
    if (patterns > 0) {
      out["patterns"] = {{"missed_chars", TallyJson(missed_chars, patterns)},
                         {"false_chars", TallyJson(false_chars, patterns)},
                         {"missed_words", TallyJson(missed_words, patterns)},
                         {"false_words", TallyJson(false_words, patterns)}};
    }
    if (show_errors > 0) out["errors"] = failures;
    if (miss_kinds) out["miss_kinds"] = kinds;
    std::printf("%s\n", out.dump(2).c_str());
  } else {
    std::printf("notat-repair-eval: %s (%zu page%s)\n", what.c_str(), pairs.size(),
                pairs.size() == 1 ? "" : "s");
    std::printf("lexicon                         %s\n", lexicon_file.c_str());
    PrintCounts(total, "");
    std::printf("corrections recorded            %lld\n", static_cast<long long>(corrections));
    std::printf("lexicon load                    %.1f ms (tables), %.1f ms (hunspell-da)\n", load_ms, lazy_ms);
    std::printf("repair speed, new text          %.0f words/s (single thread; %lld OCR words, first pass, in %.3f s)\n",
                first_words_per_s, static_cast<long long>(ocr_words), first_s);
    std::printf("repair speed, repeated text     %.0f words/s (single thread; %d more passes in %.2f s)\n",
                words_per_s, passes, warm_s);
    if (by_source) {
      for (const auto& [name, c] : per_source) {
        std::printf("\nsource %s\n", name.c_str());
        PrintCounts(c, "  ");
      }
    }
    if (patterns > 0) {
      std::printf("\n");
      PrintTally("still wrong after repair, by character (repaired -> truth):", missed_chars, patterns);
      PrintTally("still wrong after repair, by word (repaired -> truth):", missed_words, patterns);
      PrintTally("false corrections, by character (truth -> repaired):", false_chars, patterns);
      PrintTally("false corrections, by word (truth -> repaired):", false_words, patterns);
    }
    if (miss_kinds) {
      std::printf("\nwords not right after repair, by kind:\n");
      for (const auto& [kind, n] : kinds) std::printf("  %5lld  %s\n", static_cast<long long>(n), kind.c_str());
    }
    if (show_errors > 0) {
      std::printf("\nfirst %zu failures (file:truth line  truth | ocr | repaired):\n", failures.size());
      for (const std::string& f : failures) std::printf("  %s\n", f.c_str());
    }
  }
  return sink == static_cast<size_t>(-1) ? 1 : 0;  // keeps the timed passes from being optimised away
}

}  // namespace
}  // namespace notat::repair_eval

int main(int argc, char** argv) { return notat::repair_eval::Main(argc, argv); }
