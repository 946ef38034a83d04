#include "extractors/table_tokens.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
#include <optional>
#include <set>

#include "extractors/danish_number.h"
#include "extractors/internal.h"
#include "extractors/text_util.h"

namespace notat::internal {
namespace {

constexpr size_t kMaxTokens = 5000;
constexpr std::u32string_view kStrip = U"()[]{},.;:!?\"'*«»“”„–-—/¹²³…•";

const RE2& HalfWordRe() {
  static const RE2 re(R"((?i)^(?:halv[^\s\d]{0,3}r(?:et|s)?|halvdel(?:en)?|h[åa])$)");
  return re;
}
const RE2& OrdinalWordRe() {
  static const RE2 re(R"((?i)^(f\S{1,3}rste|and(?:et|en))$)");
  return re;
}
// "1.halvår" printed without a space (also its abbreviation "1.hå.").
const RE2& GluedHalfRe() {
  static const RE2 re(R"((?i)^([12lI])\.(halv[^\s\d]{0,3}r\S*|h[åa]\.?\)?)$)");
  return re;
}
// "H1-2026", "h2/2025": group 1 the half, group 2 the year.
const RE2& GluedHYearRe() {
  static const RE2 re(R"([Hh]([12])[-–/](\d{4}))");
  return re;
}
// A footnote saying when the counting began ("startede i maj 2018",
// "siden maj", "fra maj").
const RE2& StartedRe() {
  static const RE2 re(R"((?i)\b(?:start|begynd|gik\s+i\s+gang|etabler|oprett|siden\b|fra\b))");
  return re;
}
bool IsDash(std::string_view s) { return s == "-" || s == "–" || s == "—" || s == "|" || s == "¦"; }

void Classify(Token* t) {
  std::string_view raw = t->raw;
  t->open_paren = !raw.empty() && raw.front() == '(';
  t->close_paren = raw.find(')') != std::string_view::npos;
  std::string_view trimmed = text::StripEnds(raw, U"()[]{}\"'*«»“”„");
  t->trailing_dot = !trimmed.empty() && trimmed.back() == '.';
  std::string core(text::StripEnds(raw, kStrip));
  if (core.size() > 1 && core.back() == '%') core.pop_back();  // "29%": EmitPiece adds the "%"

  t->core = core;
  t->printed_core = core;
  // A zero read as "()" inside a figure, its two strokes apart ("2()22").
  if (size_t at = core.find("()"); at != std::string::npos && at > 0 && at + 2 < core.size()) {
    std::string zeroed;
    std::vector<size_t> zeros;
    for (size_t i = 0; i < core.size(); ++i) {
      if (core.compare(i, 2, "()") == 0) {
        zeros.push_back(zeroed.size());
        zeroed += '0';
        ++i;
      } else {
        zeroed += core[i];
      }
    }
    if (std::all_of(zeroed.begin(), zeroed.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      core = t->core = zeroed;
      t->fixed_positions = zeros;
      t->digit_rule = "digit:()->0";
    }
  }
  if (raw == "%" || core == "%" || (!core.empty() && (text::Lower(core) == "pct" || text::Lower(core) == "procent"))) {
    t->kind = TokKind::kPct;
    return;
  }
  if (core.empty()) {
    t->kind = TokKind::kSeparator;
    return;
  }
  // Digit confusions, only inside an otherwise numeric token (a "$" is no
  // Danish word: alone it is a 5).
  bool has_digit = core == "$" || std::any_of(core.begin(), core.end(), [](char c) { return c >= '0' && c <= '9'; });
  bool has_letter = core.find_first_of("OlISB$") != std::string::npos;
  if (has_digit && has_letter && Full(ConfusableNumberRe(), core)) {
    std::string rules;
    std::set<std::string> seen;
    for (size_t i = 0; i < core.size(); ++i) {
      char d = DigitForGlyph(core[i]);
      if (d == core[i]) continue;
      std::string rule = std::string(1, core[i]) + "->" + std::string(1, d);
      if (seen.insert(rule).second) rules += (rules.empty() ? "" : ",") + rule;
      t->core[i] = d;
      t->fixed_positions.push_back(i);
    }
    t->digit_rule = "digit:" + rules;
  }
  // Counts in the tables have no decimals (a share has one).
  if (Full(CommaThousandsRe(), t->core)) {
    const size_t comma = t->core.find(',');
    t->core[comma] = '.';
    t->fixed_positions.push_back(comma);
    t->digit_rule = t->digit_rule.empty() ? "digit:,->." : t->digit_rule + ",,->.";
  }
  if (std::optional<DanishQuantity> q = ParseDanishQuantity(t->core); q && q->unit.empty()) {
    t->kind = TokKind::kNumber;
    t->value = q->value;
    t->integer = q->integer;
    t->year_like = t->core.size() == 4 && q->integer && IsPlausibleYear(static_cast<int>(q->value));
    return;
  }
  // Not a number after all: undo the repair.
  t->core = t->printed_core;
  t->digit_rule.clear();
  t->fixed_positions.clear();
  if (Full(HalfWordRe(), t->core)) {
    t->kind = TokKind::kHalf;
  } else if (Full(OrdinalWordRe(), t->core)) {
    t->kind = TokKind::kOrdinalWord;
    t->ordinal = text::Lower(t->core).rfind("and", 0) == 0 ? 2 : 1;
  } else if (std::optional<int> m = DanishMonth(t->core)) {
    t->kind = TokKind::kMonth;
    t->month = *m;
  } else {
    t->kind = TokKind::kWord;
  }
}

// The ordinal of a half year a token can be: "1." or "2.", "første" or
// "andet", or "l." / "I.", OCR's reading of "1." (ReadLetterAsOne records
// that fix once the token is taken as one). 0 for any other token.
int HalfOrdinal(const Token& t) {
  // (A comma for the dot on a poor scan: "1, halvår".)
  const bool dot = t.trailing_dot || (!t.raw.empty() && t.raw.back() == ',');
  if (t.kind == TokKind::kNumber && dot && t.integer && (t.value == 1 || t.value == 2))
    return static_cast<int>(t.value);
  if (t.kind == TokKind::kOrdinalWord) return t.ordinal;
  if (t.kind == TokKind::kWord && t.trailing_dot && (t.core == "l" || t.core == "I")) return 1;
  return 0;
}

// Turns an "l." or "I." taken as the ordinal 1 into the number 1, with the
// digit fix recorded; other tokens are left as they are.
// A word of I's and l's made that many ones ("l" 1, "II" 11), with the
// digit fix recorded.
void LettersToOnes(Token* t) {
  std::string rules;
  for (char c : {'I', 'l'})
    if (t->core.find(c) != std::string::npos) rules += std::string(rules.empty() ? "" : ",") + c + "->1";
  t->digit_rule = "digit:" + rules;
  t->fixed_positions.clear();
  for (size_t i = 0; i < t->core.size(); ++i) t->fixed_positions.push_back(i);
  t->core = std::string(t->core.size(), '1');
  t->kind = TokKind::kNumber;
  t->value = std::stod(t->core);
  t->integer = true;
}

void ReadLetterAsOne(Token* t) {
  if (t->kind == TokKind::kWord) LettersToOnes(t);
}

void EmitPiece(std::string_view raw, size_t offset, size_t line, bool* first, std::vector<Token>* out) {
  if (raw.empty()) return;
  const auto push = [&](std::string_view r, size_t off) {
    Token t;
    t.raw = std::string(r);
    t.line = line;
    t.offset = off;
    t.first_on_line = *first;
    *first = false;
    if (IsDash(r)) {
      t.kind = TokKind::kSeparator;
      t.core.clear();
    } else {
      Classify(&t);
    }
    bool glued_pct = t.kind == TokKind::kNumber && r.size() > 1 &&
                     text::StripEnds(r, U"()[]{}\"'*").ends_with("%");
    out->push_back(std::move(t));
    if (glued_pct) {
      Token p;
      p.kind = TokKind::kPct;
      p.raw = "%";
      p.core = "%";
      p.line = line;
      p.offset = off + r.size() - 1;
      out->push_back(std::move(p));
    }
  };
  std::string ord, half;
  // (In brackets after its year too: "2025 (1.halvår)".)
  const size_t bracket = !raw.empty() && raw.front() == '(' ? 1 : 0;
  if (RE2::FullMatch(raw.substr(bracket), GluedHalfRe(), &ord, &half)) {
    push(raw.substr(0, bracket + ord.size() + 1), offset);
    push(raw.substr(bracket + ord.size() + 1), offset + bracket + ord.size() + 1);
    return;
  }
  // "maj-dec." or "(maj–dec.)": two months in one piece.
  std::string_view inner = text::StripEnds(raw, U"()[]{}");
  for (std::string_view dash : {"-", "–"}) {
    size_t d = inner.find(dash);
    if (d == std::string_view::npos || d == 0) continue;
    std::string_view a = inner.substr(0, d), b = inner.substr(d + dash.size());
    if (!b.empty() && DanishMonth(a) && DanishMonth(b)) {
      size_t a_off = offset + static_cast<size_t>(a.data() - raw.data());
      size_t b_off = offset + static_cast<size_t>(b.data() - raw.data());
      std::string ra = (raw.front() == '(' ? "(" : "") + std::string(a) + "-";
      std::string rb = std::string(b) + (raw.find(')') != std::string_view::npos ? ")" : "");
      push(ra, a_off);
      push(rb, b_off);
      return;
    }
  }
  push(raw, offset);
}

// A count, not a year or an ordinal ("1."), that may be a piece of a
// number with a space for its thousands separator: printed as digits only
// (no punctuation, no OCR digit repair).
bool IsCountPiece(const Token& t) {
  return t.kind == TokKind::kNumber && t.integer && !t.year_like && !t.trailing_dot && t.raw == t.core;
}

// "I alt 1 021", "2025 1 650": a space as the thousands separator. Two
// counts a single space apart are one number when they are the line's only
// counts, the first has one or two digits (the notes count in thousands at
// most) and the second exactly three. Not in a block with periods side by
// side (a line holding two years), whose rows hold a count per column
// ("Region Nordjylland 25 112"), nor where a share column's row would lose
// its share.
void JoinSpacedThousands(const std::vector<SegLine>& lines, std::vector<Token>* toks) {
  std::vector<Token>& t = *toks;
  std::map<size_t, int> years, counts;  // line -> tokens
  for (const Token& x : t) {
    if (x.kind == TokKind::kNumber && x.year_like) ++years[x.line];
    if (IsCountPiece(x)) ++counts[x.line];
  }
  for (const auto& [line, n] : years)
    if (n >= 2) return;
  // In a block with a share column ("Andel (pct.)"; not "Ændring i pct.",
  // whose signed cells are no counts) a row keeps its share: "Region
  // Hovedstaden 29 407" is a share and a count, "I alt 1 048 100,0" a
  // count and its share.
  bool share_column = false;
  std::map<size_t, int> numbers;  // line -> number tokens
  for (const Token& x : t) {
    share_column = share_column || (x.kind == TokKind::kWord && text::Lower(x.core).rfind("andel", 0) == 0);
    if (x.kind == TokKind::kNumber) ++numbers[x.line];
  }
  for (size_t i = 0; i + 1 < t.size(); ++i) {
    Token& a = t[i];
    const Token& b = t[i + 1];
    if (a.line != b.line || counts[a.line] != 2 || !IsCountPiece(a) || !IsCountPiece(b)) continue;
    if (share_column && numbers[a.line] < 3) continue;
    if (a.core.size() > 2 || a.core[0] == '0' || b.core.size() != 3) continue;
    // "I alt 98 100 pct.": a count and its share.
    if (i + 2 < t.size() && t[i + 2].line == b.line && t[i + 2].kind == TokKind::kPct) continue;
    const std::string& text = lines[a.line].text;
    size_t gap = a.offset + a.raw.size();
    if (b.offset != gap + 1 || text[gap] != ' ') continue;
    Token joined = a;
    joined.raw = a.raw + " " + b.raw;
    joined.core = joined.printed_core = a.core + b.core;
    joined.value = a.value * 1000 + b.value;
    a = std::move(joined);
    t.erase(t.begin() + static_cast<std::ptrdiff_t>(i) + 1);
  }
}

// A year whose raised footnote mark OCR read as a digit of it: "20181" for
// "2018¹" in a header of years, next to 2019 (or after 2017). Only 1-3,
// the marks a note uses, and only beside the year it continues or follows.
void SplitFootnoteDigitsFromYears(std::vector<Token>* toks) {
  std::vector<Token>& t = *toks;
  for (size_t i = 0; i < t.size(); ++i) {
    Token& x = t[i];
    if (x.kind != TokKind::kNumber || !x.integer || x.core.size() != 5 || x.raw != x.core) continue;
    const char mark = x.core[4];
    const int year = std::atoi(x.core.substr(0, 4).c_str());
    if (mark < '1' || mark > '3' || !IsPlausibleYear(year)) continue;
    const auto is_year = [&](size_t k, int y) {
      return k < t.size() && t[k].line == x.line && t[k].kind == TokKind::kNumber && t[k].year_like &&
             static_cast<int>(t[k].value) == y;
    };
    if (!is_year(i + 1, year + 1) && !(i > 0 && is_year(i - 1, year - 1))) continue;
    x.core = x.printed_core = x.core.substr(0, 4);
    x.value = year;
    x.year_like = true;
    x.footnote_digit = mark;
  }
}

// A lone 1 among a row's counts whose OCR box is no digit's: under two
// thirds or over one and a half times the height of the row's other
// numbers, or a sliver under a fifth of its height wide. It is a piece of a
// broken table rule the OCR read as a one ("631 1 827" on a thin scan) and
// becomes a separator. Only where the words have boxes.
void MarkRuleFragments(const std::vector<SegLine>& lines, std::vector<Token>* toks) {
  std::map<size_t, std::vector<double>> heights;  // line -> heights of its numbers of 2+ digits
  for (const Token& t : *toks) {
    if (t.kind != TokKind::kNumber || t.core.size() < 2 || lines[t.line].words.empty()) continue;
    std::optional<Box> box = SourceFor(lines, t).box;
    if (box && box->y1 > box->y0) heights[t.line].push_back(box->y1 - box->y0);
  }
  for (Token& t : *toks) {
    // (Not the ordinal of "1. halvår", whose word may take in a rule.)
    if (t.kind != TokKind::kNumber || t.core != "1" || t.trailing_dot) continue;
    auto it = heights.find(t.line);
    if (it == heights.end() || it->second.size() < 2) continue;
    std::vector<double>& h = it->second;
    std::nth_element(h.begin(), h.begin() + static_cast<std::ptrdiff_t>(h.size() / 2), h.end());
    const double median = h[h.size() / 2];
    std::optional<Box> box = SourceFor(lines, t).box;
    if (!box) continue;
    const double height = box->y1 - box->y0, width = box->x1 - box->x0;
    if (height < median * 2 / 3 || height > median * 1.5 || width < height / 5) t.kind = TokKind::kSeparator;
  }
}

}  // namespace

std::vector<Token> Tokenize(const std::vector<SegLine>& lines) {
  std::vector<Token> out;
  for (size_t li = 0; li < lines.size(); ++li) {
    bool first = true;
    for (const text::Piece& p : text::SplitWhitespace(lines[li].text)) {
      if (out.size() > kMaxTokens) break;  // a table is never this long
      // Split on "|" (and "¦") used as column separators.
      std::string_view s = p.text;
      size_t start = 0;
      for (size_t i = 0; i < s.size();) {
        size_t len = 0;
        if (s[i] == '|') len = 1;
        else if (s.compare(i, 2, "¦") == 0) len = 2;
        if (len == 0) {
          ++i;
          continue;
        }
        EmitPiece(s.substr(start, i - start), p.offset + start, li, &first, &out);
        EmitPiece(s.substr(i, len), p.offset + i, li, &first, &out);
        i += len;
        start = i;
      }
      EmitPiece(s.substr(start), p.offset + start, li, &first, &out);
    }
    // A line that is only "I", "l" or "!" is a table rule OCR read as a letter.
    if (!out.empty() && out.back().line == li && out.back().first_on_line &&
        (out.back().raw == "I" || out.back().raw == "l" || out.back().raw == "!"))
      out.back().kind = TokKind::kSeparator;
    if (out.size() > kMaxTokens) break;
  }
  // A word hyphenated over two pieces ("halv-" "år", "Hoved-" "staden") is
  // read as one word at the first piece's place.
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    Token& a = out[i];
    const Token& b = out[i + 1];
    if (a.kind != TokKind::kWord || !a.raw.ends_with("-") || a.raw.size() < 3) continue;
    if (b.kind == TokKind::kNumber || b.kind == TokKind::kSeparator || b.kind == TokKind::kPct) continue;
    if (!text::IsLower(text::FirstCodePoint(b.raw))) continue;
    Token joined;
    joined.raw = a.raw.substr(0, a.raw.size() - 1) + b.raw;
    joined.line = a.line;
    joined.offset = a.offset;
    joined.first_on_line = a.first_on_line;
    Classify(&joined);
    a = std::move(joined);
    out.erase(out.begin() + static_cast<std::ptrdiff_t>(i) + 1);
  }
  JoinSpacedThousands(lines, &out);
  SplitFootnoteDigitsFromYears(&out);
  MarkRuleFragments(lines, &out);
  return out;
}

std::vector<PeriodMention> MarkDatesAndHalfYears(std::vector<Token>* toks_ptr,
                                                 std::vector<Role>* roles_ptr) {
  std::vector<Token>& toks = *toks_ptr;
  std::vector<Role>& roles = *roles_ptr;
  roles.assign(toks.size(), Role::kNone);
  const size_t n = toks.size();
  const auto next_sig = [&](size_t i, bool skip_months) {
    size_t j = i + 1;
    while (j < n && (toks[j].kind == TokKind::kSeparator ||
                     (skip_months && toks[j].kind == TokKind::kMonth && roles[j] == Role::kNone)))
      ++j;
    return j;
  };
  // Dates: "1. januar", "30. juni 2025".
  for (size_t i = 0; i < n; ++i) {
    const Token& t = toks[i];
    if (t.kind != TokKind::kNumber || !t.trailing_dot || !t.integer || t.value < 1 || t.value > 31)
      continue;
    size_t j = next_sig(i, false);
    if (j >= n || toks[j].kind != TokKind::kMonth || toks[j].open_paren) continue;
    roles[i] = roles[j] = Role::kDate;
    size_t k = next_sig(j, false);
    if (k < n && toks[k].kind == TokKind::kNumber && toks[k].year_like) roles[k] = Role::kDate;
  }
  std::vector<PeriodMention> out;
  // Two half years side by side in a header, each over several lines, read
  // across: "1. 2." / "halvår halvår" / "2024 2024", or "1. halvår 2. halvår"
  // / "2024 2024". A run of ordinals and "halvår" words (as many of each)
  // followed by as many years pairs them in printed order. Read before single
  // half years, which would take "2. halvår" and the first "2024".
  const auto ordinal_of = [&](size_t i) { return HalfOrdinal(toks[i]); };
  // After an ordinal, a "2" whose dot OCR lost ("1. 2" / "halvar | halvar").
  const auto lost_dot = [&](size_t i) {
    const Token& t = toks[i];
    return t.kind == TokKind::kNumber && !t.trailing_dot && t.integer && t.value == 2;
  };
  for (size_t i = 0; i < n; ++i) {
    if (roles[i] != Role::kNone || ordinal_of(i) == 0) continue;
    std::vector<size_t> ords, halfs, years;
    size_t j = i;
    while (j < n && roles[j] == Role::kNone &&
           (ordinal_of(j) != 0 || toks[j].kind == TokKind::kHalf ||
            (!ords.empty() && halfs.empty() && lost_dot(j)))) {
      const size_t at = j;
      (toks[at].kind == TokKind::kHalf ? halfs : ords).push_back(at);
      j = next_sig(at, true);
      // "halvår i halvår": the rule between two header cells, once OCR's "|"
      // has been read as the word "i".
      if (j + 1 < n && toks[at].kind == TokKind::kHalf && toks[j].kind == TokKind::kWord &&
          (toks[j].core == "i" || toks[j].core == "I") && toks[j + 1].kind == TokKind::kHalf &&
          toks[j].line == toks[j + 1].line)
        j = j + 1;
    }
    while (j < n && years.size() < ords.size() && roles[j] == Role::kNone &&
           toks[j].kind == TokKind::kNumber && toks[j].year_like) {
      years.push_back(j);
      j = next_sig(j, true);
    }
    if (ords.size() < 2 || halfs.size() != ords.size() || years.size() != ords.size()) continue;
    for (size_t m = 0; m < ords.size(); ++m) {
      roles[ords[m]] = roles[halfs[m]] = roles[years[m]] = Role::kPeriod;
      int ord = lost_dot(ords[m]) ? 2 : ordinal_of(ords[m]);
      ReadLetterAsOne(&toks[ords[m]]);
      out.push_back(PeriodMention{
          HalfYearPeriod(static_cast<int>(toks[years[m]].value), ord),
          {ords[m], halfs[m], years[m]}});
    }
    i = years.back();
  }
  // Half years: an ordinal, "halvår" and a year, months or separators between.
  for (size_t i = 0; i < n; ++i) {
    if (roles[i] != Role::kNone) continue;
    Token& t = toks[i];
    int ord = HalfOrdinal(t);
    // "H1-2026", "H2/2025": the half and its year in one piece.
    if (int half = 0, year = 0; ord == 0 && t.kind == TokKind::kWord && RE2::FullMatch(t.core, GluedHYearRe(), &half, &year) &&
        IsPlausibleYear(year)) {
      roles[i] = Role::kPeriod;
      out.push_back(PeriodMention{HalfYearPeriod(year, half), {i}});
      continue;
    }
    if (ord == 0 && t.kind == TokKind::kWord && t.core.size() == 2 && (t.core[0] == 'H' || t.core[0] == 'h') &&
        (t.core[1] == '1' || t.core[1] == '2')) {
      // "H1 2025".
      size_t k = next_sig(i, true);
      if (k < n && toks[k].kind == TokKind::kNumber && toks[k].year_like && roles[k] == Role::kNone) {
        roles[i] = roles[k] = Role::kPeriod;
        out.push_back(PeriodMention{HalfYearPeriod(static_cast<int>(toks[k].value), t.core[1] - '0'), {i, k}});
      }
      continue;
    }
    if (ord == 0) continue;
    size_t j = next_sig(i, true);
    if (j >= n || toks[j].kind != TokKind::kHalf) continue;
    size_t k = next_sig(j, true);
    // "1. halvår i 2020", "halvår af 2020".
    if (k < n && toks[k].kind == TokKind::kWord && (toks[k].core == "i" || toks[k].core == "af")) k = next_sig(k, true);
    if (k >= n || toks[k].kind != TokKind::kNumber || !toks[k].year_like || roles[k] != Role::kNone) {
      // A row label with its year first ("2025, 1. halvår  502"): the year
      // opens the line right before the ordinal, and the line holds no
      // other year and no other "halvår" (not a header of columns). Or a
      // column's year with its half in brackets after it ("2024  2025 (1.
      // halvår)"), anywhere on the line.
      k = i - 1;
      if (i == 0 || toks[k].kind != TokKind::kNumber || !toks[k].year_like || roles[k] != Role::kNone ||
          toks[k].line != t.line)
        continue;
      const bool bracketed = t.raw.front() == '(' && toks[j].line == t.line && toks[j].raw.find(')') != std::string::npos;
      if (!bracketed && !toks[k].first_on_line) continue;
      int years_on_line = 0, halves_on_line = 0;
      for (const Token& o : toks) {
        if (o.line != t.line) continue;
        years_on_line += o.kind == TokKind::kNumber && o.year_like;
        halves_on_line += o.kind == TokKind::kHalf;
      }
      if (!bracketed && (years_on_line != 1 || halves_on_line != 1)) continue;
    }
    ReadLetterAsOne(&t);
    roles[i] = roles[j] = roles[k] = Role::kPeriod;
    out.push_back(PeriodMention{HalfYearPeriod(static_cast<int>(toks[k].value), ord),
                                k < i ? std::vector<size_t>{k, i, j} : std::vector<size_t>{i, j, k}});
  }
  std::sort(out.begin(), out.end(), [](const PeriodMention& a, const PeriodMention& b) {
    return a.tokens.front() < b.tokens.front();
  });
  return out;
}

SeriesReading ReadSeries(std::vector<Token>* toks_ptr) {
  std::vector<Token>& toks = *toks_ptr;
  std::vector<Role> roles;
  SeriesReading r;
  std::vector<PeriodMention> halves = MarkDatesAndHalfYears(&toks, &roles);
  const size_t n = toks.size();
  const auto followed_by_pct = [&](size_t i) {
    size_t j = i + 1;
    return j < n && toks[j].kind == TokKind::kPct;
  };
  const auto plain_value = [&](size_t i) {
    return toks[i].kind == TokKind::kNumber && roles[i] == Role::kNone && !followed_by_pct(i);
  };
  // Group token indices by line.
  std::map<size_t, std::vector<size_t>> by_line;
  for (size_t i = 0; i < n; ++i) {
    if (toks[i].kind == TokKind::kSeparator || toks[i].kind == TokKind::kMonth) continue;
    if (roles[i] == Role::kDate) continue;
    by_line[toks[i].line].push_back(i);
  }
  std::set<size_t> half_starts;
  std::map<size_t, size_t> half_end;  // first token -> last token
  for (const PeriodMention& m : halves) {
    half_starts.insert(m.tokens.front());
    half_end[m.tokens.front()] = m.tokens.back();
  }
  const auto starts_period = [&](size_t i) {
    return half_starts.count(i) > 0 ||
           (toks[i].kind == TokKind::kNumber && toks[i].year_like && roles[i] == Role::kNone);
  };
  // Periods as rows ("2018 186" / "2019 286" / ...): a line that starts with
  // a period and ends with its one value. Only when at least two lines look
  // like that, so a two-year header line is not read as a row. Where the
  // rows hold more columns ("2019  286  54": the count, then its change in
  // pct.), the first figure after the period is its value and the others
  // are another column's.
  int row_lines = 0;
  for (const auto& [line, idx] : by_line)
    if (!idx.empty() && starts_period(idx.front())) ++row_lines;
  std::set<size_t> row_label_lines;
  if (row_lines >= 2) {
    for (const auto& [line, idx] : by_line) {
      if (idx.empty() || !starts_period(idx.front())) continue;
      size_t period_last = half_end.count(idx.front()) ? half_end[idx.front()] : idx.front();
      std::vector<size_t> rest;
      bool other = false;  // a word, a mark or a year between the figures: no plain row
      for (size_t i : idx) {
        if (i <= period_last) continue;
        if (plain_value(i)) {
          rest.push_back(i);
          other = other || toks[i].year_like;
        } else {
          other = other || toks[i].kind != TokKind::kPct;
        }
      }
      if (rest.size() == 1 && rest[0] == idx.back()) roles[rest[0]] = Role::kValue;
      if (rest.size() >= 2 && !other && rest.back() == idx.back()) {
        roles[rest[0]] = Role::kValue;
        for (size_t k = 1; k < rest.size(); ++k) roles[rest[k]] = Role::kIgnored;
        row_label_lines.insert(line);
      }
    }
  }
  // A row of several plain counts, more than its years: four-digit numbers
  // on it are counts too. (A header row of years with stray OCR digits in
  // it stays a header, and so does a row's period label.)
  for (const auto& [line, idx] : by_line) {
    if (row_label_lines.count(line)) continue;
    int counts = 0, years = 0;
    for (size_t i : idx) {
      if (plain_value(i) && !toks[i].year_like && !toks[i].trailing_dot) ++counts;
      if (plain_value(i) && toks[i].year_like) ++years;
    }
    if (counts < 2 || counts < years) continue;
    for (size_t i : idx)
      if (plain_value(i) && toks[i].year_like) roles[i] = Role::kValue;
  }
  // Remaining years are periods.
  std::vector<PeriodMention> periods = halves;
  for (size_t i = 0; i < n; ++i) {
    if (toks[i].kind == TokKind::kNumber && toks[i].year_like && roles[i] == Role::kNone &&
        !followed_by_pct(i)) {
      roles[i] = Role::kPeriod;
      periods.push_back(PeriodMention{YearPeriod(static_cast<int>(toks[i].value)), {i}});
    }
  }
  std::sort(periods.begin(), periods.end(), [](const PeriodMention& a, const PeriodMention& b) {
    return a.tokens.front() < b.tokens.front();
  });
  // Values, in printed order.
  for (size_t i = 0; i < n; ++i) {
    if (roles[i] == Role::kValue || plain_value(i)) {
      roles[i] = Role::kValue;
      r.values.push_back(i);
    }
  }
  // Month annotations: "(maj- dec.)", possibly broken over lines with other
  // header words (and specks read as "!" or "'") between the two months, the
  // second on the same line or the next.
  constexpr size_t kMaxAnnotationTokens = 12;
  for (size_t i = 0; i < n; ++i) {
    if (toks[i].kind != TokKind::kMonth || roles[i] != Role::kNone) continue;
    MonthAnnotation a{toks[i].month, toks[i].month, i, i};
    roles[i] = Role::kAnnotation;
    if (!toks[i].close_paren) {
      for (size_t j = i + 1; j < n && j <= i + kMaxAnnotationTokens && toks[j].line <= toks[i].line + 1; ++j) {
        if (toks[j].kind != TokKind::kMonth || roles[j] != Role::kNone) continue;
        a.last_month = toks[j].month;
        a.last_token = j;
        roles[j] = Role::kAnnotation;
        break;
      }
    }
    r.annotations.push_back(a);
  }
  // Attach each annotation to its period column: one that starts a header
  // continuation line sits under the first column; otherwise it follows its
  // year ("2018 (maj-dec.)").
  std::vector<bool> annotated(periods.size(), false);
  for (const MonthAnnotation& a : r.annotations) {
    if (periods.empty()) break;
    size_t target = periods.size();
    const Token& at = toks[a.token];
    // "jan.-jun. 2025": without parentheses, directly before its year.
    if (!at.open_paren) {
      size_t next = a.last_token + 1;
      while (next < n && toks[next].kind == TokKind::kSeparator) ++next;
      for (size_t p = 0; p < periods.size() && next < n; ++p)
        if (periods[p].tokens.front() == next && toks[next].line == toks[a.last_token].line &&
            periods[p].period.label.find("-H") == std::string::npos)
          target = p;
    }
    // Under the first column, on a header continuation line: "(maj- dec.)"
    // (after a rule read as "|" too).
    bool opens_line = at.first_on_line;
    for (size_t b = a.token; !opens_line && b-- > 0 && toks[b].line == at.line && toks[b].kind == TokKind::kSeparator;)
      opens_line = toks[b].first_on_line;
    if (target == periods.size() && opens_line && toks[periods[0].tokens.front()].line != at.line)
      target = 0;
    if (target == periods.size()) {
      for (size_t p = 0; p < periods.size(); ++p) {
        if (periods[p].tokens.front() > a.token) break;
        if (periods[p].period.label.find("-H") == std::string::npos) target = p;
      }
    }
    if (target == periods.size()) target = 0;
    Period& p = periods[target].period;
    int first = std::min(a.first_month, a.last_month), last = std::max(a.first_month, a.last_month);
    bool half = p.label.find("-H") != std::string::npos;
    if (half) {
      bool h1 = p.label.ends_with("H1");
      if ((h1 && last > 6) || (!h1 && first < 7)) continue;
    }
    if (annotated[target]) continue;  // one annotation per column
    annotated[target] = true;
    p = MonthRangePeriod(p.year, first, last);
  }
  r.periods = std::move(periods);
  return r;
}

bool ReadLettersAsOnes(Token* t) {
  if (t->kind != TokKind::kWord || t->core.size() < 2 || t->core.size() > 3 ||
      t->core.find_first_not_of("Il") != std::string::npos)
    return false;
  LettersToOnes(t);
  return true;
}

SourceRef SourceFor(const std::vector<SegLine>& lines, const Token& t) {
  SourceRef s;
  if (t.line >= lines.size()) return s;
  const SegLine& l = lines[t.line];
  s.page = l.page;
  s.line = l.line;
  s.text = l.text;
  if (!l.words.empty()) {
    // The OCR word at the token's position: count equal pieces before it.
    std::string_view want = text::StripEnds(t.raw, U"|");
    int occurrence = 0;
    for (const text::Piece& p : text::SplitWhitespace(l.text)) {
      if (p.offset >= t.offset) break;
      if (p.text.find(want) != std::string_view::npos) ++occurrence;
    }
    for (const Word& w : l.words) {
      if (w.text.find(want) == std::string::npos) continue;
      if (occurrence-- > 0) continue;
      s.box = w.box;
      s.confidence = w.confidence;
      break;
    }
  }
  return s;
}

Correction DigitFixFor(const std::vector<SegLine>& lines, const Token& t) {
  Correction c;
  if (t.line < lines.size()) {
    c.page = lines[t.line].page;
    c.line = lines[t.line].line;
    size_t core_at = t.raw.find(t.printed_core);
    c.column = text::ColumnOf(lines[t.line].text,
                              t.offset + (core_at == std::string::npos ? 0 : core_at));
  }
  c.before = t.printed_core;
  c.after = t.core;
  c.rule = t.digit_rule;
  c.confidence = 0.9;
  return c;
}

std::string Where(const TableBlock& block) {
  if (block.caption_lines.empty()) return "unknown place";
  return "page " + std::to_string(block.caption_lines[0].page) + ", line " +
         std::to_string(block.caption_lines[0].line);
}

Record CountRecord(const TableContext& ctx, int table, std::string_view name, const std::vector<SegLine>& body,
                   const Token& v, TableResult* res) {
  Record rec;
  rec.note = ctx.note_period ? ctx.note_period->label : "";
  rec.table = table;
  rec.name = std::string(name);
  rec.value = v.value;
  rec.unit = "count";
  rec.source = SourceFor(body, v);
  if (!v.digit_rule.empty()) {
    rec.flags.push_back("digit-repaired");
    res->digit_fixes.push_back(DigitFixFor(body, v));
  }
  return rec;
}

void AddSourceFlags(Record* r) {
  if (r->source.confidence >= 0 && r->source.confidence < kLowConfidence)
    r->flags.push_back("low-confidence");
}

namespace {

// Periods printed as rows, each first on its own line: pairs each with the
// one value after it on its line. False when the layout is not rows or no
// row has a value.
bool PairRowsByLine(const std::vector<Token>& toks, const SeriesReading& r, std::vector<size_t>* value_of) {
  std::set<size_t> lines;
  for (const PeriodMention& p : r.periods) {
    const Token& t = toks[p.tokens.front()];
    if (!t.first_on_line || !lines.insert(t.line).second) return false;
  }
  size_t paired = 0;
  for (size_t k = 0; k < r.periods.size(); ++k) {
    const PeriodMention& p = r.periods[k];
    size_t line = toks[p.tokens.front()].line, found = std::string::npos;
    int on_line = 0;
    for (size_t v = 0; v < r.values.size(); ++v) {
      if (toks[r.values[v]].line != line || r.values[v] < p.tokens.back()) continue;
      ++on_line;
      found = v;
    }
    if (on_line == 1) {
      (*value_of)[k] = found;
      ++paired;
    }
  }
  return paired > 0;
}

// A whole calendar year ("2019"), not one cut to months ("2018" from May).
bool IsWholeYear(const Period& p) {
  const Period whole = YearPeriod(p.year);
  return p.label == whole.label && p.start == whole.start;
}

// A header whose first year OCR misread by one digit ("5021 | 2022 | 2023"):
// the four-digit number right before the first year, on its line, that is
// the year before but for one digit is that year. It is taken out of the
// values and made the first period. False when there is none.
bool ReadMisreadFirstYear(const std::vector<Token>& toks, SeriesReading* r) {
  if (r->periods.size() < 2 || r->periods[0].tokens.size() != 1) return false;
  const Period first = r->periods[0].period;
  // A whole year, or one that months under the first column ("(maj-
  // dec.)") made part of a year: those months belong to the misread year.
  if (first.label != YearPeriod(first.year).label) return false;
  size_t at = r->periods[0].tokens.front();
  size_t k = at;
  while (k > 0 && toks[k - 1].kind == TokKind::kSeparator) --k;
  if (k == 0) return false;
  const size_t cand = k - 1;
  const Token& t = toks[cand];
  if (t.kind != TokKind::kNumber || t.line != toks[at].line || t.year_like || t.core.size() != 4) return false;
  const std::string want = std::to_string(first.year - 1);
  int differ = 0;
  for (size_t i = 0; i < 4; ++i) differ += t.core[i] != want[i];
  if (differ != 1) return false;
  auto v = std::find(r->values.begin(), r->values.end(), cand);
  if (v != r->values.end()) r->values.erase(v);
  Period misread = YearPeriod(first.year - 1);
  if (!IsWholeYear(first)) {
    misread = MonthRangePeriod(first.year - 1, std::stoi(first.start.substr(5, 2)), std::stoi(first.end.substr(5, 2)));
    r->periods[0].period = YearPeriod(first.year);
  }
  r->periods.insert(r->periods.begin(), PeriodMention{misread, {cand}});
  return true;
}

// The period that follows `p` in a series of years then half years.
bool Follows(const Period& p, const Period& next) {
  bool half = p.label.find("-H") != std::string::npos;
  bool next_half = next.label.find("-H") != std::string::npos;
  if (!half) return next_half ? next.year == p.year + 1 && next.label.ends_with("H1") : next.year == p.year + 1;
  if (p.label.ends_with("H1")) return next.label == HalfYearPeriod(p.year, 2).label;
  return next_half ? next.label == HalfYearPeriod(p.year + 1, 1).label : next.year == p.year + 1;
}

size_t ValueRowLine(const std::vector<Token>& toks, const SeriesReading& r);

// "I alt", "Total", "Ialt": a word that labels a series' total; also "| alt"
// and "l alt", the I read as a rule or an l.
bool IsTotalLabel(const std::vector<Token>& toks, size_t i) {
  if (toks[i].kind != TokKind::kWord) return false;
  std::string w = text::Lower(toks[i].core);
  if (w == "total" || w == "totalt" || w == "ialt") return true;
  if (w != "alt" || i == 0 || toks[i - 1].line != toks[i].line) return false;
  const Token& before = toks[i - 1];
  return before.kind == TokKind::kSeparator || text::Lower(before.core) == "i" || before.core == "l" || before.core == "T";
}

// A total printed with the series ("... 2. halvår 2025  I alt" over "...
// 525  3.007", or a last row "I alt  3.007"): its value is taken out of
// the series' values and returned (a token index). Across the page, the
// label must follow the last period on its line and the row must hold one
// value more than there are periods; down the page, the value must follow
// the label on its line.
std::optional<size_t> TakeSeriesTotal(const std::vector<Token>& toks, SeriesReading* r) {
  if (r->periods.empty() || r->values.empty()) return std::nullopt;
  for (size_t i = 0; i < toks.size(); ++i) {
    if (!IsTotalLabel(toks, i)) continue;
    // Down the page: the value after the label on its line.
    for (size_t v = 0; v < r->values.size(); ++v) {
      const Token& t = toks[r->values[v]];
      if (t.line != toks[i].line || r->values[v] < i) continue;
      bool period_on_line = false;
      for (const PeriodMention& p : r->periods)
        for (size_t pt : p.tokens) period_on_line = period_on_line || toks[pt].line == t.line;
      if (period_on_line) break;
      size_t at = r->values[v];
      r->values.erase(r->values.begin() + static_cast<std::ptrdiff_t>(v));
      return at;
    }
    // Across the page: the label after the last period on the header line.
    const PeriodMention& last = r->periods.back();
    if (toks[last.tokens.back()].line != toks[i].line || last.tokens.back() > i) continue;
    size_t row = ValueRowLine(toks, *r);
    if (row == std::string::npos) continue;
    std::vector<size_t> on_row;
    for (size_t v = 0; v < r->values.size(); ++v)
      if (toks[r->values[v]].line == row) on_row.push_back(v);
    if (on_row.size() != r->periods.size() + 1) continue;
    size_t at = r->values[on_row.back()];
    r->values.erase(r->values.begin() + static_cast<std::ptrdiff_t>(on_row.back()));
    return at;
  }
  return std::nullopt;
}

// Rows by line (PairRowsByLine) whose first row's period OCR made
// unreadable ("pretreat sei 159" over "2019 | 178"): the one value on the
// line right above the first period's, on no period's line, is the year
// before, when the periods run year by year (then by half year) from a
// whole first year.
// `inferred` gets the period's index (0). False otherwise.
bool InferLeadingRow(const std::vector<Token>& toks, SeriesReading* r, std::vector<size_t>* value_of,
                     size_t* inferred) {
  if (r->periods.empty() || (*value_of)[0] == std::string::npos) return false;
  const size_t first_line = toks[r->periods[0].tokens.front()].line;
  if (first_line == 0) return false;
  if (!IsWholeYear(r->periods[0].period)) return false;
  for (size_t k = 1; k < r->periods.size(); ++k)
    if (!Follows(r->periods[k - 1].period, r->periods[k].period)) return false;
  size_t lead = std::string::npos;
  for (size_t v = 0; v < r->values.size(); ++v) {
    if (toks[r->values[v]].line != first_line - 1) continue;
    if (lead != std::string::npos) return false;
    lead = v;
  }
  if (lead == std::string::npos) return false;
  for (const Token& t : toks)
    if (t.line == first_line - 1 && t.kind == TokKind::kNumber && t.year_like) return false;
  r->periods.insert(r->periods.begin(), PeriodMention{YearPeriod(r->periods[0].period.year - 1), {}});
  value_of->insert(value_of->begin(), lead);
  *inferred = 0;
  return true;
}

// Periods printed as columns, their values on one line where some cell is
// unreadable ("35 35 37 43 ad 54 22"): when the line holds exactly one cell
// per period, numbers and short words alike, pairs them by position.
// `unreadable` gets the token index of each period's unreadable cell.
bool LooksLikeRowLabel(std::string_view word, std::string_view caption) {
  std::u32string w = text::Decode(text::Lower(word));
  if (w.empty()) return false;
  for (const text::Piece& p : text::SplitWhitespace(caption))
    if (text::Decode(text::Lower(text::StripEnds(p.text, U".,:;()\"'"))) == w) return true;
  std::u32string printed = text::Decode(word);
  return printed.size() >= 3 && text::IsUpper(printed[0]) &&
         std::all_of(printed.begin() + 1, printed.end(), [](char32_t c) { return text::IsLower(c); });
}

bool PairColumnsByPosition(const std::vector<Token>& toks, const SeriesReading& r, std::string_view caption,
                           std::vector<size_t>* value_of, std::vector<size_t>* unreadable) {
  if (r.values.empty()) return false;
  size_t line = toks[r.values.front()].line;
  for (size_t v : r.values)
    if (toks[v].line != line) return false;
  std::vector<size_t> cells;
  for (size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].line != line || toks[i].kind == TokKind::kSeparator) continue;
    // A long or hyphen-broken word first on the line is the row's label
    // ("Henvendel- 193 210 ..."), not a cell.
    if (cells.empty() && toks[i].kind == TokKind::kWord && (toks[i].raw.size() > 4 || toks[i].raw.ends_with("-")))
      continue;
    if (toks[i].kind != TokKind::kNumber && (toks[i].kind != TokKind::kWord || toks[i].raw.size() > 4)) return false;
    cells.push_back(i);
  }
  if (cells.size() != r.periods.size()) return false;
  // A short word first among the cells may be a label ("Nye 46 41 ..."):
  // then nothing can be paired. It is one when the caption has it, or when
  // it reads as a capitalised word of three letters or more; otherwise it
  // is an unreadable cell ("fe 38 34 ...").
  if (toks[cells.front()].kind != TokKind::kNumber && LooksLikeRowLabel(toks[cells.front()].core, caption))
    return false;
  for (const PeriodMention& p : r.periods)
    if (toks[p.tokens.front()].line == line) return false;
  for (size_t k = 0; k < cells.size(); ++k) {
    auto it = std::find(r.values.begin(), r.values.end(), cells[k]);
    if (it != r.values.end()) (*value_of)[k] = static_cast<size_t>(it - r.values.begin());
    else (*unreadable)[k] = cells[k];
  }
  return true;
}

