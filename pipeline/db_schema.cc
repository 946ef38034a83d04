// Schema and statements of the notes database; see db_schema.h.
//
// Tables (version 1):
//   schema_version  one row per applied migration.
//   notes           one row per stored file, keyed by its sha256. (period,
//                   revision) is unique: the first file of a period is
//                   revision 1, a different file for the same period 2, ...
//                   valid = 1 when every check passed and the period is known.
//                   figure_count is the number of records stored with it.
//   note_pages      per page: where its text came from (text, text-layer,
//                   ocr) and why, the text as read and as repaired.
//   records         every figure: table cells (table_no 1..3) and facts from
//                   the running text (table_no NULL), with provenance (page,
//                   line, source text, box, OCR confidence) and flags
//                   (comma-separated).
//   checks          the validation report, one row per check.
//   corrections     repairs (stage 'repair'), digit fixes ('digit') and
//                   words left alone with a guess ('undecided').
//   problems        what the extractor could not extract.
// Version 2 adds:
//   unread_cells    table cells printed but unreadable (no record stands for
//                   them): table, period, region (table 2), what was read in
//                   the cell's place, page, line and the line's text. The
//                   cells to enter by hand.
// Views:
//   current_notes   the newest valid revision of each note period.
//   valid_figures   figures of current_notes only, one row per (note, table,
//                   name, period, region); invalid notes and older revisions
//                   stay out. This is the view for downstream readers.
//   figure_conflicts  pairs of notes whose valid figures for the same
//                   (table, name, period, region) differ.
//   latest_figures  each figure from the newest note reporting it (latest
//                   note period end), for series over time.
#include "pipeline/db_schema.h"

namespace notat {

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1,
       "notes, pages, records, checks, corrections, problems; views",
       {
           R"(CREATE TABLE notes (
  sha256 TEXT PRIMARY KEY,
  period TEXT NOT NULL,
  revision INTEGER NOT NULL,
  period_start TEXT,
  period_end TEXT,
  source_path TEXT NOT NULL,
  kind TEXT NOT NULL,
  page_count INTEGER NOT NULL,
  title TEXT NOT NULL,
  ingested_at TEXT NOT NULL,
  valid INTEGER NOT NULL CHECK (valid IN (0, 1)),
  figure_count INTEGER NOT NULL,
  UNIQUE (period, revision)
))",
           R"(CREATE TABLE note_pages (
  note_sha256 TEXT NOT NULL REFERENCES notes (sha256),
  page INTEGER NOT NULL,
  text_source TEXT NOT NULL,
  text_source_why TEXT NOT NULL,
  text TEXT NOT NULL,
  repaired_text TEXT NOT NULL,
  PRIMARY KEY (note_sha256, page)
))",
           R"(CREATE TABLE records (
  note_sha256 TEXT NOT NULL REFERENCES notes (sha256),
  seq INTEGER NOT NULL,
  table_no INTEGER,
  name TEXT NOT NULL,
  period TEXT NOT NULL,
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  region TEXT,
  value DOUBLE PRECISION NOT NULL,
  unit TEXT NOT NULL,
  page INTEGER NOT NULL,
  line INTEGER NOT NULL,
  source_text TEXT NOT NULL,
  box_x0 DOUBLE PRECISION,
  box_y0 DOUBLE PRECISION,
  box_x1 DOUBLE PRECISION,
  box_y1 DOUBLE PRECISION,
  confidence DOUBLE PRECISION NOT NULL,
  flags TEXT NOT NULL,
  PRIMARY KEY (note_sha256, seq)
))",
           "CREATE INDEX records_figure ON records (name, period)",
           R"(CREATE TABLE checks (
  note_sha256 TEXT NOT NULL REFERENCES notes (sha256),
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'skip')),
  expected TEXT NOT NULL,
  actual TEXT NOT NULL,
  message TEXT NOT NULL,
  PRIMARY KEY (note_sha256, seq)
))",
           R"(CREATE TABLE corrections (
  note_sha256 TEXT NOT NULL REFERENCES notes (sha256),
  seq INTEGER NOT NULL,
  stage TEXT NOT NULL CHECK (stage IN ('repair', 'digit', 'undecided')),
  page INTEGER NOT NULL,
  line INTEGER NOT NULL,
  col INTEGER NOT NULL,
  before_text TEXT NOT NULL,
  after_text TEXT NOT NULL,
  rule TEXT NOT NULL,
  confidence DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (note_sha256, seq)
))",
           R"(CREATE TABLE problems (
  note_sha256 TEXT NOT NULL REFERENCES notes (sha256),
  seq INTEGER NOT NULL,
  message TEXT NOT NULL,
  PRIMARY KEY (note_sha256, seq)
))",
           R"(CREATE VIEW current_notes AS
