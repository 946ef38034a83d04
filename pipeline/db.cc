// Opening and migrating the notes database, storing a note in one
// transaction, and the queries ingest and series need. Dialect-neutral: the
// adapters (db_sqlite.cc, db_postgres.cc) run the same statements.
#include "pipeline/db.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <map>
#include <random>
#include <thread>
#include <tuple>

#include "pipeline/db_schema.h"

namespace notat {
namespace {

// How often StoreNote retries a transaction that collided with another writer.
constexpr int kMaxStoreAttempts = 50;

std::string FormatDouble(double v) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, end) : std::to_string(v);
}

DbValue Text(std::string s) { return DbValue(std::move(s)); }
DbValue Int(long long v) { return DbValue(std::to_string(v)); }
DbValue Real(double v) { return DbValue(FormatDouble(v)); }

std::optional<double> ParseDouble(const DbValue& v) {
  if (!v) return std::nullopt;
  double out = 0;
  auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
  if (ec != std::errc()) return std::nullopt;
  return out;
}

std::optional<long long> ParseInt(const DbValue& v) {
  if (!v) return std::nullopt;
  long long out = 0;
  auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
  if (ec != std::errc()) {
    // SQLite may hand back an integer column as "3.0" when it was bound as text.
    std::optional<double> d = ParseDouble(v);
    if (!d) return std::nullopt;
    return static_cast<long long>(*d);
  }
  return out;
}

std::string JoinLines(const Page& page) {
  std::string out;
  for (size_t i = 0; i < page.lines.size(); ++i) {
    if (i) out += '\n';
    out += page.lines[i].text;
  }
  return out;
}

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

std::string_view CheckStatusName(CheckStatus s) {
  switch (s) {
    case CheckStatus::kPass: return "pass";
    case CheckStatus::kFail: return "fail";
    case CheckStatus::kSkip: return "skip";
  }
  return "skip";
}

// A comparable identity for a figure, NULLs kept distinct from any value.
using KeyTuple = std::tuple<int, std::string, std::string, int, std::string>;
KeyTuple Tuple(const FigureKey& k) {
  return {k.table ? *k.table : -1, k.name, k.period, k.region ? 1 : 0, k.region.value_or("")};
}

FigureKey KeyOf(const Record& r) { return FigureKey{r.table, r.name, r.period, r.region}; }

// `region` npos: the query has no region column (the key has none).
FigureKey KeyFromRow(const DbRow& row, size_t table, size_t name, size_t period, size_t region) {
  FigureKey k;
  if (std::optional<long long> t = ParseInt(row[table])) k.table = static_cast<int>(*t);
  k.name = row[name].value_or("");
  k.period = row[period].value_or("");
  if (region != std::string::npos) k.region = row[region];
  return k;
}

// Tables in order, then facts.
std::vector<const Record*> AllRecords(const Extraction& ex) {
  std::vector<const Record*> out;
  for (const Table& t : ex.tables)
    for (const Record& r : t.records) out.push_back(&r);
  for (const Record& r : ex.facts) out.push_back(&r);
  return out;
}

