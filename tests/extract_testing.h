// Test helpers for the extractor tests: RepairedText built straight from a
// string, and readable dumps of records for assertion messages.
#ifndef NOTAT_TESTS_EXTRACT_TESTING_H_
#define NOTAT_TESTS_EXTRACT_TESTING_H_

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/types.h"

namespace notat::testing {

// One page per form feed; lines numbered from 1 on each page.
inline RepairedText TextOf(std::string_view s) {
  RepairedText t;
  Page page;
  page.number = 1;
  page.text_source = "text";
  int n = 0;
  size_t start = 0;
  while (start <= s.size()) {
    size_t nl = s.find('\n', start);
    std::string_view line = s.substr(start, nl == std::string_view::npos ? s.size() - start : nl - start);
    size_t ff;
    while ((ff = line.find('\f')) != std::string_view::npos) {
      if (ff > 0) page.lines.push_back(Line{++n, std::string(line.substr(0, ff)), {}});
      t.pages.push_back(std::move(page));
      page = Page{};
      page.number = static_cast<int>(t.pages.size()) + 1;
      page.text_source = "text";
      n = 0;
      line.remove_prefix(ff + 1);
    }
    if (!(nl == std::string_view::npos && line.empty())) page.lines.push_back(Line{++n, std::string(line), {}});
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  t.pages.push_back(std::move(page));
  return t;
}

inline std::string ReadSample(const std::string& name) {
  std::ifstream f(std::string(NOTAT_SOURCE_DIR) + "/samples/" + name, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

inline std::string Num(double v) {
  std::ostringstream o;
  o << v;
  return o.str();
}

// "2018=186" for a table record, "Region Sjælland=54" for table 2.
inline std::vector<std::string> Cells(const Table& t) {
  std::vector<std::string> out;
  for (const Record& r : t.records) out.push_back((r.region ? *r.region : r.period) + "=" + Num(r.value));
  return out;
}

// "inquiries_total 2025-H1 = 502 count".
inline std::vector<std::string> FactLines(const std::vector<Record>& facts) {
  std::vector<std::string> out;
  for (const Record& r : facts)
    out.push_back(r.name + " " + r.period + " = " + Num(r.value) + " " + r.unit);
  return out;
}

// "I 10>110 digit:I->1,joined": each digit fix, before>after and its rule.
inline std::vector<std::string> FixLines(const std::vector<Correction>& fixes) {
  std::vector<std::string> out;
  for (const Correction& c : fixes) out.push_back(c.before + ">" + c.after + " " + c.rule);
  return out;
}

inline const Table* FindTable(const Extraction& ex, int number) {
  for (const Table& t : ex.tables)
    if (t.number == number) return &t;
  return nullptr;
}

inline std::string Dump(const Extraction& ex) {
  std::ostringstream o;
  o << "note=" << ex.note_period << "\n";
  for (const Table& t : ex.tables)
    for (const Record& r : t.records)
      o << "T" << t.number << " " << r.period << " " << r.region.value_or("-") << " " << r.value
        << " @" << r.source.page << ":" << r.source.line << "\n";
  for (const Record& r : ex.facts) o << "F " << r.name << " " << r.period << " " << r.value << "\n";
  for (const std::string& p : ex.problems) o << "problem: " << p << "\n";
  return o.str();
}

}  // namespace notat::testing

#endif  // NOTAT_TESTS_EXTRACT_TESTING_H_
