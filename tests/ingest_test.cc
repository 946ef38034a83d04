// Batch ingest on SQLite and PostgreSQL: input expansion, idempotent
// re-ingest, revisions, invalid and unreadable inputs and their exit codes,
// conflicts between notes, shards, concurrent batches, a batch killed with
// SIGKILL and resumed, database faults, the summary and the series table.
// Notes are fake files turned into NoteResults by testing::FakeProcess; the
// tests at the end run the real notat binary.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "pipeline/emit.h"
#include "pipeline/ingest.h"
#include "tests/db_test_util.h"

namespace notat {
namespace {

using testing::Backend;
using testing::Count;
using testing::FakeNote;
using testing::FakeProcess;
using testing::MustOpen;
using testing::QuietOptions;
using testing::Scalar;
using testing::TempDir;
namespace fs = std::filesystem;

FakeNote Note(const std::string& period, double total, double hovedstaden = 146) {
  FakeNote n{period, {}};
  n.Record(1, "inquiries", "2024", "-", total)
      .Record(1, "inquiries", period, "-", 502)
      .Record(2, "inquiries_by_region", period, "Region_Hovedstaden", hovedstaden)
      .Record(2, "inquiries_by_region", period, "Total", 502)
      .Line("check regions_sum_to_total pass");
  return n;
}

std::vector<std::string> Outcomes(const IngestSummary& s) {
  std::vector<std::string> out;
  for (const IngestItem& i : s.items)
    out.push_back(fs::path(i.path).filename().string() + " " + std::string(IngestOutcomeName(i.outcome)));
  return out;
}

using Strings = std::vector<std::string>;

TEST(IngestInputsTest, ExpandsDirectoriesGlobsAndFilesSortedOnce) {
  TempDir dir;
  const fs::path& d = dir.path();
  dir.Write("notes/b.pdf", "x");
  dir.Write("notes/a.TXT", "x");
  dir.Write("notes/sub/c.tiff", "x");
  dir.Write("notes/sub/d.jpg", "x");
  dir.Write("notes/readme.md", "x");
  dir.Write("notes/e.png", "x");
  dir.Write("other/z.dat", "x");
  ExpandedInputs e = ExpandInputs({(d / "other/z.dat").string(), (d / "notes").string(),
                                   (d / "notes/*.pdf").string(), (d / "missing.pdf").string(),
                                   (d / "nothing/*.pdf").string()});
  Strings rel;
  for (const std::string& f : e.files) rel.push_back(fs::path(f).lexically_relative(d).string());
  EXPECT_EQ(rel, (Strings{"notes/a.TXT", "notes/b.pdf", "notes/e.png", "notes/sub/c.tiff",
                          "notes/sub/d.jpg", "other/z.dat"}));
  ASSERT_EQ(e.missing.size(), 2u);
  EXPECT_EQ(e.missing[0].reason, "not_found: " + (d / "missing.pdf").string() + ": no such file or directory");
  EXPECT_EQ(e.missing[1].reason,
            "not_found: " + (d / "nothing/*.pdf").string() + ": the pattern matches no file");
}

class IngestTest : public ::testing::TestWithParam<Backend> {};

TEST_P(IngestTest, ReingestChangesNothing) {
  TempDir dir;
  NOTAT_TEST_DATABASE(tdb, GetParam(), dir);
  dir.Write("in/2025-h1.txt", Note("2025-H1", 827).Text());
  dir.Write("in/2024-h2.txt", Note("2024-H2", 827).Text());
  IngestOptions o = QuietOptions(tdb.url(), {(dir.path() / "in").string()});
  IngestSummary first = RunIngest(o, FakeProcess);
  EXPECT_EQ(first.ExitCode(), 0) << FormatSummary(first);
  EXPECT_EQ(Outcomes(first), (Strings{"2024-h2.txt ingested", "2025-h1.txt ingested"}));
  auto db = MustOpen(tdb.url());
  ASSERT_TRUE(db);
  long long records = Count(*db, "SELECT COUNT(*) FROM records");
  EXPECT_EQ(records, 8);
  IngestSummary second = RunIngest(o, FakeProcess);
  EXPECT_EQ(second.ExitCode(), 0);
  EXPECT_EQ(Outcomes(second), (Strings{"2024-h2.txt unchanged", "2025-h1.txt unchanged"}));
  EXPECT_EQ(second.items[1].reason, "same file as 2025-H1 revision 1, already stored");
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM notes"), 2);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM records"), records);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM checks"), 2);
}

