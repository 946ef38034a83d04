// Internal to notat_extractors: the pattern inventory each file contributes
// to AllPatterns() (registry.h), and small RE2 helpers. RE2 itself is only
// forward-declared here; its header is included by the .cc files.
#ifndef NOTAT_EXTRACTORS_INTERNAL_H_
#define NOTAT_EXTRACTORS_INTERNAL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/registry.h"

namespace re2 {
class RE2;
}

namespace notat::internal {

void AddPattern(std::vector<PatternStatus>* out, std::string name, const re2::RE2& re);

void AppendPeriodPatterns(std::vector<PatternStatus>* out);
void AppendSegmentPatterns(std::vector<PatternStatus>* out);
void AppendTablePatterns(std::vector<PatternStatus>* out);
void AppendTable1Patterns(std::vector<PatternStatus>* out);
void AppendTable2Patterns(std::vector<PatternStatus>* out);
void AppendTable3Patterns(std::vector<PatternStatus>* out);

// The table extractors, one per file (table1_yearly.cc, ...).
TableExtractor Table1Extractor();
TableExtractor Table2Extractor();
TableExtractor Table3Extractor();
void AppendFactPatterns(std::vector<PatternStatus>* out);

// One match of a pattern: byte spans of the whole match and of each group
// (npos when a group did not take part).
struct Match {
  size_t begin = 0, end = 0;
  std::vector<std::pair<size_t, size_t>> groups;  // index 0 is group 1
  std::string_view Group(std::string_view text, size_t i) const;
  bool Has(size_t i) const { return i < groups.size() && groups[i].first != std::string_view::npos; }
};

// Every non-overlapping match of `re` in `text`, left to right. Empty when
// the pattern did not compile.
std::vector<Match> FindAll(const re2::RE2& re, std::string_view text);

// True when `re` matches somewhere in `text` (false when it did not compile).
bool Contains(const re2::RE2& re, std::string_view text);

// True when `re` matches the whole of `text`.
bool Full(const re2::RE2& re, std::string_view text);

// OCR's misreadings of digits inside a number: O for 0, l and I for 1 (and
// "!" for a last 1), S and $ for 5, B for 8. The digit glyph `c` stands
// for, or `c` itself.
char DigitForGlyph(char c);
// A token that is a number except for such glyphs ("5O2", "1.O21", "$4", "21!").
const re2::RE2& ConfusableNumberRe();
// A number with a comma before its last three digits ("1,021"): in a count,
// OCR's reading of the thousands point "1.021" (or English style).
const re2::RE2& CommaThousandsRe();

}  // namespace notat::internal

#endif  // NOTAT_EXTRACTORS_INTERNAL_H_