Result<std::vector<FigureConflict>> ConflictRows(Database& db, std::string_view sql,
                                                 const std::vector<DbValue>& params) {
  Result<std::vector<DbRow>> rows = db.Query(sql, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<FigureConflict> out;
  for (const DbRow& row : *rows) {
    FigureConflict c;
    c.key = KeyFromRow(row, 0, 1, 2, 3);
    c.note_a = row[4].value_or("");
    c.value_a = ParseDouble(row[5]).value_or(0);
    c.note_b = row[6].value_or("");
    c.value_b = ParseDouble(row[7]).value_or(0);
    out.push_back(std::move(c));
  }
  std::stable_sort(out.begin(), out.end(), [](const FigureConflict& a, const FigureConflict& b) {
    auto ka = Tuple(a.key), kb = Tuple(b.key);
    bool fa = !a.key.table, fb = !b.key.table;
    return std::tie(fa, ka, a.note_a, a.note_b) < std::tie(fb, kb, b.note_a, b.note_b);
  });
  return out;
}

Result<void> Migrate(Database& db) {
  const std::vector<Migration>& migrations = Migrations();
  auto fail = [&](const Error& e) {
    (void)db.Rollback();
    return MakeError(e.code, e.message + " (while migrating the schema to version " +
                                 std::to_string(migrations.back().version) + ")");
  };
  if (Result<void> r = db.Begin(); !r) return fail(r.error());
  if (Result<void> r = db.LockSchema(); !r) return fail(r.error());
  if (Result<long long> r = db.Exec(sql::kCreateSchemaVersion); !r) return fail(r.error());
  Result<std::vector<DbRow>> v = db.Query(sql::kSelectSchemaVersion);
  if (!v) return fail(v.error());
  long long current = v->empty() ? 0 : ParseInt((*v)[0][0]).value_or(0);
  for (const Migration& m : migrations) {
    if (m.version <= current) continue;
    for (std::string_view statement : m.statements) {
      if (Result<long long> r = db.Exec(statement); !r) return fail(r.error());
    }
    Result<long long> r = db.Exec(sql::kInsertSchemaVersion,
                                  {Int(m.version), Text(std::string(m.description)), Text(NowUtc())});
    if (!r) return fail(r.error());
  }
  if (Result<void> r = db.Commit(); !r) return fail(r.error());
  return {};
}

// Inserts `rows` (each `columns` values) with multi-row INSERTs of up to
// kRowsPerInsert rows: one round trip per chunk instead of one per row.
constexpr size_t kRowsPerInsert = 200;
Result<void> InsertRows(Database& db, std::string_view prefix, int columns,
                        const std::vector<std::vector<DbValue>>& rows) {
  for (size_t begin = 0; begin < rows.size(); begin += kRowsPerInsert) {
    size_t end = std::min(rows.size(), begin + kRowsPerInsert);
    std::string sql(prefix);
    sql += "\nVALUES ";
    std::vector<DbValue> params;
    params.reserve((end - begin) * columns);
    int n = 0;
    for (size_t i = begin; i < end; ++i) {
      sql += i == begin ? "(" : ", (";
      for (int c = 0; c < columns; ++c) {
        if (c) sql += ", ";
        sql += "$" + std::to_string(++n);
        params.push_back(rows[i][c]);
      }
      sql += ")";
    }
    sql += "\n";
    sql += sql::kOnConflictDoNothing;
    if (Result<long long> r = db.Exec(sql, params); !r) return std::unexpected(r.error());
  }
  return {};
}

StoredNote UnchangedFromRow(const std::string& sha256, const DbRow& row) {
  StoredNote out;
  out.status = StoreStatus::kUnchanged;
  out.sha256 = sha256;
  out.period = row[0].value_or("");
  out.revision = static_cast<int>(ParseInt(row[1]).value_or(0));
  out.stored_path = row[2].value_or("");
  out.valid = ParseInt(row[3]).value_or(0) == 1;
  out.figures = static_cast<int>(ParseInt(row[4]).value_or(0));
  return out;
}

// One try at storing a note: a StoredNote, or nullopt when another writer
// took the same key first and the transaction should run again.
Result<std::optional<StoredNote>> TryStore(Database& db, const NoteResult& note,
                                           const std::string& ingested_at, bool* retry) {
  *retry = false;
  auto fail = [&](const Error& e) -> std::unexpected<Error> {
    DbFailure f = db.last_failure();
    (void)db.Rollback();
    *retry = f == DbFailure::kConflict;
    return std::unexpected(e);
  };
  const Document& doc = note.document;
  const Extraction& ex = note.extraction;
  StoredNote out;
  out.sha256 = doc.sha256;
  out.period = ex.note_period;

  if (Result<void> r = db.Begin(); !r) return fail(r.error());

  Result<std::vector<DbRow>> existing = db.Query(sql::kSelectNoteBySha, {Text(doc.sha256)});
  if (!existing) return fail(existing.error());
  if (!existing->empty()) {
    (void)db.Rollback();
    return std::optional<StoredNote>(UnchangedFromRow(doc.sha256, (*existing)[0]));
  }

  Result<std::vector<DbRow>> max_rev = db.Query(sql::kSelectMaxRevision, {Text(ex.note_period)});
  if (!max_rev) return fail(max_rev.error());
  out.revision = static_cast<int>(ParseInt((*max_rev)[0][0]).value_or(0)) + 1;

  std::vector<Check> checks = note.report.checks;
  if (ex.note_period.empty()) {
    Check c;
    c.name = "note_period_known";
    c.status = CheckStatus::kFail;
    c.expected = "a period in the title";
    c.message = "the note's title gives no period, so it cannot be placed in a series";
    checks.push_back(std::move(c));
  }
  out.valid = true;
  for (const Check& c : checks) {
    if (c.status != CheckStatus::kFail) continue;
    out.valid = false;
    out.failed_checks.push_back(c.name + ": " + c.message);
  }
  std::vector<const Record*> records = AllRecords(ex);
  out.figures = static_cast<int>(records.size());

  std::optional<std::pair<std::string, std::string>> dates = NotePeriodDates(ex.note_period);
  Result<std::vector<DbRow>> inserted = db.Query(
      sql::kInsertNote,
      {Text(doc.sha256), Text(ex.note_period), Int(out.revision),
       dates ? Text(dates->first) : DbValue(), dates ? Text(dates->second) : DbValue(),
       Text(note.path.empty() ? doc.path : note.path), Text(doc.kind),
       Int(static_cast<long long>(doc.pages.size())), Text(ex.title), Text(ingested_at),
       Int(out.valid ? 1 : 0), Int(out.figures)});
  if (!inserted) return fail(inserted.error());
  if (inserted->empty()) {
    // Another writer stored this file, or took this revision number, since
    // we looked: run the transaction again.
    (void)db.Rollback();
    *retry = true;
    return std::optional<StoredNote>();
  }

  for (size_t i = 0; i < doc.pages.size(); ++i) {
    const Page& p = doc.pages[i];
    std::string repaired = i < note.repaired.pages.size() ? JoinLines(note.repaired.pages[i]) : "";
    Result<long long> r = db.Exec(sql::kInsertPage,
                                  {Text(doc.sha256), Int(p.number), Text(p.text_source),
                                   Text(p.text_source_why), Text(JoinLines(p)), Text(repaired)});
    if (!r) return fail(r.error());
  }
  std::vector<std::vector<DbValue>> record_rows;
  record_rows.reserve(records.size());
  for (size_t i = 0; i < records.size(); ++i) {
    const Record& r = *records[i];
    const std::optional<Box>& box = r.source.box;
    record_rows.push_back(
        {Text(doc.sha256), Int(static_cast<long long>(i + 1)),
         r.table ? Int(*r.table) : DbValue(), Text(r.name), Text(r.period), Text(r.period_start),
         Text(r.period_end), r.region, Real(r.value), Text(r.unit), Int(r.source.page),
         Int(r.source.line), Text(r.source.text), box ? Real(box->x0) : DbValue(),
         box ? Real(box->y0) : DbValue(), box ? Real(box->x1) : DbValue(),
         box ? Real(box->y1) : DbValue(), Real(r.source.confidence), Text(Join(r.flags, ","))});
  }
  if (Result<void> r = InsertRows(db, sql::kInsertRecordPrefix, sql::kRecordColumns, record_rows); !r)
    return fail(r.error());
  for (size_t i = 0; i < checks.size(); ++i) {
    const Check& c = checks[i];
    Result<long long> e = db.Exec(
        sql::kInsertCheck, {Text(doc.sha256), Int(static_cast<long long>(i + 1)), Text(c.name),
                            Text(std::string(CheckStatusName(c.status))), Text(c.expected),
                            Text(c.actual), Text(c.message)});
    if (!e) return fail(e.error());
  }
  std::vector<std::vector<DbValue>> correction_rows;
  auto add_corrections = [&](const std::vector<Correction>& list, std::string_view stage) {
    for (const Correction& c : list)
      correction_rows.push_back({Text(doc.sha256), Int(static_cast<long long>(correction_rows.size() + 1)),
                                 Text(std::string(stage)), Int(c.page), Int(c.line), Int(c.column),
                                 Text(c.before), Text(c.after), Text(c.rule), Real(c.confidence)});
  };
  add_corrections(note.repaired.corrections, "repair");
  add_corrections(ex.digit_fixes, "digit");
  add_corrections(note.repaired.undecided, "undecided");
  if (Result<void> r = InsertRows(db, sql::kInsertCorrectionPrefix, sql::kCorrectionColumns,
                                  correction_rows);
      !r)
    return fail(r.error());
  for (size_t i = 0; i < ex.problems.size(); ++i) {
    Result<long long> e = db.Exec(
        sql::kInsertProblem, {Text(doc.sha256), Int(static_cast<long long>(i + 1)), Text(ex.problems[i])});
    if (!e) return fail(e.error());
  }
  long long unread_seq = 0;
  for (const Table& t : ex.tables) {
    for (const Table::UnreadCell& u : t.unread) {
      Result<long long> e = db.Exec(sql::kInsertUnreadCell,
                                    {Text(doc.sha256), Int(++unread_seq), Int(t.number), Text(u.period), u.region,
                                     Text(u.text), Int(u.source.page), Int(u.source.line), Text(u.source.text)});
      if (!e) return fail(e.error());
    }
  }

  // What changed since the previous revision of the same period.
  if (out.revision > 1) {
    Result<std::vector<DbRow>> compared =
        db.Query(sql::kSelectComparedRevision, {Text(ex.note_period), Int(out.revision)});
    if (!compared) return fail(compared.error());
    out.compared_revision =
        compared->empty() ? out.revision - 1
                          : static_cast<int>(ParseInt((*compared)[0][0]).value_or(out.revision - 1));
    Result<std::vector<DbRow>> previous = db.Query(
        sql::kSelectRevisionFigures, {Text(ex.note_period), Int(out.compared_revision)});
    if (!previous) return fail(previous.error());
    std::map<KeyTuple, double> before;
    std::vector<FigureKey> before_order;
    for (const DbRow& row : *previous) {
      FigureKey k = KeyFromRow(row, 0, 1, 2, 3);
      if (before.emplace(Tuple(k), ParseDouble(row[4]).value_or(0)).second)
        before_order.push_back(std::move(k));
    }
    std::map<KeyTuple, double> after;
    for (const Record* r : records) {
      FigureKey k = KeyOf(*r);
      if (!after.emplace(Tuple(k), r->value).second) continue;
      auto it = before.find(Tuple(k));
      if (it == before.end()) out.changes.push_back({k, std::nullopt, r->value});
      else if (it->second != r->value) out.changes.push_back({k, it->second, r->value});
    }
    for (const FigureKey& k : before_order)
      if (!after.contains(Tuple(k))) out.changes.push_back({k, before[Tuple(k)], std::nullopt});
  }

  if (Result<void> r = db.Commit(); !r) return fail(r.error());
  return std::optional<StoredNote>(std::move(out));
}

}  // namespace