// One year of a table of half years: the year, the tokens that name it, and
// its cells' tokens (the second half's and the total's npos when not printed).
struct YearOfHalves {
  int year = 0;
  std::vector<size_t> tokens;
  size_t first = std::string::npos, second = std::string::npos, total = std::string::npos;
};

// Makes `r` the half years of `years` in time order, each paired with its
// cell through `value_of`, and puts each year's printed total in
// `year_totals` (token, year).
void SetHalfYears(const std::vector<YearOfHalves>& years, SeriesReading* r, std::vector<size_t>* value_of,
                  std::vector<std::pair<size_t, int>>* year_totals) {
  r->periods.clear();
  r->values.clear();
  for (const YearOfHalves& y : years) {
    r->periods.push_back(PeriodMention{HalfYearPeriod(y.year, 1), y.tokens});
    r->values.push_back(y.first);
    if (y.second != std::string::npos) {
      r->periods.push_back(PeriodMention{HalfYearPeriod(y.year, 2), y.tokens});
      r->values.push_back(y.second);
    }
    if (y.total != std::string::npos) year_totals->emplace_back(y.total, y.year);
  }
  value_of->resize(r->values.size());
  for (size_t j = 0; j < value_of->size(); ++j) (*value_of)[j] = j;
}

// Years down and halves across: "1. halvår  2. halvår  I alt" over "2025
// 502 509 1.011", one row a year. Each cell is its year's half: the periods
// become the half years in time order, and value_of pairs them. The last
// row may hold its first half alone (a first-half note). A total column's
// sums go to `year_totals` (token, year), to be checked against the halves.
// False, and nothing changed, when the table is not so.
bool ReadHalfColumnsBesideYears(const std::vector<Token>& toks, SeriesReading* r, std::vector<size_t>* value_of,
                                std::vector<std::pair<size_t, int>>* year_totals) {
  if (r->periods.empty()) return false;
  // The header: "1. halvår", "2. halvår" and perhaps a total's label, in
  // that order, on one line with no year.
  size_t header = std::string::npos;
  std::vector<int> columns;  // 1, 2, 0 for the total
  std::set<size_t> header_tokens;
  for (size_t i = 0; i < toks.size(); ++i) {
    if (header != std::string::npos && toks[i].line != header) break;
    if (int half = HalfOrdinal(toks[i]); half != 0 && i + 1 < toks.size() && toks[i + 1].kind == TokKind::kHalf &&
                                         toks[i + 1].line == toks[i].line) {
      header = toks[i].line;
      columns.push_back(half);
      header_tokens.insert({i, i + 1});
    } else if (header != std::string::npos && IsTotalLabel(toks, i)) {
      columns.push_back(0);
    } else if (header != std::string::npos && toks[i].kind == TokKind::kNumber && toks[i].year_like) {
      return false;
    }
  }
  if (columns != std::vector<int>{1, 2} && columns != std::vector<int>{1, 2, 0}) return false;
  const bool with_total = columns.size() == 3;
  // The rows below: each opens with a year, the years consecutive. (The
  // series reader may have read the last half's label with the first
  // year, "2. halvår" / "2026", as a half year.)
  std::vector<size_t> year_tokens;  // one a row, in order
  std::set<size_t> year_lines;
  for (size_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    if (t.line <= header || !t.first_on_line) continue;
    if (t.kind != TokKind::kNumber || !t.year_like) return false;
    if (!year_tokens.empty() && static_cast<int>(t.value) != static_cast<int>(toks[year_tokens.back()].value) + 1)
      return false;
    year_tokens.push_back(i);
    year_lines.insert(t.line);
  }
  if (year_tokens.empty()) return false;
  const std::set<size_t> years(year_tokens.begin(), year_tokens.end());
  for (const PeriodMention& p : r->periods)
    for (size_t t : p.tokens)
      if (!years.count(t) && !header_tokens.count(t)) return false;  // a period named elsewhere
  const size_t first_row = toks[year_tokens.front()].line;
  const size_t k = year_tokens.size();
  // The numbers on each year's row after its year (the series reader took
  // only the first of a row as its value). No value may stand elsewhere
  // below the header.
  std::map<size_t, std::vector<size_t>> row;  // line -> token indices
  for (size_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    if (t.line < first_row || t.kind != TokKind::kNumber || years.count(i)) continue;
    if (!year_lines.count(t.line)) return false;
    row[t.line].push_back(i);
  }
  for (size_t v : r->values)
    if (toks[v].line >= first_row && !year_lines.count(toks[v].line)) return false;
  std::vector<YearOfHalves> grid;
  for (size_t j = 0; j < k; ++j) {
    YearOfHalves y{static_cast<int>(toks[year_tokens[j]].value), {year_tokens[j]}};
    const std::vector<size_t>& cell = row[toks[year_tokens[j]].line];
    if (cell.size() == columns.size()) {
      y.first = cell[0];
      y.second = cell[1];
      if (with_total) y.total = cell[2];
    } else if (j + 1 == k && cell.size() == 1) {
      y.first = cell[0];
    } else {
      return false;
    }
    grid.push_back(std::move(y));
  }
  SetHalfYears(grid, r, value_of, year_totals);
  return true;
}

