// Periods of a note and of its figures: whole years ("2024"), half years
// ("2025-H1"), and month or date ranges inside a year, each with ISO start
// and end dates.
//
//   std::optional<Period> p = NotePeriodFromTitle("Notat ... i 1. halvår 2025");
//   // p->label == "2025-H1", p->start == "2025-01-01", p->end == "2025-06-30"
#ifndef NOTAT_EXTRACTORS_PERIOD_H_
#define NOTAT_EXTRACTORS_PERIOD_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace notat {

struct Period {
  std::string label;  // "2024", "2025-H1", "2025-H2"
  std::string start;  // ISO date, "2025-01-01"
  std::string end;    // ISO date, "2025-06-30"
  int year = 0;
};

// Years notes can talk about; other four-digit numbers are not years.
bool IsPlausibleYear(int year);

Period YearPeriod(int year);
Period HalfYearPeriod(int year, int half);  // half is 1 or 2

// Months first..last (1..12) of `year`. Labelled "YYYY-H1"/"YYYY-H2" when the
// months lie inside one half, else "YYYY"; start and end are always the exact
// first and last day ("2018", 2018-05-01..2018-12-31 for May-December).
Period MonthRangePeriod(int year, int first_month, int last_month);

// From one date to another. Labelled like MonthRangePeriod (by the half or
// year containing both dates; by the first date's year when they span years).
Period DateRangePeriod(int y1, int m1, int d1, int y2, int m2, int d2);

// "januar", "Jan.", "maj", "dec.)", "sept" -> 1..12; nullopt otherwise.
// Surrounding punctuation is ignored; case does not matter.
std::optional<int> DanishMonth(std::string_view word);

// A period named in running text, with its byte span in that text.
struct PeriodPhrase {
  size_t begin = 0, end = 0;
  Period period;
};

// Every period phrase in `text`, in order, non-overlapping: date ranges
// ("1. januar til 30. juni 2025"), half years ("1. halvår 2025", "første
// halvår af 2024", tolerant of OCR damage like "fgrste halvar"), whole years
// ("hele 2024", "i 2025", "året 2024"). A half year printed without a year
// ("i første halvår") takes `default_year` when it is non-zero.
std::vector<PeriodPhrase> FindPeriodPhrases(std::string_view text, int default_year);

// The note's own period from its title: "… i 1. halvår 2025" -> 2025-H1,
// "… i 2. halvår 2024" -> 2024-H2, "… i 2024" -> 2024. nullopt when the
// title names none.
std::optional<Period> NotePeriodFromTitle(std::string_view title);

}  // namespace notat

#endif  // NOTAT_EXTRACTORS_PERIOD_H_
