// The checks of one note, and across notes. Each check says what it expected,
// what it found, and where the values came from.
#include "pipeline/validate.h"

#include <algorithm>

#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

namespace notat {
namespace {

// Appends `part` to a "; "-separated list.
void AppendPart(std::string* list, const std::string& part) {
  if (!list->empty()) *list += "; ";
  *list += part;
}

std::string FormatValue(double v) {
  char buf[64];
  if (std::floor(v) == v && std::fabs(v) < 1e15)
    std::snprintf(buf, sizeof buf, "%.0f", v);
  else
    std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string Where(const SourceRef& s) {
  if (s.page == 0 && s.line == 0) return "unknown place";
  return "page " + std::to_string(s.page) + ", line " + std::to_string(s.line);
}

const Table* FindTable(const Extraction& ex, int number) {
  for (const Table& t : ex.tables)
    if (t.number == number) return &t;
  return nullptr;
}

const Record* FindByPeriod(const Table* table, const std::string& period) {
  if (table == nullptr) return nullptr;
  for (const Record& r : table->records)
    if (r.period == period && !r.region) return &r;
  return nullptr;
}

const Record* FindFact(const Extraction& ex, const std::string& name, const std::string& period) {
  for (const Record& r : ex.facts)
    if (r.name == name && r.period == period) return &r;
  return nullptr;
}

Check MakeCheck(std::string name) {
  Check c;
  c.name = std::move(name);
  return c;
}

void Skip(Check& c, std::string why) {
  c.status = CheckStatus::kSkip;
  c.message = std::move(why);
}

// One side of a comparison: the record (null when it was not found), how to
// name it, and what to say when it is missing.
struct Side {
  const Record* record;
  std::string what;
  std::string missing;
};

// Compares two values that should be equal and records both sources; skipped,
// saying what is missing, when either value was not found.
Check EqualCheck(std::string name, const Side& expected, const Side& actual) {
  Check c = MakeCheck(std::move(name));
  if (expected.record == nullptr || actual.record == nullptr) {
    std::string why;
    for (const Side* s : {&actual, &expected})
      if (s->record == nullptr) AppendPart(&why, s->missing);
    Skip(c, why);
    return c;
  }
  const Record& a = *expected.record;
  const Record& b = *actual.record;
  c.expected = FormatValue(a.value);
  c.actual = FormatValue(b.value);
  c.sources = {a.source, b.source};
  c.subjects = {RecordId(a), RecordId(b)};
  if (a.value == b.value) {
    c.status = CheckStatus::kPass;
    c.message = actual.what + " (" + c.actual + ") equals " + expected.what;
  } else {
    c.status = CheckStatus::kFail;
    c.message = actual.what + " is " + c.actual + " (" + Where(b.source) + ") but " + expected.what +
                " is " + c.expected + " (" + Where(a.source) + ")";
  }
  return c;
}

// The period that follows `p` in a table whose columns are years and, at the
// end, half years: 2023 -> 2024; 2024 -> 2025 or 2025-H1; 2025-H1 -> 2025-H2.
bool Follows(const ParsedPeriod& prev, const ParsedPeriod& next) {
  if (prev.half == 0) return next.year == prev.year + 1 && next.half != 2;
  if (prev.half == 1) return next.year == prev.year && next.half == 2;
  return next.year == prev.year + 1 && next.half != 2;
}

// A table may end on the note's half year beside the same half a year
// before, for comparison, after the whole of that year: "2024 | 2025 |
// 1. halvår 2025 | 1. halvår 2026". `at` is the record whose predecessor
// it does not follow.
bool ComparisonHalfYear(const std::vector<ParsedPeriod>& ps, size_t at) {
  auto pair_from = [&](size_t k) {  // ps[k], ps[k + 1]: a half, then the same half a year later
    return k >= 1 && k + 1 < ps.size() && ps[k].half != 0 && ps[k + 1].half == ps[k].half &&
           ps[k + 1].year == ps[k].year + 1 && ps[k - 1].half == 0 && ps[k - 1].year == ps[k].year;
  };
  return pair_from(at) || (at >= 1 && pair_from(at - 1));
}

// Tables 1 and 2 are in every note. Table 3 (new inquiries about trips
// abroad, a series from 2021) is expected when its caption is there, or when
// the running text gives a trips-abroad figure: a note from before the
// series, with neither, prints none.
Check TablesPresent(const Extraction& ex) {
  Check c = MakeCheck("tables_present");
  const bool trips_in_text = std::any_of(ex.facts.begin(), ex.facts.end(),
                                         [](const Record& r) { return r.name == "trips_abroad_new"; });
  const bool expect_t3 = FindTable(ex, 3) != nullptr || trips_in_text;
  c.expected = expect_t3 ? "1, 2, 3" : "1, 2";
  std::string found, missing;
  for (int n = 1; n <= (expect_t3 ? 3 : 2); ++n) {
    const Table* t = FindTable(ex, n);
    std::string& into = (t != nullptr && !t->records.empty()) ? found : missing;
    if (!into.empty()) into += ", ";
    into += std::to_string(n);
    if (t != nullptr) c.sources.push_back(t->source);
  }
  c.actual = found.empty() ? "none" : found;
  if (missing.empty()) {
    c.status = CheckStatus::kPass;
    c.message = expect_t3 ? "tables 1, 2 and 3 found"
                          : "tables 1 and 2 found; no table 3, and the text gives no figure for trips abroad "
                            "(a note from before that series)";
  } else {
    c.status = CheckStatus::kFail;
    c.message = "table " + missing + " not found";
    for (const std::string& p : ex.problems) c.message += "; " + p;
  }
  return c;
}

// One input, one note: a second note's title ("Notat ... 2. halvår 2024"
// after the 1. halvår note) means its tables and figures were not read.
Check OneNote(const Extraction& ex) {
  Check c = MakeCheck("one_note_per_input");
  c.expected = "one note";
  if (ex.other_notes.empty()) {
    c.status = CheckStatus::kPass;
    c.actual = "one note";
    c.message = "the input holds one note";
    return c;
  }
  c.status = CheckStatus::kFail;
  c.actual = std::to_string(ex.other_notes.size() + 1) + " notes";
  c.message = "the input holds " + c.actual + "; only the first (" + ex.note_period +
              ") is read, the others' figures are not:";
  for (const SourceRef& s : ex.other_notes) {
    c.message += " \"" + s.text + "\" (page " + std::to_string(s.page) + ", line " + std::to_string(s.line) + ")";
    c.sources.push_back(s);
  }
  c.message += "; give each note its own file";
  return c;
}

Check NonNegativeIntegers(const Extraction& ex) {
  Check c = MakeCheck("values_nonnegative_integers");
  c.expected = "every count a whole number >= 0";
  int bad = 0, seen = 0;
  auto look = [&](const Record& r) {
    ++seen;
    bool is_count = r.unit == "count" || r.unit == "persons";
    bool ok = r.value >= 0 && (!is_count || std::floor(r.value) == r.value);
    if (!ok) {
      ++bad;
      c.sources.push_back(r.source);
      c.subjects.push_back(RecordId(r));
      AppendPart(&c.message, RecordId(r) + " = " + FormatValue(r.value) + " (" + Where(r.source) + ")");
    }
  };
  for (const Table& t : ex.tables)
    for (const Record& r : t.records) look(r);
  for (const Record& r : ex.facts) look(r);
  c.actual = std::to_string(seen - bad) + " of " + std::to_string(seen) + " values";
  if (seen == 0) {
    Skip(c, "no values extracted");
  } else if (bad == 0) {
    c.status = CheckStatus::kPass;
    c.message = "all " + std::to_string(seen) + " values are valid";
  } else {
    c.status = CheckStatus::kFail;
    c.message = "invalid values: " + c.message;
  }
  return c;
}

Check PeriodsContiguous(const Extraction& ex) {
  Check c = MakeCheck("periods_contiguous");
  c.expected = "consecutive periods in tables 1 and 3";
  std::string problems;
  int tables = 0;
  for (int n : {1, 3}) {
    const Table* t = FindTable(ex, n);
    if (t == nullptr || t->records.empty()) continue;
    ++tables;
    std::string list;
    std::optional<ParsedPeriod> prev;
    const Record* prev_record = nullptr;
    // Each period parsed once; ComparisonHalfYear looks at its neighbours.
    std::vector<ParsedPeriod> parsed(t->records.size());
    std::vector<bool> ok(t->records.size());
    for (size_t k = 0; k < t->records.size(); ++k) ok[k] = ParsePeriod(t->records[k].period, &parsed[k]);
    const bool all_parsed = std::all_of(ok.begin(), ok.end(), [](bool b) { return b; });
    for (size_t k = 0; k < t->records.size(); ++k) {
      const Record& r = t->records[k];
      if (!list.empty()) list += " ";
      list += r.period;
      const ParsedPeriod& p = parsed[k];
      if (!ok[k]) {
        AppendPart(&problems, std::string("table ") + std::to_string(n) + ": '" + r.period +
                                  "' is not a period (" + Where(r.source) + ")");
        c.subjects.push_back(RecordId(r));
        continue;
      }
      if (prev && !Follows(*prev, p) && !(all_parsed && ComparisonHalfYear(parsed, k))) {
        AppendPart(&problems, std::string("table ") + std::to_string(n) + ": " + prev_record->period +
                                  " is followed by " + r.period);
        c.sources.push_back(r.source);
        c.subjects.push_back(RecordId(r));
      }
      prev = p;
      prev_record = &r;
    }
    AppendPart(&c.actual, "table " + std::to_string(n) + ": " + list);
    // A period the table prints but whose value is unreadable is a gap too,
    // even first or last, where the periods read run on without it.
    for (const Table::UnreadCell& u : t->unread) {
      AppendPart(&problems, std::string("table ") + std::to_string(n) + ": no readable value for " + u.period +
                                " (" + Where(u.source) + ")");
      c.sources.push_back(u.source);
    }
    // The last column should be the note's own period, or the year holding
    // it once that year is over: a first-half note cannot count its whole
    // year (a header whose "1. halvår" OCR lost reads as the bare year). A
    // whole-year note's table may end with the year's second half (a table
    // of half years).
    ParsedPeriod note;
    if (prev && ParsePeriod(ex.note_period, &note) &&
        !(prev->year == note.year &&
          (prev->half == note.half || (prev->half == 0 && note.half != 1) || (note.half == 0 && prev->half == 2)))) {
      const bool whole_year_too_soon = prev->year == note.year && prev->half == 0;
      AppendPart(&problems, std::string("table ") + std::to_string(n) + " ends at " + prev_record->period +
                                (whole_year_too_soon ? ", the whole year, but the note covers only its first half, "
                                                     : ", not at the note's period ") +
                                ex.note_period);
      c.sources.push_back(prev_record->source);
    }
  }
  if (tables == 0) {
    Skip(c, "tables 1 and 3 not found");
  } else if (problems.empty()) {
    c.status = CheckStatus::kPass;
    c.message = "periods are consecutive and end at the note's period";
  } else {
    c.status = CheckStatus::kFail;
    c.message = problems;
  }
  return c;
}

// Whole years of a table in printed order: a record whose period is a year
// (a partial first year such as "2018 (maj-dec.)" is not: its start is not
// 1 January).
bool WholeYear(const Record& r, int* year) {
  ParsedPeriod p;
  if (!ParsePeriod(r.period, &p) || p.half != 0) return false;
  if (!r.period_start.empty() && !r.period_start.ends_with("-01-01")) return false;
  if (!r.period_end.empty() && !r.period_end.ends_with("-12-31")) return false;
  *year = p.year;
  return true;
}

// A whole-year value that is a multiple (or a fraction) of both neighbouring
// years, as an OCR'd extra or lost digit makes it ("37 |" read as "371)").
// These series change by well under half from year to year.
Check ValuesPlausible(const Extraction& ex) {
  constexpr double kBothFactor = 3, kOneFactor = 5, kMinNeighbour = 10;
  Check c = MakeCheck("values_plausible");
  c.expected = "no whole year in tables 1 and 3 at least 3 times, or at most a third of, both neighbouring years";
  int looked = 0;
  for (int n : {1, 3}) {
    const Table* t = FindTable(ex, n);
    if (t == nullptr) continue;
    std::vector<std::pair<int, const Record*>> years;
    for (const Record& r : t->records) {
      int y = 0;
      if (r.value >= 0 && WholeYear(r, &y)) years.push_back({y, &r});  // negatives: values_nonnegative_integers
    }
    for (size_t i = 0; i < years.size(); ++i) {
      std::vector<double> near;
      if (i > 0 && years[i - 1].first == years[i].first - 1) near.push_back(years[i - 1].second->value);
      if (i + 1 < years.size() && years[i + 1].first == years[i].first + 1) near.push_back(years[i + 1].second->value);
      if (near.empty()) continue;
      ++looked;
      double lo = *std::min_element(near.begin(), near.end()), hi = *std::max_element(near.begin(), near.end());
      double factor = near.size() == 2 ? kBothFactor : kOneFactor;
      const Record& r = *years[i].second;
      bool high = r.value >= factor * hi && hi > 0;
      bool low = r.value * factor <= lo && lo >= kMinNeighbour;
      if (!high && !low) continue;
      std::string around;
      for (double v : near) around += (around.empty() ? "" : ", ") + FormatValue(v);
      AppendPart(&c.message, RecordId(r) + " = " + FormatValue(r.value) + " beside " + around + " (" +
                                 Where(r.source) + ")");
      c.sources.push_back(r.source);
      c.subjects.push_back(RecordId(r));
    }
  }
  if (looked == 0) {
    Skip(c, "no whole years with a neighbouring year in tables 1 and 3");
  } else if (c.subjects.empty()) {
    c.status = CheckStatus::kPass;
    c.message = "every whole year is within a factor 3 of its neighbours";
  } else {
    c.status = CheckStatus::kFail;
    c.actual = std::to_string(c.subjects.size()) + " out of line";
    c.message = "check these values by eye (an extra or lost digit?): " + c.message;
  }
  return c;
}

constexpr const char* kRegions[] = {"Region Hovedstaden", "Region Midtjylland",
                                    "Region Nordjylland", "Region Sjælland",
                                    "Region Syddanmark"};

Check RegionsComplete(const Table* t2) {
  Check c = MakeCheck("regions_complete");
  c.expected = "the five regions and a total, once each";
  if (t2 == nullptr) {
    Skip(c, "table 2 not found");
    return c;
  }
  std::map<std::string, int> seen;
  for (const Record& r : t2->records) {
    if (r.region) ++seen[*r.region];
    c.subjects.push_back(RecordId(r));
  }
  // A row printed with an unreadable value is named as such, at its place.
  std::map<std::string, const Table::UnreadCell*> unread;
  for (const Table::UnreadCell& u : t2->unread)
    if (u.region) unread.emplace(*u.region, &u);
  auto missing = [&](const std::string& name) {
    auto u = unread.find(name);
    if (u == unread.end()) return name + " missing";
    const Table::UnreadCell& cell = *u->second;
    std::string read = cell.text.empty() ? "" : "\"" + cell.text + "\", ";
    return name + " unreadable (" + read + Where(cell.source) + ")";
  };
  std::string problems;
  for (const char* name : kRegions) {
    if (seen[name] == 0) AppendPart(&problems, missing(name));
    if (seen[name] > 1) AppendPart(&problems, std::string(name) + " twice");
  }
  if (seen["Total"] == 0) AppendPart(&problems, unread.count("Total") ? missing("Total") : "no total row");
  if (seen["Total"] > 1) AppendPart(&problems, "more than one total row");
  c.actual = std::to_string(t2->records.size()) + " rows";
  c.sources.push_back(t2->source);
  for (const Table::UnreadCell& u : t2->unread) c.sources.push_back(u.source);
  if (problems.empty()) {
    c.status = CheckStatus::kPass;
    c.message = "all five regions and the total are there";
  } else {
    c.status = CheckStatus::kFail;
    c.message = "table 2 (" + Where(t2->source) + "): " + problems;
  }
  return c;
}

Check RegionsSumToTotal(const Table* t2) {
  Check c = MakeCheck("regions_sum_to_total");
  if (t2 == nullptr) {
    Skip(c, "table 2 not found");
    return c;
  }
  const Record* total = nullptr;
  double sum = 0;
  int regions = 0;
  std::string repaired, others;  // others: rows no region claims ("Uoplyst")
  for (const Record& r : t2->records) {
    if (!r.region) continue;
    for (const std::string& f : r.flags)
      if (f == "repaired-by-arithmetic") repaired += " " + RecordId(r);
    if (*r.region == "Total") {
      total = &r;
      continue;
    }
    sum += r.value;
    if (std::find(std::begin(kRegions), std::end(kRegions), *r.region) != std::end(kRegions)) ++regions;
    else others += (others.empty() ? "" : ", ") + *r.region;
    c.subjects.push_back(RecordId(r));
    c.sources.push_back(r.source);
  }
  if (total == nullptr || regions == 0) {
    Skip(c, total == nullptr ? "table 2 has no total row" : "table 2 has no region rows");
    return c;
  }
  if (std::find(total->flags.begin(), total->flags.end(), "row-inferred") != total->flags.end()) {
    Skip(c, "the total's row label is unreadable; the row was taken as the total because it is the rows' sum");
    return c;
  }
  c.subjects.push_back(RecordId(*total));
  c.sources.push_back(total->source);
  c.expected = FormatValue(total->value);
  c.actual = FormatValue(sum);
  const std::string rows = "the " + std::to_string(regions) + " regions" + (others.empty() ? "" : " and " + others);
  if (sum == total->value) {
    c.status = CheckStatus::kPass;
    c.message = rows + " sum to the printed total " + c.expected;
    if (!repaired.empty()) c.message += " after a repair by arithmetic of" + repaired;
  } else {
    c.status = CheckStatus::kFail;
    c.message = rows + " sum to " + c.actual + " but the printed total is " + c.expected + " (" +
                Where(total->source) + ")";
  }
  return c;
}

// Tables 1 and 3 may print a total after their periods ("I alt"): it must
// be the sum of the periods read; and with the years across and the halves
// down, each year's "I alt" the sum of its halves.
Check SeriesTotalsEqualSums(const Table* t1, const Table* t3) {
  Check c = MakeCheck("series_totals_equal_sums");
  std::string expected, actual, wrong, right;
  for (const Table* t : {t1, t3}) {
    if (t == nullptr) continue;
    const std::string table = "table " + std::to_string(t->number);
    for (const Record& total : t->year_totals) {
      double sum = 0;
      std::vector<const Record*> halves;
      for (const Record& r : t->records) {
        ParsedPeriod p;
        if (!ParsePeriod(r.period, &p) || p.half == 0 || std::to_string(p.year) != total.period) continue;
        sum += r.value;
        halves.push_back(&r);
      }
      if (halves.size() != 2) continue;  // a half unread: nothing to compare
      for (const Record* r : halves) {
        c.subjects.push_back(RecordId(*r));
        c.sources.push_back(r->source);
      }
      c.sources.push_back(total.source);
      AppendPart(&expected, table + " " + total.period + " " + FormatValue(total.value));
      AppendPart(&actual, table + " " + total.period + " " + FormatValue(sum));
      std::string what = table + ": " + total.period + "'s halves sum to " + FormatValue(sum);
      if (sum == total.value)
        AppendPart(&right, what + ", its printed total");
      else
        AppendPart(&wrong, what + " but its printed total is " + FormatValue(total.value) + " (" +
                               Where(total.source) + ")");
    }
  }
  for (const Table* t : {t1, t3}) {
    if (t == nullptr || !t->printed_total) continue;
    const Record& total = *t->printed_total;
    double sum = 0;
    for (const Record& r : t->records) {
      sum += r.value;
      c.subjects.push_back(RecordId(r));
      c.sources.push_back(r.source);
    }
    c.sources.push_back(total.source);
    std::string table = "table " + std::to_string(t->number);
    AppendPart(&expected, table + " " + FormatValue(total.value));
    AppendPart(&actual, table + " " + FormatValue(sum));
    std::string what = table + ": the " + std::to_string(t->records.size()) + " periods read sum to " +
                       FormatValue(sum);
    if (sum == total.value)
      AppendPart(&right, what + ", the printed total");
    else
      AppendPart(&wrong, what + " but the printed total is " + FormatValue(total.value) + " (" +
                             Where(total.source) + ")");
  }
  if (expected.empty()) {
    Skip(c, "neither table 1 nor table 3 prints a total");
    return c;
  }
  c.expected = expected;
  c.actual = actual;
  c.status = wrong.empty() ? CheckStatus::kPass : CheckStatus::kFail;
  c.message = wrong.empty() ? right : wrong;
  return c;
}

Check LowConfidenceDigits(const Extraction& ex, double threshold) {
  Check c = MakeCheck("low_confidence_digits");
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", threshold);
  c.expected = std::string("OCR confidence >= ") + buf + " for every value";
  int with_confidence = 0, low = 0;
  auto look = [&](const Record& r) {
    if (r.source.confidence < 0) return;
    ++with_confidence;
    if (r.source.confidence < threshold) {
      ++low;
      c.sources.push_back(r.source);
      c.subjects.push_back(RecordId(r));
      std::snprintf(buf, sizeof buf, "%.0f", r.source.confidence);
      AppendPart(&c.message, RecordId(r) + " = " + FormatValue(r.value) + " read with confidence " + buf +
                                 " (" + Where(r.source) + ")");
    }
  };
  for (const Table& t : ex.tables)
    for (const Record& r : t.records) look(r);
  for (const Record& r : ex.facts) look(r);
  if (with_confidence == 0) {
    Skip(c, "no OCR confidences (text input or text layer)");
    return c;
  }
  c.actual = std::to_string(low) + " low of " + std::to_string(with_confidence);
  if (low == 0) {
    c.status = CheckStatus::kPass;
    c.message = "every value was read with good confidence";
  } else {
    c.status = CheckStatus::kFail;
    c.message = "check these values by eye: " + c.message;
  }
  return c;
}

// A second-half note's text often gives its whole year ("i alt 827
// henvendelser i hele 2024"): it must equal table 1's two half years added.
// `figure` (a whole year's) against table 1's half years `h1` and `h2`
// added: fills `c`'s expected (the sum), actual, sources, subjects and
// status; true when they agree. The caller words the message.
bool AgainstHalves(const Record& h1, const Record& h2, const Record& figure, Check* c) {
  const double sum = h1.value + h2.value;
  c->expected = FormatValue(sum);
  c->actual = FormatValue(figure.value);
  c->sources = {h1.source, h2.source, figure.source};
  c->subjects = {RecordId(h1), RecordId(h2), RecordId(figure)};
  c->status = sum == figure.value ? CheckStatus::kPass : CheckStatus::kFail;
  return c->status == CheckStatus::kPass;
}

Check TextYearEqualsHalves(const Extraction& ex, const Table* t1) {
  Check c = MakeCheck("text_year_total_equals_table1_halves");
  ParsedPeriod p;
  if (!ParsePeriod(ex.note_period, &p) || p.half != 2) {
    Skip(c, "only a second-half note has both half years of its year");
    return c;
  }
  const std::string year = std::to_string(p.year);
  const Record* text = FindFact(ex, "inquiries_total", year);
  const Record* h1 = FindByPeriod(t1, year + "-H1");
  const Record* h2 = FindByPeriod(t1, year + "-H2");
  std::string why;
  if (text == nullptr) why = "the text gives no total for the whole of " + year;
  if (h1 == nullptr || h2 == nullptr)
    AppendPart(&why, std::string("table 1 lacks a half year of ") + year);
  if (!why.empty()) {
    Skip(c, why);
    return c;
  }
  if (AgainstHalves(*h1, *h2, *text, &c)) {
    c.message = "the text's total for " + year + " (" + c.actual + ") equals table 1's two half years added";
  } else {
    c.message = "the text's total for " + year + " is " + c.actual + " (" + Where(text->source) +
                ") but table 1's half years add up to " + c.expected + " (" + FormatValue(h1->value) + " + " +
                FormatValue(h2->value) + ")";
  }
  return c;
}

// Table 2's total against table 1's value for the period table 2 covers:
// the note's own, or the whole year a second-half note may give the regions
// for, which table 1 may print as its two half years only (then added).
Check Table2TotalEqualsTable1(const Table* t1, const Record* total, const std::string& note_period) {
  const std::string& p = total != nullptr ? total->period : note_period;
  const Side table2{total, "table 2's total", "table 2 has no total"};
  const Record* whole = FindByPeriod(t1, p);
  const Record* h1 = FindByPeriod(t1, p + "-H1");
  const Record* h2 = FindByPeriod(t1, p + "-H2");
  ParsedPeriod parsed;
  if (whole != nullptr || total == nullptr || h1 == nullptr || h2 == nullptr || !ParsePeriod(p, &parsed) ||
      parsed.half != 0)
    return EqualCheck("table2_total_equals_table1", {whole, "table 1's " + p, "table 1 has no column " + p}, table2);
  Check c = MakeCheck("table2_total_equals_table1");
  const std::string halves = "table 1's half years of " + p + " added (" + FormatValue(h1->value) + " + " +
                             FormatValue(h2->value) + ")";
  if (AgainstHalves(*h1, *h2, *total, &c)) {
    c.message = "table 2's total (" + c.actual + ") equals " + halves;
  } else {
    c.message = "table 2's total is " + c.actual + " (" + Where(total->source) + ") but " + halves + " make " +
                c.expected;
  }
  return c;
}

// Every other figure of the text that a table also holds ("mod 985 i
// første halvår af 2025" beside table 1's 2025-H1, a trips-abroad figure
// for an earlier year beside table 3's): the checks above cover the note's
// period and the previous year.
Check TextFiguresEqualTables(const Extraction& ex, const Table* t1, const Table* t3,
                             const std::string& previous_year) {
  Check c = MakeCheck("text_other_figures_equal_tables");
  int compared = 0;
  std::string diffs;
  for (const Record& f : ex.facts) {
    const Table* t = f.name == "inquiries_total" ? t1 : f.name == "trips_abroad_new" ? t3 : nullptr;
    if (t == nullptr || f.period == ex.note_period) continue;
    if (f.name == "inquiries_total" && f.period == previous_year) continue;
    const Record* cell = FindByPeriod(t, f.period);
    if (cell == nullptr) continue;
    ++compared;
    c.subjects.push_back(RecordId(*cell));
    c.subjects.push_back(RecordId(f));
    c.sources.push_back(cell->source);
    c.sources.push_back(f.source);
    if (cell->value != f.value)
      AppendPart(&diffs, std::string("the text's ") + f.name + " for " + f.period + " is " +
                             FormatValue(f.value) + " (" + Where(f.source) + ") but table " +
                             std::to_string(t->number) + "'s is " + FormatValue(cell->value) + " (" +
                             Where(cell->source) + ")");
  }
  if (compared == 0) {
    Skip(c, "the text gives no other figure that a table holds");
    return c;
  }
  c.expected = std::to_string(compared) + " equal";
  if (diffs.empty()) {
    c.status = CheckStatus::kPass;
    c.actual = c.expected;
    c.message = std::to_string(compared) + (compared > 1 ? " more figures of the text equal the tables"
                                                         : " more figure of the text equals the tables");
  } else {
    c.status = CheckStatus::kFail;
    c.actual = "differ";
    c.message = diffs;
  }
  return c;
}

std::string PreviousYear(const std::string& note_period) {
  ParsedPeriod p;
  if (!ParsePeriod(note_period, &p)) return "";
  return std::to_string(p.year - 1);
}

}  // namespace

bool ParsePeriod(const std::string& period, ParsedPeriod* out) {
  int year = 0, half = 0;
  char tail = 0;
  if (period.size() == 4 && std::sscanf(period.c_str(), "%4d%c", &year, &tail) == 1) {
    half = 0;
  } else if (period.size() == 7 && std::sscanf(period.c_str(), "%4d-H%1d%c", &year, &half, &tail) == 2 &&
             (half == 1 || half == 2)) {
  } else {
    return false;
  }
  if (year < 1900 || year > 2200) return false;
  out->year = year;
  out->half = half;
  return true;
}

std::string RecordId(const Record& r) {
  if (!r.table) return "fact/" + r.name + "/" + r.period;
  std::string id = "table" + std::to_string(*r.table) + "/" + r.period;
  if (r.region) id += "/" + *r.region;
  return id;
}

ValidationReport Validate(const Extraction& ex, double low_confidence) {
  ValidationReport report;
  auto& checks = report.checks;
  const Table* t1 = FindTable(ex, 1);
  const Table* t2 = FindTable(ex, 2);
  const Table* t3 = FindTable(ex, 3);
  const std::string& period = ex.note_period;

  checks.push_back(TablesPresent(ex));
  checks.push_back(OneNote(ex));
  checks.push_back(NonNegativeIntegers(ex));
  checks.push_back(PeriodsContiguous(ex));
  checks.push_back(ValuesPlausible(ex));
  checks.push_back(RegionsComplete(t2));
  checks.push_back(RegionsSumToTotal(t2));
  checks.push_back(SeriesTotalsEqualSums(t1, t3));

  // Table 2's total for the note's period; else the one it prints (a
  // second-half note may give the regions for the whole year).
  const Record* total = nullptr;
  if (t2 != nullptr)
    for (const Record& r : t2->records)
      if (r.region && *r.region == "Total" && (total == nullptr || r.period == period)) total = &r;
  const Side t1_period{FindByPeriod(t1, period), "table 1's " + period, "table 1 has no column " + period};
  const std::string year = PreviousYear(period);
  checks.push_back(Table2TotalEqualsTable1(t1, total, period));
  checks.push_back(EqualCheck("text_period_total_equals_table1", t1_period,
                              {FindFact(ex, "inquiries_total", period), "the text's total for " + period,
                               "the text gives no total for " + period}));
  checks.push_back(EqualCheck(
      "text_previous_year_equals_table1",
      {FindByPeriod(t1, year), "table 1's " + year, "table 1 has no column " + year},
      {FindFact(ex, "inquiries_total", year), "the text's total for " + year,
       "the text gives no total for the previous year " + year}));
  checks.push_back(TextYearEqualsHalves(ex, t1));
  checks.push_back(TextFiguresEqualTables(ex, t1, t3, year));
  checks.push_back(EqualCheck(
      "table3_period_equals_text_trips",
      {FindFact(ex, "trips_abroad_new", period), "the text's trips abroad for " + period,
       "the text gives no new trips-abroad figure for " + period},
      {FindByPeriod(t3, period), "table 3's " + period, "table 3 has no column " + period}));
  checks.push_back(LowConfidenceDigits(ex, low_confidence));
  return report;
}

std::vector<Check> CrossCheck(const std::vector<const Extraction*>& notes,
                              const std::vector<std::string>& names, size_t first_reference) {
  // Figures comparable across notes: table 1 and table 3 columns, and the
  // text's totals, keyed by what they measure and their period; a note's
  // table wins over its own text (which its checks compare).
  auto figures = [](const Extraction& ex) {
    std::map<std::string, const Record*> m;
    for (const Table& t : ex.tables) {
      if (t.number != 1 && t.number != 3) continue;
      for (const Record& r : t.records) m[t.number == 1 ? "inquiries/" + r.period : "trips_abroad_new/" + r.period] = &r;
    }
    for (const Record& r : ex.facts)
      if (r.name == "inquiries_total" || r.name == "trips_abroad_new")
        m.emplace(r.name == "inquiries_total" ? "inquiries/" + r.period : "trips_abroad_new/" + r.period, &r);
    return m;
  };
  // Every figure, with the notes that give it ("inquiries/2024" sorts
  // before "inquiries/2024-H1" and "inquiries/2025": time order).
  struct Given {
    size_t note;
    const Record* record;
  };
  std::map<std::string, std::vector<Given>> by_figure;
  for (size_t i = 0; i < notes.size(); ++i)
    for (const auto& [key, r] : figures(*notes[i])) by_figure[key].push_back(Given{i, r});

  // One check for each figure the notes give differently, listing each
  // value with the notes (and places) that give it; one check for the
  // figures they agree on. A figure of one note alone compares nothing.
  std::vector<Check> out;
  int shared = 0, agreed = 0;
  std::vector<size_t> agreeing_notes(notes.size(), 0);
  for (const auto& [key, given] : by_figure) {
    if (given.size() < 2 || given.front().note >= first_reference) continue;  // (given in note order)
    ++shared;
    std::vector<std::pair<double, std::vector<const Given*>>> values;  // in first-given order
    for (const Given& g : given) {
      auto v = std::find_if(values.begin(), values.end(), [&](const auto& x) { return x.first == g.record->value; });
      if (v == values.end()) values.push_back({g.record->value, {&g}});
      else v->second.push_back(&g);
    }
    if (values.size() == 1) {
      ++agreed;
      for (const Given& g : given) agreeing_notes[g.note] = 1;
      continue;
    }
    Check c = MakeCheck("notes_agree");
    c.status = CheckStatus::kFail;
    std::string list, counts;
    for (const auto& [value, where] : values) {
      std::string part = FormatValue(value) + " in ";
      for (size_t k = 0; k < where.size(); ++k) {
        part += (k ? ", " : "") + names[where[k]->note] + " (" + Where(where[k]->record->source) + ")";
        c.sources.push_back(where[k]->record->source);
      }
      AppendPart(&list, part);
      counts += (counts.empty() ? "" : ", ") + FormatValue(value) + " in " + std::to_string(where.size()) +
                (where.size() == 1 ? " note" : " notes");
    }
    c.subjects.push_back(RecordId(*given.front().record));
    c.message = key + " differs between notes: " + list;
    c.expected = "one value for " + key + " in the " + std::to_string(given.size()) + " notes that give it";
    c.actual = counts;
    out.push_back(std::move(c));
  }
  if (agreed > 0) {
    Check c = MakeCheck("notes_agree");
    c.status = CheckStatus::kPass;
    size_t n = std::count(agreeing_notes.begin(), agreeing_notes.end(), size_t{1});
    c.message = std::to_string(n) + " notes agree on " + std::to_string(agreed) + " figures they share" +
                (agreed < shared ? " (of " + std::to_string(shared) + " shared)" : "");
    c.expected = "the same figures for shared periods";
    c.actual = std::to_string(agreed) + " of " + std::to_string(shared) + " shared figures the same";
    out.insert(out.begin(), std::move(c));
  }
  return out;
}

}  // namespace notat
