// Batch ingest into a database (SQLite by default, PostgreSQL when shared) and
// the series view over everything ingested.
//
//   IngestOptions o; o.inputs = {"notes/"}; o.db_url = "sqlite:notat.db";
//   int exit_code = Ingest(o, ctx);
#ifndef NOTAT_PIPELINE_INGEST_H_
#define NOTAT_PIPELINE_INGEST_H_

#include <string>
#include <vector>

#include "pipeline/run.h"

namespace notat {

struct IngestOptions {
  std::vector<std::string> inputs;        // files, directories (recursive) or globs
  std::string db_url = "sqlite:notat.db";  // or postgresql://...
  int jobs = 0;                           // worker count; 0 = number of cores
  std::string json_summary;               // --json-summary PATH; empty = none
  int shard_index = 0, shard_count = 1;   // --shard i/n
};

// Ingests every input, one transaction per note, and prints a summary.
// Returns the process exit code: 0 all stored and valid, 1 some note invalid,
// 2 some input unreadable, 4 database error.
int Ingest(const IngestOptions& options, const Context& ctx);

struct SeriesOptions {
  std::string db_url = "sqlite:notat.db";
};

// Prints each series over time as a table, the newest note winning per period.
// Returns 0, or 4 on a database error.
int Series(const SeriesOptions& options);

}  // namespace notat

#endif  // NOTAT_PIPELINE_INGEST_H_
