// Table 2: "Regionsvis fordeling af henvendelser i perioden ...", inquiries
// per region in the note's own period and the printed total. One record per
// region (canonical names), one per row of inquiries no region claims
// ("Uoplyst", "Udlandet", "Øvrige"; the total counts them too) and one with
// region "Total"; name "inquiries_by_region", unit "count".
//
// Labels and values are paired in printed order, so rows ("Region
// Hovedstaden 146"), a transposed table (names in a header row, values on
// one row) and any region order read the same. Region names are matched
// fuzzily ("Sjzelland", "Sjeelland" -> Region Sjælland). A share column
// beside the counts is left out; with periods side by side ("Region | 2024
// | 2025"), the column of the note's period (else the caption's) is read.
//
// When the regions do not add up to the printed total, one digit is changed
// only if exactly one single-digit change balances the table, that digit
// sits in a cell OCR may have misread (a letter read as a digit, or an OCR
// confidence below kDoubtfulConfidence), and the new digit looks like what
// was read (S may be 5, 6, 8 or 3; a doubtful 4 may be 1 or 9). The record
// is flagged "repaired-by-arithmetic" and the change listed with rule
// "arithmetic". Otherwise the numbers stay as
// printed and validation reports the imbalance.
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

#include "extractors/danish_number.h"
#include "extractors/internal.h"
#include "extractors/table_tokens.h"
#include "extractors/text_util.h"

