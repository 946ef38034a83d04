// Segmentation: the first extraction stage. Splits a repaired note into its
// title, running-text sections and table blocks, and drops page furniture
// ("Side", "3/3", "Side 2 af 3", a bare page number, a header or footer
// repeated on every page). Pages are read as one flow, so a table or a
// sentence cut by a page break is joined again.
//
//   Segmented seg = Segment(repaired);
//   Extraction ex = Extract(seg);
#ifndef NOTAT_EXTRACTORS_SEGMENT_H_
#define NOTAT_EXTRACTORS_SEGMENT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/types.h"

namespace notat {

// One non-blank line of the note, with where it is.
struct SegLine {
  int page = 0;             // 1-based
  int line = 0;             // Line::number
  std::string text;         // the line's text, unchanged
  std::vector<Word> words;  // the line's OCR words, when the source has them
  bool blank_before = false;  // a blank line or a page break precedes it
};

// A table: its caption ("Tabel 2. Regionsvis fordeling ...", wrapped caption
// lines joined, including a year wrapped onto its own line) and the lines
// that follow it up to the next running text, heading or caption.
struct TableBlock {
  int number = 0;                    // N of "Tabel N." (0 when unreadable)
  bool figure = false;               // "Figur N.": a chart's figures, known only by its caption's words
  std::string caption;               // the text after "Tabel N.", lines joined
  std::vector<SegLine> caption_lines;
  std::vector<SegLine> body;         // non-blank lines, in reading order
  std::vector<SegLine> notes;        // footnotes right under the body ("* Maj-december")
};

// Running text under one heading (or before the first heading, or resuming
// after a table: then `heading` is empty).
struct Section {
  std::string heading;
  std::optional<SegLine> heading_line;
  std::vector<SegLine> lines;
};

struct Segmented {
  std::string title;                 // title lines joined; empty when none
  std::vector<SegLine> title_lines;
  std::vector<Section> sections;     // in reading order
  std::vector<TableBlock> tables;    // in reading order
  std::vector<SegLine> furniture;    // the page furniture that was dropped
  // Title lines of further notes in the same input: a line starting
  // "Notat" among the first three of a later page that names a half year
  // other than the title's period (two half-year notes in one file). Only
  // the first note is read.
  std::vector<SegLine> other_titles;
};

// Never fails; an empty or garbled text gives an empty or near-empty result.
Segmented Segment(const RepairedText& text);

// Lines joined into one string for matching across line breaks: a word
// hyphenated at a line end ("genopdragel-" + "sesrejser") is joined without
// its hyphen, other lines are joined with one space. Locate() maps a byte of
// the joined text back to its line.
struct JoinedText {
  std::string text;
  struct Origin {
    size_t offset = 0;       // where the line's text starts in `text`
    size_t line_index = 0;   // index into the lines given to JoinLines
    size_t line_offset = 0;  // byte of the line where that text starts
  };
  std::vector<Origin> origins;

  // The line index and the byte offset within that line of `offset`.
  std::pair<size_t, size_t> Locate(size_t offset) const;
};
JoinedText JoinLines(const std::vector<SegLine>& lines);

// True when a line reads as running text rather than a table row or header:
// at least six words, most of them lower-case, few numbers.
bool LooksLikeProse(std::string_view line);

}  // namespace notat

#endif  // NOTAT_EXTRACTORS_SEGMENT_H_