// Years across and halves down: "2024 2025 2026" over "1. halvår 400 502
// 540" and "2. halvår 427 525 590", perhaps with an "I alt" row of the
// years' sums. Each cell is its year's half: the periods become the half
// years in time order, and value_of pairs them. The last year's second half
// may be missing (a first-half note). An "I alt" row's sums go to
// `year_totals` (token, year), to be checked against the halves. False, and
// nothing changed, when the table is not so.
bool ReadHalfRowsUnderYears(const std::vector<Token>& toks, SeriesReading* r, std::vector<size_t>* value_of,
                            std::optional<size_t>* series_total,
                            std::vector<std::pair<size_t, int>>* year_totals) {
  const size_t k = r->periods.size();
  if (k == 0) return false;
  const size_t header = toks[r->periods[0].tokens.front()].line;
  for (const PeriodMention& p : r->periods)
    if (p.tokens.size() != 1 || toks[p.tokens.front()].line != header || !IsWholeYear(p.period)) return false;
  // The rows: a half's label ("1. halvår") or a total's ("I alt") opens its line.
  std::map<size_t, int> half_of_line;  // line -> 1, 2, or 0 for the total
  std::set<size_t> labels;             // the label tokens
  for (size_t i = 0; i + 1 < toks.size(); ++i) {
    const Token& t = toks[i];
    if (!t.first_on_line || t.line <= header || toks[i + 1].line != t.line) continue;
    if (int half = HalfOrdinal(t); half != 0 && toks[i + 1].kind == TokKind::kHalf) {
      half_of_line[t.line] = half;
      labels.insert({i, i + 1});
    } else if (IsTotalLabel(toks, i + 1)) {  // "I alt", "| alt"
      half_of_line[t.line] = 0;
      labels.insert({i, i + 1});
    } else if (IsTotalLabel(toks, i)) {  // "Total", "Ialt"
      half_of_line[t.line] = 0;
      labels.insert(i);
    }
  }
  int rows_of[3] = {0, 0, 0};
  for (const auto& [line, half] : half_of_line) ++rows_of[half];
  if (rows_of[1] != 1 || rows_of[2] != 1 || rows_of[0] > 1) return false;
  // The halves' values (indices into r->values), and the total row's
  // tokens, with the first if it was taken as the series' total.
  std::vector<size_t> first, second, total;
  if (*series_total) {
    auto line = half_of_line.find(toks[**series_total].line);
    if (line != half_of_line.end() && line->second == 0) total.push_back(**series_total);
  }
  for (size_t v = 0; v < r->values.size(); ++v) {
    if (labels.count(r->values[v])) continue;
    auto h = half_of_line.find(toks[r->values[v]].line);
    if (h == half_of_line.end()) return false;  // a value outside the rows
    if (h->second == 0) total.push_back(r->values[v]);
    else (h->second == 1 ? first : second).push_back(v);
  }
  if (first.size() != k || (second.size() != k && second.size() + 1 != k)) return false;
  if (!total.empty() && total.size() != k && total.size() != second.size()) return false;
  std::sort(total.begin(), total.end());
  // The values are the cells, in the periods' order: the labels' ordinals
  // are none, and the sums are the years'.
  std::vector<YearOfHalves> years;
  for (size_t j = 0; j < k; ++j) {
    YearOfHalves y{r->periods[j].period.year, r->periods[j].tokens, r->values[first[j]]};
    if (j < second.size()) y.second = r->values[second[j]];
    if (j < total.size()) y.total = total[j];
    years.push_back(std::move(y));
  }
  SetHalfYears(years, r, value_of, year_totals);
  if (!total.empty()) series_total->reset();
  return true;
}

