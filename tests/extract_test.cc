#include "extractors/extract.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "extractors/registry.h"
#include "extractors/text_util.h"
#include "tests/extract_testing.h"

namespace notat {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using testing::Cells;
using testing::Dump;
using testing::FactLines;
using testing::FixLines;
using testing::FindTable;
using testing::ReadSample;
using testing::TextOf;

const std::vector<std::string> kSeedTable1 = {"2018=186", "2019=286", "2020=313", "2021=395",
                                              "2022=522", "2023=631", "2024=827", "2025-H1=502"};
const std::vector<std::string> kSeedTable2 = {
    "Region Hovedstaden=146", "Region Midtjylland=142", "Region Nordjylland=44",
    "Region Sjælland=54",     "Region Syddanmark=116",  "Total=502"};
const std::vector<std::string> kSeedTable3 = {"2021=46", "2022=41", "2023=64", "2024=52",
                                              "2025-H1=28"};
const std::vector<std::string> kSeedFacts = {
    "inquiries_total 2025-H1 = 502 count",
    "inquiries_total 2024-H1 = 432 count",
    "inquiries_total 2024 = 827 count",
    "share_under_18_pct 2025-H1 = 45 pct",
    "share_under_18_pct 2024-H1 = 36 pct",
    "trips_abroad_new 2025-H1 = 28 count",
    "trips_abroad_new 2024-H1 = 22 count",
    "inquiries_in_denmark 2025-H1 = 102 count",
    "inquiries_in_denmark 2024-H1 = 56 count",
    "consultants_employed 2025-H1 = 12 persons",
    "grant_additional_mio_kr 2025 = 7 mio. kr.",
    "grant_total_mio_kr 2025 = 10.9 mio. kr.",
};

std::vector<std::string> Periods(const Table& t) {
  std::vector<std::string> out;
  for (const Record& r : t.records) out.push_back(r.period + " " + r.period_start + ".." + r.period_end);
  return out;
}

bool HasFlag(const Record& r, const std::string& flag) {
  return std::find(r.flags.begin(), r.flags.end(), flag) != r.flags.end();
}

// ---------------------------------------------------------------- the sample

void ExpectSeedRecords(const Extraction& ex) {
  EXPECT_EQ(ex.note_period, "2025-H1");
  EXPECT_TRUE(ex.problems.empty()) << Dump(ex);
  ASSERT_EQ(ex.tables.size(), 3u) << Dump(ex);
  EXPECT_EQ(Cells(ex.tables[0]), kSeedTable1);
  EXPECT_EQ(Cells(ex.tables[1]), kSeedTable2);
  EXPECT_EQ(Cells(ex.tables[2]), kSeedTable3);
  EXPECT_EQ(FactLines(ex.facts), kSeedFacts);
  // 2018 covers May-December, as the header's "(maj- dec.)" says.
  EXPECT_EQ(ex.tables[0].records[0].period_start, "2018-05-01");
  EXPECT_EQ(ex.tables[0].records[0].period_end, "2018-12-31");
  EXPECT_EQ(ex.tables[0].records[1].period_start, "2019-01-01");
  EXPECT_EQ(ex.tables[0].records[7].period_start, "2025-01-01");
  EXPECT_EQ(ex.tables[0].records[7].period_end, "2025-06-30");
  for (const Table& t : ex.tables) {
    for (const Record& r : t.records) {
      EXPECT_EQ(r.note, "2025-H1");
      EXPECT_EQ(r.table, t.number);
      EXPECT_EQ(r.unit, "count");
      EXPECT_TRUE(r.flags.empty()) << r.period;
      EXPECT_EQ(r.region.has_value(), t.number == 2);
    }
  }
  for (const Record& r : ex.tables[1].records) {
    EXPECT_EQ(r.name, "inquiries_by_region");
    EXPECT_EQ(r.period, "2025-H1");
    EXPECT_EQ(r.period_start, "2025-01-01");
    EXPECT_EQ(r.period_end, "2025-06-30");
  }
  EXPECT_EQ(ex.tables[0].records[0].name, "inquiries");
  EXPECT_EQ(ex.tables[2].records[0].name, "trips_abroad_new");
  // Provenance: the line each value was printed on.
  EXPECT_EQ(ex.tables[0].records[0].source.line, 23);
  EXPECT_EQ(ex.tables[1].records[3].source.line, 44);
  EXPECT_EQ(ex.tables[1].records[5].source.line, 48);
  EXPECT_EQ(ex.tables[2].records[4].source.line, 73);
  EXPECT_EQ(ex.tables[1].source.line, 33);
  for (const Record& f : ex.facts) {
    EXPECT_FALSE(f.table.has_value());
    EXPECT_EQ(f.note, "2025-H1");
    EXPECT_EQ(f.source.page, 1);
  }
  std::vector<int> fact_lines;
  for (const Record& f : ex.facts) fact_lines.push_back(f.source.line);
  EXPECT_THAT(fact_lines, ElementsAre(14, 14, 15, 50, 51, 62, 65, 82, 85, 94, 98, 100));
  EXPECT_EQ(ex.facts[9].period_end, "2025-05-31");  // "1. januar til 31. maj 2025"
  EXPECT_EQ(ex.facts[2].period_start, "2024-01-01");
  EXPECT_EQ(ex.title_source.line, 1);
}

TEST(ExtractTest, CorrectedSampleGivesExactRecords) {
  Extraction ex = Extract(TextOf(ReadSample("note-2025-h1.txt")));
  ExpectSeedRecords(ex);
  EXPECT_EQ(ex.title, "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025");
  EXPECT_TRUE(ex.digit_fixes.empty());
}

TEST(ExtractTest, RawOcrSampleGivesTheSameRecords) {
  Extraction ex = Extract(TextOf(ReadSample("note-2025-h1.ocr.txt")));
  ExpectSeedRecords(ex);
}

TEST(ExtractTest, StagedExtractionEqualsTheConvenience) {
  RepairedText text = TextOf(ReadSample("note-2025-h1.txt"));
  EXPECT_EQ(Dump(Extract(Segment(text))), Dump(Extract(text)));
}

TEST(ExtractTest, EveryPatternCompiles) {
  std::vector<PatternStatus> all = AllPatterns();
  EXPECT_GE(all.size(), 30u);
  std::set<std::string> names;
  for (const PatternStatus& p : all) {
    EXPECT_TRUE(p.ok) << p.name << ": " << p.error << "\n" << p.pattern;
    EXPECT_TRUE(names.insert(p.name).second) << "duplicate name " << p.name;
  }
}

TEST(ExtractTest, RegistryListsTablesOneToThree) {
  std::vector<int> numbers;
  for (const TableExtractor& x : TableExtractors()) numbers.push_back(x.number);
  EXPECT_THAT(numbers, ElementsAre(1, 2, 3));
}

// ---------------------------------------------------------------- table 1

TEST(Table1Test, HeaderOverSeveralLinesWithSeparators) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2024\n"
      "\n"
      "Tabel 1. Årlig udvikling i antal henvendelser til sikkerhedskonsulenterne\n"
      "\n"
      "2018 | 2019 | 2020 | 2021 | 2022 | 2023 | 1.\n"
      "\n"
      "(maj- halvår\n"
      "dec.) 2024\n"
      "Henvendel- 150 260 300 380 500 600 432\n"
      "\n"
      "ser (antal)\n"
      "\n"
      "Den løbende stigning kan være udtryk for, at kendskabet til ordningen udbredes til flere.\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 1);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2018=150", "2019=260", "2020=300", "2021=380", "2022=500",
                                     "2023=600", "2024-H1=432"));
  EXPECT_EQ(Periods(*t).front(), "2018 2018-05-01..2018-12-31");
  EXPECT_EQ(Periods(*t).back(), "2024-H1 2024-01-01..2024-06-30");
  EXPECT_EQ(t->records[0].note, "2024-H1");
}

TEST(Table1Test, MonthsBrokenBySpecksAndAnotherColumnsWordsStillAnnotateTheFirstYear) {
  // A thin scan: specks read as "!" and "'" between "(maj" and "dec.)".
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n"
      "\n"
      "Tabel 1. Årlig udvikling i antal henvendelser til sikkerhedskonsulenterne\n"
      "2018 2019 2020 2021 2022 \" 2023 2024 1.\n"
      "(maj ! ! ' ' halvår\n"
      "dec.) 2025\n"
      ", Henvendel- 186 286 . 313 395 . 522 . 631 827 502\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 1);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_EQ(Periods(*t).front(), "2018 2018-05-01..2018-12-31");  // was 2018-H1, May only
  EXPECT_EQ(Periods(*t).back(), "2025-H1 2025-01-01..2025-06-30");
}

TEST(Table1Test, AHeaderWithARuleAndSpecksBetweenItsWordsIsRead) {
  // A thin scan: a rule read as "|" before "(maj-", and "i" and "…" between
  // "halvår" and its year. The months went to 2019 and 2020-H1 was read as
  // the whole year.
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2020\n"
      "\n"
      "Tabel 1. Antal henvendelser til sikkerhedskonsulenterne pr. år\n"
      "2018 2019 1.\n"
      "| (maj- halvår\n"
      "i dec.) … 2020\n"
      "\"Henvende — 151 189 105\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 1);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Periods(*t), ElementsAre("2018 2018-05-01..2018-12-31", "2019 2019-01-01..2019-12-31",
                                       "2020-H1 2020-01-01..2020-06-30"));
}

TEST(Table1Test, AZeroReadAsParenthesesInAYearIsAZero) {
  // Thin print: the 0 of 2022 came apart into "()"; its column's value
  // belonged to no period.
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2022\n"
      "\n"
      "Tabel 1. Antal henvendelser til sikkerhedskonsulenterne pr. år\n"
      "År Henvendelser\n"
      "2020 301\n"
      "2021 377\n"
      "2()22 449\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 1);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2020=301", "2021=377", "2022=449"));
  EXPECT_THAT(FixLines(ex.digit_fixes), ElementsAre("2()22>2022 digit:()->0"));
}

TEST(Table1Test, ARulesPieceReadAsAOneIsNoValue) {
  // A thin scan broke the rules between the columns; two pieces were read
  // as "1", one a sliver, one taller than the digits. With them the row had
  // ten values for eight periods and the table was lost. A real 1 of the
  // digits' height, and the "1." of "1. halvår", stay.
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n"
      "\n"
      "Tabel 1. Årlig udvikling i antal henvendelser til sikkerhedskonsulenterne\n"
      "2018 2019 2020 2021 2022 2023 2024 1.\n"
      "(maj- halvår\n"
      "dec.) 2025\n"
      "Henvendel- 186 286 313 395 522 631 1 827 502 1\n";
  RepairedText r = TextOf(text);
  int ones = 0;
  for (Line& l : r.pages[0].lines) {
    double x = 0;
    for (const text::Piece& p : text::SplitWhitespace(l.text)) {
      double height = 33, width = 20.0 * static_cast<double>(p.text.size());
      if (l.number == 7 && p.text == "1") {
        bool sliver = ones++ == 0;  // a sliver 2 wide, then a tall piece
        height = sliver ? 15 : 51;
        width = sliver ? 2 : 20;
      }
      if (l.number == 4 && p.text == "1.") height = 51;  // the ordinal's word took in a rule
      l.words.push_back(Word{std::string(p.text), Box{x, 0, x + width, height}, 95});
      x += width + 10;
    }
  }
  Extraction ex = Extract(r);
  const Table* t = FindTable(ex, 1);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2018=186", "2019=286", "2020=313", "2021=395", "2022=522",
                                     "2023=631", "2024=827", "2025-H1=502"));
  // Of the digits' height, a 1 is a value: the row has one too many.
  RepairedText plain = TextOf(text);
  for (Line& l : plain.pages[0].lines) {
    double x = 0;
    for (const text::Piece& p : text::SplitWhitespace(l.text)) {
      l.words.push_back(Word{std::string(p.text), Box{x, 0, x + 20, 33}, 95});
      x += 30;
    }
  }
  EXPECT_EQ(FindTable(Extract(plain), 1), nullptr);
}

TEST(Table1Test, TwoHalfYearsStackedInTheHeader) {
  // A second-half note's table: both halves of its year as columns, each
  // header cell over three lines, read across by the text layer.
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2023\n"
      "Tabel 1: Antal henvendelser pr. år\n"
      "2018 2019 2020 2021 2022 1. 2.\n"
      "(maj- halvår halvår\n"
      "dec.) 2023 2023\n"
      "Henvendel- 171 204 265 301 377 219 240\n"
      "ser (antal)\n"
      "Stigningen fortsatte i hele perioden.\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 1);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2018=171", "2019=204", "2020=265", "2021=301", "2022=377",
                                     "2023-H1=219", "2023-H2=240"));
  EXPECT_EQ(Periods(*t).front(), "2018 2018-05-01..2018-12-31");
  EXPECT_EQ(Periods(*t).back(), "2023-H2 2023-07-01..2023-12-31");
}

TEST(Table1Test, YearsAsRows) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2025\n"
      "Tabel 1. Årlig udvikling i antal henvendelser\n"
      "År Antal henvendelser\n"
      "2018 (maj-dec.) 186\n"
      "2019 286\n"
      "2020 313\n"
      "2021 395\n"
      "2022 522\n"
      "2023 631\n"
      "2024 827\n"
      "1. halvår 2025 502\n"
      "2. halvår 2025 1.021\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 1);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2018=186", "2019=286", "2020=313", "2021=395", "2022=522",
                                     "2023=631", "2024=827", "2025-H1=502", "2025-H2=1021"));
  EXPECT_EQ(t->records[0].period_start, "2018-05-01");
  EXPECT_EQ(t->records[8].period_start, "2025-07-01");
  EXPECT_EQ(t->records[8].source.line, 12);
  EXPECT_EQ(ex.note_period, "2025-H2");
}

TEST(Table1Test, WholeYearNoteOnOneHeaderLine) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2025\n"
      "Tabel 1. Årlig udvikling i antal henvendelser til sikkerhedskonsulenterne\n"
      "2019 2020 2021 2022 2023 2024 2025\n"
      "Henvendelser (antal) 286 313 395 522 631 827 1.004\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 1);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2019=286", "2020=313", "2021=395", "2022=522", "2023=631",
                                     "2024=827", "2025=1004"));
  EXPECT_EQ(t->records[6].period_end, "2025-12-31");
  EXPECT_EQ(ex.note_period, "2025");
}

TEST(Table1Test, ACommaForTheThousandsPointIsACount) {
  // "1,021": OCR's reading of "1.021" (or English style). A count has no
  // decimals: it is 1021, and the fix is listed.
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2025\n"
      "Tabel 1. Årlig udvikling i antal henvendelser til sikkerhedskonsulenterne\n"
      "2022 2023 2024 2025\n"
      "Henvendelser (antal) 522 631 827 1,021\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 1);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2022=522", "2023=631", "2024=827", "2025=1021"));
  EXPECT_THAT(t->records[3].flags, ::testing::Contains("digit-repaired"));
  EXPECT_THAT(FixLines(ex.digit_fixes), ElementsAre("1,021>1.021 digit:,->."));
}

TEST(Table1Test, RowsCutByAPageBreakWithFurniture) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2026\n"
      "Tabel 1. Årlig udvikling i antal henvendelser\n"
      "2018 (maj-dec.) 90\n"
      "2019 120\n"
      "2020 140\n"
      "\n"
      "Side 1 af 2\n"
      "\f"
      "Side 2 af 2\n"
      "2021 160\n"
      "2022 210\n"
      "1. halvår 2026 480\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 1);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2018=90", "2019=120", "2020=140", "2021=160", "2022=210",
                                     "2026-H1=480"));
  EXPECT_EQ(t->records[3].source.page, 2);
  EXPECT_EQ(t->records[3].source.line, 2);
}

TEST(Table1Test, HeaderCutByAPageBreak) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2026\n"
      "Tabel 1. Årlig udvikling i antal henvendelser\n"
      "2021 | 2022 | 2023 |\n"
      "3/4\n"
      "\f"
      "2024 | 2025 | 1. halvår 2026\n"
      "Antal 10 20 30 40 50 25\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 1);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t),
              ElementsAre("2021=10", "2022=20", "2023=30", "2024=40", "2025=50", "2026-H1=25"));
}

TEST(Table1Test, ContinuedCaptionAndFootnote) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n"
      "Tabel 1. Årlig udvikling i antal henvendelser til sikkerhedskonsulenterne\n"
      "År* Henvendelser\n"
      "2018 186\n"
      "2019 286\n"
      "\f"
      "Tabel 1. (fortsat)\n"
      "2020 313\n"
      "1. halv-\n"
      "år 2025 502\n"
      "* Ordningen startede i maj 2018.\n"
      "Den løbende stigning kan være udtryk for, at kendskabet til ordningen udbredes til flere.\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 1);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2018=186", "2019=286", "2020=313", "2025-H1=502"));
  EXPECT_EQ(t->records[3].source.page, 2);
  EXPECT_EQ(t->records[3].source.line, 4);
  EXPECT_EQ(ex.problems.size(), 2u) << Dump(ex);  // tables 2 and 3 are missing
}

