// Repair of Danish OCR damage: æ/ø/å and Æ/Ø/Å restored, l read as I, I read
// as | at a sentence start, words hyphenated across line ends joined. Keeps the
// line structure and records every correction.
//
//   RepairedText r = Repair(document, lexicon, RepairOptions{});
#ifndef NOTAT_PIPELINE_REPAIR_H_
#define NOTAT_PIPELINE_REPAIR_H_

#include "pipeline/types.h"

namespace notat {

class Lexicon;

struct RepairOptions {
  // Join a word hyphenated at a line end onto the first line.
  bool join_hyphens = true;
};

// Repairs every page of `document`. Never fails: a word it cannot decide is
// left as it is and listed in RepairedText::undecided.
RepairedText Repair(const Document& document, const Lexicon& lexicon,
                    const RepairOptions& options = {});

}  // namespace notat

#endif  // NOTAT_PIPELINE_REPAIR_H_
