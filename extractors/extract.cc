// PLACEHOLDER until the extractors land.
#include "extractors/extract.h"

namespace notat {

Extraction Extract(const RepairedText& text) { return {}; }

}  // namespace notat
