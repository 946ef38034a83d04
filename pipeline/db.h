// The notes database: one interface, two adapters (SQLite in db_sqlite.cc,
// PostgreSQL in db_postgres.cc), one schema and one set of SQL statements
// (db_schema.cc) written once with $1..$n placeholders for both dialects.
// Migrations run on open. Every note is stored in one transaction.
//
//   Result<std::unique_ptr<Database>> db = OpenDatabase("sqlite:notat.db");
//   Result<StoredNote> s = StoreNote(**db, note_result, NowUtc());
#ifndef NOTAT_PIPELINE_DB_H_
#define NOTAT_PIPELINE_DB_H_

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/error.h"
#include "pipeline/run.h"

namespace notat {

enum class DbDialect { kSqlite, kPostgres };

// Why the last statement failed; callers retry on kConflict only.
enum class DbFailure {
  kNone,
  kConflict,    // unique violation, serialization failure or deadlock: retry the transaction
  kBusy,        // SQLite: another writer held the lock longer than the busy timeout
  kFull,        // disk full, or SQLite's max_page_count reached
  kReadOnly,    // the database cannot be written
  kConnection,  // cannot connect, or the connection was lost
  kAuth,        // wrong user or password
  kOther,
};

using DbValue = std::optional<std::string>;  // SQL NULL, or the value as text
using DbRow = std::vector<DbValue>;

struct DbOptions {
  // SQLite: how long to wait for another writer's lock before failing kBusy.
  // The URL parameter busy_timeout=MS overrides it.
  int busy_timeout_ms = 5000;
  // PostgreSQL: seconds to wait for the server.
  int connect_timeout_s = 10;
  // Run the schema migrations on open (tests turn it off to prepare a schema).
  bool migrate = true;
};

// One connection. Not thread-safe: use one per thread. Copying is deleted
// because a connection owns its server session.
class Database {
 public:
  virtual ~Database() = default;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  virtual DbDialect dialect() const = 0;
  // The URL with any password removed, for messages.
  virtual const std::string& display_url() const = 0;

  // Runs one statement with $1..$n bound to `params` (text; nullopt is NULL)
  // and returns the rows it yields (SELECT, or INSERT ... RETURNING).
  // Errors: kSink with the database's own words; last_failure() says why.
  virtual Result<std::vector<DbRow>> Query(std::string_view sql,
                                           const std::vector<DbValue>& params = {}) = 0;
  // Runs one statement; returns the number of rows it changed.
  virtual Result<long long> Exec(std::string_view sql,
                                 const std::vector<DbValue>& params = {}) = 0;

  // A write transaction. SQLite takes the write lock at Begin (BEGIN
  // IMMEDIATE), waiting up to the busy timeout; PostgreSQL runs READ COMMITTED.
  virtual Result<void> Begin() = 0;
  virtual Result<void> Commit() = 0;
  // Ends the current transaction, if any, discarding its changes.
  virtual Result<void> Rollback() = 0;
  // Inside a transaction: serialises schema migrations between processes
  // (PostgreSQL advisory lock; SQLite already holds the write lock).
  virtual Result<void> LockSchema() = 0;

  virtual DbFailure last_failure() const = 0;