std::string RedactDatabaseUrl(const std::string& url) {
  std::string out = url;
  size_t scheme = out.find("://");
  if (scheme != std::string::npos) {
    size_t start = scheme + 3;
    size_t at = out.find('@', start);
    size_t slash = out.find('/', start);
    if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
      size_t colon = out.find(':', start);
      if (colon != std::string::npos && colon < at) out.erase(colon, at - colon);
    }
  }
  for (size_t p = out.find("password="); p != std::string::npos; p = out.find("password=", p + 1)) {
    if (p == 0 || (out[p - 1] != '?' && out[p - 1] != '&')) continue;
    size_t end = out.find('&', p);
    out.replace(p, (end == std::string::npos ? out.size() : end) - p, "password=***");
  }
  return out;
}

std::string FigureKey::ToString() const {
  std::string out = table ? "table " + std::to_string(*table) + " " : "fact ";
  out += name + " " + period;
  if (region) out += " " + *region;
  return out;
}

int LatestSchemaVersion() { return Migrations().back().version; }

Result<int> SchemaVersion(Database& db) {
  std::string_view exists =
      db.dialect() == DbDialect::kSqlite
          ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
          : "SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE tablename = 'schema_version' "
            "AND schemaname = current_schema()";
  Result<std::vector<DbRow>> rows = db.Query(exists);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty() || ParseInt((*rows)[0][0]).value_or(0) == 0) return 0;
  Result<std::vector<DbRow>> v = db.Query(sql::kSelectSchemaVersion);
  if (!v) return std::unexpected(v.error());
  return static_cast<int>(v->empty() ? 0 : ParseInt((*v)[0][0]).value_or(0));
}

