#include "extractors/period.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace notat {
namespace {

struct TitleCase {
  std::string title;
  std::string label, start, end;
};

TEST(PeriodTest, HalfDelIsAHalfYear) {
  // "første halvdel af 2025", "1. halvdel 2025": the half of the year.
  std::optional<Period> p = NotePeriodFromTitle("Notat om henvendelser i første halvdel af 2025");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->label, "2025-H1");
  p = NotePeriodFromTitle("Notat om henvendelser i 2. halvdel 2024");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->label, "2024-H2");
}

TEST(PeriodTest, AHalfYearInItsShortForm) {
  // "2025-H1", "H2 2024", "H1-2026"; was read as the bare year or nothing.
  for (const auto& [title, want] : std::vector<std::pair<std::string, std::string>>{
           {"Halvårsnotat: sikkerhedskonsulenterne 2025-H1", "2025-H1"},
           {"Notat om henvendelser, H2 2024", "2024-H2"},
           {"Notat H1-2026", "2026-H1"}}) {
    std::optional<Period> p = NotePeriodFromTitle(title);
    ASSERT_TRUE(p.has_value()) << title;
    EXPECT_EQ(p->label, want) << title;
  }
  // A year with an H of another kind is no half year.
  EXPECT_EQ(NotePeriodFromTitle("Notat om H3 2025")->label, "2025");
}

TEST(PeriodTest, NotePeriodFromTitle) {
  const TitleCase cases[] = {
      {"Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025", "2025-H1",
       "2025-01-01", "2025-06-30"},
      {"Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2024", "2024-H2",
       "2024-07-01", "2024-12-31"},
      {"Notat om henvendelser til sikkerhedskonsulenterne i 1. halvar 2023", "2023-H1",
       "2023-01-01", "2023-06-30"},
      {"Notat om henvendelser til sikkerhedskonsulenterne i første halvår 2026", "2026-H1",
       "2026-01-01", "2026-06-30"},
      {"Notat om henvendelser til sikkerhedskonsulenterne i andet halvår af 2022", "2022-H2",
       "2022-07-01", "2022-12-31"},
      {"Notat om henvendelser til sikkerhedskonsulenterne i 2024", "2024", "2024-01-01",
       "2024-12-31"},
      {"Notat: henvendelser 1. januar - 30. juni 2027", "2027-H1", "2027-01-01", "2027-06-30"},
      {"Årsnotat 2021", "2021", "2021-01-01", "2021-12-31"},
  };
  for (const TitleCase& c : cases) {
    std::optional<Period> p = NotePeriodFromTitle(c.title);
    ASSERT_TRUE(p.has_value()) << c.title;
    EXPECT_EQ(p->label, c.label) << c.title;
    EXPECT_EQ(p->start, c.start) << c.title;
    EXPECT_EQ(p->end, c.end) << c.title;
  }
}

TEST(PeriodTest, TitleWithoutPeriodGivesNothing) {
  EXPECT_FALSE(NotePeriodFromTitle("Notat om henvendelser").has_value());
  EXPECT_FALSE(NotePeriodFromTitle("").has_value());
  EXPECT_FALSE(NotePeriodFromTitle("Notat nr. 3 af 12").has_value());
}

TEST(PeriodTest, MonthRangeKeepsExactDates) {
  Period p = MonthRangePeriod(2018, 5, 12);
  EXPECT_EQ(p.label, "2018");
  EXPECT_EQ(p.start, "2018-05-01");
  EXPECT_EQ(p.end, "2018-12-31");
  Period h = MonthRangePeriod(2024, 2, 2);
  EXPECT_EQ(h.label, "2024-H1");
  EXPECT_EQ(h.end, "2024-02-29");  // leap year
  Period h2 = MonthRangePeriod(2023, 7, 12);
  EXPECT_EQ(h2.label, "2023-H2");
  EXPECT_EQ(h2.start, "2023-07-01");
}

TEST(PeriodTest, DateRangeIsLabelledByItsHalfYear) {
  Period p = DateRangePeriod(2025, 1, 1, 2025, 5, 31);
  EXPECT_EQ(p.label, "2025-H1");
  EXPECT_EQ(p.start, "2025-01-01");
  EXPECT_EQ(p.end, "2025-05-31");
}

TEST(PeriodTest, DanishMonthNames) {
  EXPECT_EQ(DanishMonth("januar"), 1);
  EXPECT_EQ(DanishMonth("(maj-"), 5);
  EXPECT_EQ(DanishMonth("dec.)"), 12);
  EXPECT_EQ(DanishMonth("Marts"), 3);
  EXPECT_EQ(DanishMonth("sept."), 9);
  EXPECT_EQ(DanishMonth("okt"), 10);
  EXPECT_EQ(DanishMonth("halvår"), std::nullopt);
  EXPECT_EQ(DanishMonth("ma"), std::nullopt);
  // "ni" run together into "m" on thin print
  EXPECT_EQ(DanishMonth("jum"), 6);
  EXPECT_EQ(DanishMonth("dem"), std::nullopt);
}