TEST_P(IngestTest, RevisionReportsWhichFiguresChanged) {
  TempDir dir;
  NOTAT_TEST_DATABASE(tdb, GetParam(), dir);
  dir.Write("a/note.txt", Note("2025-H1", 827).Text());
  dir.Write("b/note-corrected.txt", Note("2025-H1", 827, 147).Text());
  IngestSummary s = RunIngest(
      QuietOptions(tdb.url(), {(dir.path() / "a").string(), (dir.path() / "b").string()}),
      FakeProcess);
  EXPECT_EQ(s.ExitCode(), 0);
  EXPECT_EQ(Outcomes(s), (Strings{"note.txt ingested", "note-corrected.txt revised"}));
  const IngestItem& rev = s.items[1];
  EXPECT_EQ(rev.revision, 2);
  ASSERT_EQ(rev.changes.size(), 1u);
  EXPECT_EQ(rev.changes[0].key.ToString(), "table 2 inquiries_by_region 2025-H1 Region Hovedstaden");
  EXPECT_EQ(rev.changes[0].before, 146);
  EXPECT_EQ(rev.changes[0].after, 147);
  std::string text = FormatSummary(s);
  EXPECT_NE(text.find("  revised       " + rev.path +
                      ": 2025-H1 revision 2, 4 figures, 1 changed since revision 1\n"
                      "      changed   table 2 inquiries_by_region 2025-H1 Region Hovedstaden: 146 -> 147\n"),
            std::string::npos)
      << text;
  auto db = MustOpen(tdb.url());
  ASSERT_TRUE(db);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM notes"), 2);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM valid_figures WHERE revision = 2"), 4);
}

TEST_P(IngestTest, InvalidNoteExitsOneAndStaysOutOfTheView) {
  TempDir dir;
  NOTAT_TEST_DATABASE(tdb, GetParam(), dir);
  FakeNote bad = Note("2025-H1", 827);
  bad.Line("check regions_sum_to_total fail");
  dir.Write("in/1-good.txt", Note("2024-H2", 827).Text());
  dir.Write("in/2-bad.txt", bad.Text());
  IngestSummary s = RunIngest(QuietOptions(tdb.url(), {(dir.path() / "in").string()}), FakeProcess);
  EXPECT_EQ(s.ExitCode(), 1);
  EXPECT_EQ(Outcomes(s), (Strings{"1-good.txt ingested", "2-bad.txt invalid"}));
  EXPECT_EQ(s.items[1].reason, "failed checks: regions_sum_to_total: regions_sum_to_total does not hold");
  auto db = MustOpen(tdb.url());
  ASSERT_TRUE(db);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM notes"), 2);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM valid_figures WHERE note = '2025-H1'"), 0);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM valid_figures WHERE note = '2024-H2'"), 4);
}

TEST_P(IngestTest, UnreadableInputIsReportedAndTheBatchGoesOn) {
  TempDir dir;
  NOTAT_TEST_DATABASE(tdb, GetParam(), dir);
  dir.Write("in/1.txt", Note("2024-H2", 827).Text());
  dir.Write("in/2.pdf", "period 2025-H1\nerror page 2: truncated PDF\n");
  dir.Write("in/3.txt", Note("2025-H1", 827).Text());
  IngestSummary s = RunIngest(
      QuietOptions(tdb.url(), {(dir.path() / "in").string(), (dir.path() / "gone.txt").string()}),
      FakeProcess);
  EXPECT_EQ(s.ExitCode(), 2);
  EXPECT_EQ(Outcomes(s), (Strings{"gone.txt failed", "1.txt ingested", "2.pdf failed", "3.txt ingested"}));
  EXPECT_EQ(s.items[2].reason, "invalid_input: " + (dir.path() / "in/2.pdf").string() + ": page 2: truncated PDF");
  EXPECT_EQ(s.Count(IngestOutcome::kFailed), 2);
  auto db = MustOpen(tdb.url());
  ASSERT_TRUE(db);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM notes"), 2);
}

