// Every bundled form of the 2025-H1 note, through the real binary with the
// real Tesseract: exactly the note's records, every check passing, and each
// page read from the source a user would expect.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/notat_process.h"
#include "tests/seed_records.h"

namespace notat {
namespace {

using nlohmann::json;

struct SampleCase {
  const char* file;
  const char* page_source;  // what every page should be read from
  std::vector<std::string> extra_args;
};

std::ostream& operator<<(std::ostream& os, const SampleCase& c) { return os << c.file; }

class SampleTest : public NotatProcessTest, public ::testing::WithParamInterface<SampleCase> {};

TEST_P(SampleTest, GivesExactlyTheNotesRecordsAndPassesEveryCheck) {
  const SampleCase& c = GetParam();
  std::vector<std::string> args = {"extract", "--format", "json"};
  args.insert(args.end(), c.extra_args.begin(), c.extra_args.end());
  args.push_back(Sample(c.file));
  RunResult r = Notat(args);
  ASSERT_EQ(r.exit_code, 0) << c.file << "\n" << r.err << r.out.substr(0, 4000);
  json doc = json::parse(r.out);
  EXPECT_EQ(doc["note"], "2025-H1");
  std::vector<std::string> tables;
  std::set<std::string> facts;
  for (const json& t : doc["tables"])
    for (const json& rec : t["records"]) tables.push_back(RecordKey(rec));
  for (const json& rec : doc["facts"]) facts.insert(RecordKey(rec));
  EXPECT_EQ(tables, kSeedTableRecords) << c.file;
  EXPECT_EQ(facts, std::set<std::string>(kSeedFacts.begin(), kSeedFacts.end())) << c.file;
  for (const json& check : doc["checks"]) EXPECT_NE(check["status"], "fail") << c.file << ": " << check.dump();
  for (const json& page : doc["source"]["pages"])
    EXPECT_EQ(page["text_source"], c.page_source) << c.file << " page " << page["number"] << ": " << page["why"];
}

INSTANTIATE_TEST_SUITE_P(
    Samples, SampleTest,
    ::testing::Values(SampleCase{"note-2025-h1.txt", "text", {}},
                      SampleCase{"note-2025-h1.ocr.txt", "text", {}},
                      SampleCase{"note-2025-h1.pdf", "text-layer", {}},
                      SampleCase{"note-2025-h1-scan300.pdf", "ocr", {}},
                      SampleCase{"note-2025-h1-scan200.pdf", "ocr", {}},
                      SampleCase{"note-2025-h1-englishocr.pdf", "ocr", {}},
                      SampleCase{"note-2025-h1-scan.tif", "ocr", {}},
                      SampleCase{"../tests/testdata/note-2025-h1-encrypted.pdf", "text-layer",
                                 {"--password", "notat-test"}}),
    [](const ::testing::TestParamInfo<SampleCase>& info) {
      std::string name;
      for (const char* p = info.param.file; *p; ++p) name += std::isalnum(static_cast<unsigned char>(*p)) ? *p : '_';
      return name;
    });

// The same scan read with --ocr never has no text to give: a clear failure.
TEST_F(NotatProcessTest, ScanWithOcrNeverIsAnInputError) {
  RunResult r = Notat({"extract", "--ocr", "never", Sample("note-2025-h1-scan200.pdf")});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.err.find("note-2025-h1-scan200.pdf"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace notat
