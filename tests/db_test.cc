// The notes database on SQLite and on PostgreSQL (NOTAT_TEST_PG_URL): schema
// and migrations, one transaction per note, revisions and their differences,
// invalid notes kept out of valid_figures, conflicts between notes, concurrent
// writers, and database faults (full, locked, read-only, unreachable, wrong
// password) that never leave a partial note.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <thread>

#include "pipeline/db.h"
#include "pipeline/db_schema.h"
#include "tests/db_test_util.h"

namespace notat {
namespace {

using testing::Backend;
using testing::Count;
using testing::FakeNote;
using testing::FakeResult;
using testing::MustOpen;
using testing::Scalar;
using testing::TempDir;
namespace fs = std::filesystem;

// A 2025-H1 note: table 1 (2023, 2024, 2025-H1), table 2 (two regions and
// the total) and one fact.
FakeNote Note2025H1(double hovedstaden = 146) {
  FakeNote n{"2025-H1", {}};
  n.Record(1, "inquiries", "2023", "-", 631)
      .Record(1, "inquiries", "2024", "-", 827)
      .Record(1, "inquiries", "2025-H1", "-", 502)
      .Record(2, "inquiries_by_region", "2025-H1", "Region_Hovedstaden", hovedstaden)
      .Record(2, "inquiries_by_region", "2025-H1", "Region_Sjælland", 54)
      .Record(2, "inquiries_by_region", "2025-H1", "Total", 502)
      .Record(0, "children_share_pct", "2025-H1", "-", 45)
      .Line("check regions_sum_to_total pass")
      .Line("check tables_present pass")
      .Line("pages 2");
  return n;
}

class DbTest : public ::testing::TestWithParam<Backend> {};

TEST_P(DbTest, OpenMigratesOnceAndCreatesTheViews) {
  TempDir dir;
  NOTAT_TEST_DATABASE(tdb, GetParam(), dir);
  auto db = MustOpen(tdb.url());
  ASSERT_TRUE(db);
  EXPECT_EQ(SchemaVersion(*db).value_or(-1), 2);
  EXPECT_EQ(LatestSchemaVersion(), 2);
  db.reset();
  db = MustOpen(tdb.url());  // a second open runs no migration again
  ASSERT_TRUE(db);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM schema_version"), 2);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM unread_cells"), 0);
  for (const char* view : {"current_notes", "valid_figures", "figure_conflicts", "latest_figures"})
    EXPECT_EQ(Count(*db, std::string("SELECT COUNT(*) FROM ") + view), 0) << view;
}