TEST_P(IngestTest, ConflictBetweenNotesIsReported) {
  TempDir dir;
  NOTAT_TEST_DATABASE(tdb, GetParam(), dir);
  dir.Write("in/a-2024.txt", Note("2024-H2", 830).Text());
  dir.Write("in/b-2025.txt", Note("2025-H1", 827).Text());
  IngestSummary s = RunIngest(QuietOptions(tdb.url(), {(dir.path() / "in").string()}), FakeProcess);
  EXPECT_EQ(s.ExitCode(), 0);
  EXPECT_TRUE(s.items[0].conflicts.empty());
  ASSERT_EQ(s.items[1].conflicts.size(), 1u);
  std::string text = FormatSummary(s);
  EXPECT_NE(text.find("      conflict  table 1 inquiries 2024: note 2024-H2 says 830, note 2025-H1 says 827\n"),
            std::string::npos)
      << text;
  auto db = MustOpen(tdb.url());
  ASSERT_TRUE(db);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM figure_conflicts"), 1);
}

TEST_P(IngestTest, ShardsTogetherIngestEveryNoteOnce) {
  TempDir dir;
  NOTAT_TEST_DATABASE(tdb, GetParam(), dir);
  for (int i = 0; i < 7; ++i)
    dir.Write("in/" + std::to_string(i) + ".txt", Note(std::to_string(2010 + i), i).Text());
  int stored = 0;
  for (int shard = 0; shard < 3; ++shard) {
    IngestOptions o = QuietOptions(tdb.url(), {(dir.path() / "in").string()});
    o.shard_index = shard;
    o.shard_count = 3;
    IngestSummary s = RunIngest(o, FakeProcess);
    EXPECT_EQ(s.ExitCode(), 0);
    EXPECT_EQ(s.items.size(), shard == 0 ? 3u : 2u);
    stored += s.Count(IngestOutcome::kIngested);
  }
  EXPECT_EQ(stored, 7);
  auto db = MustOpen(tdb.url());
  ASSERT_TRUE(db);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM notes"), 7);
}

// Two batches at once, each with its own connection: shared files, and each
// batch's own files for one period (revision numbers race).
TEST_P(IngestTest, ConcurrentBatchesStoreEachNoteExactlyOnce) {
  TempDir dir;
  NOTAT_TEST_DATABASE(tdb, GetParam(), dir);
  ASSERT_TRUE(MustOpen(tdb.url()));
  constexpr int kShared = 10, kOwn = 6;
  for (int i = 0; i < kShared; ++i) {
    FakeNote n = Note(std::to_string(2000 + i), i);
    n.Line("bulk 30");
    dir.Write("shared/" + std::to_string(i) + ".txt", n.Text());
  }
  for (const char* w : {"a", "b"})
    for (int i = 0; i < kOwn; ++i) {
      FakeNote n = Note("2031-H2", 1000 + i, w[0] * 100 + i);
      n.Line("bulk 30");
      dir.Write(std::string(w) + "/" + std::to_string(i) + ".txt", n.Text());
    }
  IngestSummary results[2];
  auto batch = [&](int w) {
    IngestOptions o = QuietOptions(tdb.url(), {(dir.path() / (w ? "b" : "a")).string(),
                                               (dir.path() / "shared").string()});
    results[w] = RunIngest(o, FakeProcess);
  };
  std::thread ta(batch, 0), tb(batch, 1);
  ta.join();
  tb.join();
  int stored = 0;
  for (const IngestSummary& s : results) {
    EXPECT_EQ(s.ExitCode(), 0) << FormatSummary(s);
    stored += s.Count(IngestOutcome::kIngested) + s.Count(IngestOutcome::kRevised);
  }
  EXPECT_EQ(stored, kShared + 2 * kOwn);
  auto db = MustOpen(tdb.url());
  ASSERT_TRUE(db);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM notes"), kShared + 2 * kOwn);
  EXPECT_EQ(Count(*db, "SELECT COUNT(DISTINCT revision) FROM notes WHERE period = '2031-H2'"), 2 * kOwn);
  EXPECT_EQ(Count(*db, "SELECT MAX(revision) FROM notes WHERE period = '2031-H2'"), 2 * kOwn);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM records"), (kShared + 2 * kOwn) * 34);
}