// Periods printed as columns over a row of values, where OCR lost cells of
// the header or the row so that their counts differ (a wide table 3 read as
// 14 years over 13 values): when the source has word boxes, each value on
// the row is paired with the period whose column it stands under, its
// centre nearer to that period's centre than a third of the narrowest
// spacing between two columns. Periods must run left to right in order, and
// no two values may stand under one period. At least half the periods must
// get a value. Periods without one are left unpaired (reported unread);
// values under no period stay unclaimed (reported too).
bool PairColumnsByBoxes(const std::vector<SegLine>& lines, const std::vector<Token>& toks, const SeriesReading& r,
                        std::vector<size_t>* value_of) {
  if (r.periods.size() < 2) return false;
  const size_t row = ValueRowLine(toks, r);
  if (row == std::string::npos) return false;
  auto centre = [&](size_t t) -> std::optional<double> {
    std::optional<Box> b = SourceFor(lines, toks[t]).box;
    if (!b || b->x1 <= b->x0) return std::nullopt;
    return (b->x0 + b->x1) / 2;
  };
  std::vector<double> column;  // each period's centre
  for (const PeriodMention& p : r.periods) {
    if (p.tokens.empty()) return false;
    double lo = 0, hi = 0;
    bool any = false;
    for (size_t t : p.tokens) {
      if (toks[t].line >= row) return false;
      std::optional<Box> b = SourceFor(lines, toks[t]).box;
      if (!b || b->x1 <= b->x0) return false;
      lo = any ? std::min(lo, b->x0) : b->x0;
      hi = any ? std::max(hi, b->x1) : b->x1;
      any = true;
    }
    column.push_back((lo + hi) / 2);
  }
  double spacing = std::numeric_limits<double>::infinity();
  for (size_t k = 1; k < column.size(); ++k) {
    if (column[k] <= column[k - 1]) return false;
    spacing = std::min(spacing, column[k] - column[k - 1]);
  }
  std::vector<size_t> paired(r.periods.size(), std::string::npos);
  size_t count = 0;
  for (size_t v = 0; v < r.values.size(); ++v) {
    if (toks[r.values[v]].line != row) continue;
    std::optional<double> x = centre(r.values[v]);
    if (!x) return false;
    size_t best = 0;
    for (size_t k = 1; k < column.size(); ++k)
      if (std::abs(column[k] - *x) < std::abs(column[best] - *x)) best = k;
    if (std::abs(column[best] - *x) >= spacing / 3) continue;
    if (paired[best] != std::string::npos) return false;
    paired[best] = v;
    ++count;
  }
  if (count * 2 < r.periods.size()) return false;
  *value_of = std::move(paired);
  return true;
}