TEST_P(DbTest, StoreNoteWritesTheWholeNoteWithProvenance) {
  TempDir dir;
  NOTAT_TEST_DATABASE(tdb, GetParam(), dir);
  auto db = MustOpen(tdb.url());
  ASSERT_TRUE(db);
  NoteResult note = FakeResult("notes/2025-h1.txt", Note2025H1().Text());
  Result<StoredNote> s = StoreNote(*db, note, "2025-07-01T10:00:00Z");
  ASSERT_TRUE(s) << s.error().ToString();
  EXPECT_EQ(s->status, StoreStatus::kStored);
  EXPECT_EQ(s->period, "2025-H1");
  EXPECT_EQ(s->revision, 1);
  EXPECT_TRUE(s->valid);
  EXPECT_EQ(s->figures, 7);
  EXPECT_TRUE(s->changes.empty());

  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM notes"), 1);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM note_pages"), 2);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM records"), 7);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM records WHERE table_no IS NULL"), 1);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM checks"), 2);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM corrections WHERE stage = 'repair'"), 1);
  EXPECT_EQ(Scalar(*db, "SELECT period_start || ' ' || period_end || ' ' || source_path || ' ' || "
                        "kind || ' ' || ingested_at FROM notes"),
            "2025-01-01 2025-06-30 notes/2025-h1.txt text 2025-07-01T10:00:00Z");
  Result<std::vector<DbRow>> rows = db->Query(
      "SELECT table_no, region, value, unit, page, line, box_x0, box_y1, confidence, flags, "
      "source_text FROM records WHERE name = 'inquiries_by_region' AND region = $1",
      {std::string("Region Sjælland")});
  ASSERT_TRUE(rows) << rows.error().ToString();
  ASSERT_EQ(rows->size(), 1u);
  const DbRow& r = (*rows)[0];
  EXPECT_EQ(std::stoi(*r[0]), 2);
  EXPECT_EQ(*r[1], "Region Sjælland");
  EXPECT_EQ(std::stod(*r[2]), 54);
  EXPECT_EQ(*r[3], "count");
  EXPECT_EQ(std::stoi(*r[4]), 1);
  EXPECT_EQ(std::stoi(*r[5]), 6);
  EXPECT_EQ(std::stod(*r[6]), 10);
  EXPECT_EQ(std::stod(*r[7]), 40);
  EXPECT_EQ(std::stod(*r[8]), 91.5);
  EXPECT_EQ(*r[9], "digit-repaired");
  EXPECT_EQ(*r[10], "record 2 inquiries_by_region 2025-H1 Region_Sjælland 54");
  Result<std::vector<DbRow>> fact =
      db->Query("SELECT table_no, region FROM records WHERE name = 'children_share_pct'");
  ASSERT_TRUE(fact && fact->size() == 1);
  EXPECT_FALSE((*fact)[0][0].has_value());
  EXPECT_FALSE((*fact)[0][1].has_value());
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM valid_figures WHERE note = '2025-H1'"), 7);
}

TEST_P(DbTest, SameFileTwiceIsUnchanged) {
  TempDir dir;
  NOTAT_TEST_DATABASE(tdb, GetParam(), dir);
  auto db = MustOpen(tdb.url());
  ASSERT_TRUE(db);
  std::string text = Note2025H1().Text();
  ASSERT_TRUE(StoreNote(*db, FakeResult("a/note.txt", text), NowUtc()));
  Result<StoredNote> again = StoreNote(*db, FakeResult("b/copy.txt", text), NowUtc());
  ASSERT_TRUE(again) << again.error().ToString();
  EXPECT_EQ(again->status, StoreStatus::kUnchanged);
  EXPECT_EQ(again->revision, 1);
  EXPECT_EQ(again->stored_path, "a/note.txt");
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM notes"), 1);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM records"), 7);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM checks"), 2);
}

TEST_P(DbTest, AnotherFileForThePeriodIsANewRevisionWithItsChanges) {
  TempDir dir;
  NOTAT_TEST_DATABASE(tdb, GetParam(), dir);
  auto db = MustOpen(tdb.url());
  ASSERT_TRUE(db);
  ASSERT_TRUE(StoreNote(*db, FakeResult("v1.txt", Note2025H1().Text()), NowUtc()));
  FakeNote v2 = Note2025H1(150);
  v2.lines.erase(v2.lines.begin());  // 2023 dropped
  v2.Record(3, "trips_abroad_new", "2025-H1", "-", 12);
  Result<StoredNote> s = StoreNote(*db, FakeResult("v2.txt", v2.Text()), NowUtc());
  ASSERT_TRUE(s) << s.error().ToString();
  EXPECT_EQ(s->status, StoreStatus::kStored);
  EXPECT_EQ(s->revision, 2);
  EXPECT_EQ(s->compared_revision, 1);
  ASSERT_EQ(s->changes.size(), 3u);
  EXPECT_EQ(s->changes[0].key.ToString(), "table 2 inquiries_by_region 2025-H1 Region Hovedstaden");
  EXPECT_EQ(s->changes[0].before, 146);
  EXPECT_EQ(s->changes[0].after, 150);
  EXPECT_EQ(s->changes[1].key.ToString(), "table 3 trips_abroad_new 2025-H1");
  EXPECT_FALSE(s->changes[1].before.has_value());
  EXPECT_EQ(s->changes[1].after, 12);
  EXPECT_EQ(s->changes[2].key.ToString(), "table 1 inquiries 2023");
  EXPECT_EQ(s->changes[2].before, 631);
  EXPECT_FALSE(s->changes[2].after.has_value());
  // Both revisions kept; the view shows the newest only.
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM notes WHERE period = '2025-H1'"), 2);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM valid_figures"), 7);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM valid_figures WHERE revision = 2"), 7);
  EXPECT_EQ(Scalar(*db, "SELECT CAST(value AS INTEGER) FROM valid_figures WHERE region = "
                        "'Region Hovedstaden'"),
            "150");
}