// A child process ingests many large notes and is killed with SIGKILL part
// way; the database then holds only complete notes, and running the same
// batch again stores the rest, each note once.
TEST_P(IngestTest, KilledBatchLeavesCompleteNotesAndResumes) {
  TempDir dir;
  NOTAT_TEST_DATABASE(tdb, GetParam(), dir);
  ASSERT_TRUE(MustOpen(tdb.url()));
  constexpr int kNotes = 24, kBulk = 4000;
  for (int i = 0; i < kNotes; ++i) {
    FakeNote n = Note(std::to_string(1990 + i), i);
    n.Line("bulk " + std::to_string(kBulk));
    char name[32];
    std::snprintf(name, sizeof name, "in/%02d.txt", i);
    dir.Write(name, n.Text());
  }
  IngestOptions o = QuietOptions(tdb.url(), {(dir.path() / "in").string()});
  o.jobs = 1;
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    IngestSummary s = RunIngest(o, FakeProcess);
    _exit(s.ExitCode());
  }
  auto watch = MustOpen(tdb.url());
  ASSERT_TRUE(watch);
  long long seen = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (std::chrono::steady_clock::now() < deadline) {
    seen = Count(*watch, "SELECT COUNT(*) FROM notes");
    if (seen >= 3) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the batch finished before it could be killed";
  long long kept = Count(*watch, "SELECT COUNT(*) FROM notes");
  EXPECT_GE(kept, 3);
  EXPECT_LT(kept, kNotes);
  // Only complete notes: each has every record, check and page it was stored with.
  EXPECT_EQ(Count(*watch, "SELECT COUNT(*) FROM notes n WHERE figure_count <> "
                          "(SELECT COUNT(*) FROM records r WHERE r.note_sha256 = n.sha256)"),
            0);
  EXPECT_EQ(Count(*watch, "SELECT COUNT(*) FROM records"), kept * (kBulk + 4));
  EXPECT_EQ(Count(*watch, "SELECT COUNT(*) FROM checks"), kept);
  EXPECT_EQ(Count(*watch, "SELECT COUNT(*) FROM note_pages"), kept);
  watch.reset();

  IngestSummary again = RunIngest(o, FakeProcess);
  EXPECT_EQ(again.ExitCode(), 0) << FormatSummary(again);
  EXPECT_EQ(again.Count(IngestOutcome::kUnchanged), kept);
  EXPECT_EQ(again.Count(IngestOutcome::kIngested), kNotes - kept);
  auto db = MustOpen(tdb.url());
  ASSERT_TRUE(db);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM notes"), kNotes);
  EXPECT_EQ(Count(*db, "SELECT MAX(revision) FROM notes"), 1);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM records"), kNotes * (kBulk + 4));
}

INSTANTIATE_TEST_SUITE_P(Backends, IngestTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

TEST(IngestProgressTest, LogLinesOrABar) {
  TempDir dir;
  dir.Write("in/a.txt", Note("2024-H2", 827).Text());
  dir.Write("in/b.txt", "error input is empty\n");
  std::string url = "sqlite:" + (dir.path() / "p.db").string();
  IngestOptions o = QuietOptions(url, {(dir.path() / "in").string()});
  o.quiet = false;
  o.progress_bar = false;
  ::testing::internal::CaptureStderr();
  IngestSummary lines = RunIngest(o, FakeProcess);
  std::string log = ::testing::internal::GetCapturedStderr();
  std::string in = (dir.path() / "in").string();
  EXPECT_EQ(log, "notat: [1/2] ingested " + in + "/a.txt: 2024-H2 revision 1, 4 figures\n"
                 "notat: [2/2] failed " + in + "/b.txt: invalid_input: " + in +
                     "/b.txt: input is empty\n");
  o.progress_bar = true;
  ::testing::internal::CaptureStderr();
  IngestSummary bar = RunIngest(o, FakeProcess);
  std::string drawn = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(bar.Count(IngestOutcome::kUnchanged), 1);
  // The failure scrolls above the bar; the bar ends full, on its own line.
  EXPECT_NE(drawn.find("\r\033[Knotat: [2/2] failed " + in + "/b.txt"), std::string::npos) << drawn;
  EXPECT_NE(drawn.find("\r\033[K[########################] 2/2 files  0 pages  done "),
            std::string::npos)
      << drawn;
  EXPECT_EQ(drawn.back(), '\n');
  EXPECT_EQ(drawn.find("ingested"), std::string::npos) << drawn;
}

TEST(IngestFaultTest, FullDatabaseStopsTheBatchWithExitFour) {
  TempDir dir;
  std::string url = "sqlite:" + (dir.path() / "full.db").string();
  {
    auto db = MustOpen(url);
    ASSERT_TRUE(db);
  }
  long long pages = 0;
  {
    auto db = MustOpen(url);
    pages = Count(*db, "PRAGMA page_count");
  }
  dir.Write("in/1.txt", Note("2024-H2", 827).Text());
  FakeNote big = Note("2025-H1", 827);
  big.Line("bulk 20000");
  dir.Write("in/2.txt", big.Text());
  dir.Write("in/3.txt", Note("2025-H2", 827).Text());
  IngestSummary s = RunIngest(
      QuietOptions(url + "?max_page_count=" + std::to_string(pages + 6), {(dir.path() / "in").string()}),
      FakeProcess);
  EXPECT_EQ(s.ExitCode(), 4);
  ASSERT_TRUE(s.db_error.has_value());
  EXPECT_NE(s.db_error->message.find("database or disk is full"), std::string::npos) << s.db_error->message;
  EXPECT_EQ(Outcomes(s), (Strings{"1.txt ingested", "2.txt not-attempted", "3.txt not-attempted"}));
  auto db = MustOpen(url);
  ASSERT_TRUE(db);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM notes"), 1);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM records"), 4);
}