TEST(Table1Test, HalfYearsWrittenAsMonthsOrAbbreviated) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n"
      "Tabel 1. Årlig udvikling i antal henvendelser\n"
      "2022 2023 H2 2023 2024 jan.-jun. 2025\n"
      "Antal 522 631 320 827 502\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 1);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2022=522", "2023=631", "2023-H2=320", "2024=827", "2025-H1=502"));
  EXPECT_EQ(t->records[4].period_end, "2025-06-30");
  const char* rows =
      "Notat i 2. halvår 2025\n"
      "Tabel 1. Årlig udvikling i antal henvendelser\n"
      "2024 827\n"
      "1. hå 2025 502\n"
      "jul.-dec. 2025 519\n";
  Extraction ex2 = Extract(TextOf(rows));
  const Table* t2 = FindTable(ex2, 1);
  ASSERT_NE(t2, nullptr) << Dump(ex2);
  EXPECT_THAT(Cells(*t2), ElementsAre("2024=827", "2025-H1=502", "2025-H2=519"));
}

TEST(Table1Test, MissingValueIsAProblemAndTheTableIsLeftOut) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n"
      "Tabel 1. Årlig udvikling i antal henvendelser til sikkerhedskonsulenterne\n"
      "2018 | 2019 | 2020 | 2021 | 2022 | 2023 | 2024 | 1. halvår 2025\n"
      "Henvendelser 186 286 313 395 522 631 502\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_EQ(FindTable(ex, 1), nullptr);
  EXPECT_THAT(ex.problems, ::testing::Contains("table 1 (page 1, line 2): 8 periods but 7 values"));
}

TEST(Table1Test, AnUnreadableCellLosesOnlyItsPeriod) {
  // Rows: "2021 Si" has no value; the other rows are kept and the row reported.
  const char* rows =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2027\n"
      "Tabel 1: Antal henvendelser til sikkerhedskonsulenterne pr. år\n"
      "Periode Antal henvendelser\n"
      "2020 274\n"
      "2021 Si\n"
      "2022 347\n"
      "1. halvår 2027 375\n";
  Extraction ex = Extract(TextOf(rows));
  const Table* t = FindTable(ex, 1);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2020=274", "2022=347", "2027-H1=375"));
  EXPECT_THAT(ex.problems, ::testing::Contains(
                               "table 1 (page 1, line 2): page 1: line 5: no readable value for 2021 in \"2021 Si\""));
  ASSERT_EQ(t->unread.size(), 1u);
  EXPECT_EQ(t->unread[0].period, "2021");
  EXPECT_EQ(t->unread[0].source.line, 5);
  // Columns: "ad" stands where 2024's value was printed.
  const char* columns =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n"
      "Tabel 3: Nye henvendelser om genopdragelsesrejser og ufrivillige udlandsophold pr. år\n"
      "2021 | 2022 | 2023 | 2024 | 1. halvår 2025\n"
      "Henvendel- 46 41 64 ad 28\n";
  Extraction ex3 = Extract(TextOf(columns));
  const Table* t3 = FindTable(ex3, 3);
  ASSERT_NE(t3, nullptr) << Dump(ex3);
  EXPECT_THAT(Cells(*t3), ElementsAre("2021=46", "2022=41", "2023=64", "2025-H1=28"));
  EXPECT_THAT(ex3.problems, ::testing::Contains("table 3 (page 1, line 2): page 1: line 4: no readable value for 2024 "
                                                "(\"ad\") in \"Henvendel- 46 41 64 ad 28\""));
  ASSERT_EQ(t3->unread.size(), 1u);
  EXPECT_EQ(t3->unread[0].period, "2024");
  EXPECT_EQ(t3->unread[0].text, "ad");
  EXPECT_FALSE(t3->unread[0].region.has_value());
  // A short row label first on the line is no cell: nothing is paired.
  const char* labelled =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n"
      "Tabel 3: Nye henvendelser om genopdragelsesrejser og ufrivillige udlandsophold pr. år\n"
      "2021 | 2022 | 2023 | 2024 | 1. halvår 2025\n"
      "Nye 46 41 64 28\n";
  EXPECT_EQ(FindTable(Extract(TextOf(labelled)), 3), nullptr);
  // A short word the caption lacks, first on the line, is an unreadable cell.
  const char* unreadable_first =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n"
      "Tabel 3: Nye henvendelser om genopdragelsesrejser og ufrivillige udlandsophold pr. år\n"
      "2021 | 2022 | 2023 | 2024 | 1. halvår 2025\n"
      "fa 41 64 52 28\n";
  Extraction ex4 = Extract(TextOf(unreadable_first));
  const Table* t4 = FindTable(ex4, 3);
  ASSERT_NE(t4, nullptr) << Dump(ex4);
  EXPECT_THAT(Cells(*t4), ElementsAre("2022=41", "2023=64", "2024=52", "2025-H1=28"));
}

TEST(Table1Test, AnUnreadableFirstRowLabelIsReadFromItsPlace) {
  // "2018 (maj-dec.) 159" came out of OCR as "pretreat sei 159": the row
  // right above 2019 is 2018, flagged and reported (its months are lost).
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2026\n"
      "Tabel 1: Antal henvendelser til sikkerhedskonsulenterne pr. år\n"
      "Periode | Antal henvendelser\n"
      "pretreat sei 159\n"
      "2019 | 178\n"
      "2020 191\n"
      "2021 216\n"
      "2022 269\n"
      "2023 | 346\n"
      "2024 420\n"
      "2025 548\n"
      "1. halvår 2026 275\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 1);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2018=159", "2019=178", "2020=191", "2021=216", "2022=269", "2023=346",
                                     "2024=420", "2025=548", "2026-H1=275"));
  EXPECT_THAT(t->records[0].flags, ElementsAre("period-inferred"));
  EXPECT_TRUE(t->records[1].flags.empty());
  EXPECT_THAT(ex.problems, ::testing::Contains("table 1 (page 1, line 2): page 1: line 4: period 2018 read from its "
                                               "place above 2019 (its label is unreadable in \"pretreat sei 159\")"));
  // Not when the periods skip a year below it: the value is reported, not placed.
  std::string skipping = text;
  skipping.replace(skipping.find("2020 191\n"), 9, "");
  Extraction ex2 = Extract(TextOf(skipping.c_str()));
  const Table* t2 = FindTable(ex2, 1);
  ASSERT_NE(t2, nullptr) << Dump(ex2);
  EXPECT_THAT(Cells(*t2), ElementsAre("2019=178", "2021=216", "2022=269", "2023=346", "2024=420", "2025=548",
                                      "2026-H1=275"));
  EXPECT_THAT(ex2.problems, ::testing::Contains("table 1 (page 1, line 2): page 1: line 4: value 159 belongs to no "
                                                "readable period in \"pretreat sei 159\""));
}

TEST(Table1Test, YearsAsRowsWithASpaceAsTheThousandsSeparator) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2026\n"
      "Tabel 1. Antal henvendelser pr. år\n"
      "Periode                 Antal\n"
      "2024                    827\n"
      "2025                    1 650\n"
      "1. halvår 2026          930\n"
      "2. halvår 2026          1 021\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 1);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2024=827", "2025=1650", "2026-H1=930", "2026-H2=1021"));
  // Across the page, where a row holds a count per column, nothing is joined.
  const char* across =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2026\n"
      "Tabel 1. Antal henvendelser pr. år\n"
      "2024 | 2025 | 1. halvår 2026 | 2. halvår 2026\n"
      "Henvendelser 827 1650 30 021\n";
  Extraction ex2 = Extract(TextOf(across));
  const Table* t2 = FindTable(ex2, 1);
  ASSERT_NE(t2, nullptr) << Dump(ex2);
  EXPECT_THAT(Cells(*t2), ElementsAre("2024=827", "2025=1650", "2026-H1=30", "2026-H2=21"));
}

TEST(Table1Test, YearsAsRowsWithAColumnOfChangesBesideTheCounts) {
  // "2019  286  54": the count, then its change in pct.; the first figure
  // after the period is its value.
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2025\n"
      "Tabel 1. Henvendelser til sikkerhedskonsulenterne 2018-2025\n"
      "Periode                Antal   Ændring i pct.\n"
      "2018 (maj-dec.)        186     -\n"
      "2019                   286     54\n"
      "2020                   313     9\n"
      "2024                   827     31\n"
      "1. halvår 2025         502     -\n"
      "2. halvår 2025         519     -\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 1);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2018=186", "2019=286", "2020=313", "2024=827", "2025-H1=502", "2025-H2=519"));
}

TEST(Table1Test, YearsAsColumnsInTwoBands) {
  // A narrow page: the series in two bands of header and values; a band's
  // header is no row of a year and its values.
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n"
      "Tabel 1. Antal henvendelser pr. år\n"
      "2018   2019   2020   2021\n"
      "186    286    313    395\n"
      "2022   2023   2024   1. halvår 2025\n"
      "522    631    827    502\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 1);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2018=186", "2019=286", "2020=313", "2021=395", "2022=522", "2023=631",
                                     "2024=827", "2025-H1=502"));
}

TEST(Table1Test, HalfYearRowsWithTheYearFirst) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2025\n"
      "Tabel 1. Antal henvendelser\n"
      "År                 Henvendelser\n"
      "2024               827\n"
      "2025, 1. halvår    502\n"
      "2025 2. halvår     525\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 1);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2024=827", "2025-H1=502", "2025-H2=525"));
}

// A chart's figures under "Figur N." are read by what its caption says,
// never by its number; a table giving the same wins wherever it stands.
TEST(Table1Test, AFiguresCaptionIsReadByItsWordsAndATableWins) {
  const std::string chart =
      "Figur 1. Antal henvendelser pr. år\n"
      "2023   2024   1. halvår 2025\n"
      "631    827    500\n";
  const std::string table =
      "Tabel 2. Årlig udvikling i antal henvendelser\n"
      "2023   2024   1. halvår 2025\n"
      "631    827    502\n";
  const std::string title = "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n";
  Extraction alone = Extract(TextOf((title + chart).c_str()));
  const Table* t = FindTable(alone, 1);
  ASSERT_NE(t, nullptr) << Dump(alone);
  EXPECT_THAT(Cells(*t), ElementsAre("2023=631", "2024=827", "2025-H1=500"));
  // (the table's number 2 is a misprint; its words say table 1)
  Extraction both = Extract(TextOf((title + chart + table).c_str()));
  t = FindTable(both, 1);
  ASSERT_NE(t, nullptr) << Dump(both);
  EXPECT_THAT(Cells(*t), ElementsAre("2023=631", "2024=827", "2025-H1=502"));
  EXPECT_THAT(both.problems, ::testing::Contains(::testing::HasSubstr("a second table of inquiries per year; ignored")));
  // A chart whose words name no table is no table, whatever its number.
  Extraction other = Extract(TextOf((title + "Figur 2. Henvendelser fordelt på alder\n0-17 år 45\n").c_str()));
  EXPECT_EQ(FindTable(other, 2), nullptr) << Dump(other);
}

// Years across and halves down: each cell is its year's half, in time
// order; an "I alt" row of the years' sums is checked, not read as periods;
// a first-half note's last second half is not there yet.
// Years down, halves across, perhaps with a total column: each cell is its
// year's half; the totals are the years', checked against the halves. A
// first-half note's last row holds its first half alone.
TEST(Table1Test, YearsDownAndHalvesAcross) {
  Extraction whole = Extract(TextOf(
      "Notat om henvendelser til sikkerhedskonsulenterne i 2028\n"
      "Tabel 1. Henvendelser pr. halvår\n"
      "                 1. halvår   2. halvår   I alt\n"
      "2026                   731         799    1.530\n"
      "2027                   962       1.048    2.010\n"
      "2028                 1.102       1.210    2.312\n"));
  const Table* t = FindTable(whole, 1);
  ASSERT_NE(t, nullptr) << Dump(whole);
  EXPECT_THAT(Cells(*t), ElementsAre("2026-H1=731", "2026-H2=799", "2027-H1=962", "2027-H2=1048", "2028-H1=1102",
                                     "2028-H2=1210"));
  std::vector<std::string> sums;
  for (const Record& r : t->year_totals) sums.push_back(r.period + "=" + std::to_string(static_cast<int>(r.value)));
  EXPECT_THAT(sums, ElementsAre("2026=1530", "2027=2010", "2028=2312"));
  for (const std::string& p : whole.problems) EXPECT_EQ(p.find("belong to no"), std::string::npos) << p;
  Extraction first = Extract(TextOf(
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2028\n"
      "Tabel 1. Henvendelser pr. halvår\n"
      "        1. halvår   2. halvår\n"
      "2026          731         799\n"
      "2027          962       1.048\n"
      "2028        1.102\n"));
  t = FindTable(first, 1);
  ASSERT_NE(t, nullptr) << Dump(first);
  EXPECT_THAT(Cells(*t), ElementsAre("2026-H1=731", "2026-H2=799", "2027-H1=962", "2027-H2=1048", "2028-H1=1102"));
}

TEST(Table1Test, HalvesDownAndYearsAcross) {
  const std::string head =
      "Tabel 1. Henvendelser pr. halvår\n"
      "              2024   2025   2026\n"
      "1. halvår      400    502    540\n";
  Extraction second = Extract(TextOf(("Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2026\n" + head +
                                      "2. halvår      427    525    590\n"
                                      "I alt          827  1.030  1.130\n")
                                         .c_str()));
  const Table* t = FindTable(second, 1);
  ASSERT_NE(t, nullptr) << Dump(second);
  EXPECT_THAT(Cells(*t), ElementsAre("2024-H1=400", "2024-H2=427", "2025-H1=502", "2025-H2=525", "2026-H1=540",
                                     "2026-H2=590"));
  EXPECT_FALSE(t->printed_total.has_value());
  std::vector<std::string> sums;
  for (const Record& r : t->year_totals) sums.push_back(r.period + "=" + std::to_string(static_cast<int>(r.value)));
  EXPECT_THAT(sums, ElementsAre("2024=827", "2025=1030", "2026=1130"));
  Extraction first = Extract(TextOf(("Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2026\n" + head +
                                     "2. halvår      427    525\n")
                                        .c_str()));
  t = FindTable(first, 1);
  ASSERT_NE(t, nullptr) << Dump(first);
  EXPECT_THAT(Cells(*t), ElementsAre("2024-H1=400", "2024-H2=427", "2025-H1=502", "2025-H2=525", "2026-H1=540"));
  for (const std::string& p : first.problems) EXPECT_EQ(p.find("belongs to no"), std::string::npos) << p;
  // As the English model reads it: "halvar", and "I alt" as "| alt"; or a
  // "Total" row.
  for (const char* total : {"| alt", "Total"}) {
    Extraction eng = Extract(TextOf(("Notat om henvendelser til sikkerhedskonsulenterne i 2. halvar 2026\n"
                                     "Tabel 1. Henvendelser pr. halvar\n"
                                     "| 2024 | 2025\n"
                                     "1. halvar | 400 | 502\n"
                                     "2. halvar | 427 | 525\n" +
                                     std::string(total) + " | 827 | 1.027\n")
                                        .c_str()));
    t = FindTable(eng, 1);
    ASSERT_NE(t, nullptr) << Dump(eng);
    EXPECT_THAT(Cells(*t), ElementsAre("2024-H1=400", "2024-H2=427", "2025-H1=502", "2025-H2=525")) << total;
    EXPECT_EQ(t->year_totals.size(), 2u) << total;
  }
}

// "2026 (1. halvår)": the half in brackets after its column's year is that
// half, not the whole year, glued ("(1.halvår)") or with a footnote mark.
TEST(Table1Test, AHalfInBracketsAfterItsYear) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2026\n"
      "Tabel 1. Antal henvendelser pr. år\n"
      "2023   2024   2025   2026 (1. halvår)\n"
      "631    827    1.701  866\n"
      "Tabel 3. Nye henvendelser om genopdragelsesrejser\n"
      "2024   2025   2026 (1.halvår)*\n"
      "52     61     35\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t1 = FindTable(ex, 1);
  const Table* t3 = FindTable(ex, 3);
  ASSERT_NE(t1, nullptr) << Dump(ex);
  ASSERT_NE(t3, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t1), ElementsAre("2023=631", "2024=827", "2025=1701", "2026-H1=866"));
  EXPECT_THAT(Cells(*t3), ElementsAre("2024=52", "2025=61", "2026-H1=35"));
  // The abbreviation glued to its ordinal: "1.hå. 2026", "2026 (1.hå.)".
  for (const char* header : {"2023   2024   2025   1.hå. 2026", "2023   2024   2025   2026 (1.hå.)"}) {
    ex = Extract(TextOf((std::string("Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2026\n"
                                     "Tabel 1. Antal henvendelser pr. år\n") +
                         header + "\n631    827    1.701  866\n")
                            .c_str()));
    t1 = FindTable(ex, 1);
    ASSERT_NE(t1, nullptr) << Dump(ex);
    EXPECT_THAT(Cells(*t1), ElementsAre("2023=631", "2024=827", "2025=1701", "2026-H1=866")) << header;
  }
}

TEST(Table1Test, HalfYearsGluedToTheirYearOrWrittenAsMonths) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2026\n"
      "I perioden januar–juni 2026 modtog sikkerhedskonsulenterne 640 henvendelser mod 611 i januar–juni 2025.\n"
      "Tabel 1. Antal henvendelser pr. år\n"
      "2024  2025  jan.-jun. 2026\n"
      "827   1.080  640\n"
      "Tabel 3. Nye henvendelser om genopdragelsesrejser\n"
      "2024 2025 H1-2026\n"
      "52 60 33\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t1 = FindTable(ex, 1);
  const Table* t3 = FindTable(ex, 3);
  ASSERT_NE(t1, nullptr) << Dump(ex);
  ASSERT_NE(t3, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t1), ElementsAre("2024=827", "2025=1080", "2026-H1=640"));
  EXPECT_THAT(Cells(*t3), ElementsAre("2024=52", "2025=60", "2026-H1=33"));
  EXPECT_THAT(FactLines(ex.facts),
              ElementsAre("inquiries_total 2026-H1 = 640 count", "inquiries_total 2025-H1 = 611 count"))
      << Dump(ex);
}

