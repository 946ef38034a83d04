// Internal to notat_extractors: a table block read as a stream of typed
// tokens (numbers, years, half-year words, months, words, separators), and
// the "period series" reading shared by tables 1 and 3, whose columns (or
// rows) are periods and whose one value row (or column) holds counts.
//
// Reading the stream rather than the line layout makes the extractors
// indifferent to how OCR broke the table: a header over several lines, "|"
// separators or none, periods as columns or as rows, a table cut by a page
// break.
#ifndef NOTAT_EXTRACTORS_TABLE_TOKENS_H_
#define NOTAT_EXTRACTORS_TABLE_TOKENS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/period.h"
#include "extractors/registry.h"
#include "extractors/segment.h"
#include "pipeline/types.h"

namespace notat::internal {

enum class TokKind {
  kSeparator,    // "|", a lone dash
  kNumber,       // "186", "1.234", "10,9", "2018", "1." (after digit repair)
  kMonth,        // "(maj-", "dec.)", "juni"
  kHalf,         // "halvår", "halvar", "hå"
  kOrdinalWord,  // "første", "andet"
  kPct,          // "pct.", "%"
  kWord,
};

struct Token {
  TokKind kind = TokKind::kWord;
  std::string raw;   // the printed piece ("(maj-", "5O2")
  std::string core;  // surrounding punctuation stripped, digits repaired ("maj", "502")
  size_t line = 0;   // index into the block's lines
  size_t offset = 0; // byte offset of `raw` in its line
  bool first_on_line = false;
  // kNumber
  double value = 0;
  bool integer = false;
  bool trailing_dot = false;  // printed as "1."
  bool year_like = false;     // four digits, 1990..2100
  char footnote_digit = 0;    // a year whose raised footnote mark OCR read as a digit ("20181": 2018, '1')
  std::string printed_core;   // core before digit repair
  std::string digit_rule;     // "digit:O->0" etc.; empty when nothing was repaired
  std::vector<size_t> fixed_positions;  // bytes of `core` that were letters
  // kMonth
  int month = 0;
  bool open_paren = false, close_paren = false;
  // kOrdinalWord
  int ordinal = 0;
};

// Splits the lines into tokens, repairing OCR digit confusions (O->0, l/I->1,
// S->5, B->8) only inside tokens that are otherwise numeric.
std::vector<Token> Tokenize(const std::vector<SegLine>& lines);

enum class Role { kNone, kPeriod, kDate, kValue, kAnnotation, kLabel, kIgnored };

struct PeriodMention {
  Period period;
  std::vector<size_t> tokens;  // the tokens that name it
};

struct MonthAnnotation {
  int first_month = 0, last_month = 0;
  size_t token = 0;       // the first month token
  size_t last_token = 0;  // the last month token
};

// Marks dates ("1. januar til 30. juni 2025") as kDate and half years
// ("1. halvår 2025", over several lines too) as kPeriod; returns the half
// years found.
std::vector<PeriodMention> MarkDatesAndHalfYears(std::vector<Token>* toks, std::vector<Role>* roles);

// The reading of a period series: periods and values in printed order.
struct SeriesReading {
  std::vector<PeriodMention> periods;
  std::vector<size_t> values;  // token indices
  std::vector<MonthAnnotation> annotations;
};
SeriesReading ReadSeries(std::vector<Token>* toks);

// A word of two or three letters that are each I or l ("II", "lI") standing
// where a count must be (a region's row with no other value) is that many
// ones: the token becomes the number, with its digit fix. False, and the
// token unchanged, for any other token.
bool ReadLettersAsOnes(Token* t);

// Where a token came from (page, line, line text, and the OCR word's box and
// confidence when the line has words).
SourceRef SourceFor(const std::vector<SegLine>& lines, const Token& t);

// The Correction for a token whose digits were repaired.
Correction DigitFixFor(const std::vector<SegLine>& lines, const Token& t);

// "page 1, line 17" of a table's caption.
std::string Where(const TableBlock& block);

// "table 1 (page 1, line 5): page 1: line 14": a problem's place, `here`
// naming the table and `l` the line in it.
std::string AtLine(const std::string& here, const SegLine& l);

// A count of table `table` read from token `v` of `body`: the note, the
// value, its source, and, when OCR digits in `v` were repaired, the flag
// "digit-repaired" and the fix in res->digit_fixes. No period, no region.
Record CountRecord(const TableContext& ctx, int table, std::string_view name, const std::vector<SegLine>& body,
                   const Token& v, TableResult* res);

// Tables 1 and 3: one record per period, unit "count".
TableResult ExtractPeriodSeries(const TableBlock& block, const TableContext& ctx, int number,
                                std::string_view name);

// Flags every record of a table should carry for its source: "low-confidence"
// when the OCR confidence is known and below 60.
constexpr double kLowConfidence = 60;
// Table 2's arithmetic repair may change a digit in a cell whose OCR
// confidence is below this. On the scans of bench/make-unseen-notes, 1,501
// of the 1,509 table values read right had 90 or more and none had 69 to 90;
// a 77 misread as 71 had 76.
constexpr double kDoubtfulConfidence = 80;
void AddSourceFlags(Record* r);

}  // namespace notat::internal

#endif  // NOTAT_EXTRACTORS_TABLE_TOKENS_H_