namespace notat::internal {
namespace {

const RE2& CaptionRe() {
  static const RE2 re(R"((?i)region)");
  return re;
}

constexpr std::array<std::string_view, 5> kRegionKeys = {"hovedstaden", "midtjylland", "nordjylland",
                                                         "sjælland", "syddanmark"};

// The canonical region for a word, or empty.
std::string MatchRegion(std::string_view word) {
  std::string w = text::Lower(text::StripEnds(word, U"()[]{},.;:!?\"'|*-–"));
  if (w.size() > 6 && w.rfind("region", 0) == 0) w = w.substr(6);
  std::u32string cps = text::Decode(w);
  if (cps.size() < 5 || cps.size() > 16) return {};
  int best = 99, best_k = -1, ties = 0;
  for (size_t k = 0; k < kRegionKeys.size(); ++k) {
    std::u32string key = text::Decode(kRegionKeys[k]);
    int cap = key.size() >= 8 ? 2 : 1;
    int d = text::EditDistance(cps, key, cap);
    if (d > cap) continue;
    if (d < best) {
      best = d;
      best_k = static_cast<int>(k);
      ties = 0;
    } else if (d == best) {
      ++ties;
    }
  }
  if (best_k < 0 || ties > 0) return {};
  std::string canonical = std::string(kRegionKeys[best_k]);
  std::u32string c = text::Decode(canonical);
  c[0] = static_cast<char32_t>(c[0] - 32);  // ASCII first letters
  return "Region " + text::Encode(c);
}

// The regions' short names after "Region" ("Region H", "Region Midt",
// "Region Nord", "Region Sj.", "Region Syd"), and the capital's older
// name alone ("Hovedstadsregionen"): the canonical region, or empty.
std::string ShortRegionName(std::string_view word, bool after_region) {
  static constexpr std::pair<std::string_view, size_t> kShort[] = {
      {"h", 0}, {"midt", 1}, {"nord", 2}, {"sj", 3}, {"sjæl", 3}, {"syd", 4}};
  const std::string w = text::Lower(text::StripEnds(word, U"()[]{},.;:!?\"'|*-–"));
  if (w == "hovedstadsregionen" || w == "hovedstadsområdet") return MatchRegion(kRegionKeys[0]);
  if (!after_region) return {};
  for (const auto& [name, k] : kShort)
    if (w == name) return MatchRegion(kRegionKeys[k]);
  return {};
}

// A row for inquiries no region claims, starting at token `i` (first on its
// line, or next to a region in a header row of names): not stated
// ("Uoplyst", "Ukendt", "Ikke oplyst"), from abroad ("Udlandet", "Uden for
// Danmark") or other ("Øvrige", "Andet"). Returns its name (one of
// kOtherRows) and how many words its label takes; {"", 0} when it is none.
constexpr std::array<std::string_view, 3> kOtherRows = {"Uoplyst", "Udlandet", "Øvrige"};

std::pair<std::string, size_t> OtherRow(const std::vector<Token>& toks, size_t i, bool after_label) {
  struct Phrase {
    std::array<std::string_view, 3> words;
    size_t row;  // index into kOtherRows
  };
  static constexpr Phrase kPhrases[] = {
      {{"uoplyst"}, 0},          {{"ukendt"}, 0},          {{"ikke", "oplyst"}, 0},
      {{"ikke", "angivet"}, 0},  {{"ingen", "region"}, 0}, {{"uden", "region"}, 0},
      {{"udlandet"}, 1},         {{"udland"}, 1},          {{"uden", "for", "danmark"}, 1},
      {{"udenfor", "danmark"}, 1}, {{"øvrige"}, 2},        {{"ovrige"}, 2},
      {{"andet"}, 2},            {{"andre"}, 2}};
  if (!toks[i].first_on_line && !after_label) return {"", 0};
  for (const Phrase& p : kPhrases) {
    size_t k = 0;
    while (k < p.words.size() && !p.words[k].empty() && i + k < toks.size() &&
           toks[i + k].kind == TokKind::kWord && toks[i + k].line == toks[i].line &&
           text::Lower(toks[i + k].core) == p.words[k])
      ++k;
    if (k > 0 && (k == p.words.size() || p.words[k].empty())) return {std::string(kOtherRows[p.row]), k};
  }
  return {"", 0};
}

bool IsTotalWord(std::string_view core) {
  std::string w = text::Lower(core);
  return w == "total" || w == "totalt" || w == "tota1" || w == "ialt" || w == "sum" || w == "samlet";
}

// Digits a letter OCR put in a number may stand for.
std::string_view GlyphDigits(char glyph) {
  switch (glyph) {
    case 'O': return "0689";
    case 'l': case 'I': return "147";
    case 'S': case '$': return "5683";
    case 'B': return "8360";
    default: return "";
  }
}

// Digits OCR confuses with a digit.
std::string_view SimilarDigits(char digit) {
  switch (digit) {
    case '0': return "689";
    case '1': return "47";
    case '2': return "7";
    case '3': return "589";
    case '4': return "19";
    case '5': return "368";
    case '6': return "058";
    case '7': return "12";
    case '8': return "03569";
    case '9': return "0348";
    default: return "";
  }
}

struct Label {
  std::string region;  // canonical or "Total"
  size_t token = 0;
};

struct Cell {
  std::string region;
  size_t token = 0;
  double value = 0;
};

TableResult ExtractRegions(const TableBlock& block, const TableContext& ctx) {
  TableResult res;
  const std::string here = "table 2 (" + Where(block) + ")";
  if (block.body.empty()) {
    res.problems.push_back(here + ": no rows after the caption");
    return res;
  }
  std::vector<Token> toks = Tokenize(block.body);
  std::vector<Role> roles;
  std::vector<PeriodMention> halves = MarkDatesAndHalfYears(&toks, &roles);
  const size_t n = toks.size();
  // Labels.
  std::vector<Label> labels;
  for (size_t i = 0; i < n; ++i) {
    if (toks[i].kind != TokKind::kWord || roles[i] != Role::kNone) continue;
    const std::string lower = text::Lower(toks[i].core);
    if (lower == "region" || lower == "regioner" || lower == "regionen") continue;
    std::string region = MatchRegion(toks[i].core);
    if (region.empty()) {
      const bool after_region = i > 0 && toks[i - 1].line == toks[i].line && text::Lower(toks[i - 1].core) == "region";
      region = ShortRegionName(toks[i].core, after_region);
    }
    // A name hyphenated or split over two pieces ("Hoved-" "staden", "Syd danmark").
    if (region.empty() && i + 1 < n && toks[i + 1].kind == TokKind::kWord) {
      std::string joined = toks[i].core + toks[i + 1].core;
      region = MatchRegion(joined);
      if (!region.empty()) roles[i + 1] = Role::kLabel;
    }
    if (region.empty()) {
      bool total = IsTotalWord(toks[i].core);
      // "I alt", "| alt" (I read as a separator), "i alt"; the English
      // model reads the I as "T" too ("T alt 1 048").
      if (!total && lower == "alt") {
        bool after_i = i > 0 && (toks[i - 1].kind == TokKind::kSeparator ||
                                 toks[i - 1].core == "I" || toks[i - 1].core == "i" ||
                                 toks[i - 1].core == "l" || toks[i - 1].core == "Í" || toks[i - 1].core == "T");
        total = after_i || toks[i].first_on_line;
      }
      if (!total && lower == "hele" && i + 1 < n && text::Lower(toks[i + 1].core) == "landet") {
        total = true;
        roles[i + 1] = Role::kLabel;
      }
      if (total) region = "Total";
    }
    if (region.empty()) {
      const bool after_label = i > 0 && roles[i - 1] == Role::kLabel && toks[i - 1].line == toks[i].line;
      auto [other, words] = OtherRow(toks, i, after_label);
      for (size_t k = 1; k < words; ++k) roles[i + k] = Role::kLabel;
      region = other;
    }
    if (region.empty()) continue;
    roles[i] = Role::kLabel;
    labels.push_back(Label{region, i});
  }
  // Values: numbers that are not dates, periods or percentages.
  std::vector<size_t> values;
  for (size_t i = 0; i < n; ++i) {
    if (toks[i].kind != TokKind::kNumber || roles[i] != Role::kNone) continue;
    if (i + 1 < n && toks[i + 1].kind == TokKind::kPct) continue;
    values.push_back(i);
  }
  // The lines the labels stand on, and the values on each line, of the
  // labels and values as they are when asked.
  const auto label_lines_of = [&] {
    std::set<size_t> out;
    for (const Label& l : labels) out.insert(toks[l.token].line);
    return out;
  };
  const auto values_by_line = [&] {
    std::map<size_t, std::vector<size_t>> out;
    for (size_t i : values) out[toks[i].line].push_back(i);
    return out;
  };
  if (labels.size() != values.size() && !labels.empty()) {
    // A share column next to the counts ("Region Hovedstaden 146 29" under
    // "Antal | Andel (pct.)"): when every label's line holds the same number
    // of values and a header names a share, keep the count column.
    size_t count_at = n, share_at = n;
    for (size_t i = 0; i < n; ++i) {
      std::string w = text::Lower(toks[i].core);
      if (count_at == n && (w == "antal" || w.rfind("henvendelse", 0) == 0)) count_at = i;
      if (share_at == n && (toks[i].kind == TokKind::kPct || w.rfind("andel", 0) == 0 || w == "procent"))
        share_at = i;
    }
    std::map<size_t, std::vector<size_t>> by_line = values_by_line();
    const std::set<size_t> label_lines = label_lines_of();
    size_t k = by_line.count(toks[labels[0].token].line) ? by_line[toks[labels[0].token].line].size() : 0;
    bool same = share_at != n && k >= 2 && label_lines.size() == labels.size() &&
                by_line.size() == label_lines.size();
    for (size_t line : label_lines) same = same && by_line.count(line) && by_line[line].size() == k;
    if (same) {
      size_t column = (count_at < share_at || k > 2) ? 0 : 1;
      std::vector<size_t> picked;
      for (const Label& l : labels) picked.push_back(by_line[toks[l.token].line][column]);
      values = picked;
    }
  }
  // The period: the caption's own ("i perioden 1. januar til 30. juni 2025"),
  // else the note's.
  Period period;
  int default_year = ctx.note_period ? ctx.note_period->year : 0;
  std::vector<PeriodPhrase> phrases = FindPeriodPhrases(block.caption, default_year);
  if (!phrases.empty()) period = phrases.front().period;
  else if (ctx.note_period) period = *ctx.note_period;
  if (labels.size() != values.size() && !labels.empty()) {
    // Periods side by side ("Region | 2024 | 2025", "1. halvår 2024 | 1.
    // halvår 2025"): every label's line holds one value per period of the
    // header, and the column of the table's period is the one read.
    const size_t first_label = labels.front().token;
    std::vector<std::pair<size_t, std::string>> header;  // first token, period label
    for (const PeriodMention& m : halves)
      if (!m.tokens.empty() && m.tokens.front() < first_label) header.emplace_back(m.tokens.front(), m.period.label);
    for (size_t i : values)
      if (i < first_label && toks[i].year_like) header.emplace_back(i, toks[i].core);
    std::sort(header.begin(), header.end());
    std::map<size_t, std::vector<size_t>> by_line;
    for (size_t i : values)
      if (i > first_label) by_line[toks[i].line].push_back(i);
    // The note's own period when the header has it (a caption may name the
    // comparison period first: "i 2023 og 2024"), else the caption's.
    size_t column = header.size();
    for (size_t c = 0; c < header.size(); ++c)
      if (header[c].second == period.label) column = c;
    for (size_t c = 0; c < header.size(); ++c)
      if (ctx.note_period && header[c].second == ctx.note_period->label) {
        column = c;
        period = *ctx.note_period;
      }
    // A header of bare years under a caption that names the half years
    // ("... 1. halvår 2025 og 1. halvår 2026" over "2025 | 2026"): the note's
    // year is its half year's column.
    bool caption_names_note = false;
    for (const PeriodPhrase& p : phrases)
      caption_names_note = caption_names_note || (ctx.note_period && p.period.label == ctx.note_period->label);
    for (size_t c = 0; c < header.size() && column == header.size() && caption_names_note; ++c)
      if (header[c].second == std::to_string(ctx.note_period->year)) {
        column = c;
        period = *ctx.note_period;
      }
    bool fits = header.size() >= 2 && column < header.size() && by_line.size() == labels.size();
    for (const Label& l : labels) {
      auto it = by_line.find(toks[l.token].line);
      fits = fits && it != by_line.end() && it->second.size() == header.size();
    }
    if (fits) {
      std::vector<size_t> picked;
      for (const Label& l : labels) picked.push_back(by_line[toks[l.token].line][column]);
      values = picked;
      // The other periods' columns are said, not dropped silently.
      std::string others;
      for (size_t c = 0; c < header.size(); ++c)
        if (c != column) others += (others.empty() ? "" : ", ") + header[c].second;
      res.problems.push_back(here + ": the " + (header.size() > 2 ? "columns for " : "column for ") + others +
                             " not read; table 2's records are the regions of " + period.label);
    }
  }
  if (labels.size() != values.size()) {
    // A year in a header ("Antal henvendelser 2025") is not a count.
    std::vector<size_t> no_years;
    for (size_t i : values)
      if (!toks[i].year_like) no_years.push_back(i);
    if (no_years.size() == labels.size()) values = no_years;
  }
  std::vector<Table::UnreadCell> unread;
  if (labels.size() > values.size() && !labels.empty()) {
    // One row per label, some value unreadable ("Region Sjælland Ax"): when
    // every value stands alone on a label's line, the readable rows are kept
    // and each unreadable one is reported (regions_complete then fails).
    const std::map<size_t, std::vector<size_t>> by_line = values_by_line();
    const std::set<size_t> label_lines = label_lines_of();
    bool rows = label_lines.size() == labels.size() && 2 * values.size() >= labels.size();
    for (const auto& [line, on_line] : by_line) rows = rows && label_lines.count(line) && on_line.size() == 1;
    if (rows) {
      std::vector<Label> kept;
      std::vector<size_t> kept_values;
      for (const Label& l : labels) {
        const size_t line = toks[l.token].line;
        if (auto it = by_line.find(line); it != by_line.end()) {
          kept.push_back(l);
          kept_values.push_back(it->second.front());
          continue;
        }
        std::string cell;  // what stands where the value should
        std::vector<size_t> cell_tokens;
        for (size_t i = l.token + 1; i < n && toks[i].line == line; ++i)
          if (roles[i] == Role::kNone && toks[i].kind != TokKind::kSeparator) {
            cell += (cell.empty() ? "" : " ") + toks[i].raw;
            cell_tokens.push_back(i);
          }
        // "Region Nordjylland II": 11 with its l's or I's read as ones.
        if (cell_tokens.size() == 1 && ReadLettersAsOnes(&toks[cell_tokens[0]])) {
          roles[cell_tokens[0]] = Role::kValue;
          kept.push_back(l);
          kept_values.push_back(cell_tokens[0]);
          continue;
        }
        res.problems.push_back(AtLine(here, block.body[line]) + ": no readable value for " + l.region +
                               (cell.empty() ? "" : " (\"" + cell + "\")") + " in \"" + block.body[line].text + "\"");
        unread.push_back(Table::UnreadCell{period.label, l.region, cell, SourceFor(block.body, toks[l.token])});
      }
      labels = std::move(kept);
      values = std::move(kept_values);
    }
  }
  size_t inferred_total = n;  // a total's value whose row label is unreadable
  if (values.size() == labels.size() + 1 && !labels.empty()) {
    // Rows, one value on each label's line, and one more value alone on a
    // line after them whose label OCR left unreadable ("Jat 275" for "I
    // alt 275"): the total when it is the rows' sum, as the last row of the
    // table; else no row's, reported. The rows are kept either way.
    const std::map<size_t, std::vector<size_t>> by_line = values_by_line();
    const std::set<size_t> label_lines = label_lines_of();
    bool rows = label_lines.size() == labels.size() &&
                std::none_of(labels.begin(), labels.end(), [](const Label& l) { return l.region == "Total"; });
    size_t extra = n;
    for (const auto& [line, on_line] : by_line) {
      if (label_lines.count(line)) rows = rows && on_line.size() == 1;
      else if (on_line.size() == 1 && line > *label_lines.rbegin() && extra == n) extra = on_line.front();
      else rows = false;
    }
    if (rows && extra != n) {
      double sum = 0;
      for (size_t i : values)
        if (i != extra) sum += toks[i].value;
      const size_t line = toks[extra].line;
      std::string label;  // what stands before the value
      for (size_t i = 0; i < extra; ++i)
        if (toks[i].line == line && toks[i].kind != TokKind::kSeparator) label += (label.empty() ? "" : " ") + toks[i].raw;
      const std::string where = AtLine(here, block.body[line]);
      if (toks[extra].value == sum) {
        labels.push_back(Label{"Total", extra});
        inferred_total = extra;
        res.problems.push_back(where + ": the last row's label is unreadable (\"" + label + "\"); its " +
                               toks[extra].raw + ", the rows' sum, is taken as the total");
      } else {
        values.erase(std::find(values.begin(), values.end(), extra));
        res.problems.push_back(where + ": value " + toks[extra].raw + " belongs to no readable row in \"" +
                               block.body[line].text + "\"");
      }
    }
  }
  if (labels.size() == values.size() && !labels.empty()) {
    // Rows (each label on its own line, every value on a label's line): a
    // value must stand on its own label's line. "Region Sjælland Ax" over
    // "Region Syddanmark 116 23" would otherwise give Sjælland 116.
    const std::set<size_t> label_lines = label_lines_of();
    bool rows = label_lines.size() == labels.size();
    for (size_t i : values) rows = rows && label_lines.count(toks[i].line);
    for (size_t k = 0; rows && k < labels.size(); ++k) {
      const size_t line = toks[labels[k].token].line;
      if (toks[values[k]].line == line) continue;
      res.problems.push_back(AtLine(here, block.body[line]) + ": the values do not line up with the regions (" +
                             labels[k].region + " has none of its own in \"" + block.body[line].text + "\")");
      return res;
    }
  }
  int regions = 0;
  bool has_total = false;
  for (const Label& l : labels) {
    if (l.region == "Total") has_total = true;
    else if (std::find(kOtherRows.begin(), kOtherRows.end(), l.region) == kOtherRows.end()) ++regions;
  }
  if (labels.empty()) {
    res.problems.push_back(here + ": no region names found");
    return res;
  }
  if (labels.size() != values.size()) {
    res.problems.push_back(here + ": " + std::to_string(regions) + " regions" +
                           (has_total ? " and a total" : "") + " but " +
                           std::to_string(values.size()) + " values");
    return res;
  }
  std::set<std::string> seen;
  for (const Label& l : labels) {
    if (!seen.insert(l.region).second) {
      res.problems.push_back(here + ": " + l.region + " printed twice");
      return res;
    }
  }
  std::vector<std::string> missing;  // (an unreadable row is reported above)
  for (std::string_view key : kRegionKeys) {
    std::string name = MatchRegion(key);
    auto is_unread = [&](const Table::UnreadCell& u) { return u.region == name; };
    if (!seen.count(name) && std::none_of(unread.begin(), unread.end(), is_unread)) missing.push_back(name);
  }
  if (!missing.empty()) {
    std::string list;
    for (const std::string& m : missing) list += (list.empty() ? "" : ", ") + m;
    res.problems.push_back(here + ": " + std::to_string(regions) + " of 5 regions (missing " +
                           list + ")");
  }

  Table table;
  table.number = 2;
  table.caption = block.caption;
  table.unread = std::move(unread);
  if (!block.caption_lines.empty()) {
    table.source.page = block.caption_lines[0].page;
    table.source.line = block.caption_lines[0].line;
    table.source.text = block.caption_lines[0].text;
  }
  std::vector<Cell> cells;
  for (size_t k = 0; k < labels.size(); ++k)
    cells.push_back(Cell{labels[k].region, values[k], toks[values[k]].value});
  for (const Cell& c : cells) {
    const Token& v = toks[c.token];
    Record rec = CountRecord(ctx, 2, "inquiries_by_region", block.body, v, &res);
    rec.period = period.label;
    rec.period_start = period.start;
    rec.period_end = period.end;
    rec.region = c.region;
    rec.value = c.value;
    if (c.token == inferred_total) rec.flags.push_back("row-inferred");
    AddSourceFlags(&rec);
    table.records.push_back(std::move(rec));
  }

  // Arithmetic repair: see the file comment.
  int total_at = -1;
  double sum = 0;
  bool integers = true;
  for (size_t k = 0; k < table.records.size(); ++k) {
    if (table.records[k].region == "Total") total_at = static_cast<int>(k);
    else sum += table.records[k].value;
    if (!toks[cells[k].token].integer) integers = false;
  }
  if (total_at >= 0 && integers && sum != table.records[total_at].value) {
    struct Candidate {
      size_t record;
      std::string after;
      double value;
    };
    std::vector<Candidate> found;
    for (size_t k = 0; k < table.records.size(); ++k) {
      const Token& v = toks[cells[k].token];
      const Record& rec = table.records[k];
      bool low = rec.source.confidence >= 0 && rec.source.confidence < kDoubtfulConfidence;
      if (v.digit_rule.empty() && !low) continue;
      // Positions worth changing, each with the digits it may really be:
      // a letter read as a digit may be any digit that glyph resembles; in a
      // low-confidence word any digit may be one its neighbours resemble.
      std::vector<std::pair<size_t, std::string_view>> positions;
      for (size_t p : v.fixed_positions)
        positions.emplace_back(p, GlyphDigits(v.printed_core[p]));
      if (low) {
        positions.clear();
        for (size_t p = 0; p < v.core.size(); ++p)
          if (v.core[p] >= '0' && v.core[p] <= '9')
            positions.emplace_back(p, p < v.printed_core.size() && v.printed_core[p] != v.core[p]
                                          ? GlyphDigits(v.printed_core[p])
                                          : SimilarDigits(v.core[p]));
      }
      for (const auto& [p, digits] : positions) {
        for (char d : digits) {
          if (d == v.core[p]) continue;
          std::string changed = v.core;
          changed[p] = d;
          std::optional<double> nv = ParseDanishNumber(changed);
          if (!nv) continue;
          double new_sum = static_cast<int>(k) == total_at ? sum : sum - rec.value + *nv;
          double new_total = static_cast<int>(k) == total_at ? *nv : table.records[total_at].value;
          if (new_sum == new_total) found.push_back(Candidate{k, changed, *nv});
        }
      }
    }
    if (found.size() == 1) {
      const Candidate& c = found[0];
      Record& rec = table.records[c.record];
      const Token& v = toks[cells[c.record].token];
      Correction fix = DigitFixFor(block.body, v);
      fix.before = v.core;
      fix.after = c.after;
      fix.rule = "arithmetic";
      fix.confidence = 0.6;
      res.digit_fixes.push_back(fix);
      rec.value = c.value;
      rec.flags.push_back("repaired-by-arithmetic");
    }
  }
  res.table = std::move(table);
  return res;
}

bool MatchesCaption(std::string_view caption) { return Contains(CaptionRe(), caption); }

}  // namespace

TableExtractor Table2Extractor() {
  return TableExtractor{2, "inquiries_by_region", "inquiries per region", &MatchesCaption,
                        &ExtractRegions};
}

void AppendTable2Patterns(std::vector<PatternStatus>* out) {
  AddPattern(out, "table2.caption", CaptionRe());
}

}  // namespace notat::internal