TEST_P(DbTest, InvalidNoteIsStoredButKeptOutOfTheView) {
  TempDir dir;
  NOTAT_TEST_DATABASE(tdb, GetParam(), dir);
  auto db = MustOpen(tdb.url());
  ASSERT_TRUE(db);
  ASSERT_TRUE(StoreNote(*db, FakeResult("v1.txt", Note2025H1().Text()), NowUtc()));
  FakeNote bad = Note2025H1(999);
  bad.Line("check table2_total_equals_table1 fail");
  Result<StoredNote> s = StoreNote(*db, FakeResult("bad.txt", bad.Text()), NowUtc());
  ASSERT_TRUE(s) << s.error().ToString();
  EXPECT_FALSE(s->valid);
  EXPECT_EQ(s->revision, 2);
  ASSERT_EQ(s->failed_checks.size(), 1u);
  EXPECT_EQ(s->failed_checks[0], "table2_total_equals_table1: table2_total_equals_table1 does not hold");
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM notes WHERE valid = 0"), 1);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM records"), 14);  // nothing lost
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM checks WHERE status = 'fail'"), 1);
  // The view keeps showing revision 1, the newest valid one.
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM valid_figures WHERE revision = 1"), 7);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM valid_figures WHERE value = 999"), 0);
  // The next valid revision reports its changes against revision 1, the
  // newest valid one, not against the invalid revision 2.
  Result<StoredNote> v3 = StoreNote(*db, FakeResult("v3.txt", Note2025H1(150).Text()), NowUtc());
  ASSERT_TRUE(v3) << v3.error().ToString();
  EXPECT_EQ(v3->revision, 3);
  EXPECT_EQ(v3->compared_revision, 1);
  ASSERT_EQ(v3->changes.size(), 1u);
  EXPECT_EQ(v3->changes[0].key.ToString(), "table 2 inquiries_by_region 2025-H1 Region Hovedstaden");
  EXPECT_EQ(v3->changes[0].before, 146);
  EXPECT_EQ(v3->changes[0].after, 150);
}

TEST_P(DbTest, NoteWithoutPeriodIsInvalid) {
  TempDir dir;
  NOTAT_TEST_DATABASE(tdb, GetParam(), dir);
  auto db = MustOpen(tdb.url());
  ASSERT_TRUE(db);
  NoteResult note = FakeResult("x.txt", "record 1 inquiries 2024 - 5\n");
  Result<StoredNote> s = StoreNote(*db, note, NowUtc());
  ASSERT_TRUE(s) << s.error().ToString();
  EXPECT_FALSE(s->valid);
  EXPECT_EQ(s->period, "");
  ASSERT_EQ(s->failed_checks.size(), 1u);
  EXPECT_EQ(s->failed_checks[0].substr(0, 18), "note_period_known:");
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM valid_figures"), 0);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM notes WHERE period_start IS NULL"), 1);
}

TEST_P(DbTest, UnreadableNoteIsRefused) {
  TempDir dir;
  NOTAT_TEST_DATABASE(tdb, GetParam(), dir);
  auto db = MustOpen(tdb.url());
  ASSERT_TRUE(db);
  NoteResult note = FakeResult("broken.pdf", "error truncated PDF\n");
  Result<StoredNote> s = StoreNote(*db, note, NowUtc());
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(s.error().message,
            "broken.pdf: not stored, the input could not be read: invalid_input: broken.pdf: "
            "truncated PDF");
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM notes"), 0);
}