// A year marked for a footnote ("2018*" over "* Maj-december 2018"; "2018¹"
// over "¹ maj-dec."): the period runs over the months the footnote names,
// when it names two and the year is a partial one at an end of the series:
// the first running to December, or the last from January. A first year
// whose footnote names one month as the start ("startede i maj 2018") runs
// from it.
void ApplyFootnoteMonths(const std::vector<Token>& toks, const std::vector<SegLine>& notes, SeriesReading* r) {
  static constexpr std::string_view kMarkers[] = {"**", "*", "¹", "²", "³"};
  for (size_t k = 0; k < r->periods.size(); ++k) {
    PeriodMention& p = r->periods[k];
    const bool first = k == 0, last = k + 1 == r->periods.size();
    if (!first && !last) continue;
    if (p.tokens.size() != 1 || !IsWholeYear(p.period)) continue;
    const Token& year = toks[p.tokens[0]];
    std::string_view raw = year.raw;
    std::string_view marker;
    for (std::string_view m : kMarkers)
      if (raw.ends_with(m)) {
        marker = m;
        break;
      }
    // "20181" over "1 Maj-december 2018.": the mark read as a digit, above and below.
    const std::string digit(year.footnote_digit ? 1 : 0, year.footnote_digit);
    if (!digit.empty()) marker = digit;
    if (marker.empty()) continue;
    for (const SegLine& note : notes) {
      std::string_view t = text::Trim(note.text);
      if (!t.starts_with(marker) || (marker == "*" && t.starts_with("**"))) continue;
      if (!digit.empty() && (t.size() <= 1 || (t[1] != ' ' && t[1] != ')'))) continue;
      // The table's own tokenizer reads the months ("maj-december" too).
      std::vector<int> months;
      for (const Token& w : Tokenize({note}))
        if (w.kind == TokKind::kMonth) months.push_back(w.month);
      if (months.size() >= 2) {
        int from = *std::min_element(months.begin(), months.end());
        int to = *std::max_element(months.begin(), months.end());
        if ((first && to == 12 && from > 1) || (last && from == 1 && to < 12))
          p.period = MonthRangePeriod(p.period.year, from, to);
      } else if (months.size() == 1 && first && months[0] > 1 && RE2::PartialMatch(t, StartedRe())) {
        // "* Ordningen startede i maj 2018": the first year from that month.
        p.period = MonthRangePeriod(p.period.year, months[0], 12);
      }
      break;
    }
  }
}

