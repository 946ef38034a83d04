// The checks of one note and across notes, on extractions built by hand.
#include "pipeline/validate.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace notat {
namespace {

Record Cell(int table, std::string period, double value, std::optional<std::string> region = {}) {
  Record r;
  r.note = "2025-H1";
  r.table = table;
  r.name = table == 1 ? "inquiries" : table == 2 ? "inquiries_by_region" : "trips_abroad_new";
  r.period = std::move(period);
  r.region = std::move(region);
  r.value = value;
  r.unit = "count";
  r.source.page = 1;
  r.source.line = 10 + table;
  return r;
}

Record Fact(std::string name, std::string period, double value, std::string unit = "count") {
  Record r;
  r.note = "2025-H1";
  r.name = std::move(name);
  r.period = std::move(period);
  r.value = value;
  r.unit = std::move(unit);
  return r;
}

// An extraction shaped like a first-half note, with figures of our own.
Extraction Note() {
  Extraction ex;
  ex.note_period = "2025-H1";
  Table t1{1, "Årlig udvikling", {}, {}, {}, {}, {}};
  int year = 2019;
  for (double v : {100, 150, 210, 260, 330, 400}) t1.records.push_back(Cell(1, std::to_string(year++), v));
  t1.records.push_back(Cell(1, "2025-H1", 250));
  Table t2{2, "Regionsvis fordeling", {}, {}, {}, {}, {}};
  t2.records = {Cell(2, "2025-H1", 80, "Region Hovedstaden"), Cell(2, "2025-H1", 60, "Region Midtjylland"),
                Cell(2, "2025-H1", 20, "Region Nordjylland"), Cell(2, "2025-H1", 30, "Region Sjælland"),
                Cell(2, "2025-H1", 60, "Region Syddanmark"), Cell(2, "2025-H1", 250, "Total")};
  Table t3{3, "Genopdragelsesrejser", {}, {}, {}, {}, {}};
  t3.records = {Cell(3, "2023", 30), Cell(3, "2024", 35), Cell(3, "2025-H1", 17)};
  ex.tables = {t1, t2, t3};
  ex.facts = {Fact("inquiries_total", "2025-H1", 250), Fact("inquiries_total", "2024-H1", 190),
              Fact("inquiries_total", "2024", 400), Fact("trips_abroad_new", "2025-H1", 17),
              Fact("share_under_18_pct", "2025-H1", 41.5, "pct")};
  return ex;
}

std::map<std::string, CheckStatus> Statuses(const ValidationReport& r) {
  std::map<std::string, CheckStatus> m;
  for (const Check& c : r.checks) m[c.name] = c.status;
  return m;
}

// The report's check called `name` (a test failure, and an empty check,
// when there is none).
const Check& Named(const ValidationReport& r, const std::string& name) {
  for (const Check& c : r.checks)
    if (c.name == name) return c;
  ADD_FAILURE() << "no check " << name;
  static const Check none;
  return none;
}

std::vector<std::string> Failed(const ValidationReport& r) {
  std::vector<std::string> out;
  for (const Check& c : r.checks)
    if (c.status == CheckStatus::kFail) out.push_back(c.name);
  return out;
}

TEST(ValidateTest, ConsistentNotePassesEveryCheck) {
  ValidationReport r = Validate(Note());
  EXPECT_TRUE(r.ok());
  auto s = Statuses(r);
  for (const char* name : {"tables_present", "values_nonnegative_integers", "periods_contiguous",
                           "regions_complete", "regions_sum_to_total", "table2_total_equals_table1",
                           "text_period_total_equals_table1", "text_previous_year_equals_table1",
                           "table3_period_equals_text_trips", "values_plausible"})
    EXPECT_EQ(s[name], CheckStatus::kPass) << name;
  EXPECT_EQ(s["low_confidence_digits"], CheckStatus::kSkip);
}

TEST(ValidateTest, ASecondNoteInTheInputFailsOneNotePerInput) {
  Extraction ex = Note();
  EXPECT_EQ(Statuses(Validate(ex))["one_note_per_input"], CheckStatus::kPass);
  ex.other_notes.push_back(SourceRef{3, 1, "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2025", {}, -1});
  ValidationReport r = Validate(ex);
  EXPECT_EQ(Failed(r), std::vector<std::string>{"one_note_per_input"});
  for (const Check& c : r.checks) {
    if (c.name != "one_note_per_input") continue;
    EXPECT_NE(c.message.find("(page 3, line 1)"), std::string::npos) << c.message;
    EXPECT_EQ(c.actual, "2 notes");
    ASSERT_EQ(c.sources.size(), 1u);
  }
}

TEST(ValidateTest, ATotalTakenAsTheRowsSumIsNotCheckedAgainstIt) {
  Extraction ex = Note();
  for (Table& t : ex.tables)
    for (Record& r : t.records)
      if (r.region && *r.region == "Total") r.flags.push_back("row-inferred");
  EXPECT_EQ(Statuses(Validate(ex))["regions_sum_to_total"], CheckStatus::kSkip);
  EXPECT_EQ(Statuses(Validate(ex))["table2_total_equals_table1"], CheckStatus::kPass);
}

TEST(ValidateTest, APrintedSeriesTotalMustBeTheSumOfItsPeriods) {
  Extraction ex = Note();
  EXPECT_EQ(Statuses(Validate(ex))["series_totals_equal_sums"], CheckStatus::kSkip);
  Table& t1 = ex.tables[0];
  ASSERT_EQ(t1.number, 1);
  double sum = 0;
  for (const Record& r : t1.records) sum += r.value;
  Record total;
  total.table = 1;
  total.value = sum;
  total.source.page = 1;
  total.source.line = 9;
  t1.printed_total = total;
  EXPECT_EQ(Statuses(Validate(ex))["series_totals_equal_sums"], CheckStatus::kPass);
  t1.printed_total->value = sum + 4;
  ValidationReport r = Validate(ex);
  EXPECT_EQ(Failed(r), std::vector<std::string>{"series_totals_equal_sums"});
  for (const Check& c : r.checks)
    if (c.name == "series_totals_equal_sums") {
      EXPECT_NE(c.message.find("line 9"), std::string::npos) << c.message;
    }
}

TEST(ValidateTest, SecondHalfNoteTextYearEqualsItsHalves) {
  // A second-half note: table 1 ends 2025-H1, 2025-H2; the text gives the
  // whole of 2025.
  Extraction ex = Note();
  ex.note_period = "2025-H2";
  ex.tables[0].records.push_back(Cell(1, "2025-H2", 270));
  for (Record& r : ex.tables[1].records) r.period = "2025-H2";
  ex.tables[1].records[0].value = 100;  // the regions add up to 270
  ex.tables[1].records[5].value = 270;
  ex.tables[2].records.push_back(Cell(3, "2025-H2", 19));
  ex.facts = {Fact("inquiries_total", "2025-H2", 270), Fact("inquiries_total", "2025", 520)};
  auto s = Statuses(Validate(ex));
  EXPECT_EQ(s["text_year_total_equals_table1_halves"], CheckStatus::kPass);
  EXPECT_TRUE(Validate(ex).ok()) << ::testing::PrintToString(Failed(Validate(ex)));
  ex.facts[1].value = 502;
  ValidationReport r = Validate(ex);
  EXPECT_EQ(Failed(r), std::vector<std::string>{"text_year_total_equals_table1_halves"});
  const Check& c = Named(r, "text_year_total_equals_table1_halves");
  EXPECT_EQ(c.expected, "520");
  EXPECT_EQ(c.actual, "502");
  EXPECT_EQ(c.subjects, (std::vector<std::string>{"table1/2025-H1", "table1/2025-H2", "fact/inquiries_total/2025"}));
  // A first-half note has no second half to add.
  EXPECT_EQ(Statuses(Validate(Note()))["text_year_total_equals_table1_halves"], CheckStatus::kSkip);
}

TEST(ValidateTest, RowsNoRegionClaimsCountTowardsTheTotal) {
  Extraction ex = Note();
  Table& t2 = ex.tables[1];
  t2.records.insert(t2.records.end() - 1, Cell(2, "2025-H1", 9, "Uoplyst"));
  t2.records.back().value = 259;
  ValidationReport r = Validate(ex);
  const Check& sum = Named(r, "regions_sum_to_total");
  EXPECT_EQ(sum.status, CheckStatus::kPass);
  EXPECT_EQ(sum.message, "the 5 regions and Uoplyst sum to the printed total 259");
  EXPECT_EQ(Statuses(r)["regions_complete"], CheckStatus::kPass);
  t2.records.back().value = 250;
  r = Validate(ex);
  EXPECT_EQ(Named(r, "regions_sum_to_total").message,
            "the 5 regions and Uoplyst sum to 259 but the printed total is 250 (page 1, line 12)");
}

TEST(ValidateTest, TableTwoOfTheWholeYearIsCheckedAgainstThatYear) {
  // A second-half note whose table 1 ends at the whole year 2025 and whose
  // table 2 gives the regions of all of 2025.
  Extraction ex = Note();
  ex.note_period = "2025-H2";
  ex.tables[0].records.back().period = "2025";
  ex.tables[0].records.back().value = 520;
  for (Record& r : ex.tables[1].records) r.period = "2025";
  ex.tables[1].records[0].value = 350;  // the regions add up to 520
  ex.tables[1].records[5].value = 520;
  ValidationReport r = Validate(ex);
  EXPECT_EQ(Statuses(r)["table2_total_equals_table1"], CheckStatus::kPass);
  ex.tables[0].records.back().value = 502;
  r = Validate(ex);
  const Check& c = Named(r, "table2_total_equals_table1");
  EXPECT_EQ(c.status, CheckStatus::kFail);
  EXPECT_EQ(c.subjects, (std::vector<std::string>{"table1/2025", "table2/2025/Total"}));

  // Table 1 prints the year's two half years only: they are added.
  ex.tables[0].records.back() = Cell(1, "2025-H1", 250);
  ex.tables[0].records.push_back(Cell(1, "2025-H2", 270));
  r = Validate(ex);
  const Check& halves = Named(r, "table2_total_equals_table1");
  EXPECT_EQ(halves.status, CheckStatus::kPass) << halves.message;
  EXPECT_EQ(halves.message, "table 2's total (520) equals table 1's half years of 2025 added (250 + 270)");
  ex.tables[0].records.back().value = 260;
  r = Validate(ex);
  const Check& off = Named(r, "table2_total_equals_table1");
  EXPECT_EQ(off.status, CheckStatus::kFail);
  EXPECT_EQ(off.subjects, (std::vector<std::string>{"table1/2025-H1", "table1/2025-H2", "table2/2025/Total"}));
  EXPECT_EQ(off.expected, "510");
}

TEST(ValidateTest, TableTwoOfTwoPeriodsIsCheckedForTheNotesPeriod) {
  // Table 2 prints last year's half beside this one's: the note's own
  // period is the one compared, whichever column comes last.
  Extraction ex = Note();
  std::vector<Record> before = ex.tables[1].records;
  for (Record& r : before) r.period = "2024-H1";
  before[0].value = 20;  // the regions add up to 190
  before[5].value = 190;
  ex.tables[1].records.insert(ex.tables[1].records.end(), before.begin(), before.end());
  EXPECT_EQ(Statuses(Validate(ex))["table2_total_equals_table1"], CheckStatus::kPass);
}

TEST(ValidateTest, OtherFiguresOfTheTextAgainstTheTables) {
  // An earlier year's trips abroad in the text, beside table 3's.
  Extraction ex = Note();
  EXPECT_EQ(Statuses(Validate(ex))["text_other_figures_equal_tables"], CheckStatus::kSkip);
  ex.facts.push_back(Fact("trips_abroad_new", "2024", 35));
  ValidationReport r = Validate(ex);
  EXPECT_EQ(Statuses(r)["text_other_figures_equal_tables"], CheckStatus::kPass);
  ex.facts.back().value = 53;
  r = Validate(ex);
  EXPECT_EQ(Failed(r), std::vector<std::string>{"text_other_figures_equal_tables"});
  const Check& c = Named(r, "text_other_figures_equal_tables");
  EXPECT_EQ(c.subjects, (std::vector<std::string>{"table3/2024", "fact/trips_abroad_new/2024"}));
  EXPECT_NE(c.message.find("the text's trips_abroad_new for 2024 is 53"), std::string::npos) << c.message;
}

TEST(ValidateTest, ChangedRegionFailsExactlyTheSumCheck) {
  Extraction ex = Note();
  ex.tables[1].records[2].value = 25;  // Nordjylland 20 -> 25
  ValidationReport r = Validate(ex);
  ASSERT_EQ(Failed(r), std::vector<std::string>{"regions_sum_to_total"});
  const Check& c = Named(r, "regions_sum_to_total");
  EXPECT_EQ(c.expected, "250");
  EXPECT_EQ(c.actual, "255");
  EXPECT_EQ(c.message, "the 5 regions sum to 255 but the printed total is 250 (page 1, line 12)");
  EXPECT_EQ(c.subjects.size(), 6u);
}

TEST(ValidateTest, AnUnreadableRegionIsNamedWithWhatWasRead) {
  // Region Sjælland's value read as "Ax": the region is unreadable, not
  // missing, and the check points at its line; a region with no row at all
  // is still missing.
  Extraction ex = Note();
  std::vector<Record>& t2 = ex.tables[1].records;
  SourceRef where = t2[3].source;
  where.line = 16;
  t2.erase(t2.begin() + 3);                   // Sjælland
  t2.erase(t2.begin());                       // Hovedstaden
  ex.tables[1].unread.push_back(Table::UnreadCell{"2025-H1", "Region Sjælland", "Ax", where});
  ValidationReport r = Validate(ex);
  const Check& c = Named(r, "regions_complete");
  EXPECT_EQ(c.status, CheckStatus::kFail);
  EXPECT_EQ(c.message, "table 2 (unknown place): Region Hovedstaden missing; "
                       "Region Sjælland unreadable (\"Ax\", page 1, line 16)");
  ASSERT_EQ(c.sources.size(), 2u);
  EXPECT_EQ(c.sources[1].line, 16);
  // Nothing read in its place: only where.
  ex.tables[1].unread[0].text.clear();
  r = Validate(ex);
  for (const Check& k : r.checks) {
    if (k.name != "regions_complete") continue;
    EXPECT_NE(k.message.find("Region Sjælland unreadable (page 1, line 16)"), std::string::npos) << k.message;
  }
}

TEST(ValidateTest, MissingTablesAreNamed) {
  Extraction ex = Note();
  ex.tables.erase(ex.tables.begin() + 1, ex.tables.end());
  ex.problems.push_back("table 2 (page 1, line 30): 5 regions but 4 values");
  ValidationReport r = Validate(ex);
  auto s = Statuses(r);
  EXPECT_EQ(s["tables_present"], CheckStatus::kFail);
  EXPECT_EQ(s["regions_sum_to_total"], CheckStatus::kSkip);
  EXPECT_EQ(s["table3_period_equals_text_trips"], CheckStatus::kSkip);
  const Check& c = r.checks[0];
  EXPECT_EQ(c.actual, "1");
  EXPECT_EQ(c.message, "table 2, 3 not found; table 2 (page 1, line 30): 5 regions but 4 values");
}

TEST(ValidateTest, TableThreeIsExpectedOnlyWhenTheNoteReportsTripsAbroad) {
  // A note from before the trips-abroad series: no table 3, no such figure.
  Extraction old = Note();
  old.tables.pop_back();
  std::erase_if(old.facts, [](const Record& r) { return r.name == "trips_abroad_new"; });
  ValidationReport r = Validate(old);
  EXPECT_TRUE(r.ok()) << ::testing::PrintToString(Failed(r));
  EXPECT_EQ(r.checks[0].expected, "1, 2");
  EXPECT_EQ(r.checks[0].status, CheckStatus::kPass);
  EXPECT_EQ(r.checks[0].message,
            "tables 1 and 2 found; no table 3, and the text gives no figure for trips abroad (a note from "
            "before that series)");
  // The text gives the figure: the table is missing.
  Extraction lost = Note();
  lost.tables.pop_back();
  EXPECT_EQ(Failed(Validate(lost)), std::vector<std::string>{"tables_present"});
  // Its caption was found but no value read: missing too.
  Extraction unread = old;
  unread.tables.push_back(Table{3, "Genopdragelsesrejser", {}, {}, {}, {}, {}});
  EXPECT_EQ(Failed(Validate(unread)), std::vector<std::string>{"tables_present"});
}

TEST(ValidateTest, NoTablesAtAllFails) {
  Extraction ex;
  ex.note_period = "2024";
  ValidationReport r = Validate(ex);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(Failed(r), std::vector<std::string>{"tables_present"});
  EXPECT_EQ(r.checks[0].actual, "none");
}

TEST(ValidateTest, DisagreementsBetweenTablesAndTextFail) {
  struct Case {
    const char* name;
    void (*mutate)(Extraction&);
    std::vector<std::string> failed;
  } cases[] = {
      {"total", [](Extraction& e) { e.tables[1].records[5].value = 249; e.tables[1].records[0].value = 79; },
       {"table2_total_equals_table1"}},
      {"text period", [](Extraction& e) { e.facts[0].value = 251; }, {"text_period_total_equals_table1"}},
      {"previous year", [](Extraction& e) { e.facts[2].value = 401; }, {"text_previous_year_equals_table1"}},
      {"trips", [](Extraction& e) { e.facts[3].value = 18; }, {"table3_period_equals_text_trips"}},
      {"gap", [](Extraction& e) { e.tables[0].records.erase(e.tables[0].records.begin() + 2); },
       {"periods_contiguous"}},
      {"negative", [](Extraction& e) { e.tables[2].records[0].value = -3; }, {"values_nonnegative_integers"}},
      {"fraction", [](Extraction& e) { e.tables[2].records[0].value = 30.5; }, {"values_nonnegative_integers"}},
      {"region twice", [](Extraction& e) { e.tables[1].records[1].region = "Region Hovedstaden"; },
       {"regions_complete"}},
      // an extra digit: 2021 between 150 and 260, 2023 beside 2024 only
      {"extra digit", [](Extraction& e) { e.tables[0].records[2].value = 2100; }, {"values_plausible"}},
      {"extra digit, one neighbour", [](Extraction& e) { e.tables[2].records[0].value = 300; }, {"values_plausible"}},
      {"lost digit", [](Extraction& e) { e.tables[0].records[3].value = 26; }, {"values_plausible"}},
  };
  for (const Case& c : cases) {
    Extraction ex = Note();
    c.mutate(ex);
    EXPECT_EQ(Failed(Validate(ex)), c.failed) << c.name;
  }
}

TEST(ValidateTest, TableEndingBeforeTheNotePeriodFails) {
  Extraction ex = Note();
  ex.note_period = "2025-H2";
  ValidationReport r = Validate(ex);
  auto s = Statuses(r);
  EXPECT_EQ(s["periods_contiguous"], CheckStatus::kFail);
}

TEST(ValidateTest, AnUnreadableFirstCellIsAGap) {
  // Table 3 prints 2023 but its cell is unreadable: the periods read, 2024
  // on, run on without a gap, yet the table is not whole.
  Extraction ex = Note();
  std::vector<Record>& t3 = ex.tables[2].records;
  SourceRef where = t3.front().source;
  where.line = 24;
  t3.erase(t3.begin());
  EXPECT_EQ(Statuses(Validate(ex))["periods_contiguous"], CheckStatus::kPass);
  ex.tables[2].unread.push_back(Table::UnreadCell{"2023", std::nullopt, "", where});
  ValidationReport r = Validate(ex);
  EXPECT_EQ(Statuses(r)["periods_contiguous"], CheckStatus::kFail);
  for (const Check& c : r.checks) {
    if (c.name != "periods_contiguous") continue;
    EXPECT_NE(c.message.find("table 3: no readable value for 2023 (page 1, line 24)"), std::string::npos)
        << c.message;
  }
}

TEST(ValidateTest, AFirstHalfNoteCannotEndAtItsWholeYear) {
  // OCR lost the "1. halvår" over table 1's last column: it reads as the
  // bare year 2025, which a note on the first half of 2025 cannot count.
  Extraction ex = Note();
  ex.tables[0].records.back().period = "2025";
  ValidationReport r = Validate(ex);
  EXPECT_EQ(Statuses(r)["periods_contiguous"], CheckStatus::kFail);
  for (const Check& c : r.checks) {
    if (c.name != "periods_contiguous") continue;
    EXPECT_EQ(c.message, "table 1 ends at 2025, the whole year, but the note covers only its first half, 2025-H1");
  }
  // In a second-half note the whole year is over: it may end a table.
  ex.note_period = "2025-H2";
  ex.tables[0].records.back().period = "2025";
  ex.tables[2].records.back().period = "2025";
  EXPECT_EQ(Statuses(Validate(ex))["periods_contiguous"], CheckStatus::kPass);
}

TEST(ValidateTest, SecondHalfAndWholeYearPeriodsAreContiguous) {
  Extraction ex = Note();
  ex.note_period = "2025";
  ex.tables[0].records.back().period = "2025";
  ex.tables[2].records.back().period = "2025";
  auto s = Statuses(Validate(ex));
  EXPECT_EQ(s["periods_contiguous"], CheckStatus::kPass);
}

TEST(ValidateTest, AWholeYearNotesTableOfHalvesMayEndWithItsSecondHalf) {
  // A table of half years in a note on the whole of 2025: it ends with
  // 2025-H2, which covers the year; ending with 2025-H1 it does not.
  Extraction ex = Note();
  ex.note_period = "2025";
  std::vector<Record>& t1 = ex.tables[0].records;
  t1.push_back(Cell(1, "2025-H2", 260));
  ex.tables[2].records.back().period = "2025";
  EXPECT_EQ(Statuses(Validate(ex))["periods_contiguous"], CheckStatus::kPass);
  t1.pop_back();
  EXPECT_EQ(Statuses(Validate(ex))["periods_contiguous"], CheckStatus::kFail);
}

TEST(ValidateTest, AComparisonHalfYearBesideTheNotesOwnIsContiguous) {
  // "... 2024 | 1. halvår 2024 | 1. halvår 2025": the same half a year
  // before, after the whole of that year. Without the whole year it is a gap.
  Extraction ex = Note();
  std::vector<Record>& t1 = ex.tables[0].records;
  t1.insert(t1.end() - 1, Cell(1, "2024-H1", 190));
  EXPECT_EQ(Statuses(Validate(ex))["periods_contiguous"], CheckStatus::kPass);
  t1.erase(t1.end() - 3);  // 2024
  ValidationReport r = Validate(ex);
  EXPECT_EQ(Statuses(r)["periods_contiguous"], CheckStatus::kFail);
  // Nor may a half year stand between two whole years.
  Extraction ex2 = Note();
  ex2.tables[0].records.insert(ex2.tables[0].records.begin() + 3, Cell(1, "2021-H1", 100));
  EXPECT_EQ(Statuses(Validate(ex2))["periods_contiguous"], CheckStatus::kFail);
}

TEST(ValidateTest, EachYearsTotalUnderItsHalvesIsChecked) {
  // Years across, halves down, an "I alt" row: each year's printed sum
  // against its two halves; a year with one half only is not compared.
  Extraction ex = Note();
  Table& t1 = ex.tables[0];
  t1.records = {Cell(1, "2024-H1", 400), Cell(1, "2024-H2", 427), Cell(1, "2025-H1", 250)};
  Record y2024 = Cell(1, "2024", 827), y2025 = Cell(1, "2025", 250);
  y2024.source.line = 20;
  t1.year_totals = {y2024, y2025};
  EXPECT_EQ(Named(Validate(ex), "series_totals_equal_sums").status, CheckStatus::kPass);
  t1.year_totals[0].value = 830;
  ValidationReport report = Validate(ex);
  const Check& c = Named(report, "series_totals_equal_sums");
  EXPECT_EQ(c.status, CheckStatus::kFail);
  EXPECT_EQ(c.message, "table 1: 2024's halves sum to 827 but its printed total is 830 (page 1, line 20)");
}

TEST(ValidateTest, LowConfidenceDigitsAreFlagged) {
  Extraction ex = Note();
  for (Table& t : ex.tables)
    for (Record& r : t.records) r.source.confidence = 93;
  ex.tables[1].records[3].source.confidence = 41;
  ValidationReport r = Validate(ex, 60);
  EXPECT_EQ(Failed(r), std::vector<std::string>{"low_confidence_digits"});
  EXPECT_EQ(r.checks.back().subjects, std::vector<std::string>{"table2/2025-H1/Region Sjælland"});
}

TEST(ValidateTest, ParsesPeriods) {
  ParsedPeriod p;
  ASSERT_TRUE(ParsePeriod("2025-H1", &p));
  EXPECT_EQ(p.year, 2025);
  EXPECT_EQ(p.half, 1);
  ASSERT_TRUE(ParsePeriod("2018", &p));
  EXPECT_EQ(p.half, 0);
  for (const char* bad : {"", "25", "2025-H3", "2025-H1x", "20255", "abcd"})
    EXPECT_FALSE(ParsePeriod(bad, &p)) << bad;
}

TEST(ValidateTest, CrossCheckFindsDisagreeingNotes) {
  Extraction a = Note();
  Extraction b = Note();
  b.note_period = "2024";
  b.tables[0].records.pop_back();
  b.tables[0].records.back().value = 404;  // 2024 in the 2024 note
  b.tables[0].records.back().source.line = 17;
  std::vector<Check> checks = CrossCheck({&a, &b}, {"a.txt", "b.txt"});
  ASSERT_EQ(checks.size(), 2u);
  EXPECT_EQ(checks[0].status, CheckStatus::kPass);
  EXPECT_EQ(checks[1].status, CheckStatus::kFail);
  EXPECT_EQ(checks[1].message,
            "inquiries/2024 differs between notes: 400 in a.txt (page 1, line 11); 404 in b.txt (page 1, line 17)");
  EXPECT_EQ(checks[1].actual, "400 in 1 note, 404 in 1 note");
  EXPECT_EQ(checks[1].subjects, std::vector<std::string>{"table1/2024"});
  EXPECT_EQ(checks[1].sources.size(), 2u);

  b.tables[0].records.back().value = 400;
  checks = CrossCheck({&a, &b}, {"a.txt", "b.txt"});
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_EQ(checks[0].status, CheckStatus::kPass);
  // 2019-2024, the text's 2024-H1 and 2025-H1 (b's table lacks it), and
  // table 3's three columns.
  EXPECT_EQ(checks[0].message, "2 notes agree on 11 figures they share");
}

// Many notes: one line per figure they give differently, each value with
// the notes that give it, however many pairs of notes there are; two files
// of one half year (a scan and the born-digital note) are compared too.
TEST(ValidateTest, CrossCheckGroupsEachFigureByValue) {
  Extraction a = Note();
  Extraction b = Note();
  b.note_period = "2024";
  Extraction scan = Note();
  scan.tables[0].records[4].value = 380;  // 2023 misread in the scan of a's note
  Extraction other = Note();
  other.note_period = "2022";
  other.tables = {};
  other.facts = {Fact("share_under_18_pct", "2022", 40, "pct")};  // nothing comparable
  std::vector<Check> checks = CrossCheck({&a, &b, &scan, &other}, {"a.txt", "b.txt", "scan.pdf", "other.txt"});
  ASSERT_EQ(checks.size(), 2u);
  EXPECT_EQ(checks[0].status, CheckStatus::kPass);
  EXPECT_EQ(checks[0].message, "3 notes agree on 10 figures they share (of 11 shared)");
  EXPECT_EQ(checks[1].status, CheckStatus::kFail);
  EXPECT_EQ(checks[1].message,
            "inquiries/2023 differs between notes: 330 in a.txt (page 1, line 11), b.txt (page 1, line 11); "
            "380 in scan.pdf (page 1, line 11)");
  EXPECT_EQ(checks[1].expected, "one value for inquiries/2023 in the 3 notes that give it");
  EXPECT_EQ(checks[1].actual, "330 in 2 notes, 380 in 1 note");

  // Notes that share no figure compare nothing.
  EXPECT_TRUE(CrossCheck({&a, &other}, {"a.txt", "other.txt"}).empty());
}

}  // namespace
}  // namespace notat
