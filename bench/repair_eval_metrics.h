// Word-level comparison of OCR'd and repaired text with the true text, for
// measuring the repair stage (notat-repair-eval, BENCHMARKS.md "Repair
// accuracy").
//
//   PageResult r = ComparePage(truth_lines, ocr_lines, repaired_lines);
//   r.counts.restored / r.counts.damaged  // share of damaged words restored
//
// Words are compared with leading and trailing punctuation stripped, case
// kept. A word hyphenated at a line end ("æresrelate-" / "rede") counts as the
// joined word ("æresrelaterede"), on every side. Truth and candidate words are
// aligned per page with a word-level edit distance that also pairs one truth
// word with two candidate words (OCR split a word) and two truth words with
// one candidate word (OCR merged them).
#ifndef NOTAT_BENCH_REPAIR_EVAL_METRICS_H_
#define NOTAT_BENCH_REPAIR_EVAL_METRICS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace notat::repair_eval {

// A word as compared.
struct Token {
  std::string text;  // punctuation stripped; a hyphenated line end joined
  int line = 0;      // 1-based line (of the text given) where the word starts
};

// `word` without leading and trailing punctuation (ASCII punctuation except
// '|', '@' and '$', which OCR uses for letters, plus typographic quotes,
// dashes, ellipsis, bullets, section and degree signs); typographic
// apostrophes inside the word become "'". "" when nothing is left.
std::string StripPunctuation(std::string_view word);

// The words of `lines`, split at whitespace, punctuation stripped, words with
// nothing left dropped. A word ending in '-' after a letter, last on its line,
// is joined (without the hyphen) with the first word of the next non-empty line.
std::vector<Token> Tokenize(const std::vector<std::string>& lines);

// Levenshtein distance counted in code points.
int EditDistance(std::string_view a, std::string_view b);

// The letters æ, ø, å, Æ, Ø, Å of `word`, in order.
std::string AeOeAa(std::string_view word);

enum class Link {
  kOne,      // one candidate word
  kSplit,    // two candidate words (OCR split the word)
  kMerged,   // one candidate word that also covers a neighbouring truth word
  kMissing,  // no candidate word
};

// What the candidate text has in the place of one truth word.
struct Aligned {
  std::string text;  // the candidate word(s); split parts joined by a space; "" when missing
  int line = 0;      // candidate line of the (first) word; 0 when missing
  Link link = Link::kMissing;
};

// Aligns `candidate` to `truth`; returns one entry per truth word. `extra`
// (may be null) receives the number of candidate words aligned to no truth
// word (OCR noise such as a stray '|').
std::vector<Aligned> Align(const std::vector<Token>& truth,
                           const std::vector<Token>& candidate, int* extra);

// One truth word and what the OCR and the repair made of it.
struct WordOutcome {
  std::string truth, ocr, repaired;
  int truth_line = 0, ocr_line = 0, repaired_line = 0;
  Link ocr_link = Link::kMissing, repaired_link = Link::kMissing;
  bool ocr_right() const { return ocr == truth; }
  bool repaired_right() const { return repaired == truth; }
};

struct Counts {
  int64_t words = 0;              // truth words
  int64_t ocr_right = 0;          // OCR word == truth word
  int64_t repaired_right = 0;     // repaired word == truth word
  int64_t damaged = 0;            // OCR word != truth word
  int64_t restored = 0;           // damaged, and repaired word == truth word
  int64_t missed = 0;             // damaged, and the repair left the OCR word as it was
  int64_t miscorrected = 0;       // damaged, and the repair changed it, but not to the truth
  int64_t false_corrections = 0;  // OCR word == truth word, and the repair changed it
  int64_t aoa_words = 0;          // truth words with æ/ø/å
  int64_t aoa_right_before = 0;   // ... whose æ/ø/å letters the OCR word has, in order, and no others
  int64_t aoa_right_after = 0;    // ... the same for the repaired word
  int64_t spurious_aoa = 0;       // truth word without æ/ø/å, repaired word has some, OCR word had none
  int64_t extra_ocr = 0;          // OCR words aligned to no truth word
  int64_t extra_repaired = 0;     // repaired words aligned to no truth word
  Counts& operator+=(const Counts& o);
};

struct PageResult {
  Counts counts;
  std::vector<WordOutcome> words;  // in truth order
};

// Compares one page (or one whole file): truth, OCR and repaired lines.
PageResult ComparePage(const std::vector<std::string>& truth,
                       const std::vector<std::string>& ocr,
                       const std::vector<std::string>& repaired);

// Where `from` and `to` differ, as pairs of differing runs after a
// character-level alignment: ("fgrste", "første") -> {("g", "ø")};
// ("vaere", "være") -> {("ae", "æ")}.
std::vector<std::pair<std::string, std::string>> CharDiffs(std::string_view from,
                                                           std::string_view to);

// Splits `text` into lines (no trailing newline kept; a final newline does
// not start an empty line; "\r\n" counts as a newline; form feeds dropped).
std::vector<std::string> SplitLines(std::string_view text);

}  // namespace notat::repair_eval

#endif  // NOTAT_BENCH_REPAIR_EVAL_METRICS_H_
