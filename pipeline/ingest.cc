// Batch ingest: expand the inputs, process them in worker threads, store each
// note from the parent thread in its own transaction, report progress and a
// summary. Also the series table over everything stored.
#include "pipeline/ingest.h"

#include <glob.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "pipeline/emit.h"
#include "pipeline/source.h"

namespace notat {
namespace {

namespace fs = std::filesystem;

bool IsNoteExtension(const fs::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  static const std::set<std::string> kExtensions = {".txt", ".pdf", ".png", ".tif",
                                                    ".tiff", ".jpg", ".jpeg"};
  return kExtensions.contains(ext);
}

bool HasGlobChars(const std::string& s) { return s.find_first_of("*?[") != std::string::npos; }

// Adds the note files under `dir`, recursively.
void WalkDirectory(const fs::path& dir, std::vector<std::string>* out) {
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_regular_file(type_ec) && IsNoteExtension(it->path()))
      out->push_back(it->path().string());
  }
}

// Adds a file, or a directory's note files; false when `path` is neither.
bool AddPath(const std::string& path, std::vector<std::string>* out) {
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec) return false;
  if (fs::is_directory(st)) {
    WalkDirectory(path, out);
    return true;
  }
  if (fs::exists(st)) {
    out->push_back(path);
    return true;
  }
  return false;
}

std::string FormatValue(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
  }
  std::ostringstream s;
  s << v;
  return s.str();
}

std::string OptionalValue(const std::optional<double>& v) { return v ? FormatValue(*v) : "(none)"; }

