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
// left as it is and listed in RepairedText::undecided (`after` is the best
// guess, "" when none; `rule` the guess's rule, or "unknown-word").
//
// How: candidates come from the OCR confusion model (repair_text.h), each
// accepted only when the lexicon knows it, ranked by corpus frequency and
// confusion weight. A word that is Danish as it stands ("ar", "vare") changes
// only when a reading is far more probable, judged with word-pair context
// and with what the document itself shows: a first pass over every page
// learns from its unambiguous repairs how often and how its Danish letters
// were misread, so healthy text is left alone. Deterministic; safe to call
// from several threads with one lexicon.
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