TEST_P(DbTest, ConflictingFiguresBetweenNotesAreListed) {
  TempDir dir;
  NOTAT_TEST_DATABASE(tdb, GetParam(), dir);
  auto db = MustOpen(tdb.url());
  ASSERT_TRUE(db);
  FakeNote n2024{"2024", {}};
  n2024.Record(1, "inquiries", "2023", "-", 631).Record(1, "inquiries", "2024", "-", 830);
  ASSERT_TRUE(StoreNote(*db, FakeResult("2024.txt", n2024.Text()), NowUtc()));
  ASSERT_TRUE(StoreNote(*db, FakeResult("2025.txt", Note2025H1().Text()), NowUtc()));
  Result<std::vector<FigureConflict>> all = QueryConflicts(*db);
  ASSERT_TRUE(all) << all.error().ToString();
  ASSERT_EQ(all->size(), 1u);
  const FigureConflict& c = (*all)[0];
  EXPECT_EQ(c.key.ToString(), "table 1 inquiries 2024");
  EXPECT_EQ(c.note_a, "2024");
  EXPECT_EQ(c.value_a, 830);
  EXPECT_EQ(c.note_b, "2025-H1");
  EXPECT_EQ(c.value_b, 827);
  NoteResult n2025 = FakeResult("2025.txt", Note2025H1().Text());
  Result<std::vector<FigureConflict>> mine = QueryConflictsForNote(*db, n2025.document.sha256);
  ASSERT_TRUE(mine) << mine.error().ToString();
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ((*mine)[0].key.ToString(), "table 1 inquiries 2024");
  EXPECT_EQ((*mine)[0].note_a, "2024");
  EXPECT_EQ((*mine)[0].value_a, 830);
  EXPECT_EQ((*mine)[0].note_b, "2025-H1");
  EXPECT_EQ((*mine)[0].value_b, 827);
  // latest_figures takes 2024 from the newer note (2025-H1).
  Result<std::vector<LatestFigure>> latest = QueryLatestFigures(*db);
  ASSERT_TRUE(latest) << latest.error().ToString();
  int seen = 0;
  for (const LatestFigure& f : *latest) {
    if (f.key.name == "inquiries" && f.key.period == "2024") {
      ++seen;
      EXPECT_EQ(f.value, 827);
      EXPECT_EQ(f.note, "2025-H1");
    }
  }
  EXPECT_EQ(seen, 1);
  EXPECT_EQ(latest->size(), 7u);
}

TEST_P(DbTest, RolledBackTransactionLeavesNothing) {
  TempDir dir;
  NOTAT_TEST_DATABASE(tdb, GetParam(), dir);
  auto db = MustOpen(tdb.url());
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->Begin());
  ASSERT_TRUE(db->Exec("INSERT INTO schema_version (version, description, applied_at) "
                       "VALUES ($1, $2, $3)",
                       {std::string("50"), std::string("x"), std::string("now")}));
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM schema_version"), 3);
  ASSERT_TRUE(db->Rollback());
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM schema_version"), 2);
}