Result<std::unique_ptr<Database>> OpenDatabase(const std::string& url, const DbOptions& options) {
  Result<std::unique_ptr<Database>> db;
  if (url.starts_with("sqlite:")) {
    db = OpenSqlite(url, options);
  } else if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    db = OpenPostgres(url, options);
  } else {
    return MakeError(ErrorCode::kInvalidInput,
                     "database URL '" + url +
                         "' is neither sqlite:PATH nor postgresql://user:password@host:port/db");
  }
  if (!db || !options.migrate) return db;
  Database& d = **db;
  Result<int> version = SchemaVersion(d);
  if (!version) return std::unexpected(version.error());
  if (*version > LatestSchemaVersion())
    return MakeError(ErrorCode::kSink,
                     d.display_url() + ": the database has schema version " +
                         std::to_string(*version) + ", newer than this notat knows (" +
                         std::to_string(LatestSchemaVersion()) + "); upgrade notat");
  if (*version < LatestSchemaVersion()) {
    if (Result<void> r = Migrate(d); !r) return std::unexpected(r.error());
  }
  return db;
}

Result<StoredNote> StoreNote(Database& db, const NoteResult& note, const std::string& ingested_at) {
  if (note.error)
    return MakeError(ErrorCode::kInvalidInput,
                     note.path + ": not stored, the input could not be read: " + note.error->ToString());
  if (note.document.sha256.empty())
    return MakeError(ErrorCode::kInvalidInput, note.path + ": not stored, the document has no sha256");
  std::minstd_rand jitter(static_cast<unsigned>(std::hash<std::string>{}(note.document.sha256)));
  Error last{ErrorCode::kSink, ""};
  for (int attempt = 1; attempt <= kMaxStoreAttempts; ++attempt) {
    bool retry = false;
    Result<std::optional<StoredNote>> r = TryStore(db, note, ingested_at, &retry);
    if (r && r->has_value()) return std::move(**r);
    if (!r) {
      if (!retry) return std::unexpected(r.error());
      last = r.error();
    }
    // Back off a little before the next try, so colliding writers spread out.
    std::this_thread::sleep_for(std::chrono::milliseconds(1 + jitter() % (2 * attempt)));
  }
  return MakeError(ErrorCode::kSink,
                   db.display_url() + ": " + note.path + ": gave up storing the note after " +
                       std::to_string(kMaxStoreAttempts) + " collisions with other writers" +
                       (last.message.empty() ? "" : ": " + last.message));
}