TEST(Table1Test, APrintedTotalIsNoPeriodAndIsChecked) {
  // Across the page: "I alt" after the last period, one value more on the row.
  const char* across =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2025\n"
      "Tabel 1. Årlig udvikling i antal henvendelser\n"
      "2024   1. halvår 2025   2. halvår 2025   I alt\n"
      "827    502              525              1.854\n";
  Extraction ex = Extract(TextOf(across));
  const Table* t = FindTable(ex, 1);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2024=827", "2025-H1=502", "2025-H2=525"));
  for (const std::string& p : ex.problems) EXPECT_EQ(p.find("total"), std::string::npos) << p;
  ASSERT_TRUE(t->printed_total.has_value());
  EXPECT_EQ(t->printed_total->value, 1854);
  EXPECT_EQ(t->printed_total->source.line, 4);
  EXPECT_EQ(t->printed_total->period, "");
  // Down the page; validation checks the total (series_totals_equal_sums).
  const char* down =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2025\n"
      "Tabel 1. Antal henvendelser pr. år\n"
      "2024 827\n"
      "1. halvår 2025 502\n"
      "2. halvår 2025 525\n"
      "I alt 1.850\n";
  Extraction ex2 = Extract(TextOf(down));
  const Table* t2 = FindTable(ex2, 1);
  ASSERT_NE(t2, nullptr) << Dump(ex2);
  EXPECT_THAT(Cells(*t2), ElementsAre("2024=827", "2025-H1=502", "2025-H2=525"));
  ASSERT_TRUE(t2->printed_total.has_value());
  EXPECT_EQ(t2->printed_total->value, 1850);
  EXPECT_EQ(t2->printed_total->source.line, 6);
}

TEST(Table1Test, ReadsTheValueRowUnderABrokenHeader) {
  // Stray OCR digits in the header ("5", "12") are not values.
  const char* stray =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n"
      "Tabel 1. Antal henvendelser til sikkerhedskonsulenterne pr. år\n"
      "5 -- 2020 | 2021 | 2022 2023 2024 | 12\n"
      "Henvendelser 301 333 | 370 ; 402 455\n";
  Extraction ex = Extract(TextOf(stray));
  const Table* t = FindTable(ex, 1);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2020=301", "2021=333", "2022=370", "2023=402", "2024=455"));
  // One year unreadable ("2OZ2"), one value more than periods: the year is
  // put back from its place, flagged and reported.
  const char* gap =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n"
      "Tabel 1. Antal henvendelser til sikkerhedskonsulenterne pr. år\n"
      "2020 | 2021 | 2OZ2 | 2023 | 1. halvår 2024\n"
      "Henvendelser 301 333 370 402 211\n";
  Extraction ex2 = Extract(TextOf(gap));
  const Table* t2 = FindTable(ex2, 1);
  ASSERT_NE(t2, nullptr) << Dump(ex2);
  EXPECT_THAT(Cells(*t2), ElementsAre("2020=301", "2021=333", "2022=370", "2023=402", "2024-H1=211"));
  EXPECT_TRUE(HasFlag(t2->records[2], "period-inferred"));
  EXPECT_FALSE(HasFlag(t2->records[1], "period-inferred"));
  EXPECT_THAT(ex2.problems, ::testing::Contains(::testing::HasSubstr("period 2022 read from its place")));
  // Two years missing: nothing is guessed.
  const char* two_gaps =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n"
      "Tabel 1. Antal henvendelser til sikkerhedskonsulenterne pr. år\n"
      "2020 | 2OZ1 | 2OZ2 | 2023 | 1. halvår 2024\n"
      "Henvendelser 301 333 370 402 211\n";
  EXPECT_EQ(FindTable(Extract(TextOf(two_gaps)), 1), nullptr);
}

// A header OCR broke beyond one unreadable year: "2025" fused with the "1."
// of "1. halvår" and the half years' "2." read as "12". The periods come from
// the note's period and the first year, when exactly one series fits the
// row of values; those the header does not name are flagged and reported.
TEST(Table1Test, BrokenHeaderIsReadFromTheNotesPeriod) {
  const char* broken =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2024\n"
      "Tabel 1. Antal henvendelser til sikkerhedskonsulenterne pr. år\n"
      "5 -- 2019 | 2020 2021 2022 202371. 12\n"
      "(maj- | | halvår | halvår\n"
      "dec.) \"2024 |! 2024\n"
      "Henvendelser 140 | 201 ; 260 305 333 170 190\n";
  Extraction ex = Extract(TextOf(broken));
  const Table* t = FindTable(ex, 1);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2019=140", "2020=201", "2021=260", "2022=305", "2023=333",
                                     "2024-H1=170", "2024-H2=190"));
  EXPECT_EQ(t->records[0].period_start, "2019-05-01");
  EXPECT_TRUE(HasFlag(t->records[4], "period-inferred"));
  EXPECT_TRUE(HasFlag(t->records[5], "period-inferred"));
  EXPECT_FALSE(HasFlag(t->records[1], "period-inferred"));
  EXPECT_THAT(ex.problems, ::testing::Contains(::testing::HasSubstr("periods read from the note's period 2024-H2")));

  // The same header without half years, in a note whose second half year
  // is shown whole.
  std::string whole = broken;
  whole.replace(whole.find("170 190"), 7, "360");
  whole.replace(whole.find("halvår | halvår"), 15, "|");
  Extraction ex2 = Extract(TextOf(whole.c_str()));
  const Table* t2 = FindTable(ex2, 1);
  ASSERT_NE(t2, nullptr) << Dump(ex2);
  EXPECT_THAT(Cells(*t2), ElementsAre("2019=140", "2020=201", "2021=260", "2022=305", "2023=333", "2024=360"));

  // No series fits the values (one lost): nothing is guessed.
  std::string lost = broken;
  lost.replace(lost.find("333 "), 4, "");
  EXPECT_EQ(FindTable(Extract(TextOf(lost.c_str())), 1), nullptr);
  // The header does not reach the note's year: nothing is guessed.
  std::string older = broken;
  older.replace(older.find("2. halvår 2024"), 14, "2. halvår 2025");
  EXPECT_EQ(FindTable(Extract(TextOf(older.c_str())), 1), nullptr);
}

// The partial first year marked for a footnote that names its months.
// OCR read the raised mark as a digit, over the table and in the footnote:
// "20181" beside 2019 is 2018 with its mark, and "1 Maj-december 2018." the
// footnote (not a second 2018 in the table).
TEST(Table1Test, AFootnoteMarkReadAsADigit) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2021\n"
      "Tabel 1 Udvikling i antal henvendelser\n"
      "År 20181 2019 2020 2021\n"
      "Antal 186 286 313 395\n"
      "1 Maj-december 2018.\n"
      "\n"
      "I hele 2021 modtog sikkerhedskonsulenterne 395 henvendelser.\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 1);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2018=186", "2019=286", "2020=313", "2021=395"));
  EXPECT_EQ(t->records[0].period_start, "2018-05-01");
  EXPECT_THAT(FactLines(ex.facts), ElementsAre("inquiries_total 2021 = 395 count")) << Dump(ex);
}

TEST(Table1Test, AFootnoteGivesTheFirstYearsMonths) {
  for (const char* marker : {"*", "\u00b9"}) {
    std::string text = std::string("Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2021\n") +
                       "Tabel 1. Antal henvendelser pr. år\n"
                       "2018" + marker + " 2019 2020 1. halvår 2021\n"
                       "186 286 301 170\n" +
                       marker + " Ordningen startede i maj 2018; tallet dækker maj-december.\n"
                       "\n"
                       "I 1. halvår 2021 har sikkerhedskonsulenterne modtaget 170 henvendelser.\n";
    Extraction ex = Extract(TextOf(text.c_str()));
    const Table* t = FindTable(ex, 1);
    ASSERT_NE(t, nullptr) << Dump(ex);
    EXPECT_THAT(Cells(*t), ElementsAre("2018=186", "2019=286", "2020=301", "2021-H1=170"));
    EXPECT_EQ(t->records[0].period_start, "2018-05-01") << marker;
    EXPECT_EQ(t->records[1].period_start, "2019-01-01") << marker;
    // The footnote gives no fact; the sentence after it does.
    EXPECT_THAT(FactLines(ex.facts), ElementsAre("inquiries_total 2021-H1 = 170 count")) << Dump(ex);
  }
  // A footnote naming months for another reason, on a year inside the
  // series or on a first year it would cut short at June, leaves it whole.
  for (const char* years : {"2018 2019* 2020", "2018* 2019 2020"}) {
    std::string text = std::string("Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2021\n") +
                       "Tabel 1. Antal henvendelser pr. år\n" + years + " 1. halvår 2021\n"
                       "186 286 301 170\n"
                       "* Opgjort pr. 1. januar og 30. juni. I 1. halvår 2021 modtog de 170 henvendelser.\n";
    Extraction ex = Extract(TextOf(text.c_str()));
    const Table* t = FindTable(ex, 1);
    ASSERT_NE(t, nullptr) << Dump(ex);
    EXPECT_THAT(Cells(*t), ElementsAre("2018=186", "2019=286", "2020=301", "2021-H1=170")) << years;
    // A figure in a footnote still reaches the facts.
    EXPECT_THAT(FactLines(ex.facts), ElementsAre("inquiries_total 2021-H1 = 170 count")) << Dump(ex);
    EXPECT_EQ(t->records[0].period_start, "2018-01-01") << years;
    EXPECT_EQ(t->records[0].period_end, "2018-12-31") << years;
    EXPECT_EQ(t->records[1].period_end, "2019-12-31") << years;
  }
  // One month, named as the start, gives the first year from that month;
  // one month named for another reason leaves it whole.
  for (const auto& [note, start] : {std::pair{"* Ordningen startede i maj 2018.", "2018-05-01"},
                                    std::pair{"* Opgjort i maj 2021.", "2018-01-01"}}) {
    std::string text = std::string("Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2021\n") +
                       "Tabel 1. Antal henvendelser pr. år\n"
                       "2018* 2019 2020 1. halvår 2021\n"
                       "186 286 301 170\n" +
                       note + "\n";
    Extraction ex = Extract(TextOf(text.c_str()));
    const Table* t = FindTable(ex, 1);
    ASSERT_NE(t, nullptr) << Dump(ex);
    EXPECT_EQ(t->records[0].period_start, start) << note;
    EXPECT_EQ(t->records[0].period_end, "2018-12-31") << note;
  }
}

TEST(Table1Test, DigitConfusionsAreRepairedAndRecorded) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n"
      "Tabel 1. Årlig udvikling i antal henvendelser til sikkerhedskonsulenterne\n"
      "2O18 2019 2020 2021 2022 2023 2024 1. halvår 2025\n"
      "Henvendelser l86 286 3I3 395 522 631 B27 5O2\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 1);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_EQ(Cells(*t), kSeedTable1);
  std::vector<std::string> repaired;
  for (const Record& r : t->records)
    if (HasFlag(r, "digit-repaired")) repaired.push_back(r.period);
  EXPECT_THAT(repaired, ElementsAre("2018", "2020", "2024", "2025-H1"));
  std::vector<std::string> fixes;
  for (const Correction& c : ex.digit_fixes)
    fixes.push_back(c.before + "->" + c.after + " " + c.rule + " @" + std::to_string(c.line) + ":" +
                    std::to_string(c.column));
  EXPECT_THAT(fixes, ElementsAre("2O18->2018 digit:O->0 @3:1", "l86->186 digit:l->1 @4:14",
                                 "3I3->313 digit:I->1 @4:22", "B27->827 digit:B->8 @4:38",
                                 "5O2->502 digit:O->0 @4:42"));
}

TEST(Table1Test, WordsAreNotTurnedIntoDigits) {
  // "I" and "SB" contain no digit: not numeric context.
  const char* text =
      "Notat i 1. halvår 2025\n"
      "Tabel 1. Årlig udvikling i antal henvendelser\n"
      "2024 1. halvår 2025\n"
      "I SB 10 20\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 1);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2024=10", "2025-H1=20"));
  EXPECT_TRUE(ex.digit_fixes.empty());
}

// ---------------------------------------------------------------- table 2

TEST(Table2Test, RowsInAnotherOrderWithSeparatorsAndDamagedNames) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2024\n"
      "Tabel 2. Regionsvis fordeling af henvendelser i perioden 1. juli til 31. december\n"
      "\n"
      "2024\n"
      "Region | Antal henvendelser\n"
      "Region Syddanmark | 100\n"
      "Region Sjzelland | 60\n"
      "Region Nordjylland | 50\n"
      "Region Midtjyland | 140\n"
      "Regi0n Hovedstaden | 150\n"
      "I alt | 500\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 2);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("Region Syddanmark=100", "Region Sjælland=60",
                                     "Region Nordjylland=50", "Region Midtjylland=140",
                                     "Region Hovedstaden=150", "Total=500"));
  EXPECT_EQ(t->records[0].period, "2024-H2");
  EXPECT_EQ(t->records[0].period_start, "2024-07-01");
  EXPECT_EQ(t->records[0].period_end, "2024-12-31");
  EXPECT_EQ(t->records[5].source.line, 11);
  EXPECT_TRUE(ex.digit_fixes.empty());
}

// A share column beside the counts, and a sentence right after the table
// whose only figures besides a share are a half year and an age: the
// sentence ends the table and gives its fact.
TEST(Table2Test, TheRegionsShortNames) {
  // "Region H", "Region Midt", "Region Nord", "Region Syd" and the capital's
  // older name, as some notes print them; "Region M" is no short name.
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n"
      "Tabel 2. Regionsvis fordeling af henvendelser, 1. halvår 2025\n"
      "Region Antal\n"
      "Region H 146\n"
      "Region Midt 142\n"
      "Region Nord 44\n"
      "Region Sj. 54\n"
      "Region Syd 116\n"
      "I alt 502\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 2);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("Region Hovedstaden=146", "Region Midtjylland=142", "Region Nordjylland=44",
                                     "Region Sjælland=54", "Region Syddanmark=116", "Total=502"));
  std::string older = text;
  older.replace(older.find("Region H "), 9, "Hovedstadsregionen ");
  Extraction ex2 = Extract(TextOf(older.c_str()));
  const Table* t2 = FindTable(ex2, 2);
  ASSERT_NE(t2, nullptr) << Dump(ex2);
  EXPECT_EQ(Cells(*t2).front(), "Region Hovedstaden=146");
  std::string m = text;
  m.replace(m.find("Region Midt "), 12, "Region M ");
  Extraction ex3 = Extract(TextOf(m.c_str()));
  const Table* t3 = FindTable(ex3, 2);
  if (t3 != nullptr) {
    for (const Record& r : t3->records) EXPECT_NE(r.region, "Region Midtjylland");
  }
}

TEST(Table2Test, ALastRowWhoseLabelIsUnreadableIsTheTotalWhenItIsTheSum) {
  // A thin scan read "I alt 275" as "Jat 275": five regions and six values,
  // and the table was lost.
  const std::string text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2026\n"
      "Tabel 2. Regionsvis fordeling af henvendelser i perioden 1. januar til 30. juni 2026\n"
      "Region Antal henvendelser\n"
      "Region Midtjylland 85\n"
      "Region Hovedstaden 76\n"
      "Region Nordjylland 25\n"
      "Region Sjælland 26\n"
      "Region Syddanmark 63\n"
      "Jat 275\n";
  Extraction ex = Extract(TextOf(text.c_str()));
  const Table* t = FindTable(ex, 2);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("Region Midtjylland=85", "Region Hovedstaden=76", "Region Nordjylland=25",
                                     "Region Sjælland=26", "Region Syddanmark=63", "Total=275"));
  EXPECT_THAT(t->records.back().flags, ElementsAre("row-inferred"));
  EXPECT_EQ(t->records.back().source.line, 9);
  // Not the sum: no total, the regions kept, the value reported.
  std::string other = text;
  other.replace(other.find("Jat 275"), 7, "Jat 257");
  Extraction ex2 = Extract(TextOf(other.c_str()));
  const Table* t2 = FindTable(ex2, 2);
  ASSERT_NE(t2, nullptr) << Dump(ex2);
  EXPECT_EQ(t2->records.size(), 5u);
  EXPECT_NE(Dump(ex2).find("value 257 belongs to no readable row"), std::string::npos) << Dump(ex2);
}

TEST(Table2Test, ShareColumnAndASentenceRightAfter) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2027\n"
      "Tabel 2. Henvendelser fordelt på regioner i 2. halvår 2027\n"
      "Region                 Antal   Andel\n"
      "Region Hovedstaden     230     38 pct.\n"
      "Region Midtjylland     127     21 pct.\n"
      "Region Syddanmark      118     20 pct.\n"
      "Region Sjælland         74     12 pct.\n"
      "Region Nordjylland      49      8 pct.\n"
      "I alt                  598    100 pct.\n"
      "Børn og unge under 18 år udgjorde 44 pct. af henvendelserne i 2. halvår 2027.\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 2);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_EQ(t->records.size(), 6u);
  EXPECT_EQ(t->records.back().value, 598);
  EXPECT_THAT(FactLines(ex.facts), ElementsAre("share_under_18_pct 2027-H2 = 44 pct")) << Dump(ex);
}

