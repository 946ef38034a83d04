#include "extractors/period.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>

#include "extractors/internal.h"
#include "extractors/text_util.h"

namespace notat {
namespace {

using internal::Match;

// "1. januar til 30. juni 2025", "1. jan. 2025 - 30. jun. 2025"; OCR reads
// the day "1." as "l." or "I." too ("l. juli til 31. december 2024"), a
// day's full stop as a comma on poor scans ("30, juni"), and "til" with its
// letters misread or lost ("1. juli ul 31. december", "tll", "t1l", "tl").
const RE2& DateRangeRe() {
  static const RE2 re(
      R"((?i)\b(\d{1,2}|[lI])\s*[.,]\s*([A-Za-z]{3,9})\.?(?:\s+(\d{4}))?\s*(?:[tl]?[il1u][l1I]|t[l1I]|-|–|—)\s*(\d{1,2}|[lI])\s*[.,]\s*([A-Za-z]{3,9})\.?\s+(\d{4})\b)");
  return re;
}
// "januar–juni 2026", "jan.-jun. 2025", "juli til december 2024", "januar
// til og med juni 2026" ("t.o.m."): months of
// one year; also "januar til 30. juni 2025", a date range whose first day
// the OCR put elsewhere.
const RE2& MonthRangeRe() {
  static const RE2 re(R"((?i)\b([A-Za-z]{3,9})\.?\s*(?:til(?:\s+og\s+med)?|t\.\s*o\.\s*m\.|-|–|—)\s*(?:\d{1,2}\.\s*)?([A-Za-z]{3,9})\.?\s+(\d{4})\b)");
  return re;
}
// "1. halvår 2025", "første halvår af 2024", "2. halvar", "andet halvår i 2024",
// "de første seks måneder af 2026", "sidste halvår 2026" (with its year: "det
// sidste halvår" alone may be the past one);
// OCR reads the ordinal "1." as "l." or "I." too ("l. halvår 2020"), and its
// full stop as a comma on poor scans ("1, halvår").
const RE2& HalfYearRe() {
  static const RE2 re(
      R"((?i)(?:\b([12lI])\s*[.,]|\b(f\S{1,3}rste|and(?:et|en)|sidste))\s*(?:halv[^\s\d]{0,3}r(?:et)?|halvdel(?:en)?|seks\s+m\S{1,2}neder)(?:(?:\s+(?:af|i))?\s+(\d{4})\b)?)");
  return re;
}
// "2025-H1", "H1 2025", "H2-2024": a half year in its short form; groups
// 1-2 year and half, or 3-4 half and year.
const RE2& ShortHalfYearRe() {
  static const RE2 re(R"((?:\b(\d{4})\s*[-–/]?\s*[Hh]([12])\b|\b[Hh]([12])\s*[-–/]?\s*(\d{4})\b))");
  return re;
}
// "hele 2024", "hele året 2024".
const RE2& WholeYearRe() {
  static const RE2 re(R"((?i)(?:^|[\s(])hele\s+(?:\S{3,4}\s+)?(\d{4})\b)");
  return re;
}
// "i 2025", "året 2024", "for 2025".
const RE2& WeakYearRe() {
  static const RE2 re(R"((?i)(?:^|[\s(])(?:i|\S{1,2}ret|for|fra)\s+(\d{4})\b)");
  return re;
}
// A bare year, the last resort for a title.
const RE2& BareYearRe() {
  static const RE2 re(R"(\b(\d{4})\b)");
  return re;
}

std::string IsoDate(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", std::clamp(y, 0, 9999), std::clamp(m, 1, 12),
                std::clamp(d, 1, 31));
  return buf;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
    if (v > 100000) return -1;
  }
  return s.empty() ? -1 : v;
}

int DaysInMonth(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 31;
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[m - 1];
}

// Label for months m1..m2 within `year`.
std::string LabelFor(int year, int m1, int m2) {
  if (m1 >= 1 && m2 <= 6) return std::to_string(year) + "-H1";
  if (m1 >= 7 && m2 <= 12) return std::to_string(year) + "-H2";
  return std::to_string(year);
}

}  // namespace

bool IsPlausibleYear(int year) { return year >= 1990 && year <= 2100; }

Period YearPeriod(int year) {
  return Period{std::to_string(year), IsoDate(year, 1, 1), IsoDate(year, 12, 31), year};
}

Period HalfYearPeriod(int year, int half) {
  if (half == 1)
    return Period{std::to_string(year) + "-H1", IsoDate(year, 1, 1), IsoDate(year, 6, 30), year};
  return Period{std::to_string(year) + "-H2", IsoDate(year, 7, 1), IsoDate(year, 12, 31), year};
}

Period MonthRangePeriod(int year, int first_month, int last_month) {
  first_month = std::clamp(first_month, 1, 12);
  last_month = std::clamp(last_month, 1, 12);
  if (last_month < first_month) std::swap(first_month, last_month);
  return Period{LabelFor(year, first_month, last_month), IsoDate(year, first_month, 1),
                IsoDate(year, last_month, DaysInMonth(year, last_month)), year};
}

Period DateRangePeriod(int y1, int m1, int d1, int y2, int m2, int d2) {
  m1 = std::clamp(m1, 1, 12);
  m2 = std::clamp(m2, 1, 12);
  d1 = std::clamp(d1, 1, DaysInMonth(y1, m1));
  d2 = std::clamp(d2, 1, DaysInMonth(y2, m2));
  std::string label = y1 == y2 ? LabelFor(y1, m1, m2) : std::to_string(y1);
  return Period{label, IsoDate(y1, m1, d1), IsoDate(y2, m2, d2), y1};
}

