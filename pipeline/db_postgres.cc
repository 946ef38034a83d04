// PostgreSQL adapter of Database: the only file that includes libpq-fe.h.
// Text parameters and results, READ COMMITTED transactions, failures
// classified by SQLSTATE so the caller can retry conflicts.
#include <libpq-fe.h>

#include <memory>
#include <string>

#include "pipeline/db.h"

namespace notat {
namespace {

struct ConnDeleter {
  void operator()(PGconn* c) const { PQfinish(c); }
};
using ConnPtr = std::unique_ptr<PGconn, ConnDeleter>;

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

// Key of the advisory lock that serialises migrations ("notat" in ASCII).
constexpr long long kSchemaLockKey = 0x6e6f746174;

DbFailure ClassifySqlState(std::string_view state) {
  if (state == "23505" || state == "40001" || state == "40P01") return DbFailure::kConflict;
  if (state == "53100") return DbFailure::kFull;
  if (state == "25006") return DbFailure::kReadOnly;
  if (state == "28P01" || state == "28000") return DbFailure::kAuth;
  if (state.starts_with("08") || state == "57P01" || state == "57P02" || state == "57P03")
    return DbFailure::kConnection;
  if (state == "55P03") return DbFailure::kBusy;
  return DbFailure::kOther;
}

// libpq's message on one line: "...failed: Connection refused Is the server running...".
std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  std::string out;
  for (char c : s) {
    if (c == '\n' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(ConnPtr conn, std::string url) : conn_(std::move(conn)), url_(std::move(url)) {}

  DbDialect dialect() const override { return DbDialect::kPostgres; }
  const std::string& display_url() const override { return url_; }
  DbFailure last_failure() const override { return failure_; }

  Result<std::vector<DbRow>> Query(std::string_view sql,
                                   const std::vector<DbValue>& params) override {
    Result<PgResultPtr> res = Run(sql, params);
    if (!res) return std::unexpected(res.error());
    PGresult* r = res->get();
    std::vector<DbRow> rows;
    int n = PQntuples(r), columns = PQnfields(r);
    rows.reserve(n);
    for (int i = 0; i < n; ++i) {
      DbRow row;
      row.reserve(columns);
      for (int c = 0; c < columns; ++c) {
        if (PQgetisnull(r, i, c)) row.emplace_back(std::nullopt);
        else row.emplace_back(std::string(PQgetvalue(r, i, c), PQgetlength(r, i, c)));
      }
      rows.push_back(std::move(row));
    }
    return rows;
  }

  Result<long long> Exec(std::string_view sql, const std::vector<DbValue>& params) override {
    Result<PgResultPtr> res = Run(sql, params);
    if (!res) return std::unexpected(res.error());
    const char* tuples = PQcmdTuples(res->get());
    return tuples && *tuples ? std::stoll(tuples) : 0LL;
  }

  Result<void> Begin() override { return Simple("BEGIN"); }
  Result<void> Commit() override {
    Result<void> r = Simple("COMMIT");
    if (!r && PQtransactionStatus(conn_.get()) != PQTRANS_IDLE) {
      DbFailure keep = failure_;
      (void)Rollback();
      failure_ = keep;
    }
    return r;
  }
  Result<void> Rollback() override {
    PGTransactionStatusType status = PQtransactionStatus(conn_.get());
    if (status == PQTRANS_IDLE || status == PQTRANS_UNKNOWN) return {};
    DbFailure before = failure_;  // keep why the transaction is being abandoned
    Result<void> r = Simple("ROLLBACK");
    if (r) failure_ = before;
    return r;
  }
  Result<void> LockSchema() override {
    return Simple("SELECT pg_advisory_xact_lock(" + std::to_string(kSchemaLockKey) + ")");
  }

 private:
  Result<void> Simple(const std::string& sql) {
    Result<PgResultPtr> r = Run(sql, {});
    if (!r) return std::unexpected(r.error());
    return {};
  }

  Result<PgResultPtr> Run(std::string_view sql, const std::vector<DbValue>& params) {
    failure_ = DbFailure::kNone;
    std::string text(sql);
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const DbValue& v : params) values.push_back(v ? v->c_str() : nullptr);
    PgResultPtr res(PQexecParams(conn_.get(), text.c_str(), static_cast<int>(values.size()),
                                 nullptr, values.data(), nullptr, nullptr, 0));
    ExecStatusType status = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return res;
    const char* state = res ? PQresultErrorField(res.get(), PG_DIAG_SQLSTATE) : nullptr;
    failure_ = state ? ClassifySqlState(state) : DbFailure::kConnection;
    if (PQstatus(conn_.get()) == CONNECTION_BAD) failure_ = DbFailure::kConnection;
    std::string detail = Trim(res ? PQresultErrorMessage(res.get()) : PQerrorMessage(conn_.get()));
    if (detail.empty()) detail = Trim(PQerrorMessage(conn_.get()));
    std::string message = url_ + ": ";
    switch (failure_) {
      case DbFailure::kConnection: message += "lost the connection to the server: "; break;
      case DbFailure::kFull: message += "the server's disk is full: "; break;
      case DbFailure::kReadOnly: message += "database is read-only: "; break;
      default: break;
    }
    message += detail;
    if (state) message += std::string(" (SQLSTATE ") + state + ")";
    return MakeError(ErrorCode::kSink, std::move(message));
  }

  ConnPtr conn_;
  std::string url_;
  DbFailure failure_ = DbFailure::kNone;
};

void IgnoreNotice(void*, const char*) {}

}  // namespace

Result<std::unique_ptr<Database>> OpenPostgres(const std::string& url, const DbOptions& options) {
  std::string display = RedactDatabaseUrl(url);
  // Defaults first: settings in the URL (expanded from dbname) override them.
  const char* keywords[] = {"connect_timeout", "application_name", "dbname", nullptr};
  std::string timeout = std::to_string(options.connect_timeout_s);
  const char* values[] = {timeout.c_str(), "notat", url.c_str(), nullptr};
  ConnPtr conn(PQconnectdbParams(keywords, values, /*expand_dbname=*/1));
  if (!conn) return MakeError(ErrorCode::kSink, display + ": cannot connect: out of memory");
  if (PQstatus(conn.get()) != CONNECTION_OK) {
    std::string detail = Trim(PQerrorMessage(conn.get()));
    std::string what = detail.find("password authentication failed") != std::string::npos ||
                               detail.find("no password supplied") != std::string::npos
                           ? "wrong user or password: "
                           : "cannot connect to the server: ";
    return MakeError(ErrorCode::kSink, display + ": " + what + detail);
  }
  PQsetNoticeProcessor(conn.get(), IgnoreNotice, nullptr);
  auto db = std::make_unique<PostgresDatabase>(std::move(conn), display);
  if (Result<long long> r = db->Exec("SET client_min_messages = warning", {}); !r)
    return std::unexpected(r.error());
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace notat
