// Facts from a note's running text: figures stated in sentences rather than
// tables. Sentences are read with their line breaks joined (hyphenated words
// rejoined); each figure keeps the page and line where its number starts.
//
//   std::vector<Record> facts = ExtractFacts(seg, &note_period, &problems, &fixes);
//
// Every fact is a Record with table = nullopt, note = the note's period, and
// one of these names:
//
//   name                     unit       what
//   inquiries_total          count      all inquiries received in a period:
//                                       the note's own period ("I perioden 1.
//                                       januar til 30. juni 2025 ... 502
//                                       henvendelser"), the comparison period
//                                       ("første halvår af 2024 432
//                                       henvendelser") and the previous full
//                                       year ("827 henvendelser i hele 2024").
//   share_under_18_pct       pct        share of inquiries about children
//                                       under 18, now and in the comparison
//                                       period ("45 pct.", "36 pct.").
//   trips_abroad_new         count      new inquiries about re-education trips
//                                       or involuntary stays abroad while the
//                                       citizen is abroad (same name as table
//                                       3's records).
//   inquiries_in_denmark     count      inquiries about citizens in Denmark
//                                       at risk of such a trip.
//   consultants_employed     persons    security consultants employed ("ansat
//                                       12 sikkerhedskonsulenter").
//   grant_total_mio_kr       mio. kr.   the total grant for a year ("det
//                                       samlede tilskud ... 10,9 mio. kr. i
//                                       2025").
//   grant_additional_mio_kr  mio. kr.   an additional yearly grant from a year
//                                       ("yderligere 7 mio. kr. ... i 2025").
//
// A fact's period is the period phrase nearest its number in the same clause
// (else in the sentence), not reached across another figure when there is a
// choice: "YYYY-H1"/"YYYY-H2"/"YYYY"; "i samme periode sidste år" is the
// note's period a year earlier. A date range inside a
// half year ("1. januar til 31. maj 2025") is labelled by that half year and
// keeps its exact start and end dates. A figure whose sentence names no
// period is skipped, except consultants_employed, which takes the note's
// period.
//
// What a count of inquiries is about decides its name ("i Danmark" >
// "genopdragelsesrejser/udlandsophold" > otherwise inquiries_total): what its
// clause and the rest of its sentence say, up to a subset ("..., heraf 28
// om genopdragelsesrejser"); else what the sentence says before it; else, in
// a sentence that refers back ("Til sammenligning ...", "... disse
// henvendelser", "Det er en stigning fra ..."), the previous sentence's
// subject. A count in a clause naming a region is not a fact (table 2 has
// those). A share needs "under 18"/"mindreårige" in its sentence or in the
// sentence it refers back to. A figure compared without its unit ("28 nye
// henvendelser ..., mod 22 i samme periode sidste år", "45 pct. mod 36")
// takes the name and unit of the figure before it. Numbers are digits only
// ("tre nye sikkerhedskonsulenter" is not read).
#ifndef NOTAT_EXTRACTORS_FACTS_H_
#define NOTAT_EXTRACTORS_FACTS_H_

#include <string>
#include <vector>

#include "extractors/period.h"
#include "extractors/segment.h"
#include "pipeline/types.h"

namespace notat {

// The facts of every running-text section of `seg`, in reading order, each
// (name, period) once. A later sentence giving the same fact a different
// value is reported in `problems` (the first value is kept). OCR digit
// confusions in numbers are repaired and listed in `digit_fixes`.
// `note_period` may be null. Never fails.
std::vector<Record> ExtractFacts(const Segmented& seg, const Period* note_period,
                                 std::vector<std::string>* problems,
                                 std::vector<Correction>* digit_fixes);

}  // namespace notat

#endif  // NOTAT_EXTRACTORS_FACTS_H_
