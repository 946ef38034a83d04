// The data that flows through notat's stages, in order:
//   path -> Document -> RepairedText -> Extraction (tables, facts)
//        -> ValidationReport -> sinks (JSON, JSONL, CSV, SQLite, PostgreSQL).
// Plain structs, no behaviour; every value keeps where it came from.
#ifndef NOTAT_PIPELINE_TYPES_H_
#define NOTAT_PIPELINE_TYPES_H_

#include <optional>
#include <string>
#include <vector>

namespace notat {

// A rectangle on a page, in pixels of the page image (OCR) or PDF points
// (text layer). x0,y0 is the top-left corner.
struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct Word {
  std::string text;         // UTF-8
  Box box;
  double confidence = -1;   // OCR confidence 0..100; -1 when the source has none
};

struct Line {
  int number = 0;           // 1-based: line of the input file (text), or of the page (PDF/image)
  std::string text;         // UTF-8, no trailing newline
  std::vector<Word> words;  // empty when the source has no geometry
};

struct Page {
  int number = 1;                // 1-based
  std::string text_source;       // "text" (plain text input), "text-layer" (PDF), "ocr"
  std::string text_source_why;   // why auto mode chose it, e.g. "text layer damaged: 41% lexicon hits"
  double width = 0, height = 0;  // in the unit of the word boxes; 0 when unknown
  std::vector<Line> lines;
};

struct Document {
  std::string path;        // as given by the user; "-" for stdin
  std::string sha256;      // of the input bytes, lower-case hex
  std::string kind;        // "text", "pdf", "image"
  std::vector<Page> pages;
};

// One change the repair stage made. Columns count code points, 1-based, in
// the line as it was before the repair.
struct Correction {
  int page = 1;
  int line = 0;
  int column = 0;
  std::string before;
  std::string after;
  std::string rule;         // e.g. "confusion:ae->æ", "hyphen-join", "pipe->I", "digit:O->0", "arithmetic"
  double confidence = 1.0;  // 0..1, how sure the repair is
};

struct RepairedText {
  std::vector<Page> pages;               // same pages and lines as the Document, repaired text
  std::vector<Correction> corrections;   // in page, line, column order
  std::vector<Correction> undecided;     // damaged-looking words left alone, with the best guess
};

// Where a value came from.
struct SourceRef {
  int page = 0;             // 1-based; 0 when unknown
  int line = 0;             // 1-based line within the page (or file for text input)
  std::string text;         // the source line's text (repaired)
  std::optional<Box> box;   // of the value's word, when the source has geometry
  double confidence = -1;   // OCR confidence of the value's word, -1 when unknown
};

// One figure: a table cell or a fact from the running text.
struct Record {
  std::string note;                   // the note's own period, "2025-H1"
  std::optional<int> table;           // 1, 2 or 3; nullopt for a fact
  std::string name;                   // "inquiries", "inquiries_by_region", "trips_abroad_new", or a fact name
  std::string period;                 // "2018", "2025-H1", "2025-H2"
  std::string period_start;           // ISO date, "2018-05-01"
  std::string period_end;             // ISO date, "2018-12-31"
  std::optional<std::string> region;  // canonical region name or "Total"; nullopt when none
  double value = 0;
  std::string unit;                   // "count", "pct", "mio. kr.", "persons"
  SourceRef source;
  std::vector<std::string> flags;     // "digit-repaired", "repaired-by-arithmetic", "low-confidence", ...
};

struct Table {
  int number = 0;                 // 1, 2, 3
  std::string caption;            // repaired caption text
  SourceRef source;               // the caption line
  std::vector<Record> records;    // in printed order
  // Tables 1 and 3: a total printed after the periods ("I alt"), not a
  // period itself; its period is empty. Checked against the sum.
  std::optional<Record> printed_total;
  // Cells the table prints whose value could not be read, with what stands
  // there and the cell's place; no record stands for them. Tables 1 and 3:
  // a period's value ("2021 Si", "43 ad 54"; periods_contiguous fails);
  // table 2: a region's ("Region Sjælland Ax"; regions_complete fails).
  struct UnreadCell {
    std::string period;                 // the period the cell is for
    std::optional<std::string> region;  // table 2: the region's canonical name
    std::string text;                   // what was read in its place ("Ax"); "" when none was found
    SourceRef source;
  };
  std::vector<UnreadCell> unread;
  // Tables 1 and 3 with the years across and the halves down: an "I alt"
  // row's sum for each year (period: the year). Checked against the halves.
  std::vector<Record> year_totals;
};

struct Extraction {
  std::string note_period;          // "2025-H1", "2024" ; empty when the title has none
  std::string title;
  SourceRef title_source;
  std::vector<Table> tables;        // the tables found, by number
  std::vector<Record> facts;        // facts from the running text
  std::vector<std::string> problems;     // what could not be extracted, each with where
  std::vector<Correction> digit_fixes;   // OCR digit confusions fixed in numeric context
  // Titles of further notes the input holds (another period's "Notat ..."
  // line); only the first note is read.
  std::vector<SourceRef> other_notes;
};

enum class CheckStatus { kPass, kFail, kSkip };

struct Check {
  std::string name;        // stable id, e.g. "regions_sum_to_total"
  CheckStatus status = CheckStatus::kSkip;
  std::string expected;
  std::string actual;
  std::string message;     // one readable sentence
  std::vector<SourceRef> sources;
  std::vector<std::string> subjects;  // RecordId()s of the records the check is about
};

struct ValidationReport {
  std::vector<Check> checks;
  bool ok() const {
    for (const Check& c : checks)
      if (c.status == CheckStatus::kFail) return false;
    return true;
  }
};

}  // namespace notat

#endif  // NOTAT_PIPELINE_TYPES_H_