// Display width of UTF-8 text: code points, not bytes.
size_t Width(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string Pad(std::string_view s, size_t width, bool right) {
  size_t w = Width(s);
  std::string fill(w < width ? width - w : 0, ' ');
  return right ? fill + std::string(s) : std::string(s) + fill;
}

std::string DescribeConflict(const FigureConflict& c) {
  return c.key.ToString() + ": note " + c.note_a + " says " + FormatValue(c.value_a) + ", note " +
         c.note_b + " says " + FormatValue(c.value_b);
}

std::string DescribeChange(const FigureChange& c) {
  return c.key.ToString() + ": " + OptionalValue(c.before) + " -> " + OptionalValue(c.after);
}

std::string PeriodName(const std::string& period) { return period.empty() ? "(no period)" : period; }

// The one-line account of an item, without its outcome word.
std::string ItemText(const IngestItem& item) {
  std::string s = item.path + ": ";
  switch (item.outcome) {
    case IngestOutcome::kIngested:
      s += PeriodName(item.period) + " revision " + std::to_string(item.revision) + ", " +
           std::to_string(item.figures) + " figures";
      break;
    case IngestOutcome::kRevised:
      s += PeriodName(item.period) + " revision " + std::to_string(item.revision) + ", " +
           std::to_string(item.figures) + " figures, " + std::to_string(item.changes.size()) +
           " changed since revision " + std::to_string(item.compared_revision);
      break;
    case IngestOutcome::kInvalid:
      s += PeriodName(item.period) + " revision " + std::to_string(item.revision) +
           " stored as invalid, kept out of valid_figures: " + item.reason;
      break;
    default:
      s += item.reason;
  }
  return s;
}

std::string TimeText(double seconds) {
  long s = std::lround(std::max(0.0, seconds));
  char buf[32];
  if (s >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

// Progress on stderr: a bar redrawn in place on a terminal, or a log line per
// stored input. Workers report what they start; the parent draws.
class Progress {
 public:
  Progress(size_t total, bool bar, bool quiet)
      : total_(total), bar_(bar), quiet_(quiet), start_(std::chrono::steady_clock::now()) {}

  void Started(const std::string& path) {
    std::lock_guard<std::mutex> lock(mu_);
    current_ = path;
  }

  void Finished(const IngestItem& item) {
    ++done_;
    pages_ += item.pages;
    if (quiet_) return;
    std::string line = "notat: [" + std::to_string(done_) + "/" + std::to_string(total_) + "] " +
                       std::string(IngestOutcomeName(item.outcome)) + " " + ItemText(item);
    if (bar_) {
      // Only what needs attention scrolls above the bar: failures, invalid
      // notes, changed figures and conflicts.
      bool notable = item.outcome == IngestOutcome::kFailed ||
                     item.outcome == IngestOutcome::kInvalid ||
                     item.outcome == IngestOutcome::kNotAttempted || !item.changes.empty() ||
                     !item.conflicts.empty();
      if (notable) std::fprintf(stderr, "\r\033[K%s\n", line.c_str());
      Draw();
    } else {
      std::fprintf(stderr, "%s\n", line.c_str());
    }
  }

  void Draw() {
    if (quiet_ || !bar_) return;
    constexpr int kBarWidth = 24;
    int filled = total_ ? static_cast<int>(kBarWidth * done_ / total_) : kBarWidth;
    double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::string eta = done_ > 0 && done_ < total_
                          ? "ETA " + TimeText(elapsed / done_ * (total_ - done_))
                          : (done_ == total_ ? "done " + TimeText(elapsed) : "ETA ?");
    std::string current;
    {
      std::lock_guard<std::mutex> lock(mu_);
      current = current_;
    }
    std::string text = "[" + std::string(filled, '#') + std::string(kBarWidth - filled, '-') +
                       "] " + std::to_string(done_) + "/" + std::to_string(total_) + " files  " +
                       std::to_string(pages_) + " pages  " + eta + "  ";
    constexpr size_t kColumns = 79;
    if (Width(text) + Width(current) > kColumns && Width(text) + 3 < kColumns) {
      size_t keep = kColumns - Width(text) - 3;
      size_t cut = current.size();
      for (size_t w = 0; cut > 0 && w < keep;) {  // keep the tail, whole code points
        --cut;
        if ((static_cast<unsigned char>(current[cut]) & 0xC0) != 0x80) ++w;
      }
      current = "..." + current.substr(cut);
    }
    std::fprintf(stderr, "\r\033[K%s%s", text.c_str(), current.c_str());
    std::fflush(stderr);
  }

  void Close() {
    if (quiet_ || !bar_) return;
    std::fprintf(stderr, "\n");
  }

 private:
  size_t total_;
  bool bar_, quiet_;
  std::chrono::steady_clock::time_point start_;
  size_t done_ = 0;
  int pages_ = 0;
  std::mutex mu_;
  std::string current_;
};

// What a worker hands the parent: plain values, so workers could become
// processes. `already_stored`: the file's sha256 was in the database when the
// batch began, so it was not processed (result holds path and sha256 only).
struct Handoff {
  NoteResult result;
  bool already_stored = false;
};

Handoff Work(const std::string& path, const std::set<std::string>& known,
             const NoteProcessor& process) {
  Handoff h;
  std::ifstream in(path, std::ios::binary);
  if (in) {
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.good() || in.eof()) {
      std::string sha = Sha256Hex(bytes);
      if (known.contains(sha)) {
        h.already_stored = true;
        h.result.path = path;
        h.result.document.path = path;
        h.result.document.sha256 = sha;
        return h;
      }
    }
  }
  try {
    h.result = process(path);
  } catch (const std::exception& e) {
    h.result = NoteResult{};
    h.result.error = Error{ErrorCode::kInternal, path + ": processing threw: " + e.what()};
  } catch (...) {
    h.result = NoteResult{};
    h.result.error = Error{ErrorCode::kInternal, path + ": processing threw an unknown exception"};
  }
  if (h.result.path.empty()) h.result.path = path;
  return h;
}

IngestItem MakeItem(const std::string& path, IngestOutcome outcome, std::string reason) {
  IngestItem item;
  item.path = path;
  item.outcome = outcome;
  item.reason = std::move(reason);
  return item;
}

IngestItem UnchangedItem(const std::string& path, const StoredNote& s) {
  IngestItem item;
  item.path = path;
  item.outcome = IngestOutcome::kUnchanged;
  item.sha256 = s.sha256;
  item.period = s.period;
  item.revision = s.revision;
  item.figures = s.figures;
  item.reason = "same file as " + PeriodName(s.period) + " revision " + std::to_string(s.revision) +
                (s.stored_path.empty() || s.stored_path == path ? "" : " (" + s.stored_path + ")") +
                ", already stored";
  return item;
}

// Stores one handed-off note. Returns the item, or the database error.
Result<IngestItem> StoreOne(Database& db, Handoff& h, const NoteProcessor& process) {
  const std::string& path = h.result.path;
  if (h.already_stored) {
    Result<std::optional<StoredNote>> found = FindNote(db, h.result.document.sha256);
    if (!found) return std::unexpected(found.error());
    if (found->has_value()) return UnchangedItem(path, **found);
    h.result = process(path);  // removed since the batch began: process it after all
  }
  const NoteResult& note = h.result;
  IngestItem item;
  item.path = path;
  item.pages = static_cast<int>(note.document.pages.size());
  if (note.error) {
    item.outcome = IngestOutcome::kFailed;
    item.reason = note.error->ToString();
    return item;
  }
  Result<StoredNote> stored = StoreNote(db, note, NowUtc());
  if (!stored) {
    if (stored.error().code == ErrorCode::kInvalidInput) {
      item.outcome = IngestOutcome::kFailed;
      item.reason = stored.error().ToString();
      return item;
    }
    return std::unexpected(stored.error());
  }
  if (stored->status == StoreStatus::kUnchanged) {
    IngestItem u = UnchangedItem(path, *stored);
    u.pages = item.pages;
    return u;
  }
  item.sha256 = stored->sha256;
  item.period = stored->period;
  item.revision = stored->revision;
  item.figures = stored->figures;
  item.compared_revision = stored->compared_revision;
  item.changes = stored->changes;
  item.failed_checks = stored->failed_checks;
  if (!stored->valid) {
    item.outcome = IngestOutcome::kInvalid;
    std::string names;
    for (const std::string& c : stored->failed_checks) names += (names.empty() ? "" : "; ") + c;
    item.reason = "failed checks: " + names;
  } else {
    item.outcome = stored->revision > 1 ? IngestOutcome::kRevised : IngestOutcome::kIngested;
    Result<std::vector<FigureConflict>> conflicts = QueryConflictsForNote(db, stored->sha256);
    if (!conflicts) return std::unexpected(conflicts.error());
    item.conflicts = std::move(*conflicts);
  }
  return item;
}

nlohmann::json KeyJson(const FigureKey& k) {
  nlohmann::json j;
  j["table"] = k.table ? nlohmann::json(*k.table) : nlohmann::json(nullptr);
  j["name"] = k.name;
  j["period"] = k.period;
  j["region"] = k.region ? nlohmann::json(*k.region) : nlohmann::json(nullptr);
  return j;
}

}  // namespace

std::string_view IngestOutcomeName(IngestOutcome outcome) {
  switch (outcome) {
    case IngestOutcome::kIngested: return "ingested";
    case IngestOutcome::kUnchanged: return "unchanged";
    case IngestOutcome::kRevised: return "revised";
    case IngestOutcome::kInvalid: return "invalid";
    case IngestOutcome::kFailed: return "failed";
    case IngestOutcome::kNotAttempted: return "not-attempted";
  }
  return "failed";
}

int IngestSummary::Count(IngestOutcome outcome) const {
  return static_cast<int>(std::count_if(items.begin(), items.end(),
                                        [&](const IngestItem& i) { return i.outcome == outcome; }));
}

int IngestSummary::ExitCode() const {
  if (db_error) return 4;
  if (Count(IngestOutcome::kFailed) > 0) return 2;
  if (Count(IngestOutcome::kInvalid) > 0) return 1;
  return 0;
}

ExpandedInputs ExpandInputs(const std::vector<std::string>& inputs) {
  ExpandedInputs out;
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    if (AddPath(input, &files)) continue;
    bool matched = false;
    if (HasGlobChars(input)) {
      glob_t g{};
      if (glob(input.c_str(), 0, nullptr, &g) == 0) {
        std::unique_ptr<glob_t, void (*)(glob_t*)> guard(&g, globfree);
        for (size_t i = 0; i < g.gl_pathc; ++i) matched |= AddPath(g.gl_pathv[i], &files);
      } else {
        globfree(&g);
      }
    }
    if (matched) continue;
    IngestItem item;
    item.path = input;
    item.outcome = IngestOutcome::kFailed;
    item.reason = HasGlobChars(input) ? "not_found: " + input + ": the pattern matches no file"
                                      : "not_found: " + input + ": no such file or directory";
    out.missing.push_back(std::move(item));
  }
  std::sort(files.begin(), files.end());
  std::set<std::string> seen;
  for (std::string& f : files) {
    std::error_code ec;
    std::string key = fs::weakly_canonical(f, ec).string();
    if (ec) key = f;
    if (seen.insert(key).second) out.files.push_back(std::move(f));
  }
  return out;
}