std::optional<int> DanishMonth(std::string_view word) {
  std::string w = text::Lower(text::StripEnds(word, U"()[].,;:-–|'\""));
  if (w.size() < 3 || w.size() > 9) return std::nullopt;
  static constexpr std::array<std::string_view, 12> kFull = {
      "januar", "februar", "marts", "april", "maj", "juni",
      "juli", "august", "september", "oktober", "november", "december"};
  for (int m = 0; m < 12; ++m) {
    std::string_view full = kFull[m];
    if (w == full) return m + 1;
    // Abbreviations: the first three letters ("jan", "okt"), or "sept".
    if (w.size() == 3 && full.substr(0, 3) == w) return m + 1;
  }
  if (w == "sept") return 9;
  // "n" and "i" run together into an "m" on thin print: "jum" is "juni".
  if (w.ends_with('m') && w.size() < 9) return DanishMonth(w.substr(0, w.size() - 1) + "ni");
  return std::nullopt;
}

std::vector<PeriodPhrase> FindPeriodPhrases(std::string_view text, int default_year) {
  std::vector<PeriodPhrase> out;
  const auto overlaps = [&](size_t b, size_t e) {
    for (const PeriodPhrase& p : out)
      if (b < p.end && p.begin < e) return true;
    return false;
  };
  for (const Match& m : internal::FindAll(DateRangeRe(), text)) {
    std::optional<int> m1 = DanishMonth(m.Group(text, 1));
    std::optional<int> m2 = DanishMonth(m.Group(text, 4));
    // A day read as "l" or "I" is a 1.
    const auto day = [&](int g) {
      std::string_view d = m.Group(text, g);
      return d == "l" || d == "I" || d == "L" ? 1 : ToInt(d);
    };
    int d1 = day(0), d2 = day(3);
    int y2 = ToInt(m.Group(text, 5));
    int y1 = m.Has(2) ? ToInt(m.Group(text, 2)) : y2;
    if (!m1 || !m2 || !IsPlausibleYear(y1) || !IsPlausibleYear(y2) || d1 < 1 || d1 > 31 ||
        d2 < 1 || d2 > 31)
      continue;
    if (overlaps(m.begin, m.end)) continue;
    out.push_back(PeriodPhrase{m.begin, m.end, DateRangePeriod(y1, *m1, d1, y2, *m2, d2)});
  }
  for (const Match& m : internal::FindAll(MonthRangeRe(), text)) {
    std::optional<int> m1 = DanishMonth(m.Group(text, 0));
    std::optional<int> m2 = DanishMonth(m.Group(text, 1));
    int year = ToInt(m.Group(text, 2));
    if (!m1 || !m2 || *m1 > *m2 || !IsPlausibleYear(year) || overlaps(m.begin, m.end)) continue;
    out.push_back(PeriodPhrase{m.begin, m.end, MonthRangePeriod(year, *m1, *m2)});
  }
  for (const Match& m : internal::FindAll(HalfYearRe(), text)) {
    int half = 0;
    if (m.Has(0)) {
      std::string_view ordinal = m.Group(text, 0);
      half = ordinal == "2" ? 2 : 1;
    } else {
      std::string w = text::Lower(m.Group(text, 1));
      half = w.rfind("f", 0) == 0 ? 1 : 2;
      if (w == "sidste" && !m.Has(2)) continue;
    }
    int year = m.Has(2) ? ToInt(m.Group(text, 2)) : default_year;
    if (!IsPlausibleYear(year) || (half != 1 && half != 2)) continue;
    if (overlaps(m.begin, m.end)) continue;
    out.push_back(PeriodPhrase{m.begin, m.end, HalfYearPeriod(year, half)});
  }
  for (const Match& m : internal::FindAll(ShortHalfYearRe(), text)) {
    const bool year_first = m.Has(0);
    int year = ToInt(m.Group(text, year_first ? 0 : 3));
    int half = ToInt(m.Group(text, year_first ? 1 : 2));
    if (!IsPlausibleYear(year) || overlaps(m.begin, m.end)) continue;
    out.push_back(PeriodPhrase{m.begin, m.end, HalfYearPeriod(year, half)});
  }
  for (const RE2* re : {&WholeYearRe(), &WeakYearRe()}) {
    for (const Match& m : internal::FindAll(*re, text)) {
      int year = ToInt(m.Group(text, 0));
      if (!IsPlausibleYear(year)) continue;
      if (overlaps(m.groups[0].first, m.end)) continue;
      out.push_back(PeriodPhrase{m.begin, m.end, YearPeriod(year)});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const PeriodPhrase& a, const PeriodPhrase& b) { return a.begin < b.begin; });
  return out;
}

std::optional<Period> NotePeriodFromTitle(std::string_view title) {
  std::vector<PeriodPhrase> phrases = FindPeriodPhrases(title, 0);
  for (const PeriodPhrase& p : phrases)
    if (p.period.label.find("-H") != std::string::npos) return p.period;
  if (!phrases.empty()) return phrases.back().period;
  std::optional<Period> last;
  for (const Match& m : internal::FindAll(BareYearRe(), title)) {
    int year = ToInt(m.Group(title, 0));
    if (IsPlausibleYear(year)) last = YearPeriod(year);
  }
  return last;
}

namespace internal {
void AppendPeriodPatterns(std::vector<PatternStatus>* out) {
  AddPattern(out, "period.date_range", DateRangeRe());
  AddPattern(out, "period.month_range", MonthRangeRe());
  AddPattern(out, "period.half_year", HalfYearRe());
  AddPattern(out, "period.short_half_year", ShortHalfYearRe());
  AddPattern(out, "period.whole_year", WholeYearRe());
  AddPattern(out, "period.weak_year", WeakYearRe());
  AddPattern(out, "period.bare_year", BareYearRe());
}
}  // namespace internal

}  // namespace notat
