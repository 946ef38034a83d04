// Output formats for processed notes: a JSON document per input, JSONL (one
// record per line) and CSV (RFC 4180). Every document and record is checked
// against schemas/*.json (draft 7) before it is returned; a violation is a bug
// in notat and comes back as kInternal, naming the field.
//
//   Result<std::string> doc = NoteJson(result);
#ifndef NOTAT_PIPELINE_EMIT_H_
#define NOTAT_PIPELINE_EMIT_H_

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/db.h"
#include "pipeline/error.h"
#include "pipeline/run.h"

namespace notat {

enum class Format { kJson, kJsonl, kCsv };

// The whole note: source, period, tables, facts, checks, corrections.
// Pretty-printed, no trailing newline.
Result<std::string> NoteJson(const NoteResult& note);

// One JSON object per record (tables in order, then facts), each line ending
// in "\n". Records carry `valid` (every check of the note passed) and
// `checks_failed` (the failed checks that involve the record).
Result<std::string> RecordsJsonl(const NoteResult& note);

// The CSV header line and the note's records as CSV rows (CRLF line ends,
// RFC 4180 quoting). Same fields as JSONL, source flattened.
std::string CsvHeader();
Result<std::string> RecordsCsv(const NoteResult& note);

// The database's newest figure per period (`notat series --format`), one
// line per figure in the order given: JSON Lines, or CSV with a header
// (CRLF line ends, RFC 4180 quoting). Fields: table (null or empty for a
// fact), name, period, period_start, region, value, unit, and the note and
// revision it comes from.
std::string SeriesJsonl(const std::vector<LatestFigure>& figures);
std::string SeriesCsv(const std::vector<LatestFigure>& figures);

// The embedded schema texts (for `notat schema` and tests).
std::string_view NoteSchemaText();
std::string_view RecordSchemaText();

}  // namespace notat

#endif  // NOTAT_PIPELINE_EMIT_H_