TEST_P(DbTest, AVersion1DatabaseIsUpgradedAndKeepsItsNotes) {
  // A database made by a notat that knew only version 1, with a note in it.
  TempDir dir;
  NOTAT_TEST_DATABASE(tdb, GetParam(), dir);
  {
    DbOptions no_migration;
    no_migration.migrate = false;
    Result<std::unique_ptr<Database>> raw = OpenDatabase(tdb.url(), no_migration);
    ASSERT_TRUE(raw) << raw.error().ToString();
    ASSERT_TRUE((*raw)->Exec(sql::kCreateSchemaVersion));
    for (std::string_view statement : Migrations().front().statements) ASSERT_TRUE((*raw)->Exec(statement));
    ASSERT_TRUE((*raw)->Exec("INSERT INTO schema_version (version, description, applied_at) VALUES (1, 'v1', 'then')"));
    ASSERT_TRUE((*raw)->Exec("INSERT INTO notes (sha256, period, revision, period_start, period_end, source_path, "
                             "kind, page_count, title, ingested_at, valid, figure_count) VALUES ('old', '2024-H2', 1, "
                             "'2024-07-01', '2024-12-31', 'old.txt', 'text', 1, '', 'then', 1, 0)"));
  }
  auto db = MustOpen(tdb.url());
  ASSERT_TRUE(db);
  EXPECT_EQ(SchemaVersion(*db).value_or(-1), 2);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM notes"), 1);
  // A note with an unreadable cell is stored whole after the upgrade.
  NoteResult note = FakeResult("notes/2025-h1.txt", Note2025H1().Text());
  for (Table& t : note.extraction.tables)
    if (t.number == 2) t.unread.push_back(Table::UnreadCell{"2025-H1", "Region Nordjylland", "Ax",
                                                            SourceRef{1, 9, "Region Nordjylland Ax", {}, {}}});
  Result<StoredNote> s = StoreNote(*db, note, "2025-07-01T10:00:00Z");
  ASSERT_TRUE(s) << s.error().ToString();
  Result<std::vector<DbRow>> rows =
      db->Query("SELECT table_no, period, region, read_text, page, line, source_text FROM unread_cells");
  ASSERT_TRUE(rows) << rows.error().ToString();
  ASSERT_EQ(rows->size(), 1u);
  const DbRow& r = (*rows)[0];
  EXPECT_EQ(std::stoi(*r[0]), 2);
  EXPECT_EQ(*r[1], "2025-H1");
  EXPECT_EQ(*r[2], "Region Nordjylland");
  EXPECT_EQ(*r[3], "Ax");
  EXPECT_EQ(std::stoi(*r[4]), 1);
  EXPECT_EQ(std::stoi(*r[5]), 9);
  EXPECT_EQ(*r[6], "Region Nordjylland Ax");
}

TEST_P(DbTest, NewerSchemaIsRefused) {
  TempDir dir;
  NOTAT_TEST_DATABASE(tdb, GetParam(), dir);
  {
    auto db = MustOpen(tdb.url());
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->Exec("INSERT INTO schema_version (version, description, applied_at) "
                         "VALUES (99, 'future', 'now')"));
  }
  Result<std::unique_ptr<Database>> db = OpenDatabase(tdb.url());
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().code, ErrorCode::kSink);
  EXPECT_NE(db.error().message.find("schema version 99, newer than this notat knows (2)"),
            std::string::npos)
      << db.error().message;
}

