// The notes database schema as versioned migrations, and the statements that
// read and write it. One text for SQLite and PostgreSQL: portable types
// (TEXT, INTEGER, DOUBLE PRECISION), natural keys instead of auto-increment
// ids, $1..$n placeholders, INSERT ... ON CONFLICT DO NOTHING, window
// functions. Facts share the records table with table_no NULL.
#ifndef NOTAT_PIPELINE_DB_SCHEMA_H_
#define NOTAT_PIPELINE_DB_SCHEMA_H_

#include <string_view>
#include <vector>

namespace notat {

struct Migration {
  int version = 0;
  std::string_view description;
  std::vector<std::string_view> statements;  // run in order, in one transaction
};

// Every migration, oldest first; versions are 1, 2, 3...
const std::vector<Migration>& Migrations();

namespace sql {
extern const std::string_view kCreateSchemaVersion;
extern const std::string_view kSelectSchemaVersion;
extern const std::string_view kInsertSchemaVersion;  // $1 version, $2 description, $3 applied_at
extern const std::string_view kSelectNoteBySha;      // $1 sha256
extern const std::string_view kSelectMaxRevision;    // $1 period
extern const std::string_view kInsertNote;           // RETURNING sha256; see db.cc for the order
extern const std::string_view kInsertPage;
extern const std::string_view kInsertRecordPrefix;  // + VALUES rows + kOnConflictDoNothing
extern const int kRecordColumns;
extern const std::string_view kInsertCheck;
extern const std::string_view kInsertCorrectionPrefix;
extern const int kCorrectionColumns;
extern const std::string_view kOnConflictDoNothing;
extern const std::string_view kInsertProblem;
extern const std::string_view kInsertUnreadCell;
extern const std::string_view kSelectComparedRevision;  // $1 period, $2 new revision
extern const std::string_view kSelectRevisionFigures;  // $1 period, $2 revision
extern const std::string_view kSelectAllSha;
extern const std::string_view kSelectConflicts;
extern const std::string_view kSelectCurrentNotes;
extern const std::string_view kSelectDifferingFigures;  // $1 note sha256
extern const std::string_view kSelectLatestFigures;
extern const std::string_view kSelectComparableFigures;  // valid_figures that notes share (CrossCheck)
}  // namespace sql

}  // namespace notat

#endif  // NOTAT_PIPELINE_DB_SCHEMA_H_