TEST(IngestFaultTest, UnreachableDatabaseExitsFour) {
  TempDir dir;
  dir.Write("in/1.txt", Note("2024-H2", 827).Text());
  IngestSummary s = RunIngest(
      QuietOptions("postgresql://u:pw@127.0.0.1:1/db?connect_timeout=2", {(dir.path() / "in").string()}),
      FakeProcess);
  EXPECT_EQ(s.ExitCode(), 4);
  ASSERT_TRUE(s.db_error.has_value());
  EXPECT_NE(s.db_error->message.find("cannot connect to the server"), std::string::npos);
  EXPECT_EQ(Outcomes(s), (Strings{"1.txt not-attempted"}));
  EXPECT_EQ(s.db, "postgresql://u@127.0.0.1:1/db?connect_timeout=2");
  EXPECT_EQ(FormatSummary(s).find("pw@"), std::string::npos);
}

TEST(IngestSummaryTest, JsonSummaryHasCountsAndItems) {
  IngestSummary s;
  s.db = "sqlite:x.db";
  IngestItem revised;
  revised.path = "n.txt";
  revised.outcome = IngestOutcome::kRevised;
  revised.period = "2025-H1";
  revised.revision = 2;
  revised.compared_revision = 1;
  revised.figures = 4;
  revised.pages = 2;
  revised.changes.push_back({FigureKey{2, "inquiries_by_region", "2025-H1", "Region Sjælland"}, 54, 55});
  revised.conflicts.push_back({FigureKey{1, "inquiries", "2024", std::nullopt}, "2024", 830, "2025-H1", 827});
  s.items.push_back(revised);
  IngestItem failed;
  failed.path = "x.pdf";
  failed.outcome = IngestOutcome::kFailed;
  failed.reason = "invalid_input: x.pdf: input is empty";
  s.items.push_back(failed);
  nlohmann::json j = nlohmann::json::parse(SummaryJson(s));
  EXPECT_EQ(j["exit_code"], 2);
  EXPECT_EQ(j["db"], "sqlite:x.db");
  EXPECT_EQ(j["counts"]["revised"], 1);
  EXPECT_EQ(j["counts"]["failed"], 1);
  EXPECT_EQ(j["counts"]["ingested"], 0);
  EXPECT_EQ(j["notes"][0]["outcome"], "revised");
  EXPECT_EQ(j["notes"][0]["compared_revision"], 1);
  EXPECT_EQ(j["notes"][0]["changes"][0]["region"], "Region Sjælland");
  EXPECT_EQ(j["notes"][0]["changes"][0]["before"], 54);
  EXPECT_EQ(j["notes"][0]["changes"][0]["after"], 55);
  EXPECT_EQ(j["notes"][0]["conflicts"][0]["region"], nullptr);
  EXPECT_EQ(j["notes"][0]["conflicts"][0]["value_a"], 830);
  EXPECT_EQ(j["notes"][1]["reason"], "invalid_input: x.pdf: input is empty");
  EXPECT_EQ(FormatSummary(s),
            "  revised       n.txt: 2025-H1 revision 2, 4 figures, 1 changed since revision 1\n"
            "      changed   table 2 inquiries_by_region 2025-H1 Region Sjælland: 54 -> 55\n"
            "      conflict  table 1 inquiries 2024: note 2024 says 830, note 2025-H1 says 827\n"
            "  failed        x.pdf: invalid_input: x.pdf: input is empty\n"
            "ingested 0, unchanged 0, revised 1, invalid 0, failed 1 (sqlite:x.db)\n");
}

