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

// How healthy a page's text is, for choosing between a PDF's text layer and
// OCR: the share of words the lexicon accepts as they are, and the share the
// repair would change (a layer from an English OCR model scores high there).
struct TextHealth {
  int words = 0;                 // alphabetic words looked at
  double lexicon_hit_rate = 0;   // 0..1
  double changed_share = 0;      // 0..1
};
TextHealth AssessText(const Page& page, const Lexicon& lexicon);

}  // namespace notat

#endif  // NOTAT_PIPELINE_REPAIR_H_