IngestSummary RunIngest(const IngestOptions& options, const NoteProcessor& process) {
  IngestSummary summary;
  summary.db = RedactDatabaseUrl(options.db_url);
  ExpandedInputs expanded = ExpandInputs(options.inputs);
  summary.items = std::move(expanded.missing);
  if (options.shard_count < 1 || options.shard_index < 0 ||
      options.shard_index >= options.shard_count) {
    IngestItem item;
    item.path = "--shard";
    item.reason = "invalid_input: --shard " + std::to_string(options.shard_index) + "/" +
                  std::to_string(options.shard_count) + ": want i/n with 0 <= i < n";
    summary.items.push_back(std::move(item));
    return summary;
  }
  std::vector<std::string> files;
  for (size_t i = 0; i < expanded.files.size(); ++i)
    if (static_cast<int>(i % options.shard_count) == options.shard_index)
      files.push_back(std::move(expanded.files[i]));

  Result<std::unique_ptr<Database>> opened = OpenDatabase(options.db_url);
  if (!opened) {
    summary.db_error = opened.error();
    for (const std::string& f : files)
      summary.items.push_back(MakeItem(f, IngestOutcome::kNotAttempted, "not attempted: the database could not be opened"));
    return summary;
  }
  Database& db = **opened;
  summary.db = db.display_url();
  Result<std::set<std::string>> known_or = StoredSha256s(db);
  if (!known_or) {
    summary.db_error = known_or.error();
    return summary;
  }
  const std::set<std::string> known = std::move(*known_or);

  bool bar = options.progress_bar.value_or(isatty(STDERR_FILENO) == 1);
  Progress progress(files.size() + summary.items.size(), bar, options.quiet);
  for (const IngestItem& m : summary.items) progress.Finished(m);

  // Workers take the next index; the parent stores results in input order,
  // so revision numbers do not depend on which worker finished first.
  const size_t n = files.size();
  int jobs = options.jobs > 0 ? options.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  jobs = static_cast<int>(std::min<size_t>(jobs, std::max<size_t>(n, 1)));
  const size_t window = 2 * static_cast<size_t>(jobs);  // results held at most
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::optional<Handoff>> slots(n);
  size_t next = 0, stored_upto = 0;
  bool stop = false;

  auto worker = [&] {
    while (true) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] { return stop || next >= n || next < stored_upto + window; });
        if (stop || next >= n) return;
        i = next++;
      }
      progress.Started(files[i]);
      Handoff h = Work(files[i], known, process);
      {
        std::lock_guard<std::mutex> lock(mu);
        slots[i] = std::move(h);
      }
      cv.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (int j = 0; j < jobs && n > 0; ++j) threads.emplace_back(worker);

  size_t i = 0;
  for (; i < n; ++i) {
    Handoff h;
    {
      std::unique_lock<std::mutex> lock(mu);
      while (!slots[i]) {
        cv.wait_for(lock, std::chrono::milliseconds(500));
        if (!slots[i]) {
          lock.unlock();
          progress.Draw();
          lock.lock();
        }
      }
      h = std::move(*slots[i]);
      slots[i].reset();
    }
    Result<IngestItem> item = StoreOne(db, h, process);
    if (!item) {
      summary.db_error = item.error();
      summary.items.push_back(MakeItem(files[i], IngestOutcome::kNotAttempted,
                               "not stored: " + item.error().ToString()));
      ++i;
      break;
    }
    progress.Finished(*item);
    summary.items.push_back(std::move(*item));
    {
      std::lock_guard<std::mutex> lock(mu);
      stored_upto = i + 1;
    }
    cv.notify_all();
  }
  {
    std::lock_guard<std::mutex> lock(mu);
    stop = true;
  }
  cv.notify_all();
  for (std::thread& t : threads) t.join();
  for (; i < n; ++i)
    summary.items.push_back(MakeItem(files[i], IngestOutcome::kNotAttempted,
                             "not attempted: the batch stopped at a database error"));
  progress.Close();
  return summary;
}