SELECT n.* FROM notes n
WHERE n.valid = 1
  AND n.revision = (SELECT MAX(m.revision) FROM notes m
                    WHERE m.period = n.period AND m.valid = 1))",
           R"(CREATE VIEW valid_figures AS
SELECT note, revision, note_sha256, note_period_end, table_no, name, period,
       period_start, period_end, region, value, unit, page, line, confidence, flags
FROM (
  SELECT n.period AS note, n.revision, n.sha256 AS note_sha256,
         n.period_end AS note_period_end, r.table_no, r.name, r.period,
         r.period_start, r.period_end, r.region, r.value, r.unit, r.page,
         r.line, r.confidence, r.flags,
         ROW_NUMBER() OVER (PARTITION BY n.sha256, r.table_no, r.name,
                                         r.period, r.region
                            ORDER BY r.seq) AS row_in_note
  FROM records r JOIN current_notes n ON n.sha256 = r.note_sha256
) f
WHERE row_in_note = 1)",
           R"(CREATE VIEW figure_conflicts AS
SELECT a.table_no, a.name, a.period, a.region,
       a.note AS note_a, a.value AS value_a, b.note AS note_b, b.value AS value_b
FROM valid_figures a
JOIN valid_figures b
  ON a.name = b.name AND a.period = b.period AND a.note < b.note
 AND COALESCE(a.table_no, 0) = COALESCE(b.table_no, 0)
 AND COALESCE(a.region, '') = COALESCE(b.region, '')
WHERE a.value <> b.value)",
           R"(CREATE VIEW latest_figures AS
SELECT table_no, name, period, period_start, period_end, region, value, unit,
       note, revision
FROM (
  SELECT f.*,
         ROW_NUMBER() OVER (PARTITION BY f.table_no, f.name, f.period, f.region
                            ORDER BY COALESCE(f.note_period_end, '') DESC,
                                     f.note DESC) AS newest
  FROM valid_figures f
) l
WHERE newest = 1)",
       }},
      {2,
       "unread_cells: table cells printed but unreadable",
       {
           R"(CREATE TABLE unread_cells (
  note_sha256 TEXT NOT NULL REFERENCES notes (sha256),
  seq INTEGER NOT NULL,
  table_no INTEGER NOT NULL,
  period TEXT NOT NULL,
  region TEXT,
  read_text TEXT NOT NULL,
  page INTEGER NOT NULL,
  line INTEGER NOT NULL,
  source_text TEXT NOT NULL,
  PRIMARY KEY (note_sha256, seq)
))",
       }},
  };
  return kMigrations;
}

namespace sql {

const std::string_view kCreateSchemaVersion = R"(CREATE TABLE IF NOT EXISTS schema_version (
  version INTEGER PRIMARY KEY,
  description TEXT NOT NULL,
  applied_at TEXT NOT NULL
))";

const std::string_view kSelectSchemaVersion =
    "SELECT COALESCE(MAX(version), 0) FROM schema_version";

const std::string_view kInsertSchemaVersion =
    "INSERT INTO schema_version (version, description, applied_at) VALUES ($1, $2, $3)";

const std::string_view kSelectNoteBySha =
    "SELECT period, revision, source_path, valid, figure_count FROM notes WHERE sha256 = $1";

const std::string_view kSelectMaxRevision =
    "SELECT COALESCE(MAX(revision), 0) FROM notes WHERE period = $1";

