// SQLite adapter of Database: the only file that includes sqlite3.h.
// WAL journal, one write transaction at a time (BEGIN IMMEDIATE), a busy
// timeout for other writers, prepared statements cached per SQL text, and
// "$1".."$n" bound by name so the SQL is the same as PostgreSQL's.
#include <sqlite3.h>

#include <charconv>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/db.h"

namespace notat {
namespace {

struct StmtDeleter {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using StmtPtr = std::unique_ptr<sqlite3_stmt, StmtDeleter>;

struct DbDeleter {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using DbPtr = std::unique_ptr<sqlite3, DbDeleter>;

DbFailure Classify(int rc) {
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return DbFailure::kBusy;
    case SQLITE_FULL:
      return DbFailure::kFull;
    case SQLITE_READONLY:
      return DbFailure::kReadOnly;
    case SQLITE_CANTOPEN:
      return DbFailure::kConnection;
    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
        return DbFailure::kConflict;
      return DbFailure::kOther;
    default:
      return DbFailure::kOther;
  }
}

struct SqliteUrl {
  std::string path;
  bool read_only = false;
  std::optional<int> busy_timeout_ms;
  std::optional<long long> max_page_count;
};

Result<long long> ParseNumber(std::string_view text, std::string_view what,
                              const std::string& url) {
  long long v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < 0)
    return MakeError(ErrorCode::kInvalidInput,
                     url + ": " + std::string(what) + " must be a non-negative integer, got '" +
                         std::string(text) + "'");
  return v;
}

Result<SqliteUrl> ParseSqliteUrl(const std::string& url) {
  std::string_view rest(url);
  if (!rest.starts_with("sqlite:"))
    return MakeError(ErrorCode::kInvalidInput, url + ": not a sqlite: URL");
  rest.remove_prefix(7);
  if (rest.starts_with("//")) rest.remove_prefix(2);
  SqliteUrl out;
  size_t q = rest.find('?');
  out.path = std::string(rest.substr(0, q));
  if (out.path.empty())
    return MakeError(ErrorCode::kInvalidInput, url + ": no database file in the URL");
  if (q == std::string_view::npos) return out;
  std::string_view params = rest.substr(q + 1);
  while (!params.empty()) {
    size_t amp = params.find('&');
    std::string_view kv = params.substr(0, amp);
    params = amp == std::string_view::npos ? std::string_view() : params.substr(amp + 1);
    size_t eq = kv.find('=');
    std::string_view key = kv.substr(0, eq);
    std::string_view value = eq == std::string_view::npos ? std::string_view() : kv.substr(eq + 1);
    if (key == "mode") {
      if (value == "ro") out.read_only = true;
      else if (value != "rw" && value != "rwc")
        return MakeError(ErrorCode::kInvalidInput,
                         url + ": mode must be ro, rw or rwc, got '" + std::string(value) + "'");
    } else if (key == "busy_timeout") {
      Result<long long> v = ParseNumber(value, "busy_timeout", url);
      if (!v) return std::unexpected(v.error());
      out.busy_timeout_ms = static_cast<int>(*v);
    } else if (key == "max_page_count") {
      Result<long long> v = ParseNumber(value, "max_page_count", url);
      if (!v) return std::unexpected(v.error());
      out.max_page_count = *v;
    } else {
      return MakeError(ErrorCode::kInvalidInput,
                       url + ": unknown parameter '" + std::string(key) +
                           "' (known: mode, busy_timeout, max_page_count)");
    }
  }
  return out;
}

class SqliteDatabase final : public Database {
 public:
  static constexpr size_t kMaxCachedStatements = 64;

  SqliteDatabase(DbPtr db, std::string url, int busy_timeout_ms)
      : db_(std::move(db)), url_(std::move(url)), busy_timeout_ms_(busy_timeout_ms) {}
  ~SqliteDatabase() override {
    statements_.clear();  // finalize before the connection closes
  }

