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
// (else in the sentence): "YYYY-H1"/"YYYY-H2"/"YYYY". A date range inside a
// half year ("1. januar til 31. maj 2025") is labelled by that half year and
// keeps its exact start and end dates. A figure whose sentence names no
// period is skipped, except consultants_employed, which takes the note's
// period.
//
// The subject of a sentence decides the name: "i Danmark" > "genopdragelses-
// rejser/udlandsophold" > "under 18"; a sentence without a subject that
// refers back ("Til sammenligning ...", "... disse henvendelser", "Det er en
// stigning fra ...") keeps the previous sentence's subject. Numbers are
// digits only ("tre nye sikkerhedskonsulenter" is not read).
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