// Two connections store overlapping notes at once: the same files (sha256
// race) and different files for one period (revision race).
TEST_P(DbTest, ConcurrentWritersStoreEachNoteOnce) {
  TempDir dir;
  NOTAT_TEST_DATABASE(tdb, GetParam(), dir);
  ASSERT_TRUE(MustOpen(tdb.url()));
  constexpr int kShared = 12, kRevisions = 8;
  std::vector<std::string> shared, mine[2];
  for (int i = 0; i < kShared; ++i) {
    FakeNote n{std::to_string(2000 + i), {}};
    n.Record(1, "inquiries", n.period, "-", i).Line("bulk 40");
    shared.push_back(n.Text());
  }
  for (int w = 0; w < 2; ++w)
    for (int i = 0; i < kRevisions; ++i) {
      FakeNote n{"2030-H1", {}};
      n.Record(1, "inquiries", "2030-H1", "-", 100 * w + i).Line("bulk 40");
      mine[w].push_back(n.Text());
    }
  std::string errors[2];
  int stored[2] = {0, 0};
  auto writer = [&](int w) {
    Result<std::unique_ptr<Database>> db = OpenDatabase(tdb.url());
    if (!db) {
      errors[w] = db.error().ToString();
      return;
    }
    // Each writer: its own revisions of 2030-H1 interleaved with the shared
    // notes, which the second writer takes in reverse order.
    std::vector<std::string> order;
    for (int i = 0; i < std::max(kRevisions, kShared); ++i) {
      if (i < kRevisions) order.push_back(mine[w][i]);
      if (i < kShared) order.push_back(shared[w == 0 ? i : kShared - 1 - i]);
    }
    for (const std::string& text : order) {
      Result<StoredNote> s = StoreNote(**db, FakeResult("w" + std::to_string(w), text), NowUtc());
      if (!s) errors[w] += s.error().ToString() + "\n";
      else if (s->status == StoreStatus::kStored) ++stored[w];
    }
  };
  std::thread a(writer, 0), b(writer, 1);
  a.join();
  b.join();
  EXPECT_EQ(errors[0], "");
  EXPECT_EQ(errors[1], "");
  auto db = MustOpen(tdb.url());
  ASSERT_TRUE(db);
  EXPECT_EQ(stored[0] + stored[1], kShared + 2 * kRevisions);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM notes"), kShared + 2 * kRevisions);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM notes WHERE period = '2030-H1'"), 2 * kRevisions);
  EXPECT_EQ(Count(*db, "SELECT MAX(revision) FROM notes WHERE period = '2030-H1'"), 2 * kRevisions);
  EXPECT_EQ(Count(*db, "SELECT MAX(revision) FROM notes WHERE period <> '2030-H1'"), 1);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM records"), (kShared + 2 * kRevisions) * 41);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM notes n WHERE figure_count <> "
                       "(SELECT COUNT(*) FROM records r WHERE r.note_sha256 = n.sha256)"),
            0);
}

INSTANTIATE_TEST_SUITE_P(Backends, DbTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

// ---- SQLite faults ----

TEST(DbSqliteTest, FullDatabaseLeavesNoPartialNote) {
  TempDir dir;
  std::string url = "sqlite:" + (dir.path() / "full.db").string();
  auto db = MustOpen(url);
  ASSERT_TRUE(db);
  ASSERT_TRUE(StoreNote(*db, FakeResult("small.txt", Note2025H1().Text()), NowUtc()));
  long long pages = Count(*db, "PRAGMA page_count");
  db.reset();
  // Room for a few more pages, not for a note with 20000 records.
  auto limited = MustOpen(url + "?max_page_count=" + std::to_string(pages + 4));
  ASSERT_TRUE(limited);
  FakeNote big{"2026-H1", {}};
  big.Line("bulk 20000");
  Result<StoredNote> s = StoreNote(*limited, FakeResult("big.txt", big.Text()), NowUtc());
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::kSink);
  EXPECT_EQ(limited->last_failure(), DbFailure::kFull);
  EXPECT_NE(s.error().message.find("database or disk is full"), std::string::npos)
      << s.error().message;
  limited.reset();
  auto check = MustOpen(url);
  ASSERT_TRUE(check);
  EXPECT_EQ(Count(*check, "SELECT COUNT(*) FROM notes"), 1);
  EXPECT_EQ(Count(*check, "SELECT COUNT(*) FROM records"), 7);
  EXPECT_EQ(Scalar(*check, "PRAGMA integrity_check"), "ok");
  // With room again, the same note goes in whole.
  Result<StoredNote> again = StoreNote(*check, FakeResult("big.txt", big.Text()), NowUtc());
  ASSERT_TRUE(again) << again.error().ToString();
  EXPECT_EQ(Count(*check, "SELECT COUNT(*) FROM records"), 20007);
}

TEST(DbSqliteTest, LockedDatabaseFailsClearlyAfterTheBusyTimeout) {
  TempDir dir;
  std::string url = "sqlite:" + (dir.path() / "locked.db").string();
  auto holder = MustOpen(url);
  ASSERT_TRUE(holder);
  ASSERT_TRUE(holder->Begin());  // holds the write lock
  auto other = MustOpen(url + "?busy_timeout=150");
  ASSERT_TRUE(other);
  Result<StoredNote> s = StoreNote(*other, FakeResult("n.txt", Note2025H1().Text()), NowUtc());
  ASSERT_FALSE(s);
  EXPECT_EQ(other->last_failure(), DbFailure::kBusy);
  EXPECT_NE(s.error().message.find("database is locked by another writer (waited 150 ms)"),
            std::string::npos)
      << s.error().message;
  ASSERT_TRUE(holder->Rollback());
  ASSERT_TRUE(StoreNote(*other, FakeResult("n.txt", Note2025H1().Text()), NowUtc()));
  EXPECT_EQ(Count(*other, "SELECT COUNT(*) FROM notes"), 1);
}

