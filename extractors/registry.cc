#include "extractors/registry.h"

#include <re2/re2.h>

#include "extractors/internal.h"

namespace notat {

const std::vector<TableExtractor>& TableExtractors() {
  static const std::vector<TableExtractor> kExtractors = {
      internal::Table1Extractor(),
      internal::Table2Extractor(),
      internal::Table3Extractor(),
  };
  return kExtractors;
}

std::vector<PatternStatus> AllPatterns() {
  std::vector<PatternStatus> out;
  internal::AppendPeriodPatterns(&out);
  internal::AppendSegmentPatterns(&out);
  internal::AppendTablePatterns(&out);
  internal::AppendTable1Patterns(&out);
  internal::AppendTable2Patterns(&out);
  internal::AppendTable3Patterns(&out);
  internal::AppendFactPatterns(&out);
  return out;
}

namespace internal {

void AddPattern(std::vector<PatternStatus>* out, std::string name, const RE2& re) {
  out->push_back(PatternStatus{std::move(name), re.pattern(), re.ok(), re.ok() ? "" : re.error()});
}

std::string_view Match::Group(std::string_view text, size_t i) const {
  if (!Has(i)) return {};
  return text.substr(groups[i].first, groups[i].second - groups[i].first);
}

std::vector<Match> FindAll(const RE2& re, std::string_view text) {
  std::vector<Match> out;
  if (!re.ok()) return out;
  const int ngroups = re.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> sub(static_cast<size_t>(ngroups) + 1);
  const re2::StringPiece input(text.data(), text.size());
  size_t pos = 0;
  while (pos <= text.size()) {
    if (!re.Match(input, pos, text.size(), RE2::UNANCHORED, sub.data(), ngroups + 1)) break;
    Match m;
    m.begin = static_cast<size_t>(sub[0].data() - text.data());
    m.end = m.begin + sub[0].size();
    for (int g = 1; g <= ngroups; ++g) {
      if (sub[g].data() == nullptr) {
        m.groups.emplace_back(std::string_view::npos, std::string_view::npos);
      } else {
        size_t b = static_cast<size_t>(sub[g].data() - text.data());
        m.groups.emplace_back(b, b + sub[g].size());
      }
    }
    pos = m.end > m.begin ? m.end : m.end + 1;
    out.push_back(std::move(m));
    if (out.size() > 100000) break;
  }
  return out;
}

bool Contains(const RE2& re, std::string_view text) {
  return re.ok() && RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), re);
}

char DigitForGlyph(char c) {
  switch (c) {
    case 'O': return '0';
    case 'l': case 'I': case '!': return '1';
    case 'S': case '$': return '5';
    case 'B': return '8';
    default: return c;
  }
}

const RE2& ConfusableNumberRe() {
  static const RE2 re(R"(^[0-9OlISB$]+(?:[.,][0-9OlISB$]+)*!?$)");
  return re;
}

const RE2& CommaThousandsRe() {
  static const RE2 re(R"([1-9][0-9]{0,2},[0-9]{3})");
  return re;
}

bool Full(const RE2& re, std::string_view text) {
  return re.ok() && RE2::FullMatch(re2::StringPiece(text.data(), text.size()), re);
}

}  // namespace internal
}  // namespace notat
