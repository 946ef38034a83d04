// Extracting a repaired note's tables and facts with RE2, in two stages:
// Segment() (segment.h) finds the title, sections and table blocks; Extract()
// reads the note's period, runs each table extractor of the registry on its
// block, and reads the facts of the running text.
//
//   Extraction ex = Extract(repaired);                 // both stages
//   Extraction ex = Extract(Segment(repaired));        // the same, staged
//   for (const Table& t : ex.tables) ...
#ifndef NOTAT_EXTRACTORS_EXTRACT_H_
#define NOTAT_EXTRACTORS_EXTRACT_H_

#include "extractors/segment.h"
#include "pipeline/types.h"

namespace notat {

// Finds the note's period (from its title; from the running text when the
// title names none), tables 1-3 and the facts of the running text. Never
// fails and never throws: what cannot be extracted is listed in
// Extraction::problems with page and line ("table 2 (page 1, line 33): 5
// regions and a total but 5 values"), and that table is left out. Digit
// repairs are in Extraction::digit_fixes and flagged on their records.
Extraction Extract(const Segmented& segmented);

// Segment() then Extract().
Extraction Extract(const RepairedText& text);

}  // namespace notat

#endif  // NOTAT_EXTRACTORS_EXTRACT_H_
