// Batch ingest into a database (SQLite by default, PostgreSQL when shared) and
// the series view over everything ingested.
//
//   IngestOptions o; o.inputs = {"notes/"}; o.db_url = "sqlite:notat.db";
//   int exit_code = Ingest(o, ctx);
#ifndef NOTAT_PIPELINE_INGEST_H_
#define NOTAT_PIPELINE_INGEST_H_

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/db.h"
#include "pipeline/run.h"

namespace notat {

struct IngestOptions {
  std::vector<std::string> inputs;        // files, directories (recursive) or globs
  std::string db_url = "sqlite:notat.db";  // or postgresql://...
  int jobs = 0;                           // worker count; 0 = number of cores
  std::string json_summary;               // --json-summary PATH; empty = none
  int shard_index = 0, shard_count = 1;   // --shard i/n: 0 <= i < n, files whose index % n == i
  // Progress on stderr: nullopt draws a bar when stderr is a terminal and
  // plain log lines otherwise; true/false forces the bar / the lines.
  std::optional<bool> progress_bar;
  bool quiet = false;                     // no progress and no log lines at all
};

// What became of one input. Workers hand the parent a plain NoteResult; only
// the parent thread writes to the database.
enum class IngestOutcome {
  kIngested,      // stored as revision 1 of its period, valid
  kUnchanged,     // the same file (sha256) was already stored; nothing changed
  kRevised,       // stored as a new revision of a period already stored, valid
  kInvalid,       // stored, but some check failed: kept out of valid_figures
  kFailed,        // not stored: the input could not be read (or does not exist)
  kNotAttempted,  // not stored: the batch stopped at a database error first
};
// "ingested", "unchanged", "revised", "invalid", "failed", "not-attempted".
std::string_view IngestOutcomeName(IngestOutcome outcome);

struct IngestItem {
  std::string path;
  IngestOutcome outcome = IngestOutcome::kFailed;
  std::string reason;    // one line: why failed / invalid / unchanged / not attempted
  std::string sha256;
  std::string period;    // the note's period
  int revision = 0;
  int pages = 0;
  int figures = 0;
  int compared_revision = 0;              // revision the changes are counted from
  std::vector<FigureChange> changes;      // kRevised/kInvalid: vs compared_revision
  std::vector<FigureConflict> conflicts;  // other notes reporting a figure differently
  std::vector<std::string> failed_checks;
};

struct IngestSummary {
  std::string db;                 // the database URL, password removed
  std::vector<IngestItem> items;  // in input order
  std::optional<Error> db_error;  // the database fault that stopped the batch
  int Count(IngestOutcome outcome) const;
  // 4 database error, else 2 some input failed, else 1 some note invalid, else 0.
  int ExitCode() const;
};

// Turns the inputs into the sorted list of files to ingest: a file as given;
// a directory searched recursively for .txt .pdf .png .tif .tiff .jpg .jpeg
// (any case); a glob pattern's matches. Inputs that match nothing are
// returned in `missing` with the reason.
struct ExpandedInputs {
  std::vector<std::string> files;
  std::vector<IngestItem> missing;
};
ExpandedInputs ExpandInputs(const std::vector<std::string>& inputs);

// Processes one input; called from several worker threads at once.
using NoteProcessor = std::function<NoteResult(const std::string& path)>;

// The whole batch with `process` standing in for ProcessInput: expands and
// shards the inputs, runs options.jobs workers, stores each note in its own
// transaction from the calling thread, reports progress on stderr. A database
// fault stops the batch (the rest is kNotAttempted) and is in db_error.
IngestSummary RunIngest(const IngestOptions& options, const NoteProcessor& process);

// The summary as text (one line per input, changes and conflicts indented,
// counts last) and as JSON (--json-summary).
std::string FormatSummary(const IngestSummary& summary);
std::string SummaryJson(const IngestSummary& summary);

// Each series as a table: one block per table (facts last), a row per series
// (region, or name), a column per period, the newest note's value per period.
std::string FormatSeries(const std::vector<LatestFigure>& figures);

// Ingests every input, one transaction per note, and prints a summary.
// Returns the process exit code: 0 all stored and valid, 1 some note invalid,
// 2 some input unreadable, 4 database error.
int Ingest(const IngestOptions& options, const Context& ctx);

// The current valid notes of a database, as extractions holding only the
// figures that other notes report too (QueryComparableFigures), each with a
// name ("stored 2025-H1 revision 2" in sqlite:notat.db), for CrossCheck.
// Notes whose sha256 is in `skip` are left out: an input already stored
// would only agree with itself.
struct StoredNotes {
  std::vector<Extraction> notes;
  std::vector<std::string> names;
};
Result<StoredNotes> LoadStoredNotes(Database& db, const std::set<std::string>& skip);

struct SeriesOptions {
  std::string db_url = "sqlite:notat.db";
  std::string format = "text";  // text (a table per series), jsonl or csv (a line per figure)
};

// Prints each series over time, the newest note winning per period: as a
// table per series, or a line per figure (options.format). Returns 0, or 4
// on a database error.
int Series(const SeriesOptions& options);

}  // namespace notat

#endif  // NOTAT_PIPELINE_INGEST_H_
