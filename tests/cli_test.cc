// The notat binary end to end: records from the sample note, exit codes,
// batches with bad inputs, stdin, and the help text.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/notat_process.h"
#include "tests/seed_records.h"

namespace notat {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

using CliTest = NotatProcessTest;

TEST_F(CliTest, SeedNoteGivesExactlyItsRecordsAndPassesEveryCheck) {
  RunResult r = Notat({"extract", "--format", "jsonl", Sample("note-2025-h1.ocr.txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> tables;
  std::set<std::string> facts;
  for (const json& rec : JsonLines(r.out)) {
    EXPECT_EQ(rec["note"], "2025-H1");
    EXPECT_TRUE(rec["valid"].get<bool>()) << rec.dump();
    if (rec["table"].is_null()) facts.insert(RecordKey(rec));
    else tables.push_back(RecordKey(rec));
  }
  EXPECT_EQ(tables, kSeedTableRecords);
  EXPECT_EQ(facts, std::set<std::string>(kSeedFacts.begin(), kSeedFacts.end()));
}

TEST_F(CliTest, SeedTable1PeriodsHaveDates) {
  RunResult r = Notat({"extract", "--format", "jsonl", Sample("note-2025-h1.ocr.txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, std::pair<std::string, std::string>> dates;
  for (const json& rec : JsonLines(r.out))
    if (rec["table"] == 1) dates[rec["period"]] = {rec["period_start"], rec["period_end"]};
  EXPECT_EQ(dates["2018"], (std::pair<std::string, std::string>{"2018-05-01", "2018-12-31"}));
  EXPECT_EQ(dates["2019"], (std::pair<std::string, std::string>{"2019-01-01", "2019-12-31"}));
  EXPECT_EQ(dates["2025-H1"], (std::pair<std::string, std::string>{"2025-01-01", "2025-06-30"}));
}

TEST_F(CliTest, ValidateCountsRepairedWordsApartFromLineEndJoins) {
  // A clean text's only "corrections" are words joined at line ends: one
  // each, not one per piece, and no word is said to be repaired.
  fs::path clean = Write("clean.txt", "Sikkerhedskonsulenterne rådgiver om ære-\nsrelaterede konflik-\nter.\n");
  RunResult c = Notat({"validate", clean.string()});
  EXPECT_NE(c.out.find("(note period unknown, text, 0 words repaired, 2 words joined at line ends; p1 text)"),
            std::string::npos) << c.out;
  fs::path damaged = Write("damaged.txt", "Sikkerhedskonsulenterne radgiver om aeresrelaterede konflik-\nter.\n");
  RunResult d = Notat({"validate", damaged.string()});
  EXPECT_NE(d.out.find("2 words repaired, 1 word joined at line ends"), std::string::npos) << d.out;
}

TEST_F(CliTest, ChangedRegionFailsExactlyTheSumCheckWithExit1) {
  std::string text = Slurp(Sample("note-2025-h1.ocr.txt"));
  size_t at = text.find("Region Nordjylland 44");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 21, "Region Nordjylland 47");
  fs::path changed = Write("changed.txt", text);

  RunResult v = Notat({"validate", changed.string()});
  EXPECT_EQ(v.exit_code, 1) << v.out << v.err;
  std::vector<std::string> failed;
  std::istringstream in(v.out);
  for (std::string line; std::getline(in, line);)
    if (line.rfind("  FAIL  ", 0) == 0) failed.push_back(line.substr(8, line.find(' ', 8) - 8));
  EXPECT_EQ(failed, std::vector<std::string>{"regions_sum_to_total"}) << v.out;
  EXPECT_NE(v.out.find("the 5 regions sum to 505 but the printed total is 502"), std::string::npos) << v.out;

  // extract still emits every record, marked.
  RunResult e = Notat({"extract", "--format", "jsonl", changed.string()});
  EXPECT_EQ(e.exit_code, 1);
  std::vector<json> recs = JsonLines(e.out);
  int marked = 0, table_records = 0;
  for (const json& rec : recs) {
    if (!rec["table"].is_null()) ++table_records;
    EXPECT_FALSE(rec["valid"].get<bool>());
    if (!rec["checks_failed"].empty()) {
      EXPECT_EQ(rec["checks_failed"], json::array({"regions_sum_to_total"})) << rec.dump();
      ++marked;
    }
  }
  EXPECT_EQ(table_records, static_cast<int>(kSeedTableRecords.size()));
  EXPECT_EQ(marked, 6);  // the five regions and the total
}

TEST_F(CliTest, BadInputsAreReportedAndTheBatchGoesOn) {
  std::string seed = Slurp(Sample("note-2025-h1.ocr.txt"));
  std::string no_tables = "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2026\n\n"
                          "Her er ingen tabeller, kun tekst om ordningen.\n";
  fs::path empty = Write("empty.txt", "");
  static constexpr char kElfHeader[] = "\x7f" "ELF\x02\x01\x01\0\0\0\x03\0>\0";
  fs::path garbage = Write("garbage.bin", std::string(kElfHeader, sizeof kElfHeader));
  fs::path latin1 = Write("latin1.txt", "Notat om henvendelser i 1. halv\xE5r 2025\n");
  fs::path tableless = Write("tableless.txt", no_tables);

  fs::path directory = dir_ / "a-directory";
  fs::create_directories(directory);
  RunResult r = Notat({"extract", "--format", "jsonl", empty.string(), garbage.string(), latin1.string(),
                       directory.string(), tableless.string(), Sample("note-2025-h1.ocr.txt")});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("empty.txt: input is empty"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("garbage.bin: binary data"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("latin1.txt: line 1, column 32: not valid UTF-8 (byte 0xE5 at offset 31)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("a-directory: is a directory holding no note file (.txt .pdf .png .tif .tiff .jpg .jpeg)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("tableless.txt: some checks failed"), std::string::npos) << r.err;
  // The good note's records are all there, after the bad ones.
  int seed_records = 0;
  for (const json& rec : JsonLines(r.out))
    if (rec["source"]["file"].get<std::string>().ends_with("note-2025-h1.ocr.txt")) ++seed_records;
  EXPECT_GE(seed_records, static_cast<int>(kSeedTableRecords.size()));

  RunResult v = Notat({"validate", tableless.string()});
  EXPECT_EQ(v.exit_code, 1);
  EXPECT_NE(v.out.find("FAIL  tables_present"), std::string::npos) << v.out;
  EXPECT_NE(v.out.find("table 1, 2 not found"), std::string::npos) << v.out;  // (no trips abroad: no table 3 due)
}

TEST_F(CliTest, TableMissingAColumnIsNamed) {
  std::string text = Slurp(Sample("note-2025-h1.ocr.txt"));
  size_t at = text.find("Region Midtjylland 142");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 22, "Region Midtjylland");
  fs::path broken = Write("broken.txt", text);
  RunResult v = Notat({"validate", broken.string()});
  EXPECT_EQ(v.exit_code, 1) << v.out << v.err;
  EXPECT_NE(v.out.find("FAIL  "), std::string::npos) << v.out;
  EXPECT_NE(v.out.find("table 2"), std::string::npos) << v.out;
}

TEST_F(CliTest, OutputToAPipeOrDeviceIsWrittenNotReplaced) {
  // --output onto a FIFO (as onto /dev/null): written through; renaming a
  // finished temporary file onto it would put a regular file in its place.
  std::filesystem::path fifo = dir_ / "out.fifo";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  // Our own end, open before notat starts (read-write: no wait for a
  // writer), drained while it runs; a FIFO renamed over is simply not
  // written to, and the test fails rather than hangs.
  int fd = open(fifo.c_str(), O_RDWR | O_NONBLOCK);
  ASSERT_GE(fd, 0);
  std::string read;
  std::atomic<bool> done{false};
  std::thread reader([&] {
    char buf[4096];
    for (;;) {
      ssize_t n = ::read(fd, buf, sizeof buf);
      if (n > 0) read.append(buf, static_cast<size_t>(n));
      else if (done) break;
      else std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  });
  RunResult r = Notat({"extract", "--format", "jsonl", "--output", fifo.string(), Sample("note-2025-h1.ocr.txt")});
  done = true;
  reader.join();
  close(fd);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::is_fifo(fifo));
  EXPECT_EQ(JsonLines(read).size(), kSeedTableRecords.size() + kSeedFacts.size());
  // A regular file is replaced whole, and no temporary file is left.
  std::filesystem::path file = Write("out.jsonl", "old");
  r = Notat({"extract", "--format", "jsonl", "--output", file.string(), Sample("note-2025-h1.ocr.txt")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(JsonLines(Slurp(file)).size(), kSeedTableRecords.size() + kSeedFacts.size());
  for (const auto& e : std::filesystem::directory_iterator(dir_))
    EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << e.path();
}

TEST_F(CliTest, ADirectoryStandsForTheNotesInIt) {
  // extract and validate walk a directory as ingest does (sorted, notes
  // only); files given beside it keep their place.
  std::filesystem::create_directories(dir_ / "notes/sub");
  std::string seed = Slurp(Sample("note-2025-h1.ocr.txt"));
  Write("notes/b.txt", seed);
  Write("notes/sub/a.txt", seed);
  Write("notes/readme.md", "not a note");
  RunResult r = Notat({"extract", "--format", "jsonl", (dir_ / "notes").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> files;
  for (const json& rec : JsonLines(r.out)) {
    std::string f = rec["source"]["file"];
    if (files.empty() || files.back() != f) files.push_back(f);
  }
  EXPECT_EQ(files, (std::vector<std::string>{(dir_ / "notes/b.txt").string(), (dir_ / "notes/sub/a.txt").string()}));
  RunResult v = Notat({"validate", (dir_ / "notes").string()});
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  EXPECT_NE(v.out.find("2 notes agree on 15 figures they share"), std::string::npos) << v.out;
  // A batch ends with a summary: what failed, what could not be read.
  std::string changed = seed;
  changed.replace(changed.find("Region Nordjylland 44"), 21, "Region Nordjylland 47");
  Write("notes/c.txt", changed);
  v = Notat({"validate", (dir_ / "notes").string(), (dir_ / "missing.txt").string()});
  EXPECT_EQ(v.exit_code, 2) << v.out << v.err;
  EXPECT_NE(v.out.find("\nsummary: 4 inputs, 2 passed every check, 1 failed some, 1 could not be read; "
                       "0 figures differ between notes\n"
                       "  failed checks: " + (dir_ / "notes/c.txt").string() + " (regions_sum_to_total)\n"
                       "  not read: " + (dir_ / "missing.txt").string() + "\n"),
            std::string::npos)
      << v.out;
}

TEST_F(CliTest, ReadsStdin) {
  RunResult r = Notat({"extract", "--format", "csv", "-"}, Slurp(Sample("note-2025-h1.ocr.txt")));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find("\r\n")),
            "note,table,name,period,period_start,period_end,region,value,unit,file,page,line,box,"
            "confidence,flags,valid,checks_failed,text");
  EXPECT_NE(r.out.find("2025-H1,2,inquiries_by_region,2025-H1,2025-01-01,2025-06-30,Region Sjælland,54,count,-,"),
            std::string::npos)
      << r.out;
}

TEST_F(CliTest, JsonDocumentPerInputWithSourceAndChecks) {
  RunResult r = Notat({"extract", Sample("note-2025-h1.ocr.txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json doc = json::parse(r.out);
  EXPECT_EQ(doc["note"], "2025-H1");
  EXPECT_EQ(doc["source"]["kind"], "text");
  EXPECT_EQ(doc["source"]["sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(doc["tables"].size(), 3u);
  EXPECT_GT(doc["corrections"].size(), 50u);
  for (const json& c : doc["checks"]) EXPECT_NE(c["status"], "fail") << c.dump();

  RunResult two = Notat({"extract", Sample("note-2025-h1.ocr.txt"), Sample("note-2025-h1.txt")});
  ASSERT_EQ(two.exit_code, 0) << two.err;
  json docs = json::parse(two.out);
  ASSERT_TRUE(docs.is_array());
  EXPECT_EQ(docs.size(), 2u);
}

TEST_F(CliTest, RepairWritesTextAndExplainsCorrections) {
  RunResult r = Notat({"repair", "--explain"}, "Vi fik svar pa brevet i gar.\n| perioden var der fa sager.\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Vi fik svar på brevet i går.\nI perioden var der få sager.\n");
  EXPECT_NE(r.err.find("line\tcolumn\tbefore\tafter\trule"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1\t13\tpa\tpå\t"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2\t1\t|\tI\t"), std::string::npos) << r.err;
}

TEST_F(CliTest, HelpShowsAnExampleForEachSubcommand) {
  for (const char* cmd : {"repair", "extract", "validate", "ingest", "series"}) {
    RunResult r = Notat({cmd, "--help"});
    EXPECT_EQ(r.exit_code, 0) << cmd;
    EXPECT_NE(r.out.find(std::string("Examples:\n  notat ") + cmd), std::string::npos) << cmd << "\n" << r.out;
  }
  RunResult r = Notat({"--help"});
  EXPECT_NE(r.out.find("Exit codes: 0 all checks passed; 1 some check failed"), std::string::npos) << r.out;
}

TEST_F(CliTest, UsageErrorsExitWith2) {
  EXPECT_EQ(Notat({"extract"}).exit_code, 2);
  EXPECT_EQ(Notat({"extract", "--format", "xml", "x.txt"}).exit_code, 2);
  EXPECT_EQ(Notat({"frobnicate"}).exit_code, 2);
  RunResult missing = Notat({"extract", (dir_ / "nope.txt").string()});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("nope.txt: cannot open: No such file or directory"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace notat
