// Checks on the extracted figures. A total that does not add up is data, not
// an error: it is a failed Check in the report.
//
//   ValidationReport report = Validate(extraction);
#ifndef NOTAT_PIPELINE_VALIDATE_H_
#define NOTAT_PIPELINE_VALIDATE_H_

#include "pipeline/types.h"

namespace notat {

// Runs every check on one note. Check names (stable, documented in README):
//   tables_present, values_nonnegative_integers, periods_contiguous,
//   regions_sum_to_total, table2_total_equals_table1,
//   text_period_total_equals_table1, text_previous_year_equals_table1,
//   table3_period_equals_text_trips, low_confidence_digits.
// A check whose inputs are missing is kSkip, except tables_present.
ValidationReport Validate(const Extraction& extraction);

}  // namespace notat

#endif  // NOTAT_PIPELINE_VALIDATE_H_
