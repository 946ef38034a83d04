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

// The embedded schema texts (for `notat schema` and tests).
std::string_view NoteSchemaText();
std::string_view RecordSchemaText();

}  // namespace notat

#endif  // NOTAT_PIPELINE_EMIT_H_
