// JSON, JSONL and CSV output, and the schema check in front of them.
#include "pipeline/emit.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "pipeline/validate.h"

namespace notat {
namespace {

NoteResult SmallNote() {
  NoteResult n;
  n.path = "notes/h1.txt";
  n.document.path = n.path;
  n.document.kind = "text";
  n.document.sha256 = std::string(64, 'a');
  Page page;
  page.text_source = "text";
  page.lines = {Line{1, "Notat", {}}};
  n.document.pages = {page};
  n.extraction.note_period = "2025-H1";
  n.extraction.title = "Notat om henvendelser";
  Table t2;
  t2.number = 2;
  t2.caption = "Tabel 2. Regionsvis fordeling";
  for (auto [region, value] : std::vector<std::pair<std::string, double>>{
           {"Region Hovedstaden", 7}, {"Region Midtjylland", 3}, {"Total", 10}}) {
    Record r;
    r.note = "2025-H1";
    r.table = 2;
    r.name = "inquiries_by_region";
    r.period = "2025-H1";
    r.period_start = "2025-01-01";
    r.period_end = "2025-06-30";
    r.region = region;
    r.value = value;
    r.unit = "count";
    r.source = SourceRef{1, 4, "Region Hovedstaden, \"øst\" 7", Box{1, 2, 3, 4}, 96.5};
    t2.records.push_back(r);
  }
  n.extraction.tables = {t2};
  Record grant;
  grant.note = "2025-H1";
  grant.name = "grant_total_mio_kr";
  grant.period = "2025";
  grant.value = 10.9;
  grant.unit = "mio. kr.";
  n.extraction.facts = {grant};
  n.repaired.corrections = {Correction{1, 3, 5, "halvar", "halvår", "confusion:a->å", 0.97}};
  n.report = Validate(n.extraction);
  return n;
}

TEST(EmitTest, NoteDocumentPassesItsSchemaAndCarriesEverything) {
  NoteResult n = SmallNote();
  Result<std::string> doc = NoteJson(n);
  ASSERT_TRUE(doc.has_value()) << doc.error().ToString();
  for (const char* part : {"\"note\": \"2025-H1\"", "\"sha256\": \"aaaa", "\"region\": \"Region Hovedstaden\"",
                           "\"value\": 10.9", "\"after\": \"halvår\"", "\"name\": \"regions_sum_to_total\"",
                           "\"valid\": false", "\"box\": [", "\"confidence\": 96.5"})
    EXPECT_NE(doc->find(part), std::string::npos) << part << "\n" << *doc;
}

TEST(EmitTest, UnreadableCellsAreInTheTablesOutput) {
  NoteResult n = SmallNote();
  EXPECT_NE(NoteJson(n)->find("\"unread\": []"), std::string::npos);
  n.extraction.tables[0].unread.push_back(
      Table::UnreadCell{"2025-H1", "Region Sjælland", "Ax", SourceRef{1, 6, "Region Sjælland Ax", {}, {}}});
  n.report = Validate(n.extraction);
  Result<std::string> doc = NoteJson(n);
  ASSERT_TRUE(doc.has_value()) << doc.error().ToString();  // the schema holds it
  std::string unread = doc->substr(doc->find("\"unread\": ["));
  unread = unread.substr(0, unread.find(']'));
  for (const char* part : {"\"period\": \"2025-H1\"", "\"region\": \"Region Sjælland\"", "\"text\": \"Ax\"",
                           "\"line\": 6", "\"text\": \"Region Sjælland Ax\""})
    EXPECT_NE(unread.find(part), std::string::npos) << part << "\n" << unread;
}

TEST(EmitTest, JsonlHasOneRecordPerLineMarkedWithFailedChecks) {
  NoteResult n = SmallNote();
  Result<std::string> out = RecordsJsonl(n);
  ASSERT_TRUE(out.has_value()) << out.error().ToString();
  std::istringstream in(*out);
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0],
            R"({"checks_failed":["regions_complete"],"flags":[],"name":"inquiries_by_region","note":"2025-H1",)"
            R"("period":"2025-H1","period_end":"2025-06-30","period_start":"2025-01-01","region":"Region Hovedstaden",)"
            R"("source":{"box":[1.0,2.0,3.0,4.0],"confidence":96.5,"file":"notes/h1.txt","line":4,"page":1,)"
            R"("text":"Region Hovedstaden, \"øst\" 7"},"table":2,"unit":"count","valid":false,"value":7})");
  EXPECT_NE(lines[3].find(R"("table":null)"), std::string::npos) << lines[3];
  EXPECT_NE(lines[3].find(R"("region":null)"), std::string::npos) << lines[3];
}

TEST(EmitTest, CsvQuotesPerRfc4180) {
  NoteResult n = SmallNote();
  Result<std::string> out = RecordsCsv(n);
  ASSERT_TRUE(out.has_value()) << out.error().ToString();
  EXPECT_EQ(CsvHeader(),
            "note,table,name,period,period_start,period_end,region,value,unit,file,page,line,box,"
            "confidence,flags,valid,checks_failed,text\r\n");
  std::string first = out->substr(0, out->find("\r\n"));
  EXPECT_EQ(first,
            "2025-H1,2,inquiries_by_region,2025-H1,2025-01-01,2025-06-30,Region Hovedstaden,7,count,"
            "notes/h1.txt,1,4,1.0 2.0 3.0 4.0,96.5,,false,regions_complete,"
            "\"Region Hovedstaden, \"\"øst\"\" 7\"");
}

TEST(EmitTest, SchemaViolationIsReportedAsABug) {
  NoteResult n = SmallNote();
  n.extraction.tables[0].records[0].period = "last spring";
  Result<std::string> doc = NoteJson(n);
  ASSERT_FALSE(doc.has_value());
  EXPECT_EQ(doc.error().code, ErrorCode::kInternal);
  EXPECT_NE(doc.error().message.find("BUG: notat produced a note document that violates its own schema"),
            std::string::npos)
      << doc.error().message;
  Result<std::string> jsonl = RecordsJsonl(n);
  ASSERT_FALSE(jsonl.has_value());
  EXPECT_EQ(jsonl.error().code, ErrorCode::kInternal);
}

}  // namespace
}  // namespace notat
