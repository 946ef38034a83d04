// Checks on the extracted figures. A total that does not add up is data, not
// an error: it is a failed Check in the report.
//
//   ValidationReport report = Validate(extraction, options.low_confidence);
#ifndef NOTAT_PIPELINE_VALIDATE_H_
#define NOTAT_PIPELINE_VALIDATE_H_

#include <string>
#include <vector>

#include "pipeline/types.h"

namespace notat {

// Runs every check on one note. Check names (stable, documented in README):
//   tables_present, values_nonnegative_integers, periods_contiguous,
//   regions_complete, regions_sum_to_total, table2_total_equals_table1,
//   text_period_total_equals_table1, text_previous_year_equals_table1,
//   text_year_total_equals_table1_halves, text_other_figures_equal_tables,
//   table3_period_equals_text_trips, values_plausible, low_confidence_digits.
// A check whose inputs are missing is kSkip, except tables_present, which
// fails and names what is missing. OCR confidences below `low_confidence`
// (0..100) fail low_confidence_digits.
ValidationReport Validate(const Extraction& extraction, double low_confidence = 60);

// Checks across notes (e.g. the 2024 total in the 2024 note against the one in
// the 2025-H1 note, or a scan against the born-digital file of one note):
// one failed check "notes_agree" for each figure (table 1 and table 3
// columns, the text's totals) that two or more notes give differently,
// naming each value with the notes and places that give it, after one
// passed check for the figures they agree on. `names` are the inputs'
// paths, parallel to `notes`. Notes from `first_reference` on are
// references (notes stored in a database): only figures that a note before
// them gives are compared.
std::vector<Check> CrossCheck(const std::vector<const Extraction*>& notes,
                              const std::vector<std::string>& names,
                              size_t first_reference = static_cast<size_t>(-1));

// A stable id for a record: "table2/2025-H1/Region Hovedstaden",
// "fact/inquiries_total/2024".
std::string RecordId(const Record& record);

// "2018" -> 2018 ; "2025-H1" -> 2025, half 1. False when not a period.
struct ParsedPeriod {
  int year = 0;
  int half = 0;  // 0 = whole year, 1 or 2
};
bool ParsePeriod(const std::string& period, ParsedPeriod* out);

}  // namespace notat

#endif  // NOTAT_PIPELINE_VALIDATE_H_