std::string FormatSummary(const IngestSummary& summary) {
  std::string out;
  for (const IngestItem& item : summary.items) {
    out += "  " + Pad(IngestOutcomeName(item.outcome), 13, false) + " " + ItemText(item) + "\n";
    for (const FigureChange& c : item.changes) out += "      changed   " + DescribeChange(c) + "\n";
    for (const FigureConflict& c : item.conflicts)
      out += "      conflict  " + DescribeConflict(c) + "\n";
  }
  if (summary.db_error) out += "database error: " + summary.db_error->ToString() + "\n";
  out += "ingested " + std::to_string(summary.Count(IngestOutcome::kIngested)) + ", unchanged " +
         std::to_string(summary.Count(IngestOutcome::kUnchanged)) + ", revised " +
         std::to_string(summary.Count(IngestOutcome::kRevised)) + ", invalid " +
         std::to_string(summary.Count(IngestOutcome::kInvalid)) + ", failed " +
         std::to_string(summary.Count(IngestOutcome::kFailed));
  if (int n = summary.Count(IngestOutcome::kNotAttempted)) out += ", not attempted " + std::to_string(n);
  out += " (" + summary.db + ")\n";
  return out;
}

std::string SummaryJson(const IngestSummary& summary) {
  nlohmann::json j;
  j["db"] = summary.db;
  j["exit_code"] = summary.ExitCode();
  j["error"] = summary.db_error ? nlohmann::json(summary.db_error->ToString()) : nlohmann::json(nullptr);
  nlohmann::json counts = nlohmann::json::object();
  for (IngestOutcome o : {IngestOutcome::kIngested, IngestOutcome::kUnchanged, IngestOutcome::kRevised,
                          IngestOutcome::kInvalid, IngestOutcome::kFailed, IngestOutcome::kNotAttempted})
    counts[std::string(IngestOutcomeName(o))] = summary.Count(o);
  j["counts"] = counts;
  nlohmann::json notes = nlohmann::json::array();
  for (const IngestItem& item : summary.items) {
    nlohmann::json n;
    n["path"] = item.path;
    n["outcome"] = IngestOutcomeName(item.outcome);
    n["reason"] = item.reason;
    n["sha256"] = item.sha256;
    n["period"] = item.period;
    n["revision"] = item.revision;
    n["pages"] = item.pages;
    n["figures"] = item.figures;
    n["failed_checks"] = item.failed_checks;
    n["compared_revision"] = item.compared_revision;
    nlohmann::json changes = nlohmann::json::array();
    for (const FigureChange& c : item.changes) {
      nlohmann::json cj = KeyJson(c.key);
      cj["before"] = c.before ? nlohmann::json(*c.before) : nlohmann::json(nullptr);
      cj["after"] = c.after ? nlohmann::json(*c.after) : nlohmann::json(nullptr);
      changes.push_back(std::move(cj));
    }
    n["changes"] = std::move(changes);
    nlohmann::json conflicts = nlohmann::json::array();
    for (const FigureConflict& c : item.conflicts) {
      nlohmann::json cj = KeyJson(c.key);
      cj["note_a"] = c.note_a;
      cj["value_a"] = c.value_a;
      cj["note_b"] = c.note_b;
      cj["value_b"] = c.value_b;
      conflicts.push_back(std::move(cj));
    }
    n["conflicts"] = std::move(conflicts);
    notes.push_back(std::move(n));
  }
  j["notes"] = std::move(notes);
  return j.dump(2) + "\n";
}