TEST(DbSqliteTest, ReadOnlyModeFailsClearly) {
  TempDir dir;
  std::string url = "sqlite:" + (dir.path() / "ro.db").string();
  ASSERT_TRUE(MustOpen(url));
  auto ro = MustOpen(url + "?mode=ro");
  ASSERT_TRUE(ro);
  Result<StoredNote> s = StoreNote(*ro, FakeResult("n.txt", Note2025H1().Text()), NowUtc());
  ASSERT_FALSE(s);
  EXPECT_EQ(ro->last_failure(), DbFailure::kReadOnly);
  EXPECT_NE(s.error().message.find("database is read-only"), std::string::npos) << s.error().message;
  EXPECT_EQ(Count(*ro, "SELECT COUNT(*) FROM notes"), 0);
}

// A database file the user may not write (as root, a child process drops to
// 'nobody' first, since root ignores file permissions).
TEST(DbSqliteTest, ReadOnlyFileFailsClearly) {
  TempDir dir;
  fs::path file = dir.path() / "ro.db";
  ASSERT_TRUE(MustOpen("sqlite:" + file.string()));
  fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_read |
                                  fs::perms::group_exec | fs::perms::others_read |
                                  fs::perms::others_exec);
  for (const char* suffix : {"", "-wal", "-shm"}) {
    fs::path p = file.string() + suffix;
    if (fs::exists(p))
      fs::permissions(p, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  }
  int pipefd[2];
  ASSERT_EQ(pipe(pipefd), 0);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    close(pipefd[0]);
    if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) _exit(3);
    std::string message = "opened";
    Result<std::unique_ptr<Database>> db = OpenDatabase("sqlite:" + file.string());
    if (!db) {
      message = db.error().message;
    } else {
      Result<StoredNote> s = StoreNote(**db, FakeResult("n.txt", Note2025H1().Text()), NowUtc());
      message = s ? "stored" : s.error().message;
    }
    (void)!write(pipefd[1], message.data(), message.size());
    _exit(0);
  }
  close(pipefd[1]);
  std::string message;
  char buf[512];
  for (ssize_t n; (n = read(pipefd[0], buf, sizeof buf)) > 0;) message.append(buf, n);
  close(pipefd[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), 0);
  EXPECT_NE(message.find(file.string()), std::string::npos) << message;
  std::cerr << "read-only file: " << message << "\n";
  EXPECT_TRUE(message.find("read-only") != std::string::npos ||
              message.find("cannot open") != std::string::npos)
      << message;
  auto db = MustOpen("sqlite:" + file.string());
  ASSERT_TRUE(db);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM notes"), 0);
}

TEST(DbSqliteTest, BadUrlsAreRefused) {
  struct Case {
    std::string url;
    ErrorCode code;
    std::string message;
  };
  std::vector<Case> cases = {
      {"mysql://x", ErrorCode::kInvalidInput,
       "database URL 'mysql://x' is neither sqlite:PATH nor postgresql://user:password@host:port/db"},
      {"sqlite:", ErrorCode::kInvalidInput, "sqlite:: no database file in the URL"},
      {"sqlite:x.db?busy_timeout=soon", ErrorCode::kInvalidInput,
       "sqlite:x.db?busy_timeout=soon: busy_timeout must be a non-negative integer, got 'soon'"},
      {"sqlite:x.db?cache=shared", ErrorCode::kInvalidInput,
       "sqlite:x.db?cache=shared: unknown parameter 'cache' (known: mode, busy_timeout, max_page_count)"},
      {"sqlite:/nonexistent-dir/x.db", ErrorCode::kSink,
       "sqlite:/nonexistent-dir/x.db: cannot open database: unable to open database file"},
  };
  for (const Case& c : cases) {
    Result<std::unique_ptr<Database>> db = OpenDatabase(c.url);
    ASSERT_FALSE(db) << c.url;
    EXPECT_EQ(db.error().code, c.code) << c.url;
    EXPECT_EQ(db.error().message, c.message) << c.url;
  }
}

