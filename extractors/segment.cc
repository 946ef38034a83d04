#include "extractors/segment.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <string>

#include "extractors/danish_number.h"
#include "extractors/internal.h"
#include "extractors/period.h"
#include "extractors/text_util.h"

namespace notat {
namespace {

// Page furniture, matched against a trimmed line.
const RE2& SideRe() {
  static const RE2 re(R"((?i)^side(?:\s*\d{1,3}(?:\s*(?:af|/|of)\s*\d{1,3})?)?\.?$)");
  return re;
}
const RE2& PageOfRe() {
  static const RE2 re(R"((?i)^[-–]?\s*\d{1,3}\s*(?:/|af)\s*\d{1,3}\s*[-–]?$)");
  return re;
}
const RE2& BarePageNumberRe() {
  static const RE2 re(R"(^[-–]?\s*(\d{1,3})\s*[-–]?$)");
  return re;
}
// "Tabel 2. Regionsvis ...", "TabeI 1: ...", "Tabel l. ...", "Tabel 1 –
// Antal ...", "Tab. 3. ...", OCR's "fabel 3:" and "Tabe. 2:", and a chart's
// "Figur 1. ..." ("Fig. 1"); group 1 the word, group 2 the number, group 3
// the separator, group 4 the caption text.
const RE2& CaptionRe() {
  static const RE2 re(
      R"((?i)^\s*([tf]ab(?:[eo][l1I|!.]|\.)|fig(?:ur|\.))\s*([0-9lI|]{1,2})\s*([.:,]|-|–|—)?\s*(.*)$)");
  return re;
}
// The title of a note usually starts with "Notat".
const RE2& TitleStartRe() {
  static const RE2 re(R"((?i)^\s*notat\b)");
  return re;
}
// What a note's title is about: "henvendelser" (no Danish letter for the
// OCR to lose).
const RE2& NoteSubjectRe() {
  static const RE2 re(R"((?i)\bhenvendelse)");
  return re;
}
// A day of a month: "15. august", "1. jan".
const RE2& DayOfMonthRe() {
  static const RE2 re(R"((?i)\b\d{1,2}\.?\s*(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec))");
  return re;
}
// "Tabel 1 (fortsat)", "(fortsat)": a table continued after a page break.
const RE2& ContinuedRe() {
  static const RE2 re(
      R"((?i)^\s*(?:tab[eo][l1I|!]\s*[0-9lI|]{1,2}\s*[.:,]?\s*)?\(?\s*forts(?:at|\.)\s*\)?\s*[.:]?\s*$)");
  return re;
}
// A footnote's marker: "* ...", "** ...", "¹ ...".
constexpr char kFootnoteMarker[] = R"(\*|¹|²|³)";
// A note under a table: "* Ordningen startede i maj 2018", "Anm.: ...",
// "Kilde: ...". It ends the table.
const RE2& FootnoteRe() {
  static const RE2 re(std::string(R"((?i)^\s*(?:)") + kFootnoteMarker +
                      R"(|anm\.|anm\s*:|anmærkning|note\s*:|noter\s*:|kilde\s*:|kilder\s*:))");
  return re;
}
// A footnote led by its marker.
const RE2& MarkedFootnoteRe() {
  static const RE2 re(std::string(R"(^\s*(?:)") + kFootnoteMarker + ")");
  return re;
}
// A footnote whose raised marker OCR read as a digit on the line: "1
// Maj-december 2018." (a capitalised word after the digit, a full stop at
// the end, no figure but years in it).
const RE2& DigitMarkedFootnoteRe() {
  static const RE2 re(R"(^\s*[1-9]\)?\s+\p{Lu}\p{Ll}[^0-9]*(?:\b(?:19|20)\d\d\b[^0-9]*)*\.\s*$)");
  return re;
}
bool IsFootnote(std::string_view line) {
  return internal::Contains(FootnoteRe(), line) || internal::Contains(DigitMarkedFootnoteRe(), line);
}
// The start of a date or a year, for a caption wrapped inside a date.
const RE2& DateStartRe() {
  static const RE2 re(R"(^\s*(?:\d{1,2}\.|\d{4}\b|[A-Za-z]{3,9}\.?(?:\s+\d{4})?\s*[.)]?\s*$))");
  return re;
}
// A line that is only a year ("2025", "2025.").
const RE2& LoneYearRe() {
  static const RE2 re(R"(^\s*(\d{4})\s*[.)]?\s*$)");
  return re;
}

constexpr size_t kMaxLineBytes = 10000;
constexpr std::u32string_view kPunct = U"()[]{},.;:!?\"'|*«»“”„–-/";

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int WordCount(std::string_view s) { return static_cast<int>(text::SplitWhitespace(s).size()); }

bool EndsSentence(std::string_view s) {
  s = text::Trim(s);
  if (s.empty()) return true;
  char c = s.back();
  return c == '.' || c == '!' || c == '?' || c == ':';
}

bool EndsOpen(std::string_view s) {
  s = text::Trim(s);
  if (s.empty()) return false;
  char c = s.back();
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '-' || c == '!' || c == '?';
}

// A short line without terminal punctuation that starts with a capital.
bool HeadingShape(std::string_view s, bool allow_digits) {
  s = text::Trim(s);
  if (s.empty() || EndsOpen(s)) return false;
  if (!allow_digits && HasDigit(s)) return false;
  int words = WordCount(s);
  if (words < 1 || words > 8) return false;
  return text::IsUpper(text::FirstCodePoint(s));
}

struct Caption {
  int number = 0;
  std::string text;
  bool figure = false;  // "Figur N."
};

std::optional<Caption> ParseCaption(std::string_view line) {
  std::string word, num, sep, rest;
  if (!RE2::FullMatch(line, CaptionRe(), &word, &num, &sep, &rest)) return std::nullopt;
  if (internal::Full(ContinuedRe(), line)) return std::nullopt;
  std::string_view r = text::Trim(rest);
  // Without "." or ":" after the number, require a capitalised caption, so
  // "Tabel 2 viser ..." in running text is not a caption.
  if (sep.empty() && (r.empty() || !text::IsUpper(text::FirstCodePoint(r)))) return std::nullopt;
  int n = 0;
  for (char c : num) n = n * 10 + (c >= '0' && c <= '9' ? c - '0' : 1);
  return Caption{n, std::string(r), text::Lower(word).starts_with("fig")};
}

bool IsCaption(std::string_view line) { return ParseCaption(line).has_value(); }

// Appends `next` to `acc` the way JoinLines does.
void AppendJoined(std::string* acc, std::string_view next) {
  next = text::Trim(next);
  if (next.empty()) return;
  if (acc->empty()) {
    acc->assign(next);
    return;
  }
  std::u32string tail = text::Decode(acc->size() > 8 ? std::string_view(*acc).substr(acc->size() - 8)
                                                     : std::string_view(*acc));
  bool hyphen = acc->back() == '-' && tail.size() >= 2 && text::IsLetter(tail[tail.size() - 2]) &&
                text::IsLower(text::FirstCodePoint(next));
  if (hyphen) {
    acc->pop_back();
  } else {
    acc->push_back(' ');
  }
  acc->append(next);
}

// A line that may title a whole-year note: about the inquiries, and with
// no day of a month in it (a bare year beside a date is the date's).
bool WholeYearTitleShape(std::string_view line) {
  return internal::Contains(NoteSubjectRe(), line) && !internal::Contains(DayOfMonthRe(), line);
}

// The period a title names with the line it wraps onto ("... i 1." /
// "halvår 2025"), and the joined title; nullopt when it names none, or only
// the year of a day under it ("NOTAT" / "15. august 2027": a date).
std::optional<std::pair<Period, std::string>> WrappedTitle(std::string_view first, std::string_view next) {
  std::string two(first);
  AppendJoined(&two, next);
  std::optional<Period> p = NotePeriodFromTitle(two);
  if (!p || (p->label.find("-H") == std::string::npos && internal::Contains(DayOfMonthRe(), next)))
    return std::nullopt;
  return std::make_pair(*p, std::move(two));
}

// The period a title line at `i` names: a line starting "Notat" of at most
// 16 words, alone or with the line it wraps onto; nullopt when it is no such
// line or names none.
std::optional<Period> TitlePeriodAt(const std::vector<SegLine>& lines, size_t i) {
  if (!internal::Contains(TitleStartRe(), lines[i].text) || WordCount(lines[i].text) > 16) return std::nullopt;
  if (std::optional<Period> p = NotePeriodFromTitle(lines[i].text)) return p;
  if (i + 1 >= lines.size() || lines[i + 1].blank_before) return std::nullopt;
  if (auto wrapped = WrappedTitle(lines[i].text, lines[i + 1].text)) return wrapped->first;
  return std::nullopt;
}

struct RawLine {
  SegLine seg;
  bool blank = false;
  bool furniture = false;
};

}  // namespace

bool LooksLikeProse(std::string_view line) {
  std::vector<text::Piece> pieces = text::SplitWhitespace(line);
  int alpha = 0, lower = 0, nums = 0, long_words = 0;
  for (size_t i = 0; i < pieces.size(); ++i) {
    std::string_view core = text::StripEnds(pieces[i].text, kPunct);
    if (core.empty()) continue;
    std::u32string cps = text::Decode(core);
    bool letters = std::all_of(cps.begin(), cps.end(), [](char32_t c) {
      return text::IsLetter(c) || c == '-' || c == '/' || c == '.';
    });
    if (letters && text::IsLetter(cps[0])) {
      ++alpha;
      if (text::IsLower(cps[0])) ++lower;
      if (cps.size() >= 4) ++long_words;
      continue;
    }
    if (std::optional<double> v = ParseDanishNumber(core)) {
      // A day in a date ("1. januar"), the ordinal of a half year ("2.
      // halvår") and a year are not figures.
      bool ordinal = pieces[i].text.back() == '.' && i + 1 < pieces.size() &&
                     (DanishMonth(pieces[i + 1].text).has_value() ||
                      text::Lower(pieces[i + 1].text).rfind("halv", 0) == 0);
      bool year = core.size() == 4 && IsPlausibleYear(static_cast<int>(*v));
      if (!ordinal && !year) ++nums;
    }
  }
  // A whole sentence of words with a few figures in it ("Unge under 18 år
  // udgjorde 41 pct. af henvendelserne (1. halvår 2027: 46 pct.).") is
  // prose too: no table row is that.
  std::string_view t = text::StripEnds(text::Trim(line), U")\"'»”");
  bool sentence = !t.empty() && t.back() == '.' && alpha >= 8 && lower >= 5 && 2 * nums <= alpha;
  // (Words of four letters or more, two at least: a table's rule that OCR
  // read as letters, "$--- = ete ee te ee tee eee", is no prose.)
  return alpha >= 6 && lower >= 3 && long_words >= 2 && (alpha > 3 * nums || alpha >= 14 || sentence);
}

std::pair<size_t, size_t> JoinedText::Locate(size_t offset) const {
  if (origins.empty()) return {0, 0};
  auto it = std::upper_bound(origins.begin(), origins.end(), offset,
                             [](size_t off, const Origin& o) { return off < o.offset; });
  if (it != origins.begin()) --it;
  size_t delta = offset >= it->offset ? offset - it->offset : 0;
  return {it->line_index, it->line_offset + delta};
}

JoinedText JoinLines(const std::vector<SegLine>& lines) {
  JoinedText out;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view raw = lines[i].text;
    std::string_view t = text::Trim(raw);
    if (t.empty()) continue;
    size_t lead = static_cast<size_t>(t.data() - raw.data());
    if (!out.text.empty()) {
      std::u32string tail = text::Decode(
          out.text.size() > 8 ? std::string_view(out.text).substr(out.text.size() - 8)
                              : std::string_view(out.text));
      bool hyphen = out.text.back() == '-' && tail.size() >= 2 &&
                    text::IsLetter(tail[tail.size() - 2]) && text::IsLower(text::FirstCodePoint(t));
      if (hyphen) {
        out.text.pop_back();
      } else {
        out.text.push_back(' ');
      }
    }
    out.origins.push_back(JoinedText::Origin{out.text.size(), i, lead});
    out.text.append(t);
  }
  return out;
}