std::string FormatSeries(const std::vector<LatestFigure>& figures) {
  if (figures.empty()) return "no valid figures in the database\n";
  std::string out;
  size_t begin = 0;
  while (begin < figures.size()) {
    std::optional<int> table = figures[begin].key.table;
    size_t end = begin;
    while (end < figures.size() && figures[end].key.table == table) ++end;
    // Columns: periods in time order; rows: (name, region) in first-seen order.
    std::map<std::pair<std::string, std::string>, int> column_of;
    std::vector<std::string> columns;
    {
      std::vector<std::pair<std::string, std::string>> periods;
      for (size_t i = begin; i < end; ++i)
        periods.emplace_back(figures[i].period_start, figures[i].key.period);
      std::sort(periods.begin(), periods.end());
      periods.erase(std::unique(periods.begin(), periods.end()), periods.end());
      for (const auto& p : periods) {
        column_of[p] = static_cast<int>(columns.size());
        columns.push_back(p.second);
      }
    }
    std::set<std::string> names, units, notes;
    for (size_t i = begin; i < end; ++i) {
      names.insert(figures[i].key.name);
      units.insert(figures[i].unit);
      notes.insert(figures[i].note + " revision " + std::to_string(figures[i].revision));
    }
    std::vector<std::string> labels;
    std::map<std::string, std::vector<std::string>> cells;
    for (size_t i = begin; i < end; ++i) {
      const LatestFigure& f = figures[i];
      std::string label;
      if (names.size() == 1 && table) label = f.key.region.value_or(f.key.name);
      else label = f.key.name + (f.key.region ? " " + *f.key.region : "");
      if (units.size() > 1) label += " (" + f.unit + ")";
      auto [it, added] = cells.try_emplace(label, std::vector<std::string>(columns.size()));
      if (added) labels.push_back(label);
      it->second[column_of[{f.period_start, f.key.period}]] = FormatValue(f.value);
    }
    // Table 2's total under every row it counts ("Uoplyst" sorts after it).
    std::stable_partition(labels.begin(), labels.end(), [](const std::string& l) { return l != "Total"; });
    std::string header = table ? "Table " + std::to_string(*table) + ": " + *names.begin() : "Facts";
    if (table && names.size() > 1) header = "Table " + std::to_string(*table);
    if (units.size() == 1) header += " (" + *units.begin() + ")";
    out += header + "\n";
    size_t label_width = Width("period");
    for (const std::string& l : labels) label_width = std::max(label_width, Width(l));
    std::vector<size_t> widths(columns.size());
    for (size_t c = 0; c < columns.size(); ++c) {
      widths[c] = Width(columns[c]);
      for (const auto& [label, row] : cells) widths[c] = std::max(widths[c], Width(row[c]));
    }
    std::string line = "  " + Pad("period", label_width, false);
    for (size_t c = 0; c < columns.size(); ++c) line += "  " + Pad(columns[c], widths[c], true);
    out += line + "\n";
    for (const std::string& l : labels) {
      line = "  " + Pad(l, label_width, false);
      const std::vector<std::string>& row = cells[l];
      for (size_t c = 0; c < columns.size(); ++c) line += "  " + Pad(row[c], widths[c], true);
      out += line + "\n";
    }
    std::string from;
    for (const std::string& n : notes) from += (from.empty() ? "" : ", ") + n;
    out += "  (newest note per period; from " + from + ")\n\n";
    begin = end;
  }
  return out;
}

