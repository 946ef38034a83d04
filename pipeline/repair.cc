// PLACEHOLDER until the repair stage lands: copies the text unchanged.
#include "pipeline/repair.h"

#include "pipeline/lexicon.h"

namespace notat {

RepairedText Repair(const Document& document, const Lexicon& lexicon,
                    const RepairOptions& options) {
  RepairedText out;
  out.pages = document.pages;
  return out;
}

TextHealth AssessText(const Page& page, const Lexicon& lexicon) { return {}; }

}  // namespace notat