// The table's row of values when periods are columns, below every period:
// the first line with one value per period (a series over its parts:
// "Nye henvendelser 51 58 66" over "Heraf børn under 18 år 30 33 40"), else
// the line holding the most values. npos when no line holds two values.
size_t ValueRowLine(const std::vector<Token>& toks, const SeriesReading& r) {
  std::map<size_t, size_t> count;  // line -> values on it
  for (size_t v : r.values) ++count[toks[v].line];
  size_t last_period_line = 0;
  for (const PeriodMention& p : r.periods)
    for (size_t t : p.tokens) last_period_line = std::max(last_period_line, toks[t].line);
  if (r.periods.size() >= 2)
    for (const auto& [line, n] : count)
      if (line > last_period_line && n == r.periods.size()) return line;
  size_t row = std::string::npos, most = 0;
  for (const auto& [line, n] : count)
    if (n > most) most = n, row = line;
  if (most < 2) return std::string::npos;
  if (row <= last_period_line && !r.periods.empty()) return std::string::npos;
  return row;
}

// Periods as columns over one row of values, where OCR broke the header:
// stray numbers in it ("5 -- 2018 | 2019 ... 12") or one year unreadable
// ("202571."). The row is the line with the most values, below every
// period. When it holds one value per period, they pair in order; when it
// holds one more and the periods skip exactly one year, that year is put
// back (`inferred` gets its index) and they pair in order. False otherwise.
bool PairValueRow(const std::vector<Token>& toks, SeriesReading* r, std::vector<size_t>* value_of,
                  size_t* inferred) {
  size_t row = ValueRowLine(toks, *r);
  if (row == std::string::npos) return false;
  std::vector<size_t> row_values;  // indices into r->values
  for (size_t v = 0; v < r->values.size(); ++v)
    if (toks[r->values[v]].line == row) row_values.push_back(v);
  for (size_t k = 1; k < r->periods.size(); ++k)
    if (r->periods[k].period.start <= r->periods[k - 1].period.start) return false;
  if (row_values.size() == r->periods.size() + 1) {
    size_t gap = std::string::npos;
    for (size_t k = 0; k + 1 < r->periods.size(); ++k) {
      const Period& a = r->periods[k].period;
      const Period& b = r->periods[k + 1].period;
      if (Follows(a, b)) continue;
      Period missing = YearPeriod(a.year + 1);
      if (a.label.find("-H") != std::string::npos || gap != std::string::npos || !Follows(missing, b)) return false;
      gap = k + 1;
    }
    if (gap == std::string::npos) return false;
    r->periods.insert(r->periods.begin() + static_cast<std::ptrdiff_t>(gap),
                      PeriodMention{YearPeriod(r->periods[gap - 1].period.year + 1), {}});
    *inferred = gap;
  }
  if (row_values.size() != r->periods.size()) return false;
  value_of->assign(r->periods.size(), std::string::npos);
  for (size_t k = 0; k < row_values.size(); ++k) (*value_of)[k] = row_values[k];
  return true;
}

}  // namespace