Result<std::optional<StoredNote>> FindNote(Database& db, const std::string& sha256) {
  Result<std::vector<DbRow>> rows = db.Query(sql::kSelectNoteBySha, {Text(sha256)});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<StoredNote>();
  return std::optional<StoredNote>(UnchangedFromRow(sha256, (*rows)[0]));
}

Result<std::set<std::string>> StoredSha256s(Database& db) {
  Result<std::vector<DbRow>> rows = db.Query(sql::kSelectAllSha);
  if (!rows) return std::unexpected(rows.error());
  std::set<std::string> out;
  for (const DbRow& row : *rows)
    if (row[0]) out.insert(*row[0]);
  return out;
}

Result<std::vector<FigureConflict>> QueryConflicts(Database& db) {
  return ConflictRows(db, sql::kSelectConflicts, {});
}

Result<std::vector<FigureConflict>> QueryConflictsForNote(Database& db, const std::string& sha256) {
  Result<std::vector<DbRow>> current = db.Query(sql::kSelectCurrentNotes);
  if (!current) return std::unexpected(current.error());
  std::map<std::string, std::string> period_of;  // current valid notes: sha256 -> period
  for (const DbRow& row : *current) period_of[row[0].value_or("")] = row[1].value_or("");
  auto self = period_of.find(sha256);
  if (self == period_of.end()) return std::vector<FigureConflict>();  // not current: no conflicts
  const std::string self_period = self->second;
  Result<std::vector<DbRow>> rows = db.Query(sql::kSelectDifferingFigures, {Text(sha256)});
  if (!rows) return std::unexpected(rows.error());
  std::vector<FigureConflict> out;
  std::set<std::tuple<KeyTuple, std::string, std::string>> seen;
  for (const DbRow& row : *rows) {
    auto other = period_of.find(row[5].value_or(""));
    if (other == period_of.end() || other->second == self_period) continue;
    FigureConflict c;
    c.key = KeyFromRow(row, 0, 1, 2, 3);
    c.note_a = self_period;
    c.value_a = ParseDouble(row[4]).value_or(0);
    c.note_b = other->second;
    c.value_b = ParseDouble(row[6]).value_or(0);
    if (c.note_b < c.note_a) {
      std::swap(c.note_a, c.note_b);
      std::swap(c.value_a, c.value_b);
    }
    if (seen.insert({Tuple(c.key), c.note_a, c.note_b}).second) out.push_back(std::move(c));
  }
  return out;
}