TEST(Table2Test, BareYearsUnderACaptionThatNamesTheHalfYears) {
  // "2025 | 2026" under "... 1. halvår 2025 og 1. halvår 2026": the note's
  // year is its half year's column.
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2026\n"
      "Tabel 2. Henvendelser fordelt på region, 1. halvår 2025 og 1. halvår 2026\n"
      "Region                 2025    2026\n"
      "Region Hovedstaden     146     160\n"
      "Region Sjælland         61      70\n"
      "Region Syddanmark      116     120\n"
      "Region Midtjylland     120     130\n"
      "Region Nordjylland      59      68\n"
      "I alt                  502     548\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 2);
  ASSERT_NE(t, nullptr) << Dump(ex);
  ASSERT_EQ(t->records.size(), 6u) << Dump(ex);
  for (const Record& r : t->records) EXPECT_EQ(r.period, "2026-H1");
  EXPECT_EQ(t->records.back().value, 548);
}

TEST(Table2Test, ASpaceAsTheThousandsSeparator) {
  // "1 021" is one count where the line holds no other; the facts read it too.
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2026\n"
      "Sikkerhedskonsulenterne modtog 1 021 henvendelser i 2. halvår 2026 mod 874 i 2. halvår 2025.\n"
      "Tabel 2. Henvendelser fordelt på region, 2. halvår 2026\n"
      "Hovedstaden             412\n"
      "Midtjylland             201\n"
      "Nordjylland              98\n"
      "Sjælland                120\n"
      "Syddanmark              190\n"
      "I alt                   1 021\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 2);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("Region Hovedstaden=412", "Region Midtjylland=201", "Region Nordjylland=98",
                                     "Region Sjælland=120", "Region Syddanmark=190", "Total=1021"));
  EXPECT_THAT(FactLines(ex.facts), ElementsAre("inquiries_total 2026-H2 = 1021 count",
                                               "inquiries_total 2025-H2 = 874 count"))
      << Dump(ex);
  // Not a count beside its share, nor counts in periods side by side.
  const char* share =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2026\n"
      "Tabel 2. Henvendelser fordelt på region, 2. halvår 2026\n"
      "Region Hovedstaden 40 100 pct.\n";
  Extraction ex2 = Extract(TextOf(share));
  const Table* t2 = FindTable(ex2, 2);
  ASSERT_NE(t2, nullptr) << Dump(ex2);
  EXPECT_THAT(Cells(*t2), ElementsAre("Region Hovedstaden=40"));
  const char* columns =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2026\n"
      "Tabel 2. Henvendelser fordelt på regioner i 2025 og 2026\n"
      "Region 2025 2026\n"
      "Region Hovedstaden 146 160\n"
      "Region Midtjylland 101 150\n"
      "Region Nordjylland 25 112\n"
      "Region Sjælland 48 60\n"
      "Region Syddanmark 112 120\n"
      "I alt 432 602\n";
  Extraction ex3 = Extract(TextOf(columns));
  const Table* t3 = FindTable(ex3, 2);
  ASSERT_NE(t3, nullptr) << Dump(ex3);
  EXPECT_THAT(Cells(*t3), ::testing::Contains("Region Nordjylland=112"));
}

TEST(Table2Test, ShareInParenthesesBesideTheCount) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2025\n"
      "Tabel 2. Regionsvis fordeling, 2. halvår 2025\n"
      "Region Hovedstaden    151 (29 %)\n"
      "Region Midtjylland    140 (27 %)\n"
      "Region Nordjylland     50 (10 %)\n"
      "Region Sjælland        64 (12 %)\n"
      "Region Syddanmark     120 (23 %)\n"
      "I alt                 525 (100 %)\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 2);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("Region Hovedstaden=151", "Region Midtjylland=140", "Region Nordjylland=50",
                                     "Region Sjælland=64", "Region Syddanmark=120", "Total=525"));
}

TEST(Table2Test, TransposedWithRegionsAsColumns) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2026\n"
      "Tabel 2. Regionsvis fordeling af henvendelser, 1. halvår 2026\n"
      "Hovedstaden Midtjylland Nordjylland Sjælland Syddanmark Total\n"
      "160 150 50 60 120 540\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 2);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("Region Hovedstaden=160", "Region Midtjylland=150",
                                     "Region Nordjylland=50", "Region Sjælland=60",
                                     "Region Syddanmark=120", "Total=540"));
  EXPECT_EQ(t->records[0].period, "2026-H1");
}

TEST(Table2Test, RowsNoRegionClaimsAreReadAndCountTowardsTheTotal) {
  // Inquiries whose region is not stated, from abroad, or other: each a row
  // of its own, its label of one word or several, counted in the total.
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2026\n"
      "Tabel 2. Henvendelser fordelt på region, 2. halvår 2026\n"
      "Region Hovedstaden 170\n"
      "Region Midtjylland 131\n"
      "Region Nordjylland 58\n"
      "Region Sjælland 66\n"
      "Region Syddanmark 122\n"
      "Ikke oplyst 9\n"
      "Uden for Danmark 4\n"
      "I alt 560\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 2);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("Region Hovedstaden=170", "Region Midtjylland=131", "Region Nordjylland=58",
                                     "Region Sjælland=66", "Region Syddanmark=122", "Uoplyst=9", "Udlandet=4",
                                     "Total=560"));

  // Transposed, "Øvrige" between the regions and the total.
  const char* across =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2026\n"
      "Tabel 2. Regionsvis fordeling af henvendelser, 1. halvår 2026\n"
      "Hovedstaden Midtjylland Nordjylland Sjælland Syddanmark Øvrige Total\n"
      "160 150 50 60 120 7 547\n";
  ex = Extract(TextOf(across));
  t = FindTable(ex, 2);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("Region Hovedstaden=160", "Region Midtjylland=150", "Region Nordjylland=50",
                                     "Region Sjælland=60", "Region Syddanmark=120", "Øvrige=7", "Total=547"));

  // "andre" inside a line that a region starts is no row of its own.
  const char* inside =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2026\n"
      "Tabel 2. Regionsvis fordeling af henvendelser, 1. halvår 2026\n"
      "Region Hovedstaden (og andre) 160\n"
      "Region Midtjylland 150\n"
      "Region Nordjylland 50\n"
      "Region Sjælland 60\n"
      "Region Syddanmark 120\n"
      "Total 540\n";
  ex = Extract(TextOf(inside));
  t = FindTable(ex, 2);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_EQ(t->records.size(), 6u) << Dump(ex);
}

TEST(Table2Test, TransposedHeaderOverTwoLinesWithAPeriodLabel) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n"
      "Tabel 2. Regionsvis fordeling af henvendelser\n"
      "Region | Region | Region | Region | Region |\n"
      "Hovedstaden | Midtjylland | Nordjylland | Sjælland | Syddanmark | I alt\n"
      "1. halvår 2025 | 146 | 142 | 44 | 54 | 116 | 502\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 2);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_EQ(Cells(*t), kSeedTable2);
  EXPECT_EQ(t->records[0].period, "2025-H1");  // the note's period: the caption names none
}

TEST(Table2Test, LabelsAndValuesInSeparateColumns) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n"
      "Tabel 2. Regionsvis fordeling af henvendelser i perioden 1. januar til 30. juni 2025\n"
      "Region\n"
      "Region Hovedstaden\n"
      "Region Midtjylland\n"
      "Region Nordjylland\n"
      "Region Sjælland\n"
      "Region Syddanmark\n"
      "Total\n"
      "Antal henvendelser\n"
      "146\n"
      "142\n"
      "44\n"
      "54\n"
      "116\n"
      "502\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 2);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_EQ(Cells(*t), kSeedTable2);
  EXPECT_EQ(t->records[2].source.line, 13);
}

TEST(Table2Test, ShareColumnNextToTheCounts) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n"
      "Tabel 2. Regionsvis fordeling af henvendelser i perioden 1. januar til 30.\n"
      "juni 2025\n"
      "Region | Antal henvendelser | Andel (pct.)\n"
      "Region Hovedstaden | 146 | 29\n"
      "Region Midtjylland | 142 | 28\n"
      "Region Nordjylland | 44 | 9\n"
      "Region Sjælland | 54 | 11\n"
      "Region Syddanmark | 116 | 23\n"
      "Total | 502 | 100\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 2);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_EQ(Cells(*t), kSeedTable2);
  EXPECT_EQ(t->caption, "Regionsvis fordeling af henvendelser i perioden 1. januar til 30. juni 2025");
  EXPECT_EQ(t->records[0].period, "2025-H1");
}

// The English model reads "I alt" as "T alt": still the total's row, here
// beside a share column (and in a series' total row too).
TEST(Table2Test, ATotalReadAsTAlt) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n"
      "Tabel 2: Henvendelser fordelt pa region, 1. halvar 2025\n"
      "Region Antal Andel (pct.)\n"
      "Hovedstaden 146 29,1\n"
      "Midtjylland 142 28,3\n"
      "Nordjylland 44 8,8\n"
      "Sjelland 54 10,8\n"
      "Syddanmark 116 23,1\n"
      "T alt 502 100,0\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 2);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_EQ(Cells(*t), kSeedTable2);
  const char* series =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2026\n"
      "Tabel 1. Henvendelser\n"
      "2024 2025 2026\n"
      "1. halvår 400 502 540\n"
      "2. halvår 427 525 590\n"
      "T alt 827 1.027 1.130\n";
  ex = Extract(TextOf(series));
  t = FindTable(ex, 1);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_EQ(t->year_totals.size(), 3u) << Dump(ex);
}

// The share column before the counts, one space apart (a PDF's text layer):
// "29 146" is a share and a count, not 29,146 with a space for its
// thousands point. A change column's signed cells leave a spaced thousand
// in table 1 alone.
TEST(Table2Test, AShareColumnBeforeTheCountsOneSpaceApart) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n"
      "Tabel 2. Henvendelser pr. region, 1. halvår 2025\n"
      "Region Andel (pct.) Antal\n"
      "Region Hovedstaden 29 146\n"
      "Region Midtjylland 28 142\n"
      "Region Nordjylland 9 44\n"
      "Region Sjælland 11 54\n"
      "Region Syddanmark 23 116\n"
      "I alt 100 502\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 2);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_EQ(Cells(*t), kSeedTable2);
  // A count with a space for its thousands point beside a share with
  // decimals: the row keeps its share, so "1 048" is one count.
  ex = Extract(TextOf(
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2027\n"
      "Tabel 2: Henvendelser fordelt på region, 2. halvår 2027\n"
      "Region Antal Andel (pct.)\n"
      "Hovedstaden 301 28,7\n"
      "Midtjylland 282 26,9\n"
      "Nordjylland 97 9,3\n"
      "Sjælland 118 11,3\n"
      "Syddanmark 250 23,9\n"
      "I alt 1 048 100,0\n"));
  t = FindTable(ex, 2);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_EQ(t->records.back().value, 1048);
  ex = Extract(TextOf(
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2032\n"
      "Tabel 1. Antal henvendelser og udvikling i procent\n"
      "År Antal Ændring i pct.\n"
      "2030 2 489 +2\n"
      "2031 2 701 +9\n"
      "1. halvår 2032 1 405 -\n"));
  t = FindTable(ex, 1);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2030=2489", "2031=2701", "2032-H1=1405"));
}

TEST(Table2Test, PeriodsSideBySideReadTheNotesColumn) {
  // The comparison period beside the note's, in either order, as half years
  // or as whole years.
  const char* halves =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n"
      "Tabel 2. Regionsvis fordeling af henvendelser\n"
      "Region | 1. halvår 2025 | 1. halvår 2024\n"
      "Region Hovedstaden | 146 | 120\n"
      "Region Midtjylland | 142 | 118\n"
      "Region Nordjylland | 44 | 40\n"
      "Region Sjælland | 54 | 52\n"
      "Region Syddanmark | 116 | 102\n"
      "Total | 502 | 432\n";
  Extraction ex = Extract(TextOf(halves));
  const Table* t = FindTable(ex, 2);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_EQ(Cells(*t), kSeedTable2);
  EXPECT_EQ(t->records[0].period, "2025-H1");
  // The other column is said, not dropped silently.
  EXPECT_THAT(ex.problems, ::testing::Contains("table 2 (page 1, line 2): the column for 2024-H1 not read; "
                                               "table 2's records are the regions of 2025-H1"));
  const char* years =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2025\n"
      "Tabel 2. Henvendelser fordelt på regioner i 2024 og 2025\n"
      "Region 2024 2025\n"
      "Region Hovedstaden 120 146\n"
      "Region Midtjylland 118 142\n"
      "Region Nordjylland 40 44\n"
      "Region Sjælland 52 54\n"
      "Region Syddanmark 102 116\n"
      "I alt 432 502\n";
  ex = Extract(TextOf(years));
  t = FindTable(ex, 2);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_EQ(Cells(*t), kSeedTable2);
  EXPECT_EQ(t->records[0].period, "2025");
  // A row short of a value: which column is which is not known.
  std::string short_row = halves;
  short_row.replace(short_row.find("| 44 | 40"), 9, "| 44");
  EXPECT_EQ(FindTable(Extract(TextOf(short_row.c_str())), 2), nullptr);
}

TEST(Table2Test, AMissingValueIsReportedAndTheOtherRowsKept) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n"
      "\n"
      "Tabel 2. Regionsvis fordeling af henvendelser\n"
      "Region Hovedstaden 146\n"
      "Region Midtjylland 142\n"
      "Region Nordjylland\n"
      "Region Sjælland 54\n"
      "Region Syddanmark 116\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 2);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("Region Hovedstaden=146", "Region Midtjylland=142", "Region Sjælland=54",
                                     "Region Syddanmark=116"));
  EXPECT_THAT(ex.problems, ::testing::Contains("table 2 (page 1, line 3): page 1: line 6: no readable value for "
                                               "Region Nordjylland in \"Region Nordjylland\""));
}

TEST(Table2Test, AnUnreadableValueWithATotal) {
  // OCR read the value as letters ("Ax"): the row is reported with what it
  // holds; the total is kept, and no value is made up to balance it.
  const char* text =
      "Notat i 1. halvår 2025\n"
      "Tabel 2. Regionsvis fordeling af henvendelser\n"
      "Region Hovedstaden 146\n"
      "Region Midtjylland 142\n"
      "Region Nordjylland 44\n"
      "Region Sjælland Ax\n"
      "Region Syddanmark 116\n"
      "Total 502\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 2);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("Region Hovedstaden=146", "Region Midtjylland=142", "Region Nordjylland=44",
                                     "Region Syddanmark=116", "Total=502"));
  EXPECT_THAT(ex.problems, ::testing::Contains("table 2 (page 1, line 2): page 1: line 6: no readable value for "
                                               "Region Sjælland (\"Ax\") in \"Region Sjælland Ax\""));
  // The cell is kept in the table, for the output and the regions check.
  ASSERT_EQ(t->unread.size(), 1u);
  EXPECT_EQ(t->unread[0].region, "Region Sjælland");
  EXPECT_EQ(t->unread[0].period, "2025-H1");
  EXPECT_EQ(t->unread[0].text, "Ax");
  EXPECT_EQ(t->unread[0].source.line, 6);
  // ... and reported once: the region is not also "missing".
  EXPECT_THAT(ex.problems, ::testing::Not(::testing::Contains(::testing::HasSubstr("missing"))));
  // Two values on the next row: as many values as labels, but paired in
  // order Sjælland would take Syddanmark's 116. The table is left out.
  std::string two = text;
  two.replace(two.find("Region Syddanmark 116"), 21, "Region Syddanmark 116 23");
  ex = Extract(TextOf(two));
  EXPECT_EQ(FindTable(ex, 2), nullptr);
  EXPECT_THAT(ex.problems, ::testing::Contains("table 2 (page 1, line 2): page 1: line 6: the values do not line up "
                                               "with the regions (Region Sjælland has none of its own in "
                                               "\"Region Sjælland Ax\")"));
}

const char* kRegionsHead =
    "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n"
    "Tabel 2. Regionsvis fordeling af henvendelser i perioden 1. januar til 30. juni 2025\n"
    "Region Antal henvendelser\n";

TEST(Table2Test, ArithmeticRepairsAConfusableDigitWhenExactlyOneChangeBalances) {
  std::string text = std::string(kRegionsHead) +
                     "Region Hovedstaden 146\nRegion Midtjylland 142\nRegion Nordjylland 44\n"
                     "Region Sjælland B4\nRegion Syddanmark 116\nTotal 512\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 2);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_EQ(t->records[3].value, 64);
  EXPECT_TRUE(HasFlag(t->records[3], "repaired-by-arithmetic"));
  EXPECT_TRUE(HasFlag(t->records[3], "digit-repaired"));
  ASSERT_EQ(ex.digit_fixes.size(), 2u);
  EXPECT_EQ(ex.digit_fixes[0].rule, "digit:B->8");
  EXPECT_EQ(ex.digit_fixes[1].rule, "arithmetic");
  EXPECT_EQ(ex.digit_fixes[1].before, "84");
  EXPECT_EQ(ex.digit_fixes[1].after, "64");
  EXPECT_EQ(ex.digit_fixes[1].line, 7);
  EXPECT_EQ(ex.digit_fixes[1].column, 17);
}