// Periods as columns under a header OCR broke beyond PairValueRow's repair
// (years fused with stray marks, "1. halvår" read as "71."), read from the
// note's own period instead: a series runs year by year from its first year
// to the note's, whose half years (when the header says "halvår") or whole
// year end it. Taken only when that series has one period per value on the
// row of values, and the header names the note's year and at least half of
// the series' years, and no year outside it. A partial first year keeps its
// first month.
// `inferred` marks the periods the header does not name as read.
bool InferSeriesFromNote(const std::vector<Token>& toks, const Period* note, SeriesReading* r,
                         std::vector<size_t>* value_of, std::vector<bool>* inferred) {
  if (note == nullptr || r->periods.empty()) return false;
  size_t row = ValueRowLine(toks, *r);
  if (row == std::string::npos) return false;
  std::vector<size_t> row_values;
  for (size_t v = 0; v < r->values.size(); ++v)
    if (toks[r->values[v]].line == row) row_values.push_back(v);
  const int last_year = note->year;
  int first_year = last_year;
  std::set<int> named_years;
  for (const PeriodMention& p : r->periods) {
    first_year = std::min(first_year, p.period.year);
    named_years.insert(p.period.year);
  }
  // The header names the note's year, or the year before it followed by a
  // "halvår" whose year OCR lost ("2029 1. / halvår / |").
  const int last_named = *named_years.rbegin();
  if (first_year >= last_year || (last_named != last_year && last_named != last_year - 1)) return false;
  if (2 * named_years.size() < static_cast<size_t>(last_year - first_year + 1)) return false;
  // The series ends in the note's year: its halves up to the note's when
  // the header has a "halvår", else the whole year (an annual note, or a
  // second half year shown whole).
  bool halves = false;
  for (const Token& t : toks) halves = halves || (t.line < row && t.kind == TokKind::kHalf);
  if (last_named != last_year) {
    size_t last_named_at = 0;
    for (const PeriodMention& p : r->periods)
      if (p.period.year == last_named && !p.tokens.empty()) last_named_at = std::max(last_named_at, p.tokens.back());
    bool half_after = false;
    for (size_t i = last_named_at + 1; i < toks.size() && toks[i].line < row; ++i)
      half_after = half_after || toks[i].kind == TokKind::kHalf;
    if (!half_after) return false;
  }
  std::vector<Period> end;
  if (note->label.ends_with("-H1") && halves) {
    end = {HalfYearPeriod(last_year, 1)};
  } else if (note->label.ends_with("-H2") && halves) {
    end = {HalfYearPeriod(last_year, 1), HalfYearPeriod(last_year, 2)};
  } else if (!halves) {
    end = {YearPeriod(last_year)};
  } else {
    return false;
  }
  if (static_cast<size_t>(last_year - first_year) + end.size() != row_values.size()) return false;
  std::vector<PeriodMention> series;
  const Period& first = r->periods.front().period;
  for (int y = first_year; y < last_year; ++y) {
    Period p = YearPeriod(y);
    // "2018 (maj-dec.)": a first year that starts later keeps its start.
    if (y == first.year && first.start > p.start) p = MonthRangePeriod(y, std::stoi(first.start.substr(5, 2)), 12);
    series.push_back(PeriodMention{p, {}});
  }
  for (const Period& p : end) series.push_back(PeriodMention{p, {}});
  std::set<std::string> named;
  for (const PeriodMention& p : r->periods) named.insert(p.period.label);
  inferred->assign(series.size(), false);
  for (size_t k = 0; k < series.size(); ++k) {
    for (const PeriodMention& p : r->periods)
      if (p.period.label == series[k].period.label) series[k].tokens = p.tokens;
    (*inferred)[k] = !named.count(series[k].period.label);
  }
  r->periods = std::move(series);
  value_of->assign(r->periods.size(), std::string::npos);
  for (size_t k = 0; k < row_values.size(); ++k) (*value_of)[k] = row_values[k];
  return true;
}

std::string AtLine(const std::string& here, const SegLine& l) {
  return here + ": page " + std::to_string(l.page) + ": line " + std::to_string(l.line);
}

// Table 3 with a row for each place ("Borgeren i udlandet 31 42 ..." and
// "Borgeren i Danmark 60 70 ..."): the rows whose label names Denmark are
// another series (inquiries about citizens in Denmark), not trips abroad.
// Dropped, and reported, when another row holds one value per period too.
void DropDenmarkRows(const std::vector<SegLine>& lines, const std::vector<Token>& toks, const std::string& here,
                     SeriesReading* r, std::vector<std::string>* problems) {
  std::map<size_t, size_t> count;  // line -> values on it
  for (size_t v : r->values) ++count[toks[v].line];
  std::set<size_t> denmark;
  size_t full = 0;
  for (const auto& [line, n] : count) {
    if (n != r->periods.size()) continue;
    ++full;
    for (const Token& t : toks)
      if (t.line == line && t.kind == TokKind::kWord && text::Lower(t.core) == "danmark") denmark.insert(line);
  }
  if (denmark.empty() || full <= denmark.size()) return;
  std::erase_if(r->values, [&](size_t v) { return denmark.count(toks[v].line) > 0; });
  for (size_t line : denmark)
    problems->push_back(AtLine(here, lines[line]) + ": \"" + lines[line].text +
                        "\" is the series for citizens in Denmark, not trips abroad; not read");
}


