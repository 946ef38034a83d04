// Helpers for the database and ingest tests: a temp directory, a fresh
// database per test on SQLite or PostgreSQL (NOTAT_TEST_PG_URL, one schema per
// test), and fake note files that a fake processor turns into NoteResults, so
// the tests do not depend on the reading and extraction stages.
//
// Fake note file, one directive per line:
//   period 2025-H1                          the note's period (title)
//   record TABLE NAME PERIOD REGION VALUE   TABLE 0 = fact; REGION '-' = none, '_' = space
//   bulk N                                  N more table-1 records "bulk" with periods B000001...
//   check NAME pass|fail                    a validation check
//   pages N                                 number of pages (default 1)
//   error MESSAGE                           the input cannot be read
// Any other line (e.g. "salt 7") only changes the file's sha256.
#ifndef NOTAT_TESTS_DB_TEST_UTIL_H_
#define NOTAT_TESTS_DB_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>

#include "pipeline/db.h"
#include "pipeline/ingest.h"
#include "pipeline/source.h"

namespace notat::testing {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "notat-db-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  fs::path Write(const std::string& name, const std::string& text) const {
    fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }

 private:
  fs::path path_;
};

enum class Backend { kSqlite, kPostgres };

inline void PrintTo(Backend b, std::ostream* os) {
  *os << (b == Backend::kSqlite ? "SQLite" : "PostgreSQL");
}

inline std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
}

inline std::string WithParam(const std::string& url, const std::string& param) {
  return url + (url.find('?') == std::string::npos ? "?" : "&") + param;
}

// A fresh, empty database for one test. For PostgreSQL a schema of its own
// (tests run in parallel processes against one server), dropped at the end.
class TestDatabase {
 public:
  // Sets `url_` or records why it cannot (skip / fail decided by the caller).
  TestDatabase(Backend backend, const TempDir& dir) : backend_(backend) {
    if (backend == Backend::kSqlite) {
      url_ = "sqlite:" + (dir.path() / "notes.db").string();
      return;
    }
    const char* base = std::getenv("NOTAT_TEST_PG_URL");
    if (base == nullptr || *base == '\0') {
      unavailable_ = std::getenv("CI") != nullptr
                         ? "NOTAT_TEST_PG_URL is not set but CI is: the PostgreSQL tests need the "
                           "cluster from '.ci/pg-cluster start ENVFILE' (see .ci/setup run_tests)"
                         : "NOTAT_TEST_PG_URL is not set; start one with .ci/pg-cluster";
      fail_ = std::getenv("CI") != nullptr;
      return;
    }
    base_ = base;
    static std::atomic<int> counter{0};
    std::random_device rd;
    schema_ = "t" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" +
              std::to_string(rd() % 100000);
    DbOptions no_migrate;
    no_migrate.migrate = false;
    Result<std::unique_ptr<Database>> admin = OpenDatabase(base_, no_migrate);
    if (!admin) {
      unavailable_ = "cannot reach the test PostgreSQL: " + admin.error().ToString();
      fail_ = true;
      return;
    }
    Result<long long> r = (*admin)->Exec("CREATE SCHEMA " + schema_);
    if (!r) {
      unavailable_ = "cannot create a test schema: " + r.error().ToString();
      fail_ = true;
      return;
    }
    url_ = WithParam(base_, "options=-csearch_path%3D" + schema_);
  }
  ~TestDatabase() {
    if (schema_.empty() || url_.empty()) return;
    DbOptions no_migrate;
    no_migrate.migrate = false;
    Result<std::unique_ptr<Database>> admin = OpenDatabase(base_, no_migrate);
    if (admin) (void)(*admin)->Exec("DROP SCHEMA " + schema_ + " CASCADE");
  }
  const std::string& url() const { return url_; }
  bool ok() const { return !url_.empty(); }
  bool must_fail() const { return fail_; }
  const std::string& why() const { return unavailable_; }
  Backend backend() const { return backend_; }

 private:
  Backend backend_;
  std::string url_, base_, schema_, unavailable_;
  bool fail_ = false;
};

// In a test body: a fresh database in `var`, or skip / fail as the brief says.
#define NOTAT_TEST_DATABASE(var, backend, dir)                   \
  ::notat::testing::TestDatabase var((backend), (dir));          \
  if (!var.ok()) {                                                \
    if (var.must_fail()) FAIL() << var.why();                     \
    GTEST_SKIP() << var.why();                                    \
  }

inline std::unique_ptr<Database> MustOpen(const std::string& url) {
  Result<std::unique_ptr<Database>> db = OpenDatabase(url);
  if (!db) {
    ADD_FAILURE() << db.error().ToString();
    return nullptr;
  }
  return std::move(*db);
}

// The single value of a one-row, one-column query ("" for NULL, "ERROR: ..." on failure).
inline std::string Scalar(Database& db, const std::string& sql) {
  Result<std::vector<DbRow>> rows = db.Query(sql);
  if (!rows) return "ERROR: " + rows.error().ToString();
  if (rows->empty() || (*rows)[0].empty()) return "(no row)";
  return (*rows)[0][0].value_or("");
}