Segmented Segment(const RepairedText& input) {
  Segmented seg;
  // 1. Flatten the pages; note blank lines.
  std::vector<RawLine> raw;
  std::map<int, std::pair<int, int>> page_span;  // page -> [first, last] raw index of non-blank lines
  for (const Page& page : input.pages) {
    for (const Line& line : page.lines) {
      RawLine r;
      r.seg.page = page.number;
      r.seg.line = line.number;
      r.seg.text = line.text;
      if (r.seg.text.size() > kMaxLineBytes) {
        // No line of a note is this long; keep its start, cut at a code point.
        size_t cut = kMaxLineBytes;
        while (cut > 0 && (static_cast<unsigned char>(r.seg.text[cut]) & 0xC0) == 0x80) --cut;
        r.seg.text.resize(cut);
      }
      r.seg.words = line.words;
      r.blank = text::Trim(line.text).empty();
      if (!r.blank) {
        int idx = static_cast<int>(raw.size());
        auto [it, inserted] = page_span.try_emplace(page.number, idx, idx);
        if (!inserted) it->second.second = idx;
      }
      raw.push_back(std::move(r));
    }
  }
  // 2. Page furniture.
  // The document's first line (usually the title) is never furniture on the
  // first page; repeated at the top of a later page it is a running header.
  size_t first_index = raw.size();
  std::string first_text;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i].blank) continue;
    first_index = i;
    first_text = std::string(text::Trim(raw[i].seg.text));
    break;
  }
  std::map<std::string, int> edge_count;  // trimmed text of first/last lines -> pages
  for (const auto& [page, span] : page_span) {
    std::string a(text::Trim(raw[span.first].seg.text));
    std::string b(text::Trim(raw[span.second].seg.text));
    ++edge_count[a];
    if (b != a) ++edge_count[b];
  }
  const bool multi_page = page_span.size() >= 2;
  for (size_t i = 0; i < raw.size(); ++i) {
    RawLine& r = raw[i];
    if (r.blank) continue;
    std::string_view t = text::Trim(r.seg.text);
    bool furniture = internal::Full(SideRe(), t) || internal::Full(PageOfRe(), t);
    const auto& span = page_span[r.seg.page];
    bool edge = static_cast<int>(i) == span.first || static_cast<int>(i) == span.second;
    if (!furniture && edge) {
      std::string num;
      if (RE2::FullMatch(t, BarePageNumberRe(), &num) && std::atoi(num.c_str()) == r.seg.page &&
          (multi_page || static_cast<int>(i) == span.second))
        furniture = true;
      // A running header or footer: the same text at the edge of several pages.
      if (multi_page && edge_count[std::string(t)] >= 2 && i != first_index) furniture = true;
      if (multi_page && r.seg.page > 1 && t == first_text) furniture = true;
    }
    if (furniture) {
      r.furniture = true;
      seg.furniture.push_back(r.seg);
    }
  }
  // 3. Content lines, with blank_before.
  std::vector<SegLine> lines;
  bool gap = false;
  int last_page = -1;
  for (RawLine& r : raw) {
    if (r.blank || r.furniture) {
      gap = true;
      continue;
    }
    r.seg.blank_before = gap || (last_page != -1 && r.seg.page != last_page);
    last_page = r.seg.page;
    gap = false;
    lines.push_back(std::move(r.seg));
  }
  if (lines.empty()) return seg;

  // 4. Title: the first line starting with "Notat" among the first lines of
  // the first page (when it names no period, a short line below it that
  // does); else the first such line anywhere that names a period (after a
  // cover page, or inside a longer report); else the first short line of
  // the first page that names a half year or a date range (a letterhead or
  // a date may come before the title); else the first line.
  size_t title_at = lines.size();
  const auto on_top = [&](size_t i) { return i < lines.size() && i < 8 && lines[i].page == lines[0].page; };
  for (size_t i = 0; on_top(i); ++i) {
    if (internal::Contains(TitleStartRe(), lines[i].text)) {
      title_at = i;
      break;
    }
  }
  // A short line on top naming a half year; after a bare "NOTAT" (a
  // document label over the title) also a whole year when the line is
  // about the inquiries and names no day ("Henvendelser til
  // sikkerhedskonsulenterne, første halvår 2028").
  const auto top_title_after = [&](size_t from, bool whole_year) {
    for (size_t i = from; on_top(i); ++i) {
      if (IsCaption(lines[i].text) || EndsOpen(lines[i].text) || WordCount(lines[i].text) > 16) continue;
      std::optional<Period> p = NotePeriodFromTitle(lines[i].text);
      if (!p) continue;
      if (p->label.find("-H") != std::string::npos) return i;
      if (whole_year && WholeYearTitleShape(lines[i].text)) return i;
    }
    return lines.size();
  };
  if (title_at < lines.size() && !TitlePeriodAt(lines, title_at))
    if (size_t t = top_title_after(title_at + 1, true); t < lines.size()) title_at = t;
  for (size_t i = 0; title_at == lines.size() && i < lines.size(); ++i)
    if (TitlePeriodAt(lines, i)) title_at = i;
  if (title_at == lines.size()) title_at = top_title_after(0, false);
  if (title_at == lines.size()) title_at = 0;
  std::vector<bool> used(lines.size(), false);
  if (!IsCaption(lines[title_at].text)) {
    seg.title_lines.push_back(lines[title_at]);
    seg.title = std::string(text::Trim(lines[title_at].text));
    used[title_at] = true;
    // A title wrapped onto a second short line ("... i 1." / "halvår 2025").
    // (A longer line under a bare "Notat" too, when it is no sentence.)
    const auto wraps = [&](std::string_view next) {
      return WordCount(next) <= 6 || (!EndsOpen(next) && WordCount(next) <= 12);
    };
    if (!NotePeriodFromTitle(seg.title) && title_at + 1 < lines.size() &&
        !lines[title_at + 1].blank_before && wraps(lines[title_at + 1].text)) {
      if (auto wrapped = WrappedTitle(seg.title, lines[title_at + 1].text)) {
        seg.title = std::move(wrapped->second);
        seg.title_lines.push_back(lines[title_at + 1]);
        used[title_at + 1] = true;
      }
    }
  }

  // Further notes: a "Notat" line naming another period among the first
  // lines of a later page (a note starts on a page of its own), or one
  // standing alone anywhere when a table caption after it repeats the number
  // of one before it (two notes run together in a text file). A line that
  // cites another note inside the text is no second note.
  if (std::optional<Period> own = NotePeriodFromTitle(seg.title)) {
    constexpr int kTopLines = 3;
    // Caption numbers (bits) before each line, and from each line on.
    std::vector<uint32_t> before(lines.size() + 1, 0), from(lines.size() + 1, 0);
    auto bit = [&](size_t k) -> uint32_t {
      std::optional<Caption> c = ParseCaption(lines[k].text);
      return c && c->number > 0 && c->number < 32 ? 1u << c->number : 0u;
    };
    for (size_t k = 0; k < lines.size(); ++k) before[k + 1] = before[k] | bit(k);
    for (size_t k = lines.size(); k-- > 0;) from[k] = from[k + 1] | bit(k);
    int on_page = 0;
    for (size_t i = title_at + seg.title_lines.size(); i < lines.size(); ++i) {
      on_page = i > 0 && lines[i].page == lines[i - 1].page ? on_page + 1 : 0;
      bool top_of_later_page = lines[i].page != lines[title_at].page && on_page < kTopLines;
      bool tables_again = lines[i].blank_before && (before[i] & from[i + 1]) != 0;
      if (!top_of_later_page && !tables_again) continue;
      std::optional<Period> p = TitlePeriodAt(lines, i);
      if (!p || p->label == own->label) continue;
      // A half year; or a whole year in a title about the inquiries with no
      // date in it ("... henvendelser til sikkerhedskonsulenterne i 2024"),
      // since a bare year is as likely a date in a running head ("Notat,
      // 15. august 2026   Side 2 af 2").
      std::string title = lines[i].text;
      if (i + 1 < lines.size() && !lines[i + 1].blank_before) AppendJoined(&title, lines[i + 1].text);
      bool whole_year_title = WholeYearTitleShape(title);
      if (p->label.find("-H") != std::string::npos || whole_year_title) seg.other_titles.push_back(lines[i]);
    }
  }

  // 5. Walk the rest: captions open table blocks, headings open sections,
  // the rest is running text.
  enum class Prev { kNone, kTitle, kProse, kHeading, kTable };
  Prev prev = seg.title_lines.empty() ? Prev::kNone : Prev::kTitle;
  bool prev_prose_ended = true;
  const auto next_unused = [&](size_t i) {
    for (size_t k = i + 1; k < lines.size(); ++k)
      if (!used[k]) return k;
    return lines.size();
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    if (used[i]) continue;
    const SegLine& l = lines[i];
    if (std::optional<Caption> cap = ParseCaption(l.text)) {
      TableBlock block;
      block.number = cap->number;
      block.figure = cap->figure;
      block.caption = cap->text;
      block.caption_lines.push_back(l);
      used[i] = true;
      size_t k = i;
      for (int extra = 0; extra < 3; ++extra) {
        size_t n = next_unused(k);
        if (n >= lines.size()) break;
        const SegLine& c = lines[n];
        std::string_view ct = text::Trim(c.text);
        std::vector<text::Piece> words = text::SplitWhitespace(block.caption);
        std::string_view last = words.empty() ? std::string_view() : words.back().text;
        // A date cut by the wrap: "... 1. januar til 30. juni" / "2025",
        // "... til 30." / "juni 2025".
        bool date_open = DanishMonth(last).has_value() || last == "til" || last == "-" ||
                         last == "–" ||
                         (last.size() <= 3 && last.ends_with(".") && HasDigit(last));
        std::vector<text::Piece> next_words = text::SplitWhitespace(ct);
        bool next_is_date = !next_words.empty() && next_words.size() <= 4 &&
                            (internal::Full(LoneYearRe(), ct) ||
                             (DanishMonth(next_words[0].text).has_value() &&
                              internal::Contains(DateStartRe(), ct)) ||
                             (HasDigit(next_words[0].text) && next_words[0].text.ends_with(".") &&
                              next_words.size() >= 2 && DanishMonth(next_words[1].text).has_value()));
        bool year_wrap = date_open && next_is_date;
        bool word_wrap = !EndsSentence(block.caption) && !HasDigit(ct) &&
                         text::IsLower(text::FirstCodePoint(ct)) && !IsCaption(ct);
        if (!year_wrap && !word_wrap) break;
        AppendJoined(&block.caption, ct);
        block.caption_lines.push_back(c);
        used[n] = true;
        k = n;
      }
      // Body: up to running text, a heading that introduces running text, or
      // the next caption.
      for (size_t n = next_unused(k); n < lines.size() && block.body.size() < 200; n = next_unused(n)) {
        const SegLine& b = lines[n];
        if (internal::Full(ContinuedRe(), b.text)) {  // "Tabel 1 (fortsat)": furniture
          used[n] = true;
          seg.furniture.push_back(b);
          continue;
        }
        if (IsFootnote(b.text)) {
          // Marked footnotes right under the table ("* Maj-december 2018")
          // are also the table's. Every note line stays in the running text
          // too, so no figure in one is lost.
          for (size_t f = n; f < lines.size() && IsFootnote(lines[f].text) && block.notes.size() < 10;
               f = next_unused(f))
            if (internal::Contains(MarkedFootnoteRe(), lines[f].text) ||
                internal::Contains(DigitMarkedFootnoteRe(), lines[f].text))
              block.notes.push_back(lines[f]);
          break;
        }
        if (IsCaption(b.text) || LooksLikeProse(b.text)) break;
        size_t after = next_unused(n);
        if (HeadingShape(b.text, /*allow_digits=*/false) && after < lines.size() &&
            LooksLikeProse(lines[after].text))
          break;
        block.body.push_back(b);
        used[n] = true;
      }
      seg.tables.push_back(std::move(block));
      prev = Prev::kTable;
      prev_prose_ended = true;
      continue;
    }
    used[i] = true;
    bool after_break = prev != Prev::kProse || prev_prose_ended;
    size_t after = next_unused(i);
    // A heading: a short unpunctuated line after a finished sentence, followed
    // by a new sentence; when it reads like prose it must also stand apart.
    bool heading = after_break && HeadingShape(l.text, /*allow_digits=*/true) && after < lines.size() &&
                   text::IsUpper(text::FirstCodePoint(text::Trim(lines[after].text))) &&
                   (lines[after].blank_before || !LooksLikeProse(l.text));
    if (heading) {
      Section s;
      s.heading = std::string(text::Trim(l.text));
      s.heading_line = l;
      seg.sections.push_back(std::move(s));
      prev = Prev::kHeading;
      continue;
    }
    if (seg.sections.empty() || prev == Prev::kTable || prev == Prev::kTitle)
      seg.sections.push_back(Section{});
    seg.sections.back().lines.push_back(l);
    prev = Prev::kProse;
    prev_prose_ended = EndsSentence(l.text);
  }
  return seg;
}

namespace internal {
void AppendSegmentPatterns(std::vector<PatternStatus>* out) {
  AddPattern(out, "segment.side", SideRe());
  AddPattern(out, "segment.page_of", PageOfRe());
  AddPattern(out, "segment.bare_page_number", BarePageNumberRe());
  AddPattern(out, "segment.caption", CaptionRe());
  AddPattern(out, "segment.title_start", TitleStartRe());
  AddPattern(out, "segment.lone_year", LoneYearRe());
  AddPattern(out, "segment.continued", ContinuedRe());
  AddPattern(out, "segment.footnote", FootnoteRe());
  AddPattern(out, "segment.marked_footnote", MarkedFootnoteRe());
  AddPattern(out, "segment.digit_marked_footnote", DigitMarkedFootnoteRe());
  AddPattern(out, "segment.date_start", DateStartRe());
  AddPattern(out, "segment.note_subject", NoteSubjectRe());
  AddPattern(out, "segment.day_of_month", DayOfMonthRe());
}
}  // namespace internal

}  // namespace notat
