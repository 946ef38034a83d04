#include "extractors/extract.h"

#include <algorithm>
#include <exception>
#include <optional>
#include <string>

#include "extractors/facts.h"
#include "extractors/period.h"
#include "extractors/registry.h"
#include "extractors/text_util.h"

namespace notat {
namespace {

std::string LineRef(const SegLine& l) {
  return "page " + std::to_string(l.page) + ", line " + std::to_string(l.line);
}

// The note's period when the title names none: the first half year or date
// range in the running text.
std::optional<std::pair<Period, std::string>> PeriodFromText(const Segmented& seg) {
  for (const Section& s : seg.sections) {
    JoinedText jt = JoinLines(s.lines);
    for (const PeriodPhrase& p : FindPeriodPhrases(jt.text, 0)) {
      if (p.period.label.find("-H") == std::string::npos) continue;
      auto [li, lo] = jt.Locate(p.begin);
      std::string where = li < s.lines.size() ? LineRef(s.lines[li]) : "unknown place";
      return std::make_pair(p.period, where);
    }
  }
  return std::nullopt;
}

void ExtractInto(const Segmented& seg, Extraction* ex) {
  static const std::vector<PatternStatus> kPatterns = AllPatterns();
  for (const PatternStatus& p : kPatterns)
    if (!p.ok) ex->problems.push_back("internal: pattern " + p.name + " does not compile: " + p.error);

  ex->title = seg.title;
  if (!seg.title_lines.empty()) {
    ex->title_source.page = seg.title_lines[0].page;
    ex->title_source.line = seg.title_lines[0].line;
    ex->title_source.text = seg.title_lines[0].text;
  }
  std::optional<Period> note = NotePeriodFromTitle(seg.title);
  if (!note) {
    if (auto found = PeriodFromText(seg)) {
      note = found->first;
      ex->problems.push_back("note period: the title names none; took " + note->label +
                             " from the running text (" + found->second + ")");
    } else {
      ex->problems.push_back(seg.title.empty() ? "note period: no title found"
                                               : "note period: the title \"" + seg.title +
                                                     "\" names no period");
    }
  }
  ex->note_period = note ? note->label : "";
  for (const SegLine& l : seg.other_titles) {
    ex->other_notes.push_back(SourceRef{l.page, l.line, l.text, std::nullopt, -1});
    const std::string before = l.page > 2 ? "1-" + std::to_string(l.page - 1) : "1";
    // On its own page: the PDF's pages split it; inside a page (text run
    // together): the line does.
    const std::string how = l.page > 1 && l.line <= 3
                                ? " (for a PDF: `qpdf --empty --pages IN.pdf " + before +
                                      " -- first.pdf` and `qpdf --empty --pages IN.pdf " + std::to_string(l.page) +
                                      "-z -- second.pdf`)"
                                : " (the second starts at that line)";
    ex->problems.push_back(LineRef(l) + ": another note starts here (\"" + l.text + "\"); only the first (" +
                           ex->note_period + ") is read: give each note its own file" + how);
  }
  TableContext ctx;
  ctx.note_period = note ? &*note : nullptr;

  // Tables: by what the caption says, else by the printed number; a
  // chart's figures ("Figur 1. Antal henvendelser pr. år") only by what its
  // caption says, and only when no table gives the same.
  const std::vector<TableExtractor>& xs = TableExtractors();
  std::vector<int> chosen(seg.tables.size(), -1);
  std::vector<int> block_of(xs.size(), -1);
  for (size_t b = 0; b < seg.tables.size(); ++b) {
    int pick = -1;
    for (size_t x = 0; x < xs.size(); ++x) {
      if (!xs[x].matches_caption(seg.tables[b].caption)) continue;
      if (pick < 0 || (!seg.tables[b].figure && xs[x].number == seg.tables[b].number)) pick = static_cast<int>(x);
    }
    chosen[b] = pick;
  }
  for (size_t b = 0; b < seg.tables.size(); ++b) {
    if (chosen[b] >= 0 || seg.tables[b].figure) continue;
    for (size_t x = 0; x < xs.size(); ++x) {
      if (xs[x].number != seg.tables[b].number) continue;
      bool taken = false;
      for (size_t o = 0; o < seg.tables.size(); ++o) taken = taken || chosen[o] == static_cast<int>(x);
      if (!taken) chosen[b] = static_cast<int>(x);
    }
  }
  // Tables before charts, each in the order printed.
  std::vector<size_t> order(seg.tables.size());
  for (size_t b = 0; b < order.size(); ++b) order[b] = b;
  std::stable_partition(order.begin(), order.end(), [&](size_t b) { return !seg.tables[b].figure; });
  for (size_t b : order) {
    const TableBlock& block = seg.tables[b];
    std::string where = block.caption_lines.empty() ? "unknown place" : LineRef(block.caption_lines[0]);
    if (chosen[b] < 0) continue;  // a table notat does not read
    const TableExtractor& x = xs[chosen[b]];
    if (block_of[chosen[b]] >= 0) {
      ex->problems.push_back("table " + std::to_string(x.number) + " (" + where +
                             "): a second table of " + std::string(x.what) + "; ignored");
      continue;
    }
    block_of[chosen[b]] = static_cast<int>(b);
    TableResult r = x.extract(block, ctx);
    for (std::string& p : r.problems) ex->problems.push_back(std::move(p));
    for (Correction& c : r.digit_fixes) ex->digit_fixes.push_back(std::move(c));
    if (r.table) ex->tables.push_back(std::move(*r.table));
  }
  for (size_t x = 0; x < xs.size(); ++x) {
    if (block_of[x] >= 0) continue;
    ex->problems.push_back("table " + std::to_string(xs[x].number) + " (" + std::string(xs[x].what) +
                           ") not found: no caption \"Tabel " + std::to_string(xs[x].number) +
                           ". ...\" names it");
  }
  std::sort(ex->tables.begin(), ex->tables.end(),
            [](const Table& a, const Table& b) { return a.number < b.number; });

  ex->facts = ExtractFacts(seg, ctx.note_period, &ex->problems, &ex->digit_fixes);
}

}  // namespace

Extraction Extract(const Segmented& segmented) {
  Extraction ex;
  try {
    ExtractInto(segmented, &ex);
  } catch (const std::exception& e) {
    ex.problems.push_back(std::string("internal: extraction stopped: ") + e.what());
  } catch (...) {
    ex.problems.push_back("internal: extraction stopped");
  }
  return ex;
}

Extraction Extract(const RepairedText& text) {
  try {
    return Extract(Segment(text));
  } catch (const std::exception& e) {
    Extraction ex;
    ex.problems.push_back(std::string("internal: segmentation stopped: ") + e.what());
    return ex;
  } catch (...) {
    Extraction ex;
    ex.problems.push_back("internal: segmentation stopped");
    return ex;
  }
}

}  // namespace notat