TEST(Table2Test, ACountReadAsCapitalIsOrSmallLsIsOnes) {
  // Thin print: "11" read as "II" (and "lI"); a lone "I" or a word stays unread.
  std::string text = std::string(kRegionsHead) +
                     "Region Hovedstaden 146\nRegion Midtjylland 142\nRegion Nordjylland II\n"
                     "Region Sjælland lI\nRegion Syddanmark 116\nTotal 426\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 2);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("Region Hovedstaden=146", "Region Midtjylland=142", "Region Nordjylland=11",
                                     "Region Sjælland=11", "Region Syddanmark=116", "Total=426"));
  EXPECT_TRUE(HasFlag(t->records[2], "digit-repaired"));
  EXPECT_THAT(FixLines(ex.digit_fixes), ElementsAre("II>11 digit:I->1", "lI>11 digit:I->1,l->1"));
  std::string lone = std::string(kRegionsHead) +
                     "Region Hovedstaden 146\nRegion Midtjylland 142\nRegion Nordjylland I\n"
                     "Region Sjælland Ax\nRegion Syddanmark 116\nTotal 502\n";
  Extraction ex2 = Extract(TextOf(lone));
  const Table* t2 = FindTable(ex2, 2);
  ASSERT_NE(t2, nullptr) << Dump(ex2);
  EXPECT_EQ(t2->unread.size(), 2u);
}

TEST(Table2Test, AHumanChangeIsNotRepaired) {
  std::string text = std::string(kRegionsHead) +
                     "Region Hovedstaden 156\nRegion Midtjylland 142\nRegion Nordjylland 44\n"
                     "Region Sjælland 54\nRegion Syddanmark 116\nTotal 502\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 2);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("Region Hovedstaden=156", "Region Midtjylland=142",
                                     "Region Nordjylland=44", "Region Sjælland=54",
                                     "Region Syddanmark=116", "Total=502"));
  for (const Record& r : t->records) EXPECT_TRUE(r.flags.empty()) << *r.region;
  EXPECT_TRUE(ex.digit_fixes.empty());
}

TEST(Table2Test, AHumanChangeNextToAConfusableCellIsNotRepaired) {
  // "S4" reads as 54; only 44 would balance, and S is never read for 4.
  std::string text = std::string(kRegionsHead) +
                     "Region Hovedstaden 156\nRegion Midtjylland 142\nRegion Nordjylland 44\n"
                     "Region Sjælland S4\nRegion Syddanmark 116\nTotal 502\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 2);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_EQ(t->records[3].value, 54);
  EXPECT_TRUE(HasFlag(t->records[3], "digit-repaired"));
  for (const Record& r : t->records) EXPECT_FALSE(HasFlag(r, "repaired-by-arithmetic"));
  ASSERT_EQ(ex.digit_fixes.size(), 1u);
  EXPECT_EQ(ex.digit_fixes[0].rule, "digit:S->5");
}

RepairedText WithConfidence(const std::string& text, int line, const std::string& word, double conf) {
  RepairedText t = TextOf(text);
  for (Line& l : t.pages[0].lines) {
    if (l.number != line) continue;
    size_t at = 0;
    std::string s = l.text;
    while (at < s.size()) {
      size_t e = s.find(' ', at);
      if (e == std::string::npos) e = s.size();
      std::string w = s.substr(at, e - at);
      l.words.push_back(Word{w, Box{double(at), 0, double(e), 10}, w == word ? conf : 95});
      at = e + 1;
    }
  }
  return t;
}

TEST(Table2Test, ArithmeticRepairsALowConfidenceDigit) {
  std::string text = std::string(kRegionsHead) +
                     "Region Hovedstaden 146\nRegion Midtjylland 142\nRegion Nordjylland 44\n"
                     "Region Sjælland 54\nRegion Syddanmark 116\nTotal 507\n";
  Extraction ex = Extract(WithConfidence(text, 6, "44", 41));
  const Table* t = FindTable(ex, 2);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_EQ(t->records[2].value, 49);
  EXPECT_EQ(t->records[2].source.confidence, 41);
  EXPECT_TRUE(HasFlag(t->records[2], "repaired-by-arithmetic"));
  EXPECT_TRUE(HasFlag(t->records[2], "low-confidence"));
  ASSERT_EQ(ex.digit_fixes.size(), 1u);
  EXPECT_EQ(ex.digit_fixes[0].before, "44");
  EXPECT_EQ(ex.digit_fixes[0].after, "49");
}

TEST(Table2Test, ArithmeticRepairsADoubtfulDigitAboveTheLowConfidenceFlag) {
  // A 77 read as 71 with confidence 76: not flagged low-confidence, but
  // doubtful enough for the one change that balances the table.
  std::string text = std::string(kRegionsHead) +
                     "Region Hovedstaden 146\nRegion Midtjylland 142\nRegion Nordjylland 71\n"
                     "Region Sjælland 54\nRegion Syddanmark 116\nTotal 535\n";
  Extraction ex = Extract(WithConfidence(text, 6, "71", 76));
  const Table* t = FindTable(ex, 2);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_EQ(t->records[2].value, 77);
  EXPECT_TRUE(HasFlag(t->records[2], "repaired-by-arithmetic"));
  EXPECT_FALSE(HasFlag(t->records[2], "low-confidence"));
  ASSERT_EQ(ex.digit_fixes.size(), 1u);
  EXPECT_EQ(ex.digit_fixes[0].after, "77");
}

TEST(Table2Test, ConfidentDigitsAreNotRepaired) {
  std::string text = std::string(kRegionsHead) +
                     "Region Hovedstaden 146\nRegion Midtjylland 142\nRegion Nordjylland 44\n"
                     "Region Sjælland 54\nRegion Syddanmark 116\nTotal 507\n";
  Extraction ex = Extract(WithConfidence(text, 6, "44", 88));
  const Table* t = FindTable(ex, 2);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_EQ(t->records[2].value, 44);
  EXPECT_TRUE(ex.digit_fixes.empty());
}

TEST(Table2Test, AmbiguousRepairIsLeftAsPrinted) {
  // The total is 5 more than the regions; two low-confidence cells could
  // each take it (44 -> 49, 54 -> 59), so neither is changed.
  std::string text = std::string(kRegionsHead) +
                     "Region Hovedstaden 146\nRegion Midtjylland 142\nRegion Nordjylland 44\n"
                     "Region Sjælland 54\nRegion Syddanmark 116\nTotal 507\n";
  RepairedText t = WithConfidence(text, 6, "44", 41);
  RepairedText t2 = WithConfidence(text, 7, "54", 30);
  t.pages[0].lines[6] = t2.pages[0].lines[6];
  Extraction ex = Extract(t);
  const Table* table = FindTable(ex, 2);
  ASSERT_NE(table, nullptr) << Dump(ex);
  EXPECT_EQ(table->records[2].value, 44);
  EXPECT_EQ(table->records[3].value, 54);
  for (const Record& r : table->records) EXPECT_FALSE(HasFlag(r, "repaired-by-arithmetic"));
}

TEST(Table2Test, CaptionWithoutRegionIsFoundByItsNumber) {
  const char* text =
      "Notat i 1. halvår 2025\n"
      "Tabel 2. Fordeling af henvendelser på landsdele\n"
      "Hovedstaden 1\nMidtjylland 2\nNordjylland 3\nSjælland 4\nSyddanmark 5\nTotal 15\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 2);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("Region Hovedstaden=1", "Region Midtjylland=2",
                                     "Region Nordjylland=3", "Region Sjælland=4",
                                     "Region Syddanmark=5", "Total=15"));
}

// ---------------------------------------------------------------- table 3

const char* kTable3Caption =
    "Tabel 3. Årlig udvikling i nye henvendelser om genopdragelsesrejser/ufrivilligt\n"
    "udlandsophold, hvor borgeren har befundet sig i udlandet.\n";

TEST(Table3Test, ValuesPairWithTheColumnsTheyStandUnderWhenOcrLostACell) {
  // A scan of a wide table 3: the OCR kept every year of the header but
  // lost the value under 2023, so six periods stood over five values and
  // the table was lost. By the word boxes each value is under its year.
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2026\n"
      "Tabel 3. Nye henvendelser om genopdragelsesrejser pr. år\n"
      "2021 2022 2023 2024 2025 2026\n"
      "31 42 50 62 71\n"
      "Sagerne om borgere i udlandet er ofte langvarige.\n";
  auto place = [&](double shift) {
    RepairedText r = TextOf(text);
    for (Line& l : r.pages[0].lines) {
      if (l.number != 3 && l.number != 4) continue;
      int k = 0;
      for (const text::Piece& p : text::SplitWhitespace(l.text)) {
        int column = l.number == 4 && k >= 2 ? k + 1 : k;  // no value under 2023
        double centre = 300 + 200.0 * column + (l.number == 4 ? shift : 0);
        double half = l.number == 3 ? 40 : 20;
        l.words.push_back(Word{std::string(p.text), Box{centre - half, 0, centre + half, 30}, 95});
        ++k;
      }
    }
    return Extract(r);
  };
  Extraction ex = place(10);
  const Table* t = FindTable(ex, 3);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2021=31", "2022=42", "2024=50", "2025=62", "2026=71"));
  ASSERT_EQ(t->unread.size(), 1u);
  EXPECT_EQ(t->unread[0].period, "2023");
  // Values half-way between the columns stand under none: nothing is paired.
  EXPECT_EQ(FindTable(place(100), 3), nullptr);
  // Without boxes the counts differ and the table is not read.
  EXPECT_EQ(FindTable(Extract(TextOf(text)), 3), nullptr);
}

TEST(Table3Test, AHalfYearPrintedAsHalvdel) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n"
      "Tabel 3. Nye henvendelser om genopdragelsesrejser\n"
      "2021 2022 2023 2024 1. halvdel 2025\n"
      "31 42 44 50 28\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 3);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2021=31", "2022=42", "2023=44", "2024=50", "2025-H1=28"));
}

TEST(Table3Test, ARowForCitizensInDenmarkIsAnotherSeries) {
  // Table 3 with a row for each place: whichever comes first, the trips
  // abroad are the row that does not name Denmark.
  for (bool denmark_first : {true, false}) {
    const std::string abroad = "Borgeren i udlandet 31 42 44 50 28\n";
    const std::string denmark = "Borgeren i Danmark 60 70 80 90 102\n";
    const std::string text =
        "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n"
        "Tabel 3. Nye henvendelser om genopdragelsesrejser og ufrivillige udlandsophold\n"
        "2021 2022 2023 2024 1. halvår 2025\n" +
        (denmark_first ? denmark + abroad : abroad + denmark) + "Sagerne er ofte langvarige.\n";
    Extraction ex = Extract(TextOf(text.c_str()));
    const Table* t = FindTable(ex, 3);
    ASSERT_NE(t, nullptr) << Dump(ex);
    EXPECT_THAT(Cells(*t), ElementsAre("2021=31", "2022=42", "2023=44", "2024=50", "2025-H1=28")) << denmark_first;
    EXPECT_NE(Dump(ex).find("is the series for citizens in Denmark"), std::string::npos) << Dump(ex);
  }
}

TEST(Table3Test, AFirstYearMisreadByOneDigit) {
  // "5021" before 2022 is 2021 with one digit misread; without it the values
  // would shift one period left with nothing to tell. A cell read as a word
  // ("af") leaves its period without a value, reported.
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2028\n"
      "Tabel 3. Nye henvendelser om genopdragelsesrejser\n"
      "5021 | 2022 | 2023 | 2024 | 2025 | 2026 | 2027 1. halvar | 2. halvar\n"
      "2028 2028\n"
      "43 51 65 69 67 81 af | 56 45\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 3);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2021=43", "2022=51", "2023=65", "2024=69", "2025=67", "2026=81",
                                     "2028-H1=56", "2028-H2=45"));
  EXPECT_THAT(t->records[0].flags, ::testing::Contains("period-inferred"));
  EXPECT_THAT(ex.problems, ::testing::Contains(::testing::HasSubstr("period 2021 read from \"5021\" before 2022")));
  EXPECT_THAT(ex.problems, ::testing::Contains(::testing::HasSubstr("no readable value for 2027")));
}

TEST(Table3Test, TwoHalfYearsWhoseFirstOrdinalIsReadAsALetter) {
  // "l. halvår — 2. halvår" over "2020 2020": OCR read the ordinal "1." as
  // "l.". Without it the first half year was lost and its value went to the
  // second, the second's to a whole year 2020.
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2020\n"
      "Tabel 3. Nye henvendelser om genopdragelsesrejser og ufrivillige udlandsophold pr. år\n"
      "\n"
      "l. halvår — 2. halvår\n"
      "2020 2020\n"
      "\n"
      "28 23\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 3);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2020-H1=28", "2020-H2=23"));
  bool recorded = false;
  for (const Correction& c : ex.digit_fixes) recorded |= c.rule == "digit:l->1" && c.line == 4;
  EXPECT_TRUE(recorded) << Dump(ex);
}

TEST(Table3Test, AnOrdinalWhoseDotIsReadAsAComma) {
  // A 150 dpi scan: "1. halvår" read as "1, halvår" in the header, and the
  // running text's dates and half years with commas too ("til" as "ul").
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2021\n"
      "I perioden 1. juli ul 31, december 2021 har sikkerhedskonsulenterne fået 19 nye henvendelser om\n"
      "genopdragelsesrejser/ufrivillige udlandsophold. Til sammenligning modtog sikkerhedskonsulenterne 22 nye\n"
      "henvendelser om genopdragelsesrejser/ufrivillige udlandsophold i 1, halvår 2021.\n"
      "Tabel 3: Nye henvendelser om genopdragelsesrejser og ufrivillige udlandsophold pr. år\n"
      "1, halvår 2. halvår |\n"
      "2021 2021\n"
      "22 19\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 3);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2021-H1=22", "2021-H2=19"));
  EXPECT_THAT(FactLines(ex.facts), ::testing::IsSupersetOf({"trips_abroad_new 2021-H2 = 19 count",
                                                            "trips_abroad_new 2021-H1 = 22 count"}))
      << Dump(ex);
}

TEST(Table1Test, AMisreadFirstYearTakesTheMonthsUnderItsColumn) {
  // "9018" is 2018 with one digit misread; "(maj- dec.)" under the first
  // column belongs to it, not to 2019, the first year read.
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2026\n"
      "Tabel 1. Antal henvendelser til sikkerhedskonsulenterne pr. år\n"
      "— 9018 2019 2020 2021 2022 2023 2024 ' 2025 1. 2.\n"
      "(maj- halvår halvår\n"
      "dec.) 2026 2026\n"
      "Henvendel- 198 252 | 310 362 ; 388 481 609 | 664 389 440\n"
      "ser (antal) ; |\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 1);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2018=198", "2019=252", "2020=310", "2021=362", "2022=388", "2023=481",
                                     "2024=609", "2025=664", "2026-H1=389", "2026-H2=440"));
  EXPECT_EQ(t->records[0].period_start, "2018-05-01");
  EXPECT_EQ(t->records[1].period_start, "2019-01-01");
  EXPECT_THAT(t->records[0].flags, ::testing::Contains("period-inferred"));
}

TEST(Table3Test, TheNotesOwnHalfYearWhoseYearOCRLost) {
  // "1. / halvår / |": the year under the note's own half year read as a
  // rule, and a rule between two values read as "i". The series runs from
  // the first year to the note's half year, which is flagged and reported.
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2030\n"
      "Tabel 3: Nye henvendelser om genopdragelsesrejser og ufrivillige udlandsophold pr.\n"
      "år\n"
      "\n"
      "2021 2022 2023 2024 2025 2026 2027 2028 2029 1.\n"
      "halvår\n"
      "|\n"
      "\n"
      "49 53 60 53 74 83 106 i 136 160 100\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 3);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2021=49", "2022=53", "2023=60", "2024=53", "2025=74", "2026=83", "2027=106",
                                     "2028=136", "2029=160", "2030-H1=100"));
  EXPECT_THAT(t->records.back().flags, ::testing::Contains("period-inferred"));
  EXPECT_THAT(t->records.front().flags, ::testing::Not(::testing::Contains("period-inferred")));
  EXPECT_THAT(ex.problems, ::testing::Contains(::testing::HasSubstr("2030-H1 not printed legibly")));
}

TEST(Table3Test, ARowOfPartsUnderTheSeries) {
  // "Heraf børn under 18 år" holds one number more (the 18); the series is
  // the first row with a value per period.
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2026\n"
      "Tabel 3. Genopdragelsesrejser\n"
      "                                  2023   2024   2025   1. halvår 2026\n"
      "Nye henvendelser                   51     58     66     35\n"
      "Heraf børn under 18 år             30     33     40     21\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 3);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2023=51", "2024=58", "2025=66", "2026-H1=35"));
  // The row under it is not read, and says so.
  EXPECT_THAT(ex.problems, ::testing::Contains("table 3 (page 1, line 2): page 1: line 5: values 18, 30, 33, 40, 21 "
                                               "belong to no readable period in \"Heraf børn under 18 år             "
                                               "30     33     40     21\""));
}

TEST(Table3Test, HeaderWithTheHalfYearWrapped) {
  std::string text = "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2024\n\n" +
                     std::string(kTable3Caption) +
                     "\n2021 2022 2023 1. halvår\n2024\n46 41 64 22\n\n"
                     "Sikkerhedskonsulenterne er derudover fortsat involveret i en række sager.\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 3);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2021=46", "2022=41", "2023=64", "2024-H1=22"));
  EXPECT_EQ(t->records[0].name, "trips_abroad_new");
  EXPECT_EQ(t->records[3].source.line, 8);
}