TEST(IngestSeriesTest, SeriesTableTakesTheNewestNotePerPeriod) {
  TempDir dir;
  std::string url = "sqlite:" + (dir.path() / "s.db").string();
  FakeNote older{"2024-H2", {}};
  older.Record(1, "inquiries", "2023", "-", 631)
      .Record(1, "inquiries", "2024", "-", 830)
      .Record(2, "inquiries_by_region", "2024-H2", "Region_Sjælland", 50)
      .Record(2, "inquiries_by_region", "2024-H2", "Total", 400);
  FakeNote newer{"2025-H1", {}};
  newer.Record(1, "inquiries", "2024", "-", 827)
      .Record(1, "inquiries", "2025-H1", "-", 502)
      .Record(2, "inquiries_by_region", "2025-H1", "Region_Sjælland", 54)
      .Record(2, "inquiries_by_region", "2025-H1", "Total", 502)
      .Record(2, "inquiries_by_region", "2025-H1", "Uoplyst", 6)
      .Record(0, "children_share_pct", "2025-H1", "-", 45.5);
  dir.Write("in/a.txt", older.Text());
  dir.Write("in/b.txt", newer.Text());
  IngestSummary s = RunIngest(QuietOptions(url, {(dir.path() / "in").string()}), FakeProcess);
  ASSERT_EQ(s.ExitCode(), 0) << FormatSummary(s);
  auto db = MustOpen(url);
  ASSERT_TRUE(db);
  Result<std::vector<LatestFigure>> figures = QueryLatestFigures(*db);
  ASSERT_TRUE(figures) << figures.error().ToString();
  EXPECT_EQ(FormatSeries(*figures),
            "Table 1: inquiries (count)\n"
            "  period     2023  2024  2025-H1\n"
            "  inquiries   631   827      502\n"
            "  (newest note per period; from 2024-H2 revision 1, 2025-H1 revision 1)\n"
            "\n"
            "Table 2: inquiries_by_region (count)\n"
            "  period           2024-H2  2025-H1\n"
            "  Region Sjælland       50       54\n"
            "  Uoplyst                         6\n"
            "  Total                400      502\n"
            "  (newest note per period; from 2024-H2 revision 1, 2025-H1 revision 1)\n"
            "\n"
            "Facts (count)\n"
            "  period              2025-H1\n"
            "  children_share_pct     45.5\n"
            "  (newest note per period; from 2025-H1 revision 1)\n"
            "\n");
  EXPECT_EQ(FormatSeries({}), "no valid figures in the database\n");
  // A line per figure, for a spreadsheet or another database.
  std::string csv = SeriesCsv(*figures);
  EXPECT_EQ(csv.substr(0, csv.find("\r\n")), "table,name,period,period_start,region,value,unit,note,revision");
  EXPECT_NE(csv.find("\r\n2,inquiries_by_region,2024-H2,2024-07-01,Region Sjælland,50,count,2024-H2,1\r\n"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\r\n,children_share_pct,2025-H1,2025-01-01,,45.5,count,2025-H1,1\r\n"), std::string::npos) << csv;
  std::string jsonl = SeriesJsonl(*figures);
  ASSERT_EQ(std::count(jsonl.begin(), jsonl.end(), '\n'), static_cast<long>(figures->size()));
  nlohmann::json first = nlohmann::json::parse(jsonl.substr(0, jsonl.find('\n')));
  EXPECT_EQ(first, nlohmann::json::parse(R"({"table": 1, "name": "inquiries", "period": "2023",
      "period_start": "2023-01-01", "region": null, "value": 631, "unit": "count",
      "note": "2024-H2", "revision": 1})"));
  EXPECT_EQ(SeriesCsv({}), "table,name,period,period_start,region,value,unit,note,revision\r\n");
}

// ---- the notat binary ----

struct BinaryRun {
  int exit_code = -1;
  std::string out, err;
};

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

pid_t Spawn(const std::vector<std::string>& args, const fs::path& out, const fs::path& err) {
  pid_t pid = fork();
  if (pid == 0) {
    if (!freopen(out.c_str(), "w", stdout) || !freopen(err.c_str(), "w", stderr)) _exit(127);
    std::vector<char*> argv;
    std::string binary = NOTAT_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copy = args;
    for (std::string& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  return pid;
}

BinaryRun Notat(const TempDir& dir, const std::vector<std::string>& args) {
  fs::path out = dir.path() / "stdout", err = dir.path() / "stderr";
  pid_t pid = Spawn(args, out, err);
  int status = 0;
  waitpid(pid, &status, 0);
  BinaryRun r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = Slurp(out);
  r.err = Slurp(err);
  return r;
}

std::string SampleText() { return Slurp(fs::path(NOTAT_SOURCE_DIR) / "samples/note-2025-h1.txt"); }

TEST(IngestBinaryTest, IngestsTheSampleOnceAndPrintsTheSeries) {
  TempDir dir;
  dir.Write("in/note-2025-h1.txt", SampleText());
  std::string db = "sqlite:" + (dir.path() / "notat.db").string();
  fs::path json = dir.path() / "summary.json";
  BinaryRun first = Notat(dir, {"ingest", (dir.path() / "in").string(), "--db", db, "--json-summary", json.string()});
  EXPECT_EQ(first.exit_code, 0) << first.out << first.err;
  nlohmann::json j = nlohmann::json::parse(Slurp(json), nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << Slurp(json);
  EXPECT_EQ(j["counts"]["ingested"], 1);
  EXPECT_EQ(j["notes"][0]["period"], "2025-H1");
  BinaryRun second = Notat(dir, {"ingest", (dir.path() / "in").string(), "--db", db, "--json-summary", json.string()});
  EXPECT_EQ(second.exit_code, 0) << second.out << second.err;
  j = nlohmann::json::parse(Slurp(json), nullptr, false);
  EXPECT_EQ(j["counts"]["unchanged"], 1);
  EXPECT_EQ(j["counts"]["ingested"], 0);
  BinaryRun series = Notat(dir, {"series", "--db", db});
  EXPECT_EQ(series.exit_code, 0) << series.err;
  // Table 1 from the sample: 2018..2024 and the half year.
  EXPECT_NE(series.out.find("   186   286   313   395   522   631   827      502\n"), std::string::npos)
      << series.out;
  BinaryRun csv = Notat(dir, {"series", "--db", db, "--format", "csv"});
  EXPECT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_NE(csv.out.find("\r\n2,inquiries_by_region,2025-H1,2025-01-01,Region Sjælland,54,count,2025-H1,1\r\n"),
            std::string::npos)
      << csv.out;
  BinaryRun bad = Notat(dir, {"series", "--db", db, "--format", "xml"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("xml not in {text,jsonl,csv}"), std::string::npos) << bad.err;
}

TEST(IngestBinaryTest, SeriesOfAMissingDatabaseFailsWithoutCreatingIt) {
  TempDir dir;
  fs::path missing = dir.path() / "missing.db";
  BinaryRun r = Notat(dir, {"series", "--db", "sqlite:" + missing.string()});
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_EQ(r.err, "notat: error: sink: sqlite:" + missing.string() +
                       ": no such database file (notat ingest creates it)\n");
  EXPECT_FALSE(fs::exists(missing));
}

// validate --db: a new note checked against the notes already stored,
// without their files; the stored copy of the input itself is left out.
TEST(IngestBinaryTest, ValidateComparesANoteWithTheStoredNotes) {
  TempDir dir;
  dir.Write("in/note-2025-h1.txt", SampleText());
  std::string db = "sqlite:" + (dir.path() / "notat.db").string();
  ASSERT_EQ(Notat(dir, {"ingest", (dir.path() / "in").string(), "--db", db}).exit_code, 0);
  // The next note prints 2024 as 830 where the stored note says 827.
  std::string next = SampleText();
  for (auto [from, to] : {std::pair<std::string, std::string>{"1. halvår 2025", "2. halvår 2025"},
                          {" 827 502", " 830 502"}}) {
    size_t at = next.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    next.replace(at, from.size(), to);
  }
  fs::path next_path = dir.Write("next.txt", next);
  BinaryRun v = Notat(dir, {"validate", next_path.string(), "--db", db});
  EXPECT_EQ(v.exit_code, 1) << v.out << v.err;
  EXPECT_NE(v.out.find("FAIL  notes_agree                        inquiries/2024 differs between notes: 830 in " +
                       next_path.string() + " (page 1, line 23); 827 in stored 2025-H1 revision 1 in " + db +
                       " (page 1, line 23)"),
            std::string::npos)
      << v.out;
  EXPECT_NE(v.out.find("across notes: compared with 1 current note stored in " + db + "\n"), std::string::npos)
      << v.out;
  // The stored note's own file agrees with nothing but itself: no check,
  // and the report says that nothing was shared.
  BinaryRun same = Notat(dir, {"validate", (dir.path() / "in/note-2025-h1.txt").string(), "--db", db});
  EXPECT_EQ(same.exit_code, 0) << same.out << same.err;
  EXPECT_EQ(same.out.find("notes_agree"), std::string::npos) << same.out;
  EXPECT_NE(same.out.find("across notes: compared with 0 current notes stored in " + db +
                          "\n  no figure of these notes is given by another\n"),
            std::string::npos)
      << same.out;
  // A database that is not there is said before any input is read.
  fs::path missing = dir.path() / "missing.db";
  BinaryRun m = Notat(dir, {"validate", next_path.string(), "--db", "sqlite:" + missing.string()});
  EXPECT_EQ(m.exit_code, 4);
  EXPECT_EQ(m.out, "");
  EXPECT_FALSE(fs::exists(missing));
}

// Starts `notat ingest`, waits until the database holds `at_least` notes,
// sends `sig`; returns the wait status (the process may also have finished).
int InterruptIngest(const TempDir& dir, const std::string& db, Database& watch, long long at_least,
                    int sig) {
  pid_t pid = Spawn({"ingest", (dir.path() / "in").string(), "--db", db, "--jobs", "1"},
                    dir.path() / "out1", dir.path() / "err1");
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(300);
  int status = 0;
  while (std::chrono::steady_clock::now() < deadline &&
         Count(watch, "SELECT COUNT(*) FROM notes") < at_least) {
    if (waitpid(pid, &status, WNOHANG) == pid) return status;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  kill(pid, sig);
  waitpid(pid, &status, 0);
  return status;
}

// Interrupted with SIGINT, then killed with SIGKILL while resuming, the
// database holds only complete notes; a third run finishes with no duplicates.
TEST(IngestBinaryTest, InterruptedAndKilledIngestResumesWithoutDuplicates) {
  TempDir dir;
  // Many distinct files: the sample with a different closing line each, so
  // each is a new revision of 2025-H1.
  constexpr int kFiles = 150;
  std::string sample = SampleText();
  for (int i = 0; i < kFiles; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "in/copy-%03d.txt", i);
    dir.Write(name, sample + "\nKopi nummer " + std::to_string(i) + ".\n");
  }
  std::string db = "sqlite:" + (dir.path() / "notat.db").string();
  auto watch = MustOpen(db);
  ASSERT_TRUE(watch);
  const std::string incomplete =
      "SELECT COUNT(*) FROM notes n WHERE figure_count <> "
      "(SELECT COUNT(*) FROM records r WHERE r.note_sha256 = n.sha256)";

  int status = InterruptIngest(dir, db, *watch, 2, SIGINT);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGINT) << Slurp(dir.path() / "err1");
  long long after_int = Count(*watch, "SELECT COUNT(*) FROM notes");
  EXPECT_EQ(Count(*watch, incomplete), 0);

  status = InterruptIngest(dir, db, *watch, after_int + 2, SIGKILL);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << Slurp(dir.path() / "err1");
  long long kept = Count(*watch, "SELECT COUNT(*) FROM notes");
  EXPECT_GE(kept, after_int + 2);
  EXPECT_EQ(Count(*watch, incomplete), 0);

  fs::path json = dir.path() / "summary.json";
  BinaryRun again = Notat(dir, {"ingest", (dir.path() / "in").string(), "--db", db, "--json-summary", json.string()});
  EXPECT_EQ(again.exit_code, 0) << again.out << again.err;
  nlohmann::json j = nlohmann::json::parse(Slurp(json), nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  EXPECT_EQ(j["counts"]["unchanged"], kept);
  EXPECT_EQ(j["counts"]["ingested"].get<int>() + j["counts"]["revised"].get<int>(), kFiles - kept);
  EXPECT_EQ(Count(*watch, "SELECT COUNT(*) FROM notes"), kFiles);
  EXPECT_EQ(Count(*watch, "SELECT COUNT(DISTINCT revision) FROM notes"), kFiles);
  EXPECT_EQ(Count(*watch, "SELECT MAX(revision) FROM notes"), kFiles);
  EXPECT_EQ(Count(*watch, incomplete), 0);
}

}  // namespace
}  // namespace notat