  DbDialect dialect() const override { return DbDialect::kSqlite; }
  const std::string& display_url() const override { return url_; }
  DbFailure last_failure() const override { return failure_; }

  Result<std::vector<DbRow>> Query(std::string_view sql,
                                   const std::vector<DbValue>& params) override {
    std::vector<DbRow> rows;
    Result<long long> r = Run(sql, params, &rows);
    if (!r) return std::unexpected(r.error());
    return rows;
  }

  Result<long long> Exec(std::string_view sql, const std::vector<DbValue>& params) override {
    return Run(sql, params, nullptr);
  }

  Result<void> Begin() override {
    Result<long long> r = Run("BEGIN IMMEDIATE", {}, nullptr);
    if (!r) return std::unexpected(r.error());
    return {};
  }
  Result<void> Commit() override {
    Result<long long> r = Run("COMMIT", {}, nullptr);
    if (!r) {
      // A failed COMMIT (e.g. SQLITE_FULL while writing the WAL) may leave the
      // transaction open; end it so nothing half-written survives.
      if (!sqlite3_get_autocommit(db_.get())) {
        DbFailure keep = failure_;
        (void)Rollback();
        failure_ = keep;
      }
      return std::unexpected(r.error());
    }
    return {};
  }
  Result<void> Rollback() override {
    if (sqlite3_get_autocommit(db_.get())) return {};  // no transaction open
    DbFailure before = failure_;  // keep why the transaction is being abandoned
    Result<long long> r = Run("ROLLBACK", {}, nullptr);
    if (!r) return std::unexpected(r.error());
    failure_ = before;
    return {};
  }
  Result<void> LockSchema() override { return {}; }

 private:
  // A prepared statement and, for each of its parameters, the N of its "$N"
  // name (looked up once: sqlite3_bind_parameter_name is linear).
  struct Prepared {
    StmtPtr stmt;
    std::vector<size_t> param_number;
  };

  Result<Prepared*> Prepare(std::string_view sql) {
    std::string key(sql);
    auto it = statements_.find(key);
    if (it != statements_.end()) return &it->second;
    if (statements_.size() >= kMaxCachedStatements) statements_.clear();
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v2(db_.get(), key.data(), static_cast<int>(key.size()), &raw, nullptr);
    StmtPtr stmt(raw);
    if (rc != SQLITE_OK) return Fail(rc, "cannot prepare statement");
    Prepared p;
    int count = sqlite3_bind_parameter_count(stmt.get());
    p.param_number.resize(count + 1, 0);
    for (int i = 1; i <= count; ++i) {
      const char* name = sqlite3_bind_parameter_name(stmt.get(), i);
      if (name != nullptr && name[0] == '$') p.param_number[i] = std::strtoul(name + 1, nullptr, 10);
    }
    p.stmt = std::move(stmt);
    return &statements_.emplace(std::move(key), std::move(p)).first->second;
  }

  // Runs `sql`; appends result rows to `rows` when not null; returns changes().
  Result<long long> Run(std::string_view sql, const std::vector<DbValue>& params,
                        std::vector<DbRow>* rows) {
    failure_ = DbFailure::kNone;
    Result<Prepared*> prepared = Prepare(sql);
    if (!prepared) return std::unexpected(prepared.error());
    sqlite3_stmt* stmt = (*prepared)->stmt.get();
    const std::vector<size_t>& param_number = (*prepared)->param_number;
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    int count = static_cast<int>(param_number.size()) - 1;
    for (int i = 1; i <= count; ++i) {
      size_t index = param_number[i];
      if (index < 1 || index > params.size())
        return MakeError(ErrorCode::kInternal,
                         url_ + ": statement parameter " + std::to_string(i) +
                             " is not $1..$" + std::to_string(params.size()));
      const DbValue& v = params[index - 1];
      int rc = v ? sqlite3_bind_text(stmt, i, v->data(), static_cast<int>(v->size()),
                                     SQLITE_TRANSIENT)
                 : sqlite3_bind_null(stmt, i);
      if (rc != SQLITE_OK) return Fail(rc, "cannot bind a parameter");
    }
    while (true) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        sqlite3_reset(stmt);
        return Fail(rc, "statement failed");
      }
      if (rows == nullptr) continue;
      DbRow row;
      int columns = sqlite3_column_count(stmt);
      row.reserve(columns);
      for (int c = 0; c < columns; ++c) {
        if (sqlite3_column_type(stmt, c) == SQLITE_NULL) {
          row.emplace_back(std::nullopt);
        } else {
          const unsigned char* text = sqlite3_column_text(stmt, c);
          int n = sqlite3_column_bytes(stmt, c);
          row.emplace_back(std::string(reinterpret_cast<const char*>(text), n));
        }
      }
      rows->push_back(std::move(row));
    }
    sqlite3_reset(stmt);
    return static_cast<long long>(sqlite3_changes(db_.get()));
  }