inline long long Count(Database& db, const std::string& sql) {
  std::string s = Scalar(db, sql);
  char* end = nullptr;
  long long v = std::strtoll(s.c_str(), &end, 10);
  if (end == s.c_str()) {
    ADD_FAILURE() << sql << " -> " << s;
    return -1;
  }
  return v;
}

// A fake note file's text.
struct FakeNote {
  std::string period;
  std::vector<std::string> lines;
  FakeNote& Record(int table, const std::string& name, const std::string& period,
                   const std::string& region, double value) {
    std::ostringstream s;
    s << "record " << table << " " << name << " " << period << " " << region << " " << value;
    lines.push_back(s.str());
    return *this;
  }
  FakeNote& Line(const std::string& line) {
    lines.push_back(line);
    return *this;
  }
  std::string Text() const {
    std::string out = "period " + period + "\n";
    for (const std::string& l : lines) out += l + "\n";
    return out;
  }
};

inline std::string Underscores(std::string s) {
  for (char& c : s)
    if (c == '_') c = ' ';
  return s;
}

// Turns a fake note's text into the NoteResult the pipeline would produce.
inline NoteResult FakeResult(const std::string& path, const std::string& text) {
  NoteResult r;
  r.path = path;
  r.document.path = path;
  r.document.sha256 = Sha256Hex(text);
  r.document.kind = "text";
  int pages = 1;
  Table tables[3];
  for (int t = 0; t < 3; ++t) tables[t].number = t + 1;
  std::istringstream in(text);
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    std::istringstream ls(line);
    std::string word;
    ls >> word;
    if (word == "period") {
      ls >> r.extraction.note_period;
      r.extraction.title = "Notat om henvendelser " + r.extraction.note_period;
    } else if (word == "error") {
      std::string rest;
      std::getline(ls >> std::ws, rest);
      NoteResult failed;
      failed.path = path;
      failed.error = Error{ErrorCode::kInvalidInput, path + ": " + rest};
      return failed;
    } else if (word == "pages") {
      ls >> pages;
    } else if (word == "check") {
      Check c;
      std::string status;
      ls >> c.name >> status;
      c.status = status == "fail" ? CheckStatus::kFail : CheckStatus::kPass;
      c.message = c.name + (status == "fail" ? " does not hold" : " holds");
      r.report.checks.push_back(c);
    } else if (word == "record" || word == "bulk") {
      int table = 1, n = 1;
      std::string name = "bulk", period, region = "-";
      double value = 0;
      if (word == "record") ls >> table >> name >> period >> region >> value;
      else ls >> n;
      for (int i = 0; i < n; ++i) {
        Record rec;
        rec.note = r.extraction.note_period;
        if (table > 0) rec.table = table;
        rec.name = name;
        if (word == "bulk") {
          char buf[16];
          std::snprintf(buf, sizeof buf, "B%06d", i + 1);
          rec.period = buf;
          value = i + 1;
        } else {
          rec.period = period;
        }
        auto dates = NotePeriodDates(rec.period);
        rec.period_start = dates ? dates->first : "";
        rec.period_end = dates ? dates->second : "";
        if (region != "-") rec.region = Underscores(region);
        rec.value = value;
        rec.unit = "count";
        rec.source.page = 1;
        rec.source.line = line_no;
        rec.source.text = line;
        rec.source.box = Box{10, 20.5, 30, 40};
        rec.source.confidence = 91.5;
        rec.flags = {"digit-repaired"};
        if (table > 0) tables[table - 1].records.push_back(rec);
        else r.extraction.facts.push_back(rec);
      }
    }
  }
  for (int t = 0; t < 3; ++t)
    if (!tables[t].records.empty()) r.extraction.tables.push_back(tables[t]);
  for (int p = 1; p <= pages; ++p) {
    Page page;
    page.number = p;
    page.text_source = "text";
    page.lines.push_back(Line{1, "side " + std::to_string(p), {}});
    r.document.pages.push_back(page);
    r.repaired.pages.push_back(page);
  }
  Correction c;
  c.page = 1;
  c.line = 1;
  c.column = 3;
  c.before = "radgiver";
  c.after = "rådgiver";
  c.rule = "confusion:a->å";
  r.repaired.corrections.push_back(c);
  return r;
}

// The processor the ingest tests use in place of ProcessInput.
inline NoteResult FakeProcess(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    NoteResult r;
    r.path = path;
    r.error = Error{ErrorCode::kIo, path + ": cannot read"};
    return r;
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return FakeResult(path, text);
}

inline IngestOptions QuietOptions(const std::string& url, std::vector<std::string> inputs) {
  IngestOptions o;
  o.db_url = url;
  o.inputs = std::move(inputs);
  o.jobs = 2;
  o.quiet = true;
  return o;
}

}  // namespace notat::testing

#endif  // NOTAT_TESTS_DB_TEST_UTIL_H_