int Ingest(const IngestOptions& options, const Context& ctx) {
  IngestSummary summary =
      RunIngest(options, [&ctx](const std::string& path) { return ProcessInput(path, ctx); });
  std::cout << FormatSummary(summary) << std::flush;
  if (summary.db_error) std::cerr << "notat: error: " << summary.db_error->ToString() << "\n";
  int code = summary.ExitCode();
  if (!options.json_summary.empty()) {
    std::ofstream out(options.json_summary, std::ios::binary | std::ios::trunc);
    out << SummaryJson(summary);
    out.close();
    if (!out) {
      std::cerr << "notat: error: io: " << options.json_summary << ": cannot write the JSON summary\n";
      code = std::max(code, 2);
    }
  }
  return code;
}

Result<StoredNotes> LoadStoredNotes(Database& db, const std::set<std::string>& skip) {
  Result<std::vector<StoredFigure>> figures = QueryComparableFigures(db);
  if (!figures) return std::unexpected(figures.error());
  StoredNotes out;
  std::string sha;  // of the note being built (rows come note by note)
  for (const StoredFigure& f : *figures) {
    if (skip.count(f.sha256)) continue;
    if (out.notes.empty() || f.sha256 != sha) {
      sha = f.sha256;
      out.notes.emplace_back().note_period = f.note;
      out.names.push_back("stored " + f.note + " revision " + std::to_string(f.revision) + " in " +
                          db.display_url());
    }
    Extraction& ex = out.notes.back();
    Record r;
    r.note = f.note;
    r.table = f.key.table;
    r.name = f.key.name;
    r.period = f.key.period;
    r.value = f.value;
    r.source.page = f.page;
    r.source.line = f.line;
    if (!r.table) {
      ex.facts.push_back(std::move(r));
      continue;
    }
    auto t = std::find_if(ex.tables.begin(), ex.tables.end(), [&](const Table& x) { return x.number == *r.table; });
    if (t == ex.tables.end()) {
      t = ex.tables.emplace(ex.tables.end());
      t->number = *r.table;
    }
    t->records.push_back(std::move(r));
  }
  return out;
}

int Series(const SeriesOptions& options) {
  Result<std::unique_ptr<Database>> db = OpenExistingDatabase(options.db_url);
  if (!db) {
    std::cerr << "notat: error: " << db.error().ToString() << "\n";
    return 4;
  }
  Result<std::vector<LatestFigure>> figures = QueryLatestFigures(**db);
  if (!figures) {
    std::cerr << "notat: error: " << figures.error().ToString() << "\n";
    return 4;
  }
  if (options.format == "jsonl")
    std::cout << SeriesJsonl(*figures);
  else if (options.format == "csv")
    std::cout << SeriesCsv(*figures);
  else
    std::cout << FormatSeries(*figures);
  std::cout << std::flush;
  return 0;
}

}  // namespace notat