TEST(Table3Test, TwoHalfYearsWithTheirYearsOnTheNextLine) {
  // OCR reads "1. halvår | 2. halvår" on one line and both years under them.
  std::string text = "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2023\n\n" +
                     std::string(kTable3Caption) +
                     "\n2021 2022 1. halvar | 2. halvar\n2023 2023\n\n37 45 19 26\n\n"
                     "Sagerne er ofte langvarige.\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 3);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2021=37", "2022=45", "2023-H1=19", "2023-H2=26"));
}

TEST(Table3Test, RuleReadAsALetterAndADotLost) {
  // A vertical rule read as a line "I" between the header lines; in table 1
  // the "2." of the second half year lost its dot and the rule between the
  // two "halvår" became the word "i".
  std::string text = "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2023\n\n" +
                     std::string(kTable3Caption) +
                     "2021 2022 | 1. halvår 2. halvår\nI\n2023 2023\n37 45 19 26\n\n"
                     "Tabel 1. Årlig udvikling i antal henvendelser\n"
                     "2018 | 2019 | 2020 | 2021 | 2022 | 1. 2\n"
                     "(maj- halvår i halvår\n"
                     "dec.) 2023 2023\n"
                     "Henvendel- 150 172 219 256 280 161 147\n\n"
                     "Sagerne er ofte langvarige.\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t3 = FindTable(ex, 3);
  ASSERT_NE(t3, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t3), ElementsAre("2021=37", "2022=45", "2023-H1=19", "2023-H2=26"));
  const Table* t1 = FindTable(ex, 1);
  ASSERT_NE(t1, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t1), ElementsAre("2018=150", "2019=172", "2020=219", "2021=256", "2022=280",
                                      "2023-H1=161", "2023-H2=147"));
}

TEST(Table3Test, YearsAsRowsWithSeparators) {
  std::string text = "Notat om henvendelser til sikkerhedskonsulenterne i 2024\n" +
                     std::string(kTable3Caption) +
                     "| År | Antal |\n| 2021 | 46 |\n| 2022 | 41 |\n| 2023 | 64 |\n| 2024 | 52 |\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 3);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2021=46", "2022=41", "2023=64", "2024=52"));
}

TEST(Table3Test, CutByAPageBreak) {
  std::string text = "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n" +
                     std::string(kTable3Caption) +
                     "2021 2022 2023\nSide 2 af 3\n\f2024 1. halvår 2025\n46 41 64 52 28\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 3);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_EQ(Cells(*t), kSeedTable3);
  EXPECT_EQ(t->records[4].source.page, 2);
}

TEST(Table3Test, PeriodsAndValuesAsSeparateColumnBlocks) {
  std::string text = "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2022\n" +
                     std::string(kTable3Caption) +
                     "År\n2020\n2021\n1. halvår 2022\n2. halvår 2022\nAntal\n12\n30\n15\n17\n";
  Extraction ex = Extract(TextOf(text));
  const Table* t = FindTable(ex, 3);
  ASSERT_NE(t, nullptr) << Dump(ex);
  EXPECT_THAT(Cells(*t), ElementsAre("2020=12", "2021=30", "2022-H1=15", "2022-H2=17"));
  EXPECT_EQ(t->records[3].period_start, "2022-07-01");
  EXPECT_EQ(t->records[3].source.line, 13);
}

TEST(Table3Test, MoreValuesThanPeriodsIsAProblem) {
  std::string text = "Notat i 1. halvår 2025\n" + std::string(kTable3Caption) +
                     "2021 2022 2023 2024\n46 41 64 52 28\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_EQ(FindTable(ex, 3), nullptr);
  EXPECT_THAT(ex.problems, ::testing::Contains("table 3 (page 1, line 2): 4 periods but 5 values"));
}

// ---------------------------------------------------------------- facts

TEST(FactsTest, CitizensAbroadAndAChangeFromOneCountToAnother) {
  // "borgere, der opholder sig i udlandet" is the trips-abroad series (it
  // was read as the total); "en stigning fra 380 henvendelser i ... til 432
  // i ..." gives both counts (only the first was read).
  auto facts_of = [](const std::string& sentence) {
    Extraction ex = Extract(TextOf(("Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2024\n" +
                                    sentence + "\n").c_str()));
    std::vector<std::string> out;
    for (const Record& r : ex.facts) out.push_back(r.name + "/" + r.period + "=" + std::to_string(int(r.value)));
    return out;
  };
  EXPECT_THAT(facts_of("Sikkerhedskonsulenterne har i første halvår 2024 modtaget 28 nye henvendelser om borgere, "
                       "der opholder sig i udlandet."),
              ElementsAre("trips_abroad_new/2024-H1=28"));
  EXPECT_THAT(facts_of("Der er tale om en stigning fra 380 henvendelser i første halvår 2023 til 432 i første "
                       "halvår 2024."),
              ::testing::UnorderedElementsAre("inquiries_total/2023-H1=380", "inquiries_total/2024-H1=432"));
}

TEST(FactsTest, OtherPhrasingsOfTheSameSentences) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2024\n"
      "\n"
      "I første halvår af 2024 har sikkerhedskonsulenterne modtaget i alt 432 henvendelser. Til\n"
      "sammenligning modtog de 310 henvendelser i samme periode sidste år og 631 henvendelser i\n"
      "hele 2023.\n"
      "\n"
      "Andelen af henvendelser, der vedrører børn og unge under 18 år, udgjorde 38 pct. i 1.\n"
      "halvår 2024 mod 33 pct. i første halvår af 2023.\n"
      "\n"
      "I 1. halvår 2024 har sikkerhedskonsulenterne fået 22 nye henvendelser om genopdragel-\n"
      "sesrejser, hvor borgeren befandt sig i udlandet, mod 19 nye henvendelser i første halvår\n"
      "af 2023.\n"
      "\n"
      "Herudover har sikkerhedskonsulenterne modtaget 61 henvendelser om borgere, der opholder\n"
      "sig i Danmark, i 1. halvår 2024. Til sammenligning var der 42 af disse henvendelser i\n"
      "samme periode sidste år.\n"
      "\n"
      "Ved udgangen af juni 2024 var der 11 fastansatte sikkerhedskonsulenter.\n"
      "Det samlede tilskud udgør 9,2 mio. kr. i 2024, heraf er 5 mio. kr. et ekstra tilskud\n"
      "fra 2024.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts),
              ElementsAre("inquiries_total 2024-H1 = 432 count", "inquiries_total 2023-H1 = 310 count",
                          "inquiries_total 2023 = 631 count", "share_under_18_pct 2024-H1 = 38 pct",
                          "share_under_18_pct 2023-H1 = 33 pct", "trips_abroad_new 2024-H1 = 22 count",
                          "trips_abroad_new 2023-H1 = 19 count",
                          "inquiries_in_denmark 2024-H1 = 61 count",
                          "inquiries_in_denmark 2023-H1 = 42 count",
                          "consultants_employed 2024-H1 = 11 persons",
                          "grant_total_mio_kr 2024 = 9.2 mio. kr.",
                          "grant_additional_mio_kr 2024 = 5 mio. kr."))
      << Dump(ex);
  EXPECT_EQ(ex.facts[1].source.line, 4);
  EXPECT_EQ(ex.facts[6].source.line, 11);
}

// Small figures written as words: staff and counts.
TEST(FactsTest, FiguresWrittenAsWords) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2026\n"
      "\n"
      "I perioden 1. juli til 31. december 2026 har sikkerhedskonsulenterne fået fjorten nye\n"
      "henvendelser om genopdragelsesrejser, hvor borgeren befandt sig i udlandet.\n"
      "\n"
      "Der var i perioden 1. juli til 31. december 2026 ansat tolv sikkerhedskonsulenter. Der er\n"
      "rekrutteret en ny sikkerhedskonsulent, der starter i 2027.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts),
              ElementsAre("trips_abroad_new 2026-H2 = 14 count", "consultants_employed 2026-H2 = 12 persons"))
      << Dump(ex);
}

// "Heraf" after a sentence that only sets an earlier figure against the
// note's own is a part of the note's own; a figure with no period is named
// in the problems, not taken; "i forhold til 1. halvår" compares periods.
TEST(FactsTest, APartAfterAComparisonAndAFigureWithNoPeriod) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2026\n"
      "\n"
      "Sikkerhedskonsulenterne har i 1. halvår 2026 modtaget i alt 548 henvendelser. Det er en stigning\n"
      "på 9 pct. i forhold til 1. halvår 2025, hvor der var 502 henvendelser. Heraf vedrørte 41 pct.\n"
      "børn og unge under 18 år. Sikkerhedskonsulenterne har desuden modtaget 201 henvendelser om\n"
      "borgere, der opholder sig i Danmark.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts),
              ElementsAre("inquiries_total 2026-H1 = 548 count", "inquiries_total 2025-H1 = 502 count",
                          "share_under_18_pct 2026-H1 = 41 pct"))
      << Dump(ex);
  EXPECT_THAT(ex.problems, ::testing::Contains("figure 201 (inquiries_in_denmark) names no period; not taken (page 1, line 5)"));
  for (const std::string& p : ex.problems) EXPECT_EQ(p.find("figure 1 "), std::string::npos) << p;
}

// "er steget fra ... til ...", and a grant "bevilget" without "samlet".
TEST(FactsTest, APerfectTenseRiseAndAGrantBevilget) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2026\n"
      "\n"
      "Antallet af henvendelser er steget fra 548 i 1. halvår 2025 til 611 i 1. halvår 2026.\n"
      "Der er i 2026 bevilget 9,2 mio. kr. til ordningen.\n"
      "Ordningen koster 12 mio. kr. om året.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts),
              ElementsAre("inquiries_total 2025-H1 = 548 count", "inquiries_total 2026-H1 = 611 count",
                          "grant_total_mio_kr 2026 = 9.2 mio. kr."))
      << Dump(ex);
  // A sum of money that is no grant is named, not taken.
  EXPECT_THAT(ex.problems, ::testing::Contains("figure 12 mio. kr. is neither the total grant nor an added one; "
                                               "not taken (page 1, line 5)"));
}

// "beskæftiger i dag 15 sikkerhedskonsulenter" is the staff; "andelen" in a
// sentence after one about children refers back to their share.
TEST(FactsTest, StaffThatTheSchemeEmploysAndTheShareReferredBackTo) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2027\n"
      "\n"
      "Henvendelser om børn under 18 år udgjorde 42 procent i perioden. I første halvår 2026 var andelen 39 procent.\n"
      "Sikkerhedskonsulentordningen beskæftiger i dag 15 sikkerhedskonsulenter.\n"
      "I 2026 arbejdede der 14 sikkerhedskonsulenter i ordningen.\n"
      "Henvendelser om børn under 18 år udgjorde 40 procent i 2026.\n"
      "Andelen af opkald fra skoler var 20 procent i 2. halvår 2026.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts),
              ElementsAre("share_under_18_pct 2027-H1 = 42 pct", "share_under_18_pct 2026-H1 = 39 pct",
                          "consultants_employed 2027-H1 = 15 persons", "consultants_employed 2026 = 14 persons",
                          "share_under_18_pct 2026 = 40 pct"))
      << Dump(ex);
}

// Cases counted as "sager" about citizens in Denmark, and citizens left
// abroad ("efterladt i udlandet"): their series, not the period's total.
TEST(FactsTest, CasesInDenmarkAndCitizensLeftAbroad) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2026\n"
      "\n"
      "Sikkerhedskonsulenterne modtog i 2. halvår 2026 i alt 1.046 henvendelser.\n"
      "I 73 af sagerne i 2. halvår 2026 opholdt borgeren sig i Danmark.\n"
      "I 2. halvår 2026 er der modtaget 29 nye henvendelser om borgere, der er blevet efterladt i udlandet.\n"
      "I 5 sager i 2. halvår 2026 deltog politiet.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts),
              ElementsAre("inquiries_total 2026-H2 = 1046 count", "inquiries_in_denmark 2026-H2 = 73 count",
                          "trips_abroad_new 2026-H2 = 29 count"))
      << Dump(ex);
}

// Comparisons written as "mens der i ... var N" and "(period: N)", and a
// year's count "op på N".
TEST(FactsTest, ComparisonsWithMensAndInBracketsAndACountOpPaa) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2027\n"
      "\n"
      "Sikkerhedskonsulenterne har i perioden 1. juli - 31. december 2027 modtaget 701 henvendelser, mens der i "
      "2. halvår 2026 var 655. Dermed nåede det samlede antal henvendelser i 2027 op på 1.356.\n"
      "Der var i 2. halvår 2027 33 nye henvendelser om genopdragelsesrejser (2. halvår 2026: 27).\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts),
              ElementsAre("inquiries_total 2027-H2 = 701 count", "inquiries_total 2026-H2 = 655 count",
                          "inquiries_total 2027 = 1356 count", "trips_abroad_new 2027-H2 = 33 count",
                          "trips_abroad_new 2026-H2 = 27 count"))
      << Dump(ex);
}

// "(1. halvår 2027: 46 pct.)": the bracket's period is the bracketed
// figure's only; the figure before it is the note's ("i årets første seks
// måneder" names the note's half too).
TEST(FactsTest, ABracketsPeriodIsTheBracketedFiguresOnly) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2028\n"
      "\n"
      "Unge under 18 år udgjorde 41 pct. af henvendelserne (1. halvår 2027: 46 pct.).\n"
      "Sikkerhedskonsulenterne har i årets første seks måneder modtaget 1.102 henvendelser, hvilket er 97 flere "
      "end i første halvår 2027 (1.005 henvendelser).\n"
      "Tilskuddet for 2028 er på 13,2 mio. kr.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts),
              ElementsAre("share_under_18_pct 2028-H1 = 41 pct", "share_under_18_pct 2027-H1 = 46 pct",
                          "inquiries_total 2028-H1 = 1102 count", "inquiries_total 2027-H1 = 1005 count",
                          "grant_total_mio_kr 2028 = 13.2 mio. kr."))
      << Dump(ex);
}

// A sentence that adds to the one before ("Dertil kom ...") is of its
// period when that was the note's own; not when it was another.
TEST(FactsTest, ASentenceAddingToTheOneBeforeKeepsTheNotesPeriod) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2029\n"
      "\n"
      "I 2. halvår 2029 fik sikkerhedskonsulenterne 51 nye henvendelser om genopdragelsesrejser, hvor borgeren "
      "befandt sig i udlandet. Dertil kom 64 henvendelser om borgere i Danmark, hvor der var bekymring for en "
      "genopdragelsesrejse.\n"
      "\n"
      "I 2. halvår 2028 fik de 47 nye henvendelser om genopdragelsesrejser. Desuden kom 58 henvendelser om "
      "borgere i Danmark.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts), ElementsAre("trips_abroad_new 2029-H2 = 51 count",
                                               "inquiries_in_denmark 2029-H2 = 64 count",
                                               "trips_abroad_new 2028-H2 = 47 count"))
      << Dump(ex);
}

// Two sums in one sentence, only one of them said to be added: the other is
// the total ("afsat", "tildelt" name a grant too).
TEST(FactsTest, ASumBesideAnAddedOneIsTheTotal) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2027\n"
      "\n"
      "Der er afsat 12,4 mio. kr. til ordningen i 2027, heraf en ekstrabevilling på 2,5 mio. kr.\n"
      "Ordningen blev i 2026 tildelt 11 mio. kr.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts),
              ElementsAre("grant_total_mio_kr 2027 = 12.4 mio. kr.", "grant_additional_mio_kr 2027 = 2.5 mio. kr.",
                          "grant_total_mio_kr 2026 = 11 mio. kr."))
      << Dump(ex);
}

// "hvor der var 827" after the year it belongs to is a compared figure.
TEST(FactsTest, AFigureAfterHvorDerVar) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2025\n"
      "\n"
      "For hele 2025 var der således 1.021 henvendelser, hvilket er 194 flere end i 2024, hvor der var 827.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts),
              ElementsAre("inquiries_total 2025 = 1021 count", "inquiries_total 2024 = 827 count"))
      << Dump(ex);
}

// The staff without "ansat": a total, or what the scheme consists of; a
// count in a region or a possessive is no staff count.
TEST(FactsTest, StaffWithoutTheWordEmployed) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2027\n"
      "\n"
      "Der er i alt 13 sikkerhedskonsulenter i 1. halvår 2027. I Region Syddanmark er der 2\n"
      "sikkerhedskonsulenter. Sikkerhedskonsulenternes 40 timers kursus er gennemført.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts), ElementsAre("consultants_employed 2027-H1 = 13 persons")) << Dump(ex);
  const char* scheme =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2027\n"
      "\n"
      "I 2. halvår 2027 bestod ordningen af fjorten sikkerhedskonsulenter.\n";
  Extraction ex2 = Extract(TextOf(scheme));
  EXPECT_THAT(FactLines(ex2.facts), ElementsAre("consultants_employed 2027-H2 = 14 persons")) << Dump(ex2);
}

// A count after its verb: "Antallet af henvendelser ... var 611"; a share
// there is no count.
TEST(FactsTest, CountAfterItsVerb) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2028\n"
      "\n"
      "Antallet af henvendelser i 1. halvår 2028 var 611. Antallet af henvendelser var dermed\n"
      "7 pct. højere end i 1. halvår 2027. Antallet af nye henvendelser om genopdragelsesrejser\n"
      "steg til 33 i 1. halvår 2028.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts),
              ElementsAre("inquiries_total 2028-H1 = 611 count", "trips_abroad_new 2028-H1 = 33 count"))
      << Dump(ex);
}