// ---- PostgreSQL faults ----

TEST(DbPostgresTest, UnreachableServerFailsClearly) {
  Result<std::unique_ptr<Database>> db =
      OpenDatabase("postgresql://notat:secret@127.0.0.1:1/notat?connect_timeout=2");
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().code, ErrorCode::kSink);
  const std::string& m = db.error().message;
  EXPECT_EQ(m.rfind("postgresql://notat@127.0.0.1:1/notat?connect_timeout=2: cannot connect to the "
                    "server: ",
                    0),
            0u)
      << m;
  EXPECT_NE(m.find("Connection refused"), std::string::npos) << m;
  EXPECT_EQ(m.find("secret"), std::string::npos) << m;
}

TEST(DbPostgresTest, WrongPasswordFailsClearly) {
  const char* base = std::getenv("NOTAT_TEST_PG_URL");
  if (base == nullptr || *base == '\0') {
    if (std::getenv("CI")) FAIL() << "NOTAT_TEST_PG_URL is not set but CI is (see .ci/pg-cluster)";
    GTEST_SKIP() << "NOTAT_TEST_PG_URL is not set";
  }
  std::string url = base;
  size_t scheme = url.find("://") + 3, at = url.find('@'), colon = url.find(':', scheme);
  ASSERT_TRUE(at != std::string::npos && colon < at) << "the test URL needs user:password@";
  url.replace(colon + 1, at - colon - 1, "wrong-password");
  Result<std::unique_ptr<Database>> db = OpenDatabase(url);
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().code, ErrorCode::kSink);
  EXPECT_NE(db.error().message.find(": wrong user or password: "), std::string::npos)
      << db.error().message;
  EXPECT_NE(db.error().message.find("password authentication failed"), std::string::npos)
      << db.error().message;
  EXPECT_EQ(db.error().message.find("wrong-password"), std::string::npos) << db.error().message;
}

TEST(DbUrlTest, PasswordsAreRemovedForMessages) {
  EXPECT_EQ(RedactDatabaseUrl("postgresql://notat:s3cret@db.example:5432/notat"),
            "postgresql://notat@db.example:5432/notat");
  EXPECT_EQ(RedactDatabaseUrl("postgresql://db.example/notat?user=n&password=s3cret&sslmode=require"),
            "postgresql://db.example/notat?user=n&password=***&sslmode=require");
  EXPECT_EQ(RedactDatabaseUrl("postgresql://notat@db.example/notat"), "postgresql://notat@db.example/notat");
  EXPECT_EQ(RedactDatabaseUrl("sqlite:notes/notat.db"), "sqlite:notes/notat.db");
}

TEST(DbPeriodTest, NotePeriodDates) {
  EXPECT_EQ(NotePeriodDates("2025-H1"), std::make_pair(std::string("2025-01-01"), std::string("2025-06-30")));
  EXPECT_EQ(NotePeriodDates("2024-H2"), std::make_pair(std::string("2024-07-01"), std::string("2024-12-31")));
  EXPECT_EQ(NotePeriodDates("2024"), std::make_pair(std::string("2024-01-01"), std::string("2024-12-31")));
  EXPECT_EQ(NotePeriodDates("2024-H3"), std::nullopt);
  EXPECT_EQ(NotePeriodDates(""), std::nullopt);
  EXPECT_EQ(NotePeriodDates("20245"), std::nullopt);
}

}  // namespace
}  // namespace notat
