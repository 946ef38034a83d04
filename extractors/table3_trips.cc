// Table 3: "Årlig udvikling i nye henvendelser om genopdragelsesrejser/
// ufrivilligt udlandsophold", new inquiries about re-education trips abroad
// per year and the current half year. One record per period, name
// "trips_abroad_new", unit "count".
#include <re2/re2.h>

#include "extractors/internal.h"
#include "extractors/table_tokens.h"

namespace notat::internal {
namespace {

const RE2& CaptionRe() {
  static const RE2 re(R"((?i)genopdragelse|udlandsophold|udlandshold|udlandsrejse|ufrivillig)");
  return re;
}

bool MatchesCaption(std::string_view caption) { return Contains(CaptionRe(), caption); }

TableResult Extract(const TableBlock& block, const TableContext& ctx) {
  return ExtractPeriodSeries(block, ctx, 3, "trips_abroad_new");
}

}  // namespace

TableExtractor Table3Extractor() {
  return TableExtractor{3, "trips_abroad_new", "new inquiries about trips abroad", &MatchesCaption,
                        &Extract};
}

void AppendTable3Patterns(std::vector<PatternStatus>* out) {
  AddPattern(out, "table3.caption", CaptionRe());
}

}  // namespace notat::internal