TEST(FactsTest, ComparedFiguresWithoutTheirUnit) {
  const char* text =
      "Notat i 1. halvår 2025\n"
      "\n"
      "Sikkerhedskonsulenterne har modtaget 28 nye henvendelser om genopdragelsesrejser i 1.\n"
      "halvår 2025, mod 22 i samme periode sidste år. Andelen af mindreårige udgjorde 45 pct. i\n"
      "1. halvår 2025 mod 36 i første halvår af 2024. I 1. halvår 2025 modtog de 502\n"
      "henvendelser, sammenlignet med 2024, hvor der var 432 i første halvår.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts),
              ElementsAre("trips_abroad_new 2025-H1 = 28 count", "trips_abroad_new 2024-H1 = 22 count",
                          "share_under_18_pct 2025-H1 = 45 pct", "share_under_18_pct 2024-H1 = 36 pct",
                          "inquiries_total 2025-H1 = 502 count"))
      << Dump(ex);
}

TEST(FactsTest, AFigureComparedWithAnEarlierOneIsTheNotesOwn) {
  // Only the compared figure names its period: the first is the note's.
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2026\n"
      "\n"
      "Andelen af henvendelser, der vedrører børn og unge under 18 år, udgjorde 41 procent mod 45 procent i 1. "
      "halvår 2025.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts),
              ElementsAre("share_under_18_pct 2026-H1 = 41 pct", "share_under_18_pct 2025-H1 = 45 pct"))
      << Dump(ex);
  for (const std::string& p : ex.problems) EXPECT_EQ(p.find("disagree"), std::string::npos) << p;
  // The same when the compared figure's clause is its own ("børn og unge").
  const char* clause =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n"
      "\n"
      "De modtog 502 henvendelser i 1. halvår 2025. 45 pct. af henvendelserne vedrørte børn og unge under 18 år "
      "(36 pct. i samme periode sidste år).\n";
  Extraction exc = Extract(TextOf(clause));
  EXPECT_THAT(FactLines(exc.facts),
              ElementsAre("inquiries_total 2025-H1 = 502 count", "share_under_18_pct 2025-H1 = 45 pct",
                          "share_under_18_pct 2024-H1 = 36 pct"))
      << Dump(exc);
  // Two figures side by side with one period after both are still skipped
  // when neither is compared with the other.
  const char* both =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2026\n"
      "\n"
      "Andelen af børn under 18 år var 41 procent, og andelen af unge over 18 år var 59 procent i 1. halvår 2025.\n";
  Extraction ex2 = Extract(TextOf(both));
  for (const Record& r : ex2.facts) EXPECT_NE(r.period, "2026-H1") << Dump(ex2);
}

TEST(FactsTest, ACountRisingFromOneFigureToAnotherAndAComparisonInParentheses) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2026\n"
      "\n"
      "Antallet af henvendelser steg fra 502 i 1. halvår 2025 til 611 i 1. halvår 2026.\n"
      "Børn og unge under 18 år stod for 43 pct. af henvendelserne (45 pct. i 1. halvår 2025).\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts),
              ElementsAre("inquiries_total 2025-H1 = 502 count", "inquiries_total 2026-H1 = 611 count",
                          "share_under_18_pct 2026-H1 = 43 pct", "share_under_18_pct 2025-H1 = 45 pct"))
      << Dump(ex);
}

TEST(FactsTest, CountsByWhatTheyAreAboutAndTheNumberOfTheSentenceBefore) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2025\n"
      "\n"
      "Sikkerhedskonsulenterne har i 2025 modtaget i alt 1.027 henvendelser, hvoraf 47 pct. vedrørte personer under "
      "18 år. I 2024 var tallet 827.\n"
      "Af henvendelserne i 2025 handlede 58 om genopdragelsesrejser og ufrivillige udlandsophold, mod 49 i 2024.\n"
      "190 af henvendelserne i 2025 vedrørte borgere, der opholder sig i Danmark. Konsulenterne holdt 58 om året.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts),
              ElementsAre("inquiries_total 2025 = 1027 count", "share_under_18_pct 2025 = 47 pct",
                          "inquiries_total 2024 = 827 count", "trips_abroad_new 2025 = 58 count",
                          "trips_abroad_new 2024 = 49 count", "inquiries_in_denmark 2025 = 190 count"))
      << Dump(ex);
  for (const std::string& p : ex.problems) EXPECT_EQ(p.find("disagree"), std::string::npos) << p;
}

TEST(FactsTest, APartOfTheNotesOwnFigureTakesItsPeriod) {
  // "Heraf" takes the note's period when the last sentence with figures
  // gave one for it, also across a paragraph; a figure compared with
  // another period ("mod 102 året før") does not.
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2024\n"
      "\n"
      "Sikkerhedskonsulenterne modtog i første halvår 2024 i alt 432 henvendelser. Det er en stigning på 18 pct.\n"
      "\n"
      "Heraf vedrørte 36 pct. børn og unge under 18 år. Heraf vedrørte 120 henvendelser borgere i Danmark, mod 102 "
      "året før.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts),
              ElementsAre("inquiries_total 2024-H1 = 432 count", "share_under_18_pct 2024-H1 = 36 pct",
                          "inquiries_in_denmark 2024-H1 = 120 count"))
      << Dump(ex);
  // After a sentence about another period, "Heraf" is that period's: skipped.
  const char* other =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2024\n"
      "\n"
      "I 1. halvår 2024 modtog de 432 henvendelser. I hele 2023 modtog de 1.021 henvendelser. Heraf vedrørte 40 pct. "
      "børn under 18 år.\n";
  Extraction ex2 = Extract(TextOf(other));
  EXPECT_THAT(FactLines(ex2.facts),
              ElementsAre("inquiries_total 2024-H1 = 432 count", "inquiries_total 2023 = 1021 count"))
      << Dump(ex2);
}

TEST(FactsTest, AnApproximateFigureIsNotTaken) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n"
      "\n"
      "I 1. halvår 2025 modtog sikkerhedskonsulenterne godt 500 henvendelser. Over 40 pct. af dem vedrørte "
      "børn under 18 år i 1. halvår 2025. Der var ansat 12 sikkerhedskonsulenter i 1. halvår 2025.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts), ElementsAre("consultants_employed 2025-H1 = 12 persons")) << Dump(ex);
  EXPECT_THAT(ex.problems, ::testing::Contains("figure \"godt 500\" is approximate; not taken (page 1, line 3)"));
  EXPECT_THAT(ex.problems, ::testing::Contains("figure \"Over 40\" is approximate; not taken (page 1, line 3)"));
  // A compared figure too: the note's own is taken, the approximate one named.
  const char* compared =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n"
      "\n"
      "I 1. halvår 2025 modtog sikkerhedskonsulenterne 502 henvendelser mod ca. 430 i 1. halvår 2024.\n";
  Extraction ex2 = Extract(TextOf(compared));
  EXPECT_THAT(FactLines(ex2.facts), ElementsAre("inquiries_total 2025-H1 = 502 count")) << Dump(ex2);
  EXPECT_THAT(ex2.problems, ::testing::Contains("figure \"ca. 430\" is approximate; not taken (page 1, line 3)"));
}

TEST(FactsTest, SubsetsAndRegionsInOneSentence) {
  const char* text =
      "Notat i 1. halvår 2025\n"
      "\n"
      "I 1. halvår 2025 modtog sikkerhedskonsulenterne 502 henvendelser, heraf 28 nye henvendelser\n"
      "om genopdragelsesrejser, og 146 henvendelser kom fra Region Hovedstaden.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts), ElementsAre("inquiries_total 2025-H1 = 502 count",
                                               "trips_abroad_new 2025-H1 = 28 count"))
      << Dump(ex);
}

TEST(FactsTest, WholeYearNote) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2024\n"
      "\n"
      "I 2024 har sikkerhedskonsulenterne modtaget 827 henvendelser. Til sammenligning var der\n"
      "631 henvendelser i 2023.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts), ElementsAre("inquiries_total 2024 = 827 count",
                                               "inquiries_total 2023 = 631 count"));
  EXPECT_EQ(ex.facts[0].note, "2024");
}

TEST(FactsTest, DisagreeingSentencesAreAProblem) {
  const char* text =
      "Notat i 1. halvår 2025\n"
      "\n"
      "I 1. halvår 2025 har sikkerhedskonsulenterne modtaget 502 henvendelser.\n"
      "Samlet antal\n"
      "I 1. halvår 2025 har sikkerhedskonsulenterne modtaget 503 henvendelser.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts), ElementsAre("inquiries_total 2025-H1 = 502 count"));
  EXPECT_THAT(ex.problems,
              ::testing::Contains("fact inquiries_total 2025-H1: 502 (page 1, line 3) and 503 "
                                  "(page 1, line 5) disagree; kept the first"));
}

TEST(FactsTest, PctAndDayAsTheEnglishModelReadsThem) {
  // "pct." read as "pet.", the day "1." as "l." or "I.".
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2024\n"
      "\n"
      "I perioden l. juli til 31. december 2024 vedrørte 40 pet. af henvendelserne børn under 18 år.\n"
      "Det er en stigning fra 35 pet. i 2. halvår 2023. Derudover har sikkerhedskonsulenterne i\n"
      "perioden I. juli til 31. december 2024 modtaget 132 henvendelser vedrørende borgere, der\n"
      "befinder sig i Danmark.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts), ElementsAre("share_under_18_pct 2024-H2 = 40 pct",
                                               "share_under_18_pct 2023-H2 = 35 pct",
                                               "inquiries_in_denmark 2024-H2 = 132 count"))
      << Dump(ex);
  EXPECT_EQ(ex.facts[0].period_start, "2024-07-01");
}

TEST(FactsTest, APeriodInAnotherFiguresClauseIsNotTaken) {
  // The first figure's ordinal was lost to OCR ("i første" read as "rd."):
  // a half year a year before the note's is the same half; the year in the
  // next clause belongs to the next figure.
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2023\n"
      "\n"
      "Til sammenligning modtog de 211 henvendelser rd. halvår 2022 og i alt 449 henvendelser i\n"
      "hele 2022.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts),
              ElementsAre("inquiries_total 2022-H1 = 211 count", "inquiries_total 2022 = 449 count"))
      << Dump(ex);
  // Not for a year other than the one before: that half is unknown.
  const char* other =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2023\n"
      "\n"
      "Til sammenligning modtog de 180 henvendelser rd. halvår 2020.\n";
  EXPECT_TRUE(Extract(TextOf(other)).facts.empty());
  EXPECT_THAT(ex.problems, ::testing::Not(::testing::Contains(::testing::HasSubstr("disagree"))))
      << Dump(ex);
}

TEST(FactsTest, ThePeriodWithoutDatesAndAComparisonWithoutItsUnit) {
  // "i perioden" with no dates after it is the note's own period; a
  // comparison that leaves out what it counts takes the count of the
  // sentence before.
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2024\n"
      "\n"
      "Andelen af henvendelser, der vedrører børn under 18 år, udgør 40 pct. i perioden.\n"
      "I perioden har sikkerhedskonsulenterne fået 27 nye henvendelser om genopdragelsesrejser.\n"
      "Til sammenligning modtog de 33 i andet halvår af 2023.\n"
      "I perioden 1. juli til 30. november 2024 var der ansat 12 sikkerhedskonsulenter.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts),
              ElementsAre("share_under_18_pct 2024-H2 = 40 pct", "trips_abroad_new 2024-H2 = 27 count",
                          "trips_abroad_new 2023-H2 = 33 count", "consultants_employed 2024-H2 = 12 persons"))
      << Dump(ex);
  // The staff count keeps its own dates, not the half year's.
  EXPECT_EQ(ex.facts[3].period_end, "2024-11-30") << Dump(ex);
  // Two bare figures: which is which is not said.
  const char* two =
      "Notat i 2. halvår 2024\n"
      "\n"
      "I perioden har sikkerhedskonsulenterne fået 27 nye henvendelser om genopdragelsesrejser.\n"
      "Til sammenligning modtog de 33 og 31 i de to halvår af 2023.\n";
  EXPECT_THAT(FactLines(Extract(TextOf(two)).facts), ElementsAre("trips_abroad_new 2024-H2 = 27 count"));
}

TEST(FactsTest, FiguresWithoutAPeriodAreSkipped) {
  const char* text =
      "Notat i 1. halvår 2025\n"
      "\n"
      "Siden starten har sikkerhedskonsulenterne modtaget 3.600 henvendelser.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_TRUE(ex.facts.empty()) << Dump(ex);
}

TEST(FactsTest, DigitConfusionInAFigureIsRepaired) {
  const char* text =
      "Notat i 1. halvår 2025\n"
      "\n"
      "I perioden 1. januar til 30. juni 2025 har sikkerhedskonsulenterne modtaget 5O2 henvendelser.\n";
  Extraction ex = Extract(TextOf(text));
  ASSERT_EQ(ex.facts.size(), 1u) << Dump(ex);
  EXPECT_EQ(ex.facts[0].value, 502);
  EXPECT_TRUE(HasFlag(ex.facts[0], "digit-repaired"));
  ASSERT_EQ(ex.digit_fixes.size(), 1u);
  EXPECT_EQ(ex.digit_fixes[0].rule, "digit:O->0");
  EXPECT_EQ(ex.digit_fixes[0].line, 3);
  EXPECT_EQ(ex.digit_fixes[0].column, 77);
}

TEST(FactsTest, ADashBetweenTwoSentencesStillEndsTheFirst) {
  // OCR read a stain between the sentences as "—". Read as one sentence, the
  // comparison took its subject from the trips the first sentence names.
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2029\n"
      "\n"
      "Derudover har sikkerhedskonsulenterne i perioden 1. januar til 30. juni 2029 modtaget 119\n"
      "henvendelser vedrørende borgere, der befinder sig i Danmark, hvor der er bekymring for en\n"
      "genopdragelsesrejse eller et ufrivilligt udlandsophold. — Til sammenligning modtog\n"
      "sikkerhedskonsulenterne i første halvår af 2028 86 af disse henvendelser.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts), ElementsAre("inquiries_in_denmark 2029-H1 = 119 count",
                                               "inquiries_in_denmark 2028-H1 = 86 count"))
      << Dump(ex);
}

TEST(FactsTest, ASentenceEndsAtAYearThoughAMisreadHeadingFollows) {
  // A bold scan: the heading after the paragraph read with a small letter.
  // Read on into the heading, the sentence took its subject from the trips
  // it names and the 2024-H1 share was lost.
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n"
      "\n"
      "Andelen af henvendelser, der vedrører børn under 18 år udgør 45 pct. i perioden 1. januar til\n"
      "30. juni 2025. Det er en stigning fra 36 pct. i første halvår af 2024.\n"
      "hfamrandelser om genopdragelsesrejser og ufrivillige udlandsophold\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts), ElementsAre("share_under_18_pct 2025-H1 = 45 pct",
                                               "share_under_18_pct 2024-H1 = 36 pct"))
      << Dump(ex);
}

TEST(FactsTest, AYearsStopReadAsACommaStillEndsTheSentence) {
  // Thin print read the stop after 2020 as a comma; the sentence ran on into
  // the heading after it and the 2020-H1 share was lost. A region after a
  // year and a comma is a list, not a new sentence.
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2021\n"
      "\n"
      "I perioden 1. januar til 30. juni 2021 vedrørte 42 pct. af henvendelserne børn under 18 år. Det er en\n"
      "stigning fra 34 pct. i første halvår af 2020,\n"
      "Henvendelser om genopdragelsesrejser og ufrivillige udlandsophold\n";
  EXPECT_THAT(FactLines(Extract(TextOf(text)).facts),
              ElementsAre("share_under_18_pct 2021-H1 = 42 pct", "share_under_18_pct 2020-H1 = 34 pct"));
}

TEST(FactsTest, ACapitalIAfterAUnitsStopDoesNotEndTheSentence) {
  // "45 pct. I perioden": the OCR read "i" as a capital, which made the
  // figure's sentence end before its period (both shares were lost).
  for (const char* i : {"I", "|"}) {
    std::string text = std::string(
        "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n"
        "\n"
        "Andelen af henvendelser, der vedrører børn under 18 år udgør 45 pct. ") + i +
        " perioden 1. januar til\n30. juni 2025. Det er en stigning fra 36 pct. i første halvår af 2024.\n";
    Extraction ex = Extract(TextOf(text));
    EXPECT_THAT(FactLines(ex.facts), ElementsAre("share_under_18_pct 2025-H1 = 45 pct",
                                                 "share_under_18_pct 2024-H1 = 36 pct"))
        << i << Dump(ex);
  }
  // ... nor before a year that ends the sentence; "I 2030 var der" opens one.
  const char* grant =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2030\n"
      "\n"
      "Det samlede tilskud til ordningen udgør dermed 9,6 mio. kr.\n"
      "I 2030.\n";
  EXPECT_THAT(FactLines(Extract(TextOf(grant)).facts), ElementsAre("grant_total_mio_kr 2030 = 9.6 mio. kr."));
  const char* two =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2030\n"
      "\n"
      "Det samlede tilskud til ordningen udgør dermed 9,6 mio. kr. i 2030. I 2030 var der ansat 10\n"
      "sikkerhedskonsulenter.\n";
  EXPECT_THAT(FactLines(Extract(TextOf(two)).facts),
              ElementsAre("grant_total_mio_kr 2030 = 9.6 mio. kr.", "consultants_employed 2030 = 10 persons"));
}