Result<std::vector<LatestFigure>> QueryLatestFigures(Database& db) {
  Result<std::vector<DbRow>> rows = db.Query(sql::kSelectLatestFigures);
  if (!rows) return std::unexpected(rows.error());
  std::vector<LatestFigure> out;
  for (const DbRow& row : *rows) {
    LatestFigure f;
    f.key = KeyFromRow(row, 0, 1, 2, 3);
    f.period_start = row[4].value_or("");
    f.value = ParseDouble(row[5]).value_or(0);
    f.unit = row[6].value_or("");
    f.note = row[7].value_or("");
    f.revision = static_cast<int>(ParseInt(row[8]).value_or(0));
    out.push_back(std::move(f));
  }
  std::stable_sort(out.begin(), out.end(), [](const LatestFigure& a, const LatestFigure& b) {
    bool fa = !a.key.table, fb = !b.key.table;
    int ta = a.key.table.value_or(0), tb = b.key.table.value_or(0);
    std::string ra = a.key.region.value_or(""), rb = b.key.region.value_or("");
    return std::tie(fa, ta, a.key.name, ra, a.period_start, a.key.period) <
           std::tie(fb, tb, b.key.name, rb, b.period_start, b.key.period);
  });
  return out;
}

Result<std::vector<StoredFigure>> QueryComparableFigures(Database& db) {
  Result<std::vector<DbRow>> rows = db.Query(sql::kSelectComparableFigures);
  if (!rows) return std::unexpected(rows.error());
  std::vector<StoredFigure> out;
  for (const DbRow& row : *rows) {
    StoredFigure f;
    f.note = row[0].value_or("");
    f.revision = static_cast<int>(ParseInt(row[1]).value_or(0));
    f.sha256 = row[2].value_or("");
    f.key = KeyFromRow(row, 3, 4, 5, std::string::npos);  // (no region: tables 1 and 3, and facts)
    f.value = ParseDouble(row[6]).value_or(0);
    f.page = static_cast<int>(ParseInt(row[7]).value_or(0));
    f.line = static_cast<int>(ParseInt(row[8]).value_or(0));
    out.push_back(std::move(f));
  }
  return out;
}

Result<std::unique_ptr<Database>> OpenExistingDatabase(const std::string& url) {
  // Opening a SQLite file that is not there would create an empty one.
  if (url.starts_with("sqlite:")) {
    std::string path = url.substr(7, url.find('?') - 7);
    if (path.starts_with("//")) path.erase(0, 2);
    std::error_code ec;
    if (path != ":memory:" && !std::filesystem::exists(path, ec))
      return MakeError(ErrorCode::kSink, url + ": no such database file (notat ingest creates it)");
  }
  return OpenDatabase(url);
}

std::optional<std::pair<std::string, std::string>> NotePeriodDates(std::string_view period) {
  auto digits = [](std::string_view s) {
    return s.size() == 4 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (period.size() == 4 && digits(period)) {
    std::string y(period);
    return std::make_pair(y + "-01-01", y + "-12-31");
  }
  if (period.size() == 7 && digits(period.substr(0, 4)) && period.substr(4, 2) == "-H") {
    std::string y(period.substr(0, 4));
    if (period[6] == '1') return std::make_pair(y + "-01-01", y + "-06-30");
    if (period[6] == '2') return std::make_pair(y + "-07-01", y + "-12-31");
  }
  return std::nullopt;
}

std::string NowUtc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace notat