TableResult ExtractPeriodSeries(const TableBlock& block, const TableContext& ctx, int number,
                                std::string_view name) {
  TableResult res;
  const std::string here = "table " + std::to_string(number) + " (" + Where(block) + ")";
  if (block.body.empty()) {
    res.problems.push_back(here + ": no rows after the caption");
    return res;
  }
  std::vector<Token> toks = Tokenize(block.body);
  SeriesReading r = ReadSeries(&toks);
  const bool first_year_misread = ReadMisreadFirstYear(toks, &r);
  if (first_year_misread) {
    const Token& t = toks[r.periods[0].tokens.front()];
    res.problems.push_back(AtLine(here, block.body[t.line]) + ": period " + r.periods[0].period.label +
                           " read from \"" + t.raw + "\" before " + r.periods[1].period.label +
                           " (one digit misread)");
  }
  if (number == 3) DropDenmarkRows(block.body, toks, here, &r, &res.problems);
  ApplyFootnoteMonths(toks, block.notes, &r);
  std::optional<size_t> total = TakeSeriesTotal(toks, &r);
  if (r.periods.empty()) {
    res.problems.push_back(here + ": no periods (years or half years) found");
    return res;
  }
  if (r.values.empty()) {
    res.problems.push_back(here + ": " + std::to_string(r.periods.size()) +
                           " periods but no values");
    return res;
  }
  // Which value belongs to each period (index into r.values; npos: none).
  std::vector<size_t> value_of(r.periods.size(), std::string::npos);
  std::vector<size_t> unreadable(r.periods.size(), std::string::npos);
  size_t gap = std::string::npos;  // a period put back from its place
  std::vector<bool> inferred;      // periods read from the note's period
  bool periods_as_rows = false;
  bool some_unread = false;  // pairing may leave periods without a value
  std::vector<Table::UnreadCell> unread;
  std::vector<std::pair<size_t, int>> year_totals;  // of a table of halves under years
  if (ReadHalfRowsUnderYears(toks, &r, &value_of, &total, &year_totals) ||
      (!total && ReadHalfColumnsBesideYears(toks, &r, &value_of, &year_totals))) {
    // Every cell paired with its half year; the sums are checked later.
  } else if (r.periods.size() == r.values.size()) {
    for (size_t k = 0; k < r.periods.size(); ++k) value_of[k] = k;
  } else if (PairValueRow(toks, &r, &value_of, &gap)) {
    if (gap != std::string::npos)
      res.problems.push_back(here + ": period " + r.periods[gap].period.label + " read from its place between " +
                             r.periods[gap - 1].period.label + " and " + r.periods[gap + 1].period.label +
                             " (its header is unreadable)");
  } else if (bool by_line = PairRowsByLine(toks, r, &value_of);
             by_line || PairColumnsByPosition(toks, r, block.caption, &value_of, &unreadable)) {
    periods_as_rows = by_line;
    if (by_line && InferLeadingRow(toks, &r, &value_of, &gap)) {
      unreadable.insert(unreadable.begin(), std::string::npos);
      const SegLine& l = block.body[toks[r.values[value_of[0]]].line];
      res.problems.push_back(AtLine(here, l) +
                             ": period " + r.periods[0].period.label + " read from its place above " +
                             r.periods[1].period.label + " (its label is unreadable in \"" + l.text + "\")");
    }
    some_unread = true;
  } else if (size_t header = r.periods.size(), values = r.values.size();
             InferSeriesFromNote(toks, ctx.note_period, &r, &value_of, &inferred)) {
    std::string which;
    for (size_t k = 0; k < r.periods.size(); ++k)
      if (inferred[k]) which += (which.empty() ? "" : ", ") + r.periods[k].period.label;
    res.problems.push_back(here + ": header unreadable (" + std::to_string(header) + " periods but " +
                           std::to_string(values) + " values); periods read from the note's period " +
                           ctx.note_period->label + " and the first year; " + which + " not printed legibly");
  } else if (PairColumnsByBoxes(block.body, toks, r, &value_of)) {
    some_unread = true;
  } else {
    res.problems.push_back(here + ": " + std::to_string(r.periods.size()) + " periods but " +
                           std::to_string(r.values.size()) + " values");
    return res;
  }
  // Some period's value is unreadable ("2021 Si", "43 ad 54") or lost: the
  // others are kept (the periods_contiguous check then fails); each is
  // reported.
  for (size_t k = 0; some_unread && k < r.periods.size(); ++k) {
    if (value_of[k] != std::string::npos) continue;
    size_t at = unreadable[k] != std::string::npos ? unreadable[k] : r.periods[k].tokens.front();
    const SegLine& l = block.body[toks[at].line];
    const std::string read = unreadable[k] != std::string::npos ? toks[at].raw : std::string();
    std::string what = read.empty() ? "" : " (\"" + read + "\")";
    unread.push_back(Table::UnreadCell{r.periods[k].period.label, std::nullopt, read, SourceFor(block.body, toks[at])});
    res.problems.push_back(AtLine(here, l) + ": no readable value for " + r.periods[k].period.label + what +
                           " in \"" + l.text + "\"");
  }
  // A value no period claims is never dropped silently: one OCR left
  // unpaired, or a row under a series across the page ("Heraf børn under
  // 18 år  30 33 40"; numbers among the periods above it are the header's).
  std::set<size_t> claimed(value_of.begin(), value_of.end());
  size_t first_row = std::string::npos;
  for (size_t v : value_of)
    if (v != std::string::npos) first_row = std::min(first_row, toks[r.values[v]].line);
  std::map<size_t, std::string> unclaimed;  // line -> its values
  for (size_t v = 0; v < r.values.size(); ++v) {
    if (claimed.count(v)) continue;
    const Token& t = toks[r.values[v]];
    if (!periods_as_rows && (first_row == std::string::npos || t.line < first_row)) continue;
    std::string& list = unclaimed[t.line];
    list += (list.empty() ? "" : ", ") + t.raw;
  }
  for (const auto& [line, list] : unclaimed) {
    const SegLine& l = block.body[line];
    const bool one = list.find(", ") == std::string::npos;
    res.problems.push_back(AtLine(here, l) + (one ? ": value " : ": values ") + list + (one ? " belongs" : " belong") +
                           " to no readable period in \"" + l.text + "\"");
  }
  std::set<std::string> labels;
  for (const PeriodMention& p : r.periods) {
    if (!labels.insert(p.period.label).second) {
      res.problems.push_back(here + ": period " + p.period.label + " printed twice");
      return res;
    }
  }
  Table table;
  table.number = number;
  table.caption = block.caption;
  table.unread = std::move(unread);
  if (!block.caption_lines.empty()) {
    table.source.page = block.caption_lines[0].page;
    table.source.line = block.caption_lines[0].line;
    table.source.text = block.caption_lines[0].text;
  }
  for (size_t k = 0; k < r.periods.size(); ++k) {
    if (value_of[k] == std::string::npos) continue;
    // The period's own repaired digits first, then the value's.
    bool period_repaired = false;
    for (size_t ti : r.periods[k].tokens) {
      if (toks[ti].digit_rule.empty()) continue;
      period_repaired = true;
      res.digit_fixes.push_back(DigitFixFor(block.body, toks[ti]));
    }
    const Token& v = toks[r.values[value_of[k]]];
    Record rec = CountRecord(ctx, number, name, block.body, v, &res);
    rec.period = r.periods[k].period.label;
    rec.period_start = r.periods[k].period.start;
    rec.period_end = r.periods[k].period.end;
    if (period_repaired && rec.flags.empty()) rec.flags.push_back("digit-repaired");
    if (k == gap || (k < inferred.size() && inferred[k]) || (k == 0 && first_year_misread))
      rec.flags.push_back("period-inferred");
    AddSourceFlags(&rec);
    table.records.push_back(std::move(rec));
  }
  // A printed total of the series is no period; validation checks it
  // against the periods read (series_totals_equal_sums).
  if (total) {
    Record rec = CountRecord(ctx, number, name, block.body, toks[*total], &res);
    AddSourceFlags(&rec);
    table.printed_total = std::move(rec);
  }
  for (const auto& [tok, year] : year_totals) {
    Record rec = CountRecord(ctx, number, name, block.body, toks[tok], &res);
    const Period p = YearPeriod(year);
    rec.period = p.label;
    rec.period_start = p.start;
    rec.period_end = p.end;
    AddSourceFlags(&rec);
    table.year_totals.push_back(std::move(rec));
  }
  res.table = std::move(table);
  return res;
}

void AppendTablePatterns(std::vector<PatternStatus>* out) {
  AddPattern(out, "table_tokens.half_word", HalfWordRe());
  AddPattern(out, "table_tokens.ordinal_word", OrdinalWordRe());
  AddPattern(out, "table_tokens.glued_half", GluedHalfRe());
  AddPattern(out, "confusable_number", ConfusableNumberRe());
  AddPattern(out, "comma_thousands", CommaThousandsRe());
  AddPattern(out, "table_tokens.started", StartedRe());
  AddPattern(out, "table_tokens.glued_h_year", GluedHYearRe());
}

}  // namespace notat::internal