TEST(FactsTest, AGrantWhoseMioThinPrintDamagedIsRead) {
  for (const char* mio : {"miwo.", "rnio.", "mlo.", "mi0,"}) {
    std::string text = std::string(
        "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2023\n"
        "\n"
        "Det samlede tilskud til ordningen udgør dermed 10 ") + mio + " kr. i 2023.\n";
    EXPECT_THAT(FactLines(Extract(TextOf(text)).facts), ElementsAre("grant_total_mio_kr 2023 = 10 mio. kr.")) << mio;
  }
}

TEST(FactsTest, ALeadingOneReadAsAWordOfItsOwn) {
  // Mid-sentence, after a lowercase word, "I 10" and "| 18" are 110 and 118
  // with their first digit read apart; each join is recorded. The
  // preposition "i" before a figure, a sentence's first "I", an "I" that
  // opens a line (after a heading that has no full stop) and a year are left
  // as they are.
  const char* text =
      "Notat i 2. halvår 2021\n"
      "\n"
      "I perioden 1. juli til 31. december 2021 har sikkerhedskonsulenterne modtaget i alt 141\n"
      "henvendelser. Til sammenligning modtog de I 10 henvendelser i andet halvår 2020.\n"
      "Det samlede tilskud til ordningen udgør dermed | 1 mio. kr. i 2021.\n"
      "I 2021 vedrørte 36 pct. af henvendelserne børn under 18 år.\n"
      "Der var i 10 tilfælde tale om en rejse. Aldersfordeling for borgerne\n"
      "I 36 pct. af henvendelserne i 2. halvår 2021 var borgeren under 18 år.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts),
              ::testing::IsSupersetOf({"inquiries_total 2021-H2 = 141 count", "inquiries_total 2020-H2 = 110 count",
                                       "grant_total_mio_kr 2021 = 11 mio. kr.", "share_under_18_pct 2021-H2 = 36 pct"}))
      << Dump(ex);
  EXPECT_THAT(FixLines(ex.digit_fixes),
              ::testing::UnorderedElementsAre("I 10>110 digit:I->1,joined", "| 1>11 digit:|->1,joined"));
}

TEST(FactsTest, ACommaForTheThousandsPointInACount) {
  // "1,021 henvendelser" is 1021 (the fix listed); the figure compared with
  // it still follows. An amount or a share keeps its decimal comma.
  const char* text =
      "Notat i 2. halvår 2025\n"
      "\n"
      "I perioden 1. juli til 31. december 2025 har sikkerhedskonsulenterne modtaget 519\n"
      "henvendelser. Dermed var der i alt 1,021 henvendelser i hele 2025 mod 827 i hele 2024.\n"
      "Det samlede tilskud til ordningen udgør 10,925 mio. kr. i 2025.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts),
              ::testing::IsSupersetOf({"inquiries_total 2025 = 1021 count", "inquiries_total 2024 = 827 count",
                                       "grant_total_mio_kr 2025 = 10.925 mio. kr."}))
      << Dump(ex);
  EXPECT_THAT(FixLines(ex.digit_fixes), ::testing::ElementsAre("1,021>1.021 digit:,->."));
}

TEST(FactsTest, APointForTheDecimalCommaInAShareOrAnAmount) {
  // "45.5 pct.", "10.9 mio. kr.": no Danish number has one or two digits
  // after a point; the comma was misread. Each fix is listed.
  const char* text =
      "Notat i 1. halvår 2025\n"
      "\n"
      "Andelen af henvendelser, der vedrører børn under 18 år, udgør 45.5 pct. i perioden\n"
      "1. januar til 30. juni 2025. Det samlede tilskud er 10.9 mio. kr. i 2025.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts), ::testing::IsSupersetOf({"share_under_18_pct 2025-H1 = 45.5 pct",
                                                            "grant_total_mio_kr 2025 = 10.9 mio. kr."}))
      << Dump(ex);
  EXPECT_THAT(FixLines(ex.digit_fixes), ::testing::ElementsAre("45.5>45,5 digit:.->,", "10.9>10,9 digit:.->,"));
}

TEST(FactsTest, ACountSplitBeforeAZeroIsJoined) {
  // "5 02 henvendelser": no count starts with a zero, so it is 502 (the
  // fix listed), not 2. "1 021" is a thousands space, no fix.
  const char* text =
      "Notat i 1. halvår 2025\n"
      "\n"
      "I perioden 1. januar til 30. juni 2025 har sikkerhedskonsulenterne modtaget 5 02\n"
      "henvendelser. I hele 2024 var der 1 021 henvendelser.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts), ::testing::IsSupersetOf({"inquiries_total 2025-H1 = 502 count",
                                                            "inquiries_total 2024 = 1021 count"}))
      << Dump(ex);
  EXPECT_THAT(FixLines(ex.digit_fixes), ::testing::ElementsAre("5 02>502 digit:space,joined"));
}

TEST(FactsTest, AThousandsPointWithASpaceAfterIt) {
  // "mod 2. 198 i 2028": one number (the fix listed); a numbered line's
  // "2." stays its own.
  const char* text =
      "Notat i 2. halvår 2029\n"
      "\n"
      "I hele 2029 modtog de 2.431 henvendelser mod 2. 198 i 2028.\n"
      "\n"
      "2. 150 af henvendelserne i 2. halvår 2029 kom fra kommuner.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts), ::testing::IsSupersetOf({"inquiries_total 2029 = 2431 count",
                                                            "inquiries_total 2028 = 2198 count"}))
      << Dump(ex);
  EXPECT_THAT(FixLines(ex.digit_fixes), ::testing::ElementsAre("2. 198>2.198 digit:space,joined"));
}

// Two counts of two subjects in one sentence each take the subject said
// between them; "året før" is the year before the period named before it
// (and no reference back to the sentence before); a count of the
// under-18s is reported, not dropped without a word.
TEST(FactsTest, TwoSubjectsInOneSentenceAndTheYearBefore) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2028\n"
      "\n"
      "Sikkerhedskonsulenterne modtog i 2028 91 nye henvendelser om genopdragelsesrejser og 122 henvendelser om "
      "borgere i Danmark. Andelen af henvendelser om børn og unge under 18 år var 47 procent i 2028 mod 44 "
      "procent året før. I hele 2028 var der 2.312 henvendelser mod 2.010 året før. Det svarer til 1.087 "
      "henvendelser om børn og unge under 18 år.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts),
              ElementsAre("trips_abroad_new 2028 = 91 count", "inquiries_in_denmark 2028 = 122 count",
                          "share_under_18_pct 2028 = 47 pct", "share_under_18_pct 2027 = 44 pct",
                          "inquiries_total 2028 = 2312 count", "inquiries_total 2027 = 2010 count"))
      << Dump(ex);
  EXPECT_THAT(ex.problems, ::testing::Contains("figure 1.087 counts inquiries about children under 18, which no "
                                               "fact holds; not taken (page 1, line 3)"))
      << Dump(ex);
}

// A whole year's count split by half year ("heraf 1.102 i første halvår og
// 1.210 i andet halvår"): each part is the same fact in its half of the
// note's year.
TEST(FactsTest, AYearsCountSplitByHalfYear) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2028\n"
      "\n"
      "Sikkerhedskonsulenterne har i hele 2028 modtaget i alt 2.312 henvendelser, heraf 1.102 i første halvår og "
      "1.210 i andet halvår.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts),
              ElementsAre("inquiries_total 2028 = 2312 count", "inquiries_total 2028-H1 = 1102 count",
                          "inquiries_total 2028-H2 = 1210 count"))
      << Dump(ex);
}

// A change is no count of a period ("en stigning på 86 henvendelser
// sammenlignet med første halvår af 2028" gave 2028-H1 = 86); "Af de 1.188
// henvendelser" refers to a count given before; a period inside "mens
// andelen i første halvår 2028 var 41 pct." is the compared figure's only;
// "i perioden 47 nye" is the note's period before a count, not its dates.
TEST(FactsTest, AChangeAReferenceBackAMensClauseAndIPeriodenBeforeACount) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2029\n"
      "\n"
      "I første halvår af 2029 har sikkerhedskonsulenterne modtaget 1.188 henvendelser, hvilket er en stigning "
      "på 86 henvendelser sammenlignet med første halvår af 2028.\n"
      "Af de 1.188 henvendelser vedrørte 49 pct. børn og unge under 18 år, mens andelen i første halvår 2028 "
      "var 41 pct.\n"
      "Sikkerhedskonsulenterne fik i perioden 47 nye henvendelser om genopdragelsesrejser.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts),
              ElementsAre("inquiries_total 2029-H1 = 1188 count", "share_under_18_pct 2029-H1 = 49 pct",
                          "share_under_18_pct 2028-H1 = 41 pct", "trips_abroad_new 2029-H1 = 47 count"))
      << Dump(ex);
  EXPECT_THAT(ex.problems, ::testing::Contains("figure 86 is a change, not a count of a period; not taken (page 1, "
                                               "line 3)"))
      << Dump(ex);
}

// A comparison that gives the count before it in two periods, each named
// right after its figure; and "var antallet N" as "var tallet N".
TEST(FactsTest, AComparisonWithTwoCountsEachWithItsPeriod) {
  for (const char* comparison : {"Til sammenligning modtog de 1.188 i første halvår 2030 og 1.244 i andet halvår 2029.",
                                 "Til sammenligning var antallet 1.188 i første halvår 2030 og 1.244 i andet halvår "
                                 "2029."}) {
    std::string text = std::string("Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2030\n\n") +
                       "Sikkerhedskonsulenterne modtog 1.301 henvendelser i andet halvår af 2030. " + comparison +
                       "\n";
    Extraction ex = Extract(TextOf(text.c_str()));
    EXPECT_THAT(FactLines(ex.facts),
                ElementsAre("inquiries_total 2030-H2 = 1301 count", "inquiries_total 2030-H1 = 1188 count",
                            "inquiries_total 2029-H2 = 1244 count"))
        << comparison << Dump(ex);
  }
  // Two counts with no period each: which is which is not said.
  Extraction ex = Extract(TextOf(
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2030\n\n"
      "Sikkerhedskonsulenterne modtog 1.301 henvendelser i andet halvår af 2030. Til sammenligning modtog de 1.188 "
      "og 1.244 i de to halvår før.\n"));
  EXPECT_THAT(FactLines(ex.facts), ElementsAre("inquiries_total 2030-H2 = 1301 count")) << Dump(ex);
}

TEST(FactsTest, ALastOneReadAsAnExclamationMark) {
  // "21!" before a lowercase word is 211, "I!" before "mio." 11 (OCR slips
  // on low-resolution scans), each recorded as a digit fix; before a capital
  // the "!" ends a sentence and the figure stays.
  const char* text =
      "Notat i 1. halvår 2023\n"
      "\n"
      "I perioden 1. januar til 30. juni 2023 har sikkerhedskonsulenterne modtaget i alt 285\n"
      "henvendelser. Til sammenligning modtog de 21! henvendelser i 1. halvår 2022.\n"
      "Af disse vedrørte hele 36! Det er flere end før.\n"
      "Det samlede tilskud til ordningen udgør dermed I! mio. kr. i 2023.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts), ::testing::IsSupersetOf({"inquiries_total 2022-H1 = 211 count",
                                                            "grant_total_mio_kr 2023 = 11 mio. kr."}))
      << Dump(ex);
  EXPECT_THAT(FixLines(ex.digit_fixes), ::testing::ElementsAre("21!>211 digit:!->1", "I!>11 digit:!->1,I->1"));
}

TEST(FactsTest, ADollarSignIsAFive) {
  // "$" is no Danish word: OCR read a 5. Alone before "mio." and inside a
  // number it is taken as 5, and the fix recorded.
  const char* text =
      "Notat i 2. halvår 2024\n"
      "\n"
      "Som led i indsatsen er der afsat yderligere $ mio. kr. om året til sikkerhedskonsulenterne i 2024.\n"
      "Det samlede tilskud til ordningen udgør dermed 9,$ mio. kr. i 2024.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts), ::testing::IsSupersetOf({"grant_additional_mio_kr 2024 = 5 mio. kr.",
                                                            "grant_total_mio_kr 2024 = 9.5 mio. kr."}))
      << Dump(ex);
  EXPECT_THAT(FixLines(ex.digit_fixes),
              ::testing::UnorderedElementsAre("$>5 digit:$->5", "9,$>9,5 digit:$->5"));
}

TEST(FactsTest, MioReadWithACommaIsStillMillions) {
  const char* text =
      "Notat i 1. halvår 2026\n"
      "\n"
      "Som led i indsatsen er der afsat yderligere 6 mio, kr. om året til sikkerhedskonsulenterne i 2026.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_THAT(FactLines(ex.facts), ::testing::Contains("grant_additional_mio_kr 2026 = 6 mio. kr.")) << Dump(ex);
}

// ---------------------------------------------------------------- whole notes

TEST(ExtractTest, NotePeriodFromTheTextWhenTheTitleHasNone) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne\n"
      "\n"
      "I perioden 1. januar til 30. juni 2025 har sikkerhedskonsulenterne modtaget 502 henvendelser.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_EQ(ex.note_period, "2025-H1");
  EXPECT_THAT(ex.problems, ::testing::Contains("note period: the title names none; took 2025-H1 "
                                               "from the running text (page 1, line 3)"));
}

TEST(ExtractTest, TitleAfterALetterhead) {
  const char* text =
      "Styrelsen for International Rekruttering og Integration\n"
      "12. august 2025\n"
      "\n"
      "Henvendelser til sikkerhedskonsulenterne i 2. halvår 2025\n"
      "\n"
      "I 2. halvår 2025 har sikkerhedskonsulenterne modtaget 530 henvendelser.\n";
  Extraction ex = Extract(TextOf(text));
  EXPECT_EQ(ex.title, "Henvendelser til sikkerhedskonsulenterne i 2. halvår 2025");
  EXPECT_EQ(ex.title_source.line, 4);
  EXPECT_EQ(ex.note_period, "2025-H2");
  EXPECT_THAT(FactLines(ex.facts), ElementsAre("inquiries_total 2025-H2 = 530 count"));
}

TEST(ExtractTest, MissingTablesAreProblems) {
  Extraction ex = Extract(TextOf("Notat om henvendelser i 1. halvår 2025\n\nIngen tabeller her.\n"));
  EXPECT_TRUE(ex.tables.empty());
  EXPECT_THAT(ex.problems,
              ElementsAre("table 1 (inquiries per year) not found: no caption \"Tabel 1. ...\" names it",
                          "table 2 (inquiries per region) not found: no caption \"Tabel 2. ...\" names it",
                          "table 3 (new inquiries about trips abroad) not found: no caption \"Tabel 3. "
                          "...\" names it"));
}

TEST(ExtractTest, EmptyInput) {
  Extraction ex = Extract(RepairedText{});
  EXPECT_EQ(ex.note_period, "");
  EXPECT_TRUE(ex.tables.empty());
  EXPECT_TRUE(ex.facts.empty());
  EXPECT_THAT(ex.problems, ::testing::Contains("note period: no title found"));
}

TEST(ExtractTest, GarbageAndHugeLinesNeverCrash) {
  std::string garbage;
  std::mt19937 rng(7);
  for (int i = 0; i < 20000; ++i) garbage.push_back(static_cast<char>(rng() % 256));
  Extraction g = Extract(TextOf(garbage));
  EXPECT_TRUE(g.tables.empty());
  std::string huge = "Notat i 1. halvår 2025\nTabel 2. Regionsvis fordeling\n" +
                     std::string(1'000'000, '9') + " " + std::string(500'000, 'x') + "\n";
  Extraction h = Extract(TextOf(huge));
  EXPECT_EQ(FindTable(h, 2), nullptr);
  EXPECT_THAT(h.problems, ::testing::Contains("table 2 (page 1, line 2): no region names found"));
  std::string numbers = "Notat i 1. halvår 2025\nTabel 1. Årlig udvikling i antal henvendelser\n";
  for (int i = 0; i < 50000; ++i) numbers += "2024 ";
  Extraction n = Extract(TextOf(numbers));
  EXPECT_EQ(FindTable(n, 1), nullptr);
  std::string many_lines = "Notat i 1. halvår 2025\nTabel 1. Årlig udvikling i antal henvendelser\n";
  for (int i = 0; i < 100000; ++i) many_lines += "1 henvendelser i 2024. ";
  many_lines += "\n";
  for (int i = 0; i < 100000; ++i) many_lines += "2024 186\n";
  Extraction m = Extract(TextOf(many_lines));
  EXPECT_EQ(FindTable(m, 1), nullptr);
}

TEST(ExtractTest, ShuffledAndTruncatedSamplesNeverCrash) {
  std::string sample = ReadSample("note-2025-h1.ocr.txt");
  std::vector<std::string> lines;
  size_t at = 0;
  while (at < sample.size()) {
    size_t nl = sample.find('\n', at);
    if (nl == std::string::npos) nl = sample.size();
    lines.push_back(sample.substr(at, nl - at));
    at = nl + 1;
  }
  std::mt19937 rng(42);
  for (int round = 0; round < 150; ++round) {
    std::vector<std::string> l = lines;
    if (round % 3 == 0) std::shuffle(l.begin(), l.end(), rng);
    else l.resize(rng() % (l.size() + 1));
    std::string text;
    for (const std::string& s : l) text += s + (rng() % 17 == 0 ? "\f" : "\n");
    Extraction ex = Extract(TextOf(text));
    for (const Table& t : ex.tables)
      for (const Record& r : t.records) EXPECT_TRUE(std::isfinite(r.value));
  }
}

}  // namespace
}  // namespace notat