  std::unexpected<Error> Fail(int rc, std::string_view what) {
    failure_ = Classify(rc);
    int ext = sqlite3_extended_errcode(db_.get());
    std::string detail = sqlite3_errmsg(db_.get());
    std::string message = url_ + ": ";
    switch (failure_) {
      case DbFailure::kBusy:
        message += "database is locked by another writer (waited " +
                   std::to_string(busy_timeout_ms_) + " ms): " + detail;
        break;
      case DbFailure::kFull:
        message += "database or disk is full: " + detail;
        break;
      case DbFailure::kReadOnly:
        message += "database is read-only: " + detail;
        break;
      default:
        message += std::string(what) + ": " + detail + " (sqlite code " + std::to_string(ext) + ")";
    }
    return MakeError(ErrorCode::kSink, std::move(message));
  }

  DbPtr db_;
  std::string url_;
  int busy_timeout_ms_;
  DbFailure failure_ = DbFailure::kNone;
  std::map<std::string, Prepared, std::less<>> statements_;
};

}  // namespace

Result<std::unique_ptr<Database>> OpenSqlite(const std::string& url, const DbOptions& options) {
  Result<SqliteUrl> parsed = ParseSqliteUrl(url);
  if (!parsed) return std::unexpected(parsed.error());
  int flags = parsed->read_only ? SQLITE_OPEN_READONLY
                                : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  flags |= SQLITE_OPEN_NOMUTEX;
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(parsed->path.c_str(), &raw, flags, nullptr);
  DbPtr db(raw);
  if (rc != SQLITE_OK) {
    std::string detail = db ? sqlite3_errmsg(db.get()) : sqlite3_errstr(rc);
    return MakeError(ErrorCode::kSink, url + ": cannot open database: " + detail);
  }
  sqlite3_extended_result_codes(db.get(), 1);
  int busy = parsed->busy_timeout_ms.value_or(options.busy_timeout_ms);
  sqlite3_busy_timeout(db.get(), busy);
  auto database = std::make_unique<SqliteDatabase>(std::move(db), url, busy);
  Database& d = *database;
  // WAL: readers never block the writer and a killed writer leaves only
  // complete transactions. In WAL, synchronous=NORMAL loses no committed
  // transaction when a process dies (only, at worst, on power loss).
  if (!parsed->read_only) {
    Result<std::vector<DbRow>> mode = d.Query("PRAGMA journal_mode=WAL");
    if (!mode) return std::unexpected(mode.error());
    if (Result<long long> r = d.Exec("PRAGMA synchronous=NORMAL"); !r)
      return std::unexpected(r.error());
  }
  if (Result<long long> r = d.Exec("PRAGMA foreign_keys=ON"); !r)
    return std::unexpected(r.error());
  if (parsed->max_page_count) {
    Result<std::vector<DbRow>> r =
        d.Query("PRAGMA max_page_count=" + std::to_string(*parsed->max_page_count));
    if (!r) return std::unexpected(r.error());
  }
  return std::unique_ptr<Database>(std::move(database));
}

}  // namespace notat