 protected:
  Database() = default;
};

// Opens "sqlite:PATH" (parameters: ?mode=ro, busy_timeout=MS,
// max_page_count=N; "sqlite::memory:" for a private in-memory database) or
// "postgresql://user:pass@host:port/db?..." (libpq's URL; "postgres://" too),
// then migrates the schema to the newest version unless options.migrate is
// false. Errors: kInvalidInput for an unknown scheme or bad parameter; kSink
// naming the database (password removed) and what it refused: cannot open or
// connect, wrong credentials, read-only, locked, full, or a schema newer than
// this program.
Result<std::unique_ptr<Database>> OpenDatabase(const std::string& url,
                                               const DbOptions& options = {});

// The URL with any password removed (user:pass@ and password=...), for messages.
std::string RedactDatabaseUrl(const std::string& url);

// The schema version this program migrates to.
int LatestSchemaVersion();
// The version the database is at (0 when it has no schema yet).
Result<int> SchemaVersion(Database& db);

// A figure's identity across notes: (table, name, period, region).
struct FigureKey {
  std::optional<int> table;
  std::string name;
  std::string period;
  std::optional<std::string> region;
  // "table 2 inquiries_by_region 2025-H1 Region Hovedstaden", "fact x 2024".
  std::string ToString() const;
};

// A figure whose value differs between two revisions of one note.
struct FigureChange {
  FigureKey key;
  std::optional<double> before;  // nullopt: the figure is new in this revision
  std::optional<double> after;   // nullopt: the figure was dropped
};

// One figure two valid notes report differently (rows of figure_conflicts).
struct FigureConflict {
  FigureKey key;
  std::string note_a;
  double value_a = 0;
  std::string note_b;
  double value_b = 0;
};

enum class StoreStatus { kStored, kUnchanged };

struct StoredNote {
  StoreStatus status = StoreStatus::kStored;
  std::string sha256;
  std::string period;    // the note's period; "" when its title gave none
  int revision = 0;      // of this file (kUnchanged: of the copy already stored)
  bool valid = false;    // all checks passed and the period is known
  std::string stored_path;  // kUnchanged: the path the stored copy came from
  int figures = 0;          // records stored (tables and facts)
  // Revisions after the first: what changed since `compared_revision`, the
  // newest valid earlier revision of the period (else revision - 1).
  int compared_revision = 0;
  std::vector<FigureChange> changes;
  std::vector<std::string> failed_checks; // "name: message"
};

// Stores one processed note (note.error must be empty) in one transaction:
// the note, its pages, records, checks, corrections and extraction problems,
// all or nothing. A file whose sha256 is already stored changes nothing
// (kUnchanged). Another file for a period already stored gets the next
// revision; concurrent writers are kept apart by unique keys (sha256;
// period+revision) and INSERT ... ON CONFLICT DO NOTHING, retrying the
// transaction when they collide. `ingested_at` is an ISO-8601 UTC time.
// Errors: kSink (nothing of the note stored); kInvalidInput when note.error is set.
Result<StoredNote> StoreNote(Database& db, const NoteResult& note,
                             const std::string& ingested_at);

// The stored note with this sha256 (status kUnchanged), or nullopt.
Result<std::optional<StoredNote>> FindNote(Database& db, const std::string& sha256);

// sha256 of every stored note.
Result<std::set<std::string>> StoredSha256s(Database& db);

// Every row of figure_conflicts, ordered by figure then notes.
Result<std::vector<FigureConflict>> QueryConflicts(Database& db);
// The figures of the stored note `sha256` that the current valid note of
// another period reports differently (what figure_conflicts shows for it,
// found from its own records), each pair once with note_a < note_b.
Result<std::vector<FigureConflict>> QueryConflictsForNote(Database& db, const std::string& sha256);

// A row of latest_figures: each figure from the newest valid note reporting it.
struct LatestFigure {
  FigureKey key;
  std::string period_start;
  double value = 0;
  std::string unit;
  std::string note;  // the note period the value comes from
  int revision = 0;
};
// Every row of latest_figures, ordered by table (facts last), name, region, period.
Result<std::vector<LatestFigure>> QueryLatestFigures(Database& db);

// A figure of a current valid note that other notes report too (table 1 and
// table 3 columns, the text's totals of inquiries and trips abroad).
struct StoredFigure {
  std::string note;  // the note's period
  int revision = 0;
  std::string sha256;
  FigureKey key;
  double value = 0;
  int page = 0, line = 0;
};
// Those figures of every current valid note, ordered by note and revision.
Result<std::vector<StoredFigure>> QueryComparableFigures(Database& db);

// Opens a database that must exist already: for readers (series, validate
// --db), so that a mistyped SQLite path is an error, not a new empty file.
// Errors: kSink naming the missing file, or the database's own words.
Result<std::unique_ptr<Database>> OpenExistingDatabase(const std::string& url);

// "2025-01-01" and "2025-06-30" for "2025-H1"; "2024-01-01".."2024-12-31" for
// "2024"; nullopt for anything else.
std::optional<std::pair<std::string, std::string>> NotePeriodDates(std::string_view period);

// The current time as "2025-07-01T12:00:00Z".
std::string NowUtc();

// Adapters, used by OpenDatabase (connect only, no migration).
Result<std::unique_ptr<Database>> OpenSqlite(const std::string& url, const DbOptions& options);
Result<std::unique_ptr<Database>> OpenPostgres(const std::string& url, const DbOptions& options);

}  // namespace notat

#endif  // NOTAT_PIPELINE_DB_H_
