// Table 1: "Årlig udvikling i antal henvendelser til sikkerhedskonsulenterne",
// inquiries per year since 2018 and the current half year. One record per
// period, name "inquiries", unit "count". The first year column is partial
// ("2018 (maj- dec.)"); its month annotation sets the period's start.
#include <re2/re2.h>

#include "extractors/internal.h"
#include "extractors/table_tokens.h"

namespace notat::internal {
namespace {

// "Årlig udvikling i antal henvendelser", tolerant of "Arlig"; also "antal
// henvendelser pr. år".
const RE2& CaptionRe() {
  static const RE2 re(
      R"((?i)(?:udvikling|\S{1,2}rlig|pr\.?\s+\S{1,2}r\b|per\s+\S{1,2}r\b).*henvendelse|henvendelse.*(?:udvikling|pr\.?\s+\S{1,2}r\b))");
  return re;
}
// Table 3's subject, which table 1's caption must not have.
const RE2& TripsRe() {
  static const RE2 re(R"((?i)genopdragelse|udlandsophold|udlandsrejse|ufrivillig)");
  return re;
}

bool MatchesCaption(std::string_view caption) {
  return Contains(CaptionRe(), caption) && !Contains(TripsRe(), caption);
}

TableResult Extract(const TableBlock& block, const TableContext& ctx) {
  return ExtractPeriodSeries(block, ctx, 1, "inquiries");
}

}  // namespace

TableExtractor Table1Extractor() {
  return TableExtractor{1, "inquiries", "inquiries per year", &MatchesCaption, &Extract};
}

void AppendTable1Patterns(std::vector<PatternStatus>* out) {
  AddPattern(out, "table1.caption", CaptionRe());
  AddPattern(out, "table1.trips", TripsRe());
}

}  // namespace notat::internal
