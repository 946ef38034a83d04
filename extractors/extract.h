// Segmenting a repaired note and extracting its tables and facts with RE2.
//
//   Extraction ex = Extract(repaired);
//   for (const Table& t : ex.tables) ...
#ifndef NOTAT_EXTRACTORS_EXTRACT_H_
#define NOTAT_EXTRACTORS_EXTRACT_H_

#include "pipeline/types.h"

namespace notat {

// Finds the note's period (from its title), tables 1-3 and the facts of the
// running text. Never fails: what cannot be extracted is listed in
// Extraction::problems with page and line, and the table is left out.
Extraction Extract(const RepairedText& text);

}  // namespace notat

#endif  // NOTAT_EXTRACTORS_EXTRACT_H_