TEST(PeriodTest, DateRangesWhoseTilOrMonthThinPrintDamaged) {
  const std::pair<const char*, const char*> cases[] = {
      {"I perioden 1. juli tl 31. december 2021 vedrørte", "2021-H2"},
      {"1. januar til 30. jum 2022 modtaget", "2022-H1"},
      {"1. juli ul 31. december 2021", "2021-H2"},
      {"1. juli t1l 31. december 2021", "2021-H2"},
  };
  for (const auto& [text, label] : cases) {
    std::vector<PeriodPhrase> ps = FindPeriodPhrases(text, 0);
    ASSERT_EQ(ps.size(), 1u) << text;
    EXPECT_EQ(ps[0].period.label, label) << text;
  }
}

TEST(PeriodTest, FindsPeriodPhrasesInDamagedText) {
  const std::string text =
      "I perioden 1. januar til 30. juni 2025 har de modtaget 502 henvendelser. Til "
      "sammenligning var der i fgrste halvar af 2024 432 henvendelser og i alt 827 "
      "henvendelser i hele 2024. Tilskuddet er 7 mio. kr. i 2025.";
  std::vector<PeriodPhrase> ps = FindPeriodPhrases(text, 0);
  std::vector<std::string> labels;
  for (const PeriodPhrase& p : ps) labels.push_back(p.period.label);
  EXPECT_EQ(labels, (std::vector<std::string>{"2025-H1", "2024-H1", "2024", "2025"}));
  EXPECT_EQ(text.substr(ps[1].begin, ps[1].end - ps[1].begin), "fgrste halvar af 2024");
}

TEST(PeriodTest, MonthRangesOfOneYear) {
  const std::string text = "I januar–juni 2026 mod 611 i jan.-jun. 2025, og juli til december 2024; maj-dec. 2018. "
                           "Fra 10 til 20 gange i 2023, og juni-januar 2022.";
  std::vector<PeriodPhrase> ps = FindPeriodPhrases(text, 0);
  std::vector<std::string> got;
  for (const PeriodPhrase& p : ps) got.push_back(p.period.label + " " + p.period.start);
  // "10 til 20" is no month; "juni-januar" runs backwards and is not read as one.
  EXPECT_EQ(got, (std::vector<std::string>{"2026-H1 2026-01-01", "2025-H1 2025-01-01", "2024-H2 2024-07-01",
                                           "2018 2018-05-01", "2023 2023-01-01"}));
  EXPECT_EQ(NotePeriodFromTitle("Notat om henvendelser, januar-juni 2026")->label, "2026-H1");
  // A date range whose first day the OCR moved to another line.
  std::vector<PeriodPhrase> cut = FindPeriodPhrases("januar til 30. juni 2025 har de fået 21 nye", 0);
  ASSERT_EQ(cut.size(), 1u);
  EXPECT_EQ(cut[0].period.label, "2025-H1");
}

TEST(PeriodTest, HalfYearWithoutYearTakesTheDefault) {
  std::vector<PeriodPhrase> ps = FindPeriodPhrases("i andet halvår steg antallet", 2023);
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_EQ(ps[0].period.label, "2023-H2");
  EXPECT_TRUE(FindPeriodPhrases("i andet halvår steg antallet", 0).empty());
}

TEST(PeriodTest, SixMonthsSidsteHalvaarAndTilOgMed) {
  // "de første seks måneder af 2026", "sidste halvår 2025" (only with its
  // year), "januar til og med juni 2026", "januar t.o.m. juni 2026".
  std::vector<std::string> got;
  for (const char* text : {"i de første seks måneder af 2026", "i sidste halvår 2025", "i det sidste halvår",
                           "fra januar til og med juni 2026", "i januar t.o.m. juni 2026"}) {
    std::string labels;
    for (const PeriodPhrase& p : FindPeriodPhrases(text, 2026)) labels += p.period.label;
    got.push_back(labels);
  }
  EXPECT_EQ(got, (std::vector<std::string>{"2026-H1", "2025-H2", "", "2026-H1", "2026-H1"}));
}

TEST(PeriodTest, ImplausibleYearsAreNotPeriods) {
  EXPECT_TRUE(FindPeriodPhrases("i 1234 tilfælde og i 9999", 0).empty());
}

}  // namespace
}  // namespace notat