const std::string_view kInsertNote = R"(INSERT INTO notes (sha256, period, revision,
  period_start, period_end, source_path, kind, page_count, title, ingested_at,
  valid, figure_count)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
ON CONFLICT DO NOTHING
RETURNING sha256)";

const std::string_view kInsertPage = R"(INSERT INTO note_pages (note_sha256, page,
  text_source, text_source_why, text, repaired_text)
VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING)";

// Multi-row inserts: the prefix, then "VALUES ($1, ...), ($20, ...)" built
// for the number of rows (db.cc), then kOnConflictDoNothing.
const std::string_view kInsertRecordPrefix = R"(INSERT INTO records (note_sha256, seq,
  table_no, name, period, period_start, period_end, region, value, unit, page,
  line, source_text, box_x0, box_y0, box_x1, box_y1, confidence, flags))";
const int kRecordColumns = 19;

const std::string_view kInsertCorrectionPrefix = R"(INSERT INTO corrections (note_sha256,
  seq, stage, page, line, col, before_text, after_text, rule, confidence))";
const int kCorrectionColumns = 10;

const std::string_view kOnConflictDoNothing = "ON CONFLICT DO NOTHING";

const std::string_view kInsertCheck = R"(INSERT INTO checks (note_sha256, seq, name,
  status, expected, actual, message)
VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING)";

const std::string_view kInsertProblem =
    "INSERT INTO problems (note_sha256, seq, message) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";

const std::string_view kInsertUnreadCell = R"(INSERT INTO unread_cells (note_sha256, seq,
  table_no, period, region, read_text, page, line, source_text)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING)";

// The revision a new one is compared with: the newest valid one before it,
// else the one just before it.
const std::string_view kSelectComparedRevision = R"(SELECT COALESCE(
  (SELECT MAX(revision) FROM notes WHERE period = $1 AND revision < $2 AND valid = 1),
  $2 - 1))";

const std::string_view kSelectRevisionFigures = R"(SELECT r.table_no, r.name, r.period,
  r.region, r.value
FROM records r JOIN notes n ON n.sha256 = r.note_sha256
WHERE n.period = $1 AND n.revision = $2
ORDER BY r.seq)";

const std::string_view kSelectAllSha = "SELECT sha256 FROM notes";

const std::string_view kSelectConflicts = R"(SELECT table_no, name, period, region,
  note_a, value_a, note_b, value_b
FROM figure_conflicts
ORDER BY CASE WHEN table_no IS NULL THEN 1 ELSE 0 END, table_no, name, period,
  COALESCE(region, ''), note_a, note_b)";

const std::string_view kSelectCurrentNotes = "SELECT sha256, period FROM current_notes";

// One note's figures that another note's records give a different value,
// driven from the note's own records through the records_figure index so it
// stays fast however many notes are stored (db.cc keeps the current notes).
const std::string_view kSelectDifferingFigures = R"(SELECT r.table_no, r.name, r.period,
  r.region, r.value, ro.note_sha256, ro.value
FROM records r
JOIN records ro ON ro.name = r.name AND ro.period = r.period
  AND COALESCE(ro.table_no, 0) = COALESCE(r.table_no, 0)
  AND COALESCE(ro.region, '') = COALESCE(r.region, '')
  AND ro.value <> r.value
WHERE r.note_sha256 = $1 AND ro.note_sha256 <> $1
ORDER BY r.seq, ro.note_sha256)";

const std::string_view kSelectLatestFigures = R"(SELECT table_no, name, period, region,
  period_start, value, unit, note, revision
FROM latest_figures
ORDER BY CASE WHEN table_no IS NULL THEN 1 ELSE 0 END, table_no, name,
  COALESCE(region, ''), period_start, period)";

const std::string_view kSelectComparableFigures = R"(SELECT note, revision, note_sha256, table_no, name, period,
  value, page, line
FROM valid_figures
WHERE table_no IN (1, 3) OR (table_no IS NULL AND name IN ('inquiries_total', 'trips_abroad_new'))
ORDER BY note, revision, COALESCE(table_no, 9), name, period_start, period)";

}  // namespace sql

}  // namespace notat
