#include "extractors/facts.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "extractors/danish_number.h"
#include "extractors/internal.h"
#include "extractors/table_tokens.h"
#include "extractors/text_util.h"

namespace notat {
namespace {

using internal::Contains;
using internal::FindAll;
using internal::Match;

// Subjects.
// "befinder sig i", "opholdt sig i": where a citizen is.
constexpr char kStaysIn[] = R"((?:befinder|opholder|befandt|opholdt)\s+sig\s+i\s+)";
const RE2& DenmarkRe() {
  static const RE2 re(std::string("(?i)") + kStaysIn + R"(danmark|\bi\s+danmark\b)");
  return re;
}
// Trips abroad: the words for them, or a citizen abroad ("borgere, der
// opholder sig i udlandet", "efterladt i udlandet"; the notes' series is of
// citizens abroad).
const RE2& TripsRe() {
  static const RE2 re(std::string("(?i)genopdragelses|udlandsophold|udlandsrejse|") + kStaysIn +
                      R"(udlandet|borgere\s+i\s+udlandet|(?:efterlad|tilbagehold|fasthold)\S*\s+i\s+udlandet)");
  return re;
}
const RE2& Under18Re() {
  static const RE2 re(R"((?i)under\s+18\b|mindre\S{1,2}rige)");
  return re;
}
const RE2& RegionRe() {
  static const RE2 re(R"((?i)\bregion\s+\pL{4,})");
  return re;
}
// A sentence that refers back to the one before.
const RE2& AnaphorRe() {
  static const RE2 re(
      R"((?i)sammenligning|\bdisse\b|\bstigning|\bfald\b|\bdet\s+er\b|\bheraf\b|tilsvarende|\bfør\b)");
  return re;
}
// "andelen" alone refers back to a share named before ("I 2026 var andelen
// 39 pct."); "andelen af ..." or "andelen blandt ..." names its own.
const RE2& TheShareRe() {
  static const RE2 re(R"((?i)\bandelen\b)");
  return re;
}
const RE2& ShareOfRe() {
  static const RE2 re(R"((?i)\bandel(?:en)?\s+(?:af|blandt)\b)");
  return re;
}
// A number with a point before one or two digits ("10.9"), and the units
// of shares and amounts (after which a comma before three digits is a
// decimal comma after all, and such a point one misread).
const RE2& PointDecimalsRe() {
  static const RE2 re(R"([0-9]{1,3}\.[0-9]{1,2})");
  return re;
}
const RE2& NotACountAfterRe() {
  static const RE2 re(R"((?i)^(?:p[ce]t\b|procent|%|mio\b|mia\b|millio|kr\b))");
  return re;
}
// Quantities; group 1 is the number.
const RE2& InquiriesRe() {
  static const RE2 re(std::string(R"((?i)(?:^|[^\d.,])(\d{1,3}(?:\.\d{3})+|\d+|\b)") + kDanishNumberWordPattern +
                      R"(\b)\s+(?:nye\s+)?(?:af\s+(?:disse\s+|de\s+)?)?henvendelse)");
  return re;
}
// "pct.", also as the English OCR model reads it ("pet.").
// A unit of shares right after a number.
const RE2& PctAfterRe() {
  static const RE2 re(R"((?i)^\s*(?:p[ce]t\b|procent\b|%))");
  return re;
}
// "Antallet af henvendelser i 1. halvår 2028 var 611", "... nåede det
// samlede antal henvendelser i 2027 op på 1.356": the count after its verb.
const RE2& CountIsRe() {
  static const RE2 re(
      R"((?i)\bantal(?:let)?\s+(?:af\s+)?(?:nye\s+)?henvendelse\S*\s.{0,80}?\b(?:var|er|udgjorde|blev|steg\s+til|faldt\s+til|op\s+p\S{1,2}|l\S{1,2}d\s+p\S{1,2})\s+(?:p\S{1,2}\s+)?(?:i\s+alt\s+)?(\d{1,3}(?:\.\d{3})+|\d+)\b)");
  return re;
}
// Words right before a number that make it approximate ("ca. 430", "godt
// 500"); ComparedRe lets them stand after its "mod" too.
constexpr char kApproximateWords[] = R"(ca\.?|cirka|omkring|godt|knapt?|over|under|næsten|omtrent)";
// Words before a number that make it approximate, at the end of the text
// before it: "godt 500", "ca. 430", "mere end 600", "op mod 50".
const RE2& ApproximateBeforeRe() {
  static const RE2 re(std::string(R"((?i)(?:^|[\s(])()") + kApproximateWords +
                      R"(|mindst|højst|op\s+mod|(?:mere|mindre|flere|færre)\s+end|små|lidt\s+(?:over|under))\s*$)");
  return re;
}
// Words right before a count that make it a change, not a period's count:
// "en stigning på 86 henvendelser", "et fald på 12".
const RE2& ChangeBeforeRe() {
  static const RE2 re(
      R"((?i)(?:^|\s)(?:stigning|fald|for\S{1,2}gelse|\S{1,2}gning|reduktion|tilv\S{1,3}kst|v\S{1,3}kst)\s+p\S{1,2}\s+(?:hele\s+|yderligere\s+)?$)");
  return re;
}
// Words right before a count that refer back to it: "Af de 1.188
// henvendelser vedrørte 49 pct. ...".
const RE2& CountReferredBackRe() {
  static const RE2 re(R"((?i)\baf\s+(?:de|disse|i\s+alt)\s+$)");
  return re;
}
// A sentence that opens by taking a part of the one before: "Heraf ...",
// "Af disse ...", "Af dem ..."; or by adding to it, in the same period:
// "Dertil kom ...", "Hertil kommer ...", "Derudover ...", "Desuden ...".
const RE2& PartOfBeforeRe() {
  static const RE2 re(R"((?i)^\s*(?:heraf|af\s+(?:disse|dem|de\s+\S+)|dertil|hertil|derudover|herudover|desuden)\b)");
  return re;
}
// "I 2024 var tallet 827", "tallet var 827": the count of the sentence
// before, in another period.
const RE2& TheNumberIsRe() {
  static const RE2 re(
      R"((?i)\b(?:(?:an)?tallet\s+(?:var|er|udgjorde)|(?:var|er)\s+(?:an)?tallet)\s+(?:p\S{1,2}\s+)?(\d{1,3}(?:\.\d{3})+|\d+)\b)");
  return re;
}
// "58 om genopdragelsesrejser", "120 vedrørte borgere i Danmark", "I 73 af
// sagerne opholdt borgeren sig i Danmark": a count and what it is about,
// taken only when that is a subject of the facts.
const RE2& CountAboutRe() {
  static const RE2 re(
      R"((?i)(?:^|[^\d.,])(\d{1,3}(?:\.\d{3})+|\d+)\s+(?:(?:nye\s+)?(?:sager\s+)?(?:om|vedrørte|vedrørende|angik|handlede\s+om|drejede\s+sig\s+om)\s|(?:af\s+(?:de\s+|disse\s+)?)?sag(?:er|erne)\b))");
  return re;
}
// "Antallet af henvendelser steg fra 502 i 1. halvår 2025 til 611 i 1.
// halvår 2026": both counts; groups 1 and 2.
const RE2& CountFromToRe() {
  static const RE2 re(
      R"((?i)\bantal(?:let)?\s+(?:af\s+)?(?:nye\s+)?henvendelse\S*\s.{0,80}?\b(?:steg|faldt|voksede|gik\s+(?:op|ned)|(?:er|var)\s+(?:steget|faldet|vokset|g\S{1,2}et\s+(?:op|ned)))\s+fra\s+(\d{1,3}(?:\.\d{3})+|\d+)\b.{0,60}?\btil\s+(\d{1,3}(?:\.\d{3})+|\d+)\b)");
  return re;
}
// "en stigning fra 380 henvendelser i første halvår 2023 til 432 i første
// halvår 2024": both counts; groups 1 and 2.
const RE2& ChangeFromToRe() {
  static const RE2 re(
      R"((?i)\b(?:stigning|fald|vækst|øgning)\s+(?:\S+\s+){0,3}?fra\s+(\d{1,3}(?:\.\d{3})+|\d+)\s+(?:nye\s+)?henvendelse\S*\b.{0,60}?\btil\s+(\d{1,3}(?:\.\d{3})+|\d+)\b)");
  return re;
}
const RE2& PctRe() {
  static const RE2 re(R"((?i)(?:^|[^\d.,])(\d+(?:,\d+)?)\s*(?:p[ce]t\b|procent\b|%))");
  return re;
}
// (OCR reads the abbreviation's full stop as a comma on poor scans: "6 mio, kr.",
// and "mio" with a letter slipped in or misread before "kr.": "10 miwo. kr.",
// "6 rnio. kr.", "6 mlo. kr.".)
const RE2& MioKrRe() {
  static const RE2 re(
      R"((?i)(?:^|[^\d.,])(\d+(?:,\d+)?)\s*(?:(?:m|rn)[a-z]?[il1][a-z]?[o0][.,]?|millioner)\s*(?:kr\b|kroner\b))");
  return re;
}
const RE2& ConsultantsAfterRe() {
  static const RE2 re(std::string(R"((?i)\bansat\S*\s+(?:i\s+alt\s+)?(\d+|)") + kDanishNumberWordPattern +
                      R"()\s+(?:\S+\s+)?sikkerheds-?\s?konsulent)");
  return re;
}
const RE2& ConsultantsBeforeRe() {
  static const RE2 re(std::string(R"((?i)(?:^|[^\d.,])(\d+|\b)") + kDanishNumberWordPattern +
                      R"()\s+(?:\S+\s+)?sikkerheds-?\s?konsulenter\S*\s+(?:\S+\s+){0,3}ansat)");
  return re;
}
const RE2& ConsultantsAdjRe() {
  static const RE2 re(std::string(R"((?i)(?:^|[^\d.,])(\d+|\b)") + kDanishNumberWordPattern +
                      R"()\s+(?:fast)?ansatte\s+sikkerheds-?\s?konsulent)");
  return re;
}
// The staff without "ansat": "Der er i alt 12 sikkerhedskonsulenter",
// "Ordningen består af tolv sikkerhedskonsulenter", "Ordningen beskæftiger
// i dag 15 sikkerhedskonsulenter", "I ordningen arbejder nu 14
// sikkerhedskonsulenter"; the plural's other
// forms ("sikkerhedskonsulenternes") name no count, nor does a bare "der er
// 2 sikkerhedskonsulenter" (in a region, perhaps).
const RE2& ConsultantsCountRe() {
  static const RE2 re(std::string(R"((?i)\b(?:i\s+alt|(?:best\S{1,2}r|bestod)(?:\s+\S+)?\s+af|bemandet\s+med|udg\S{1,2}res\s+af|(?:besk\S{1,3}ftig(?:er|ede)|arbejder|arbejdede)(?:\s+(?:i\s+dag|nu|der))?)\s+(\d+|)") +
                      kDanishNumberWordPattern +
                      R"()\s+(?:\S+\s+)?sikkerheds-?\s?konsulenter(?:[\s.,;:)]|$))");
  return re;
}
// "i samme periode sidste år", "samme periode året før", "samme periode i fjor".
const RE2& SamePeriodLastYearRe() {
  static const RE2 re(
      R"((?i)samme\s+periode\s+(?:sidste\s+\S{1,2}r|\S{1,2}ret\s+f\S{1,2}r|i\s+fjor))");
  return re;
}
// "året før", "året inden", "et år tidligere": the period named before it
// in the sentence, a year earlier ("47 procent i 2028 mod 44 procent året
// før").
const RE2& TheYearBeforeRe() {
  static const RE2 re(R"((?i)(?:^|\s)(?:\S{1,2}ret\s+(?:f\S{1,2}r|inden)|et\s+\S{1,2}r\s+tidligere)\b)");
  return re;
}
// "halvår 2024" whose ordinal the OCR lost ("rd. halvar 2024").
const RE2& BareHalfYearRe() {
  static const RE2 re(R"((?i)\bhalv[^\s\d]{0,3}r(?:et)?(?:\s+(?:af|i))?\s+(\d{4})\b)");
  return re;
}
// The note's own period named without dates: "i perioden" (not followed by
// its dates), "i denne periode", "i halvåret", "i det forløbne halvår".
const RE2& OwnPeriodRe() {
  static const RE2 re(
      R"((?i)\bi\s+(?:perioden|denne\s+periode|halv\S{1,2}ret|det\s+forl\S{1,2}bne\s+halv\S{1,2}r|indev\S{1,3}rende\s+halv\S{1,2}r)\b)");
  return re;
}
// A half of the note's year named without the year: "i årets første seks
// måneder", "årets sidste halvdel"; group 1 says which half.
const RE2& HalfOfTheYearRe() {
  static const RE2 re(
      R"((?i)(?:^|[\s(])\S{1,2}rets\s+(f\S{1,3}rste|sidste|andet|[12]\.)\s+(?:halv\S{1,2}r|halvdel|seks\s+m\S{1,2}neder)\b)");
  return re;
}
const RE2& GrantAdditionalRe() {
  static const RE2 re(R"((?i)yderligere|ekstra|forhøje|forhoje|\S{1,2}get\s+tilskud)");
  return re;
}
const RE2& GrantTotalRe() {
  static const RE2 re(R"((?i)samlede|samlet|i\s+alt|totale|bevilg|bevilling|afsat|tildelt|tilskuddet\b)");
  return re;
}
// A figure compared with the one before it, its unit left out: "28 nye
// henvendelser ... mod 22 i samme periode sidste år", "45 pct. mod 36",
// "701 henvendelser, mens der i 2. halvår 2026 var 655", "33 nye
// henvendelser (2. halvår 2026: 27)";
// "mod ca. 430" is one too, so that it is reported as approximate; so is
// "194 flere end i 2024, hvor der var 827".
const RE2& ComparedRe() {
  static const RE2 re(
      std::string(R"((?i)(?:\bmod|\bend|sammenlignet\s+med|i\s+forhold\s+til|hvor\s+der\s+var|\bmens\s+[^,;:()]{0,60}?\bvar|\([^():]{3,40}:)\s+(?:(?:)") +
      kApproximateWords + R"()\s+)?(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)(\s*(?:pct\b\.?|procent\b|%))?)");
  return re;
}
// A figure's part in a half year, its unit left out: "heraf 1.102 i første
// halvår og 1.210 i andet halvår"; group 1 the number (a count: no unit).
const RE2& HalfPartRe() {
  static const RE2 re(
      R"((?i)(?:\bheraf|\bhvoraf|,|\bog)\s+(\d{1,3}(?:\.\d{3})+|\d+)\s+i\s+(?:det\s+)?(?:f\S{1,3}rste|andet|[12]\.)\s+halv)");
  return re;
}
// Where a sentence turns to a subset of its figure.
const RE2& SubsetRe() {
  static const RE2 re(R"((?i)[,;(]\s*(?:heraf|hvoraf|herunder|heriblandt|deraf|hvor\s+af)\b)");
  return re;
}
// A sentence that compares with the one before: "Til sammenligning modtog
// de 33 i andet halvår af 2023."
const RE2& ComparisonRe() {
  static const RE2 re(R"((?i)sammenligning|sammenlignet\s+med)");
  return re;
}
// The number ending at s[end] is an ordinal ("1. halvår", "2. kvartal"): a
// full stop, then a word in lower case.
bool IsOrdinalAt(std::string_view s, size_t end) {
  if (end >= s.size() || s[end] != '.') return false;
  size_t k = s.find_first_not_of(' ', end + 1);
  return k != std::string_view::npos && k > end + 1 && std::islower(static_cast<unsigned char>(s[k]));
}
// A sentence that sets the figure before it against an earlier one: "Det er
// en stigning på 9 pct. i forhold til 1. halvår 2025, hvor der var 502".
const RE2& ChangeAgainstRe() {
  static const RE2 re(R"((?i)sammenlign|i\s+forhold\s+til|\bstigning|\bfald\b|\bsteg\b|\bfaldt\b)");
  return re;
}
// A period right after a count: "1.188 i første halvår 2030", "47 i 2029".
const RE2& PeriodAfterRe() {
  static const RE2 re(R"((?i)^\s+(?:i|for)\s+(?:det\s+)?(?:f\S{1,3}rste|andet|[12lI][.,]|hele|\d{4}\b))");
  return re;
}
// A count on its own in such a sentence (not a day "1." or a figure with a
// unit of its own); group 1 is the number.
const RE2& BareCountRe() {
  static const RE2 re(R"((?:^|[\s(])(\d{1,3}(?:\.\d{3})+|\d+)(?:[\s,;)]|$))");
  return re;
}
// A leading 1 that OCR read as a word of its own, "I" or "|", inside a
// sentence: "modtog de I 10 henvendelser" (110), "udgør dermed I 1 mio. kr."
// (11). Mid-sentence, after a lowercase word on the same line, Danish has no
// capital "I" before a number (the preposition is "i", which OCR reads with
// its dot), and a pipe is no word. Group 1 the word before, group 2 the
// letter, group 3 the rest of the number.
const RE2& SplitLeadingOneRe() {
  static const RE2 re(R"((?:^|\s)([a-zæøå]+),? ([I|]) (\d{1,3})(?:[\s,;)]|$))");
  return re;
}

// Digits, one space, then a zero and one digit: "5 02", one number split
// (three digits after the space are a thousands space: "1 021").
const RE2& SplitBeforeZeroRe() {
  static const RE2 re(R"((?:^|[\s(])([1-9][0-9]{0,2}) (0[0-9])(?:[\s,;)]|$))");
  return re;
}

// A thousands point with a space after it, OCR's ("mod 2. 198 i 2028"),
// after a word in lower case on the same line (a list's "2." opens its
// line). Group 1 the thousands, group 2 the rest.
const RE2& SpaceAfterThousandsPointRe() {
  static const RE2 re(R"((?:^|\s)[a-zæøå]+,? ([1-9][0-9]{0,2})\. ([0-9]{3})(?:[\s,;)]|$))");
  return re;
}

// The same half year, or the whole year, a year before `p`; nullopt for
// other periods (months).
std::optional<Period> AYearEarlier(const Period& p) {
  if (p.label.ends_with("-H1")) return HalfYearPeriod(p.year - 1, 1);
  if (p.label.ends_with("-H2")) return HalfYearPeriod(p.year - 1, 2);
  if (p.label == std::to_string(p.year)) return YearPeriod(p.year - 1);
  return std::nullopt;
}

constexpr size_t kMaxSentenceBytes = 5000;
constexpr size_t kMaxFiguresPerSentence = 50;

enum class Subject { kGeneral, kDenmark, kTrips, kUnder18 };

struct Fix {
  size_t begin = 0, end = 0;  // in the joined text
  std::string before, after, rule;
};

struct Quantity {
  std::string name;
  std::string unit;
  size_t begin = 0, end = 0;            // the number, in the sentence
  size_t span_begin = 0, span_end = 0;  // the number with its unit
  double value = 0;
  bool needs_period = true;
};

Quantity MakeQuantity(std::string name, std::string unit, const Match& m, bool needs_period) {
  Quantity q;
  q.name = std::move(name);
  q.unit = std::move(unit);
  q.begin = m.groups[0].first;
  q.end = m.groups[0].second;
  q.span_begin = q.begin;
  q.span_end = m.end;
  q.needs_period = needs_period;
  return q;
}

constexpr std::string_view kAbbreviations[] = {"jf", "hhv", "ca", "nr", "vedr", "ifm", "dvs", "mv",
                                               "evt", "bl.a", "f.eks", "pkt", "kap", "jvf"};

// Sentence spans of `t`: a stop followed by a capital (or "|", which OCR
// prints for "I"), unless the stop ends an abbreviation; also a comma after
// a year before a capital, a stop thin print read as a comma ("... i første
// halvår af 2020, Henvendelser om ...": Danish has no capital after a
// comma but a name's).
std::vector<std::pair<size_t, size_t>> Sentences(std::string_view t) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t start = 0;
  auto digits = [](std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char d) { return d >= '0' && d <= '9'; });
  };
  // The word that ends at `i` (back to a space or the sentence's start).
  auto word_before = [&](size_t i) {
    size_t w = i;
    while (w > start && t[w - 1] != ' ') --w;
    return t.substr(w, i - w);
  };
  for (size_t i = 0; i + 1 < t.size(); ++i) {
    char c = t[i];
    if (c == ',' && word_before(i).size() == 4 && digits(word_before(i)) && i + 2 < t.size() && t[i + 1] == ' ' &&
        text::IsUpper(text::FirstCodePoint(t.substr(i + 2))) && t.compare(i + 2, 7, "Region ") != 0) {
      out.emplace_back(start, i + 1);
      start = i + 2;
      continue;
    }
    if (c != '.' && c != '!' && c != '?') continue;
    size_t j = i + 1;
    if (t[j] != ' ') continue;
    while (j < t.size() && t[j] == ' ') ++j;
    if (j >= t.size()) break;
    char32_t next = text::FirstCodePoint(t.substr(j));
    // A dash or bullet standing alone between the sentences, OCR's reading
    // of a stain or a wide space ("udlandsophold. — Til sammenligning").
    while (next == U'—' || next == U'–' || next == U'-' || next == U'_' || next == U'•') {
      size_t after = j + text::Encode(std::u32string(1, next)).size();
      if (after >= t.size() || t[after] != ' ') break;
      j = after;
      while (j < t.size() && t[j] == ' ') ++j;
      if (j >= t.size()) break;
      next = text::FirstCodePoint(t.substr(j));
    }
    if (j >= t.size()) break;
    std::string word = text::Lower(word_before(i));
    // A sentence may open with a figure ("... i 2024. 190 af dem ..."), but
    // not after an ordinal or a day ("1. 2", "30. 6").
    bool figure_opens = next >= '0' && next <= '9' && !word.empty() && !(word.size() <= 2 && digits(word));
    // No sentence goes on after a year and its stop, though the next word
    // be small (a heading the OCR misread: "... af 2024. hfamrandelser om").
    bool after_year = word.size() == 4 && digits(word);
    if (!text::IsUpper(next) && next != '|' && !figure_opens && !after_year) continue;
    bool abbreviation = false;
    for (std::string_view a : kAbbreviations)
      if (word == a) abbreviation = true;
    if (abbreviation) continue;
    // A unit's stop before "I" and a small word, or a year that ends the
    // sentence, is no sentence end: the OCR read "i" as a capital ("45 pct.
    // I perioden 1. januar ...", "9,6 mio. kr. I 2030."; "I 2030 var der
    // ..." does open a sentence).
    const bool year_ends = j + 6 < t.size() && digits(t.substr(j + 2, 4)) && t[j + 6] == '.';
    if ((word == "pct" || word == "kr" || word == "mio" || word == "mia") && (next == 'I' || next == '|') &&
        j + 2 < t.size() && t[j + 1] == ' ' &&
        (text::IsLower(text::FirstCodePoint(t.substr(j + 2))) || year_ends))
      continue;
    out.emplace_back(start, i + 1);
    start = j;
  }
  if (start < t.size()) out.emplace_back(start, t.size());
  return out;
}

// Clause boundaries inside a sentence: ", ", "; ", " og ", " mens ", " samt ".
std::pair<size_t, size_t> ClauseAround(std::string_view s, size_t pos) {
  size_t b = 0, e = s.size();
  for (std::string_view sep : {", ", "; ", " og ", " mens ", " samt "}) {
    size_t at = 0;
    while ((at = s.find(sep, at)) != std::string_view::npos) {
      if (at + sep.size() <= pos) b = std::max(b, at + sep.size());
      else if (at >= pos) e = std::min(e, at);
      at += sep.size();
    }
  }
  return {b, e};
}

size_t Gap(size_t b1, size_t e1, size_t b2, size_t e2) {
  if (e1 <= b2) return b2 - e1;
  if (e2 <= b1) return b1 - e2;
  return 0;
}

// What a stretch of text is about: Denmark > trips abroad > under 18.
std::optional<Subject> SubjectIn(std::string_view t) {
  if (Contains(DenmarkRe(), t)) return Subject::kDenmark;
  if (Contains(TripsRe(), t)) return Subject::kTrips;
  if (Contains(Under18Re(), t)) return Subject::kUnder18;
  return std::nullopt;
}

// A number printed as a year ("2024"), not as a count ("2.024", "24").
bool PrintedAsYear(std::string_view digits) {
  return digits.size() == 4 && digits.find_first_not_of("0123456789") == std::string_view::npos &&
         IsPlausibleYear(std::atoi(std::string(digits).c_str()));
}

std::string FormatNumber(double v) {
  std::ostringstream o;
  o << v;
  return o.str();
}

// "1 021 henvendelser": a space between digit groups is a thousands
// separator when the first group has one to three digits and stands alone
// (no digit, dot or comma before it) and every later group has exactly
// three. Each such space becomes a dot ("1.021"), the form the count
// patterns read; lengths stay, so offsets into the text still hold.
void MarkSpacedThousands(std::string* text) {
  std::string& t = *text;
  const auto digit = [&](size_t i) { return i < t.size() && t[i] >= '0' && t[i] <= '9'; };
  size_t i = 0;
  while (i < t.size()) {
    if (!digit(i) || (i > 0 && (digit(i - 1) || t[i - 1] == '.' || t[i - 1] == ','))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (digit(j)) ++j;
    if (j - i > 3) {
      i = j;
      continue;
    }
    // Groups of exactly three digits, each after one space.
    size_t end = j;
    std::vector<size_t> spaces;
    while (end < t.size() && t[end] == ' ' && digit(end + 1) && digit(end + 2) && digit(end + 3) && !digit(end + 4)) {
      spaces.push_back(end);
      end += 4;
    }
    for (size_t sp : spaces) t[sp] = '.';
    i = end;
  }
}

}  // namespace

std::vector<Record> ExtractFacts(const Segmented& seg, const Period* note_period,
                                 std::vector<std::string>* problems,
                                 std::vector<Correction>* digit_fixes) {
  std::vector<Record> out;
  std::map<std::pair<std::string, std::string>, size_t> seen;  // (name, period) -> index
  const int default_year = note_period ? note_period->year : 0;
  // Whether the last sentence that gave figures gave one for the note's
  // own period, for a sentence that takes a part of it ("Heraf vedrørte 36
  // pct. ..."), also at the start of the next paragraph.
  bool own_period_before = false;
  for (const Section& section : seg.sections) {
    JoinedText jt = JoinLines(section.lines);
    // " (page P, line L)" of a byte of jt.text, for the problem list.
    auto where_at = [&](size_t at) -> std::string {
      auto [li, lo] = jt.Locate(at);
      if (li >= section.lines.size()) return "";
      return " (page " + std::to_string(section.lines[li].page) + ", line " + std::to_string(section.lines[li].line) +
             ")";
    };
    if (jt.text.size() > 2'000'000) {
      problems->push_back("running text section too long to read for facts");
      continue;
    }
    // OCR digit confusions in numbers ("5O2"): same length, so offsets hold.
    std::string text = jt.text;
    std::vector<Fix> fixes;
    const std::vector<text::Piece> pieces = text::SplitWhitespace(jt.text);
    for (size_t pi = 0; pi < pieces.size(); ++pi) {
      const text::Piece& p = pieces[pi];
      std::string_view core = text::StripEnds(p.text, U"()[]{},.;:!?\"'");
      // A last 1 read as "!": a number's "!" before a lowercase word ends no
      // sentence ("21! henvendelser", "I! mio. kr.").
      const bool bang = !core.empty() && core.data() + core.size() < p.text.data() + p.text.size() &&
                        core.data()[core.size()] == '!' && pi + 1 < pieces.size() &&
                        pieces[pi + 1].text.front() >= 'a' && pieces[pi + 1].text.front() <= 'z';
      if (bang) core = std::string_view(core.data(), core.size() + 1);
      // (A "$" is no Danish word: alone, before "mio.", it is a 5.)
      if (core.size() < 2 && core != "$") continue;
      bool digit = core == "$" || bang || std::any_of(core.begin(), core.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (!digit || core.find_first_of("OlISB$!") == std::string_view::npos) continue;
      if (!internal::Full(internal::ConfusableNumberRe(), core)) continue;
      size_t at = p.offset + static_cast<size_t>(core.data() - p.text.data());
      Fix f{at, at + core.size(), std::string(core), std::string(core), ""};
      std::set<std::string> rules;
      for (char& c : f.after) {
        char d = internal::DigitForGlyph(c);
        if (d != c) rules.insert(std::string(1, c) + "->" + std::string(1, d));
        c = d;
      }
      for (const std::string& r : rules) f.rule += (f.rule.empty() ? "digit:" : ",") + r;
      text.replace(at, core.size(), f.after);
      fixes.push_back(std::move(f));
    }

    // A number's point and comma swapped (OCR, or English style): `core`
    // (inside piece `p`) gets `to` for its `from`, the fix listed. The same
    // length, so offsets hold.
    const auto swap_mark = [&](const text::Piece& p, std::string_view core, char from, char to) {
      size_t at = p.offset + static_cast<size_t>(core.data() - p.text.data());
      std::string after(core);
      after[after.find(from)] = to;
      text.replace(at, core.size(), after);
      fixes.push_back(Fix{at, at + core.size(), std::string(core), std::move(after),
                          std::string("digit:") + from + "->" + to});
    };
    for (size_t pi = 0; pi < pieces.size(); ++pi) {
      const text::Piece& p = pieces[pi];
      const bool unit_after = pi + 1 < pieces.size() && RE2::PartialMatch(pieces[pi + 1].text, NotACountAfterRe());
      // A count with a comma for its thousands point ("1,021
      // henvendelser"), not a share or an amount with three decimals.
      std::string_view core = text::StripEnds(p.text, U"()[]{}.;:!?\"'");
      if (core.size() > 1 && core.back() == ',') core.remove_suffix(1);
      if (!unit_after && RE2::FullMatch(core, internal::CommaThousandsRe())) {
        swap_mark(p, core, ',', '.');
        continue;
      }
      // A share or an amount with a point for its decimal comma ("45.5
      // pct.", "10.9 mio. kr."): no Danish number has one or two digits
      // after a point.
      core = text::StripEnds(p.text, U"()[]{};:!?\"'");
      if (unit_after && RE2::FullMatch(core, PointDecimalsRe())) swap_mark(p, core, '.', ',');
    }

    // "I 10" -> "110 ": the same length, so offsets hold. Only within a
    // line: a line's first "I" may open a sentence after a heading.
    for (const Match& m : FindAll(SplitLeadingOneRe(), text)) {
      size_t at = m.groups[1].first, digits_end = m.groups[2].second;
      if (jt.Locate(m.groups[0].first).first != jt.Locate(digits_end - 1).first) continue;
      std::string before = text.substr(at, digits_end - at);
      std::string after = "1" + std::string(m.Group(text, 2));
      std::string rule = "digit:" + std::string(m.Group(text, 1)) + "->1,joined";
      text.replace(at, before.size(), after + " ");
      fixes.push_back(Fix{at, at + after.size(), std::move(before), std::move(after), std::move(rule)});
    }

    // A count's digits that OCR split: "5 02 henvendelser" -> "502
    // henvendelser" (before a zero: no count starts with one), "2. 198" ->
    // "2.198 " (a space after the thousands point). The same length, so
    // offsets hold; only within a line.
    for (const auto& [re, glue] : {std::pair<const RE2*, const char*>{&SplitBeforeZeroRe(), ""},
                                   std::pair<const RE2*, const char*>{&SpaceAfterThousandsPointRe(), "."}}) {
      for (const Match& m : FindAll(*re, text)) {
        size_t at = m.groups[0].first, end = m.groups[1].second;
        if (jt.Locate(at).first != jt.Locate(end - 1).first) continue;
        std::string before = text.substr(at, end - at);
        std::string after = std::string(m.Group(text, 0)) + glue + std::string(m.Group(text, 1));
        text.replace(at, before.size(), after + " ");
        fixes.push_back(Fix{at, at + after.size(), std::move(before), std::move(after), "digit:space,joined"});
      }
    }

    MarkSpacedThousands(&text);

    Subject previous = Subject::kGeneral;
    // The last count of the sentence before, for a comparison that leaves
    // out what it counts.
    std::optional<Quantity> last_count;
    for (auto [sb, se] : Sentences(text)) {
      std::optional<Quantity> before = std::move(last_count);
      last_count.reset();
      const bool own_before = own_period_before;
      bool gave_own = false, gave_other = false;
      std::string_view s = std::string_view(text).substr(sb, se - sb);
      if (s.size() > kMaxSentenceBytes) continue;  // not a sentence of a note
      const bool part_of_before = RE2::PartialMatch(s, PartOfBeforeRe());
      // The sentence's subject, for the sentences after it that refer back.
      std::optional<Subject> own = SubjectIn(s);
      // ("året før" is a period, not a reference back: masked.)
      std::string unmarked(s);
      const std::vector<Match> year_before = FindAll(TheYearBeforeRe(), s);
      for (const Match& m : year_before) unmarked.replace(m.begin, m.end - m.begin, m.end - m.begin, ' ');
      bool refers_back = Contains(AnaphorRe(), unmarked) || (Contains(TheShareRe(), s) && !Contains(ShareOfRe(), s));
      Subject inherited = refers_back ? previous : Subject::kGeneral;
      Subject subject = own ? *own : inherited;
      previous = subject;

      std::vector<Quantity> qs;
      std::vector<Match> counts = FindAll(InquiriesRe(), s);
      std::vector<Match> after_verb = FindAll(CountIsRe(), s);
      for (const RE2* re : {&CountFromToRe(), &ChangeFromToRe()})
        for (const Match& m : FindAll(*re, s))
          for (size_t g = 0; g < 2; ++g) after_verb.push_back(Match{m.groups[g].first, m.groups[g].second, {m.groups[g]}});
      for (const Match& m : FindAll(CountAboutRe(), s)) {
        std::string_view digits = m.Group(s, 0);
        if (PrintedAsYear(digits)) continue;  // "i 2025 vedrørte"
        // Only a count of a subject the facts have ("58 om året" is none).
        std::string_view ahead = s.substr(m.groups[0].second);
        if (std::vector<Match> cut = FindAll(SubsetRe(), ahead); !cut.empty()) ahead = ahead.substr(0, cut.front().begin);
        std::optional<Subject> about = SubjectIn(ahead.substr(0, std::min<size_t>(ahead.size(), 120)));
        if (about && (*about == Subject::kTrips || *about == Subject::kDenmark)) after_verb.push_back(m);
      }
      for (const Match& m : after_verb) {
        // Not a share ("var 41 pct."), nor a count read already.
        if (RE2::PartialMatch(s.substr(m.groups[0].second), PctAfterRe())) continue;
        bool dup = false;
        for (const Match& c : counts) dup = dup || c.groups[0].first == m.groups[0].first;
        if (!dup) counts.push_back(m);
      }
      for (const Match& m : counts) {
        // "Af de 1.188 henvendelser ...": a count given before, referred to.
        if (RE2::PartialMatch(s.substr(0, m.groups[0].first), CountReferredBackRe())) continue;
        auto [cb, ce] = ClauseAround(s, m.groups[0].first);
        // A count by region belongs to table 2, not to these facts.
        if (Contains(RegionRe(), s.substr(cb, ce - cb))) continue;
        // What the count is about is said from its clause on ("102
        // henvendelser vedrørende borgere, der befinder sig i Danmark"), up
        // to a subset ("..., heraf 28 om genopdragelsesrejser"); else before
        // it in the sentence; else the sentence refers back.
        std::string_view ahead = s.substr(cb);
        if (std::vector<Match> cut = FindAll(SubsetRe(), ahead); !cut.empty())
          ahead = ahead.substr(0, cut.front().begin);
        // ... and up to the next count, when that stretch says it ("91 nye
        // henvendelser om genopdragelsesrejser og 122 henvendelser om
        // borgere i Danmark"; in "28 og 22 nye henvendelser om ..." it does not).
        size_t next = s.size();
        for (const Match& c : counts)
          if (c.groups[0].first > m.groups[0].first) next = std::min(next, c.groups[0].first);
        std::optional<Subject> about;
        if (next > cb && next - cb < ahead.size()) about = SubjectIn(ahead.substr(0, next - cb));
        if (!about) about = SubjectIn(ahead);
        if (!about) about = SubjectIn(s.substr(0, cb));
        Subject count_subject = about ? *about : inherited;
        std::string name;
        switch (count_subject) {
          case Subject::kGeneral: name = "inquiries_total"; break;
          case Subject::kDenmark: name = "inquiries_in_denmark"; break;
          case Subject::kTrips: name = "trips_abroad_new"; break;
          default: break;
        }
        if (!name.empty())
          qs.push_back(MakeQuantity(name, "count", m, true));
        else
          problems->push_back("figure " + std::string(m.Group(s, 0)) +
                              " counts inquiries about children under 18, which no fact holds; not taken" +
                              where_at(sb + m.groups[0].first));
      }
      if (Contains(Under18Re(), s) || (!own && inherited == Subject::kUnder18))
        for (const Match& m : FindAll(PctRe(), s))
          qs.push_back(MakeQuantity("share_under_18_pct", "pct", m, true));
      // A sum's kind from its own clause; else, beside a sum whose clause
      // says it is the other kind, this kind ("Der er afsat 12,4 mio. kr.,
      // heraf en ekstrabevilling på 2,5 mio. kr."); else from the sentence.
      const std::vector<Match> sums = FindAll(MioKrRe(), s);
      std::vector<std::string> clause_name(sums.size());
      bool some_additional = false, some_total = false;  // (a sum without a name of its own is neither)
      for (size_t k = 0; k < sums.size(); ++k) {
        auto [cb, ce] = ClauseAround(s, sums[k].groups[0].first);
        std::string_view clause = s.substr(cb, ce - cb);
        if (Contains(GrantAdditionalRe(), clause)) clause_name[k] = "grant_additional_mio_kr", some_additional = true;
        else if (Contains(GrantTotalRe(), clause)) clause_name[k] = "grant_total_mio_kr", some_total = true;
      }
      for (size_t k = 0; k < sums.size(); ++k) {
        const Match& m = sums[k];
        std::string name = clause_name[k];
        if (name.empty() && some_additional != some_total)
          name = some_additional ? "grant_total_mio_kr" : "grant_additional_mio_kr";
        if (name.empty() && Contains(GrantAdditionalRe(), s)) name = "grant_additional_mio_kr";
        if (name.empty() && Contains(GrantTotalRe(), s)) name = "grant_total_mio_kr";
        if (!name.empty()) {
          qs.push_back(MakeQuantity(name, "mio. kr.", m, true));
        } else {
          std::string where = where_at(sb + m.groups[0].first);
          problems->push_back("figure " + std::string(m.Group(s, 0)) +
                              " mio. kr. is neither the total grant nor an added one; not taken" + where);
        }
      }
      for (const RE2* re : {&ConsultantsAfterRe(), &ConsultantsBeforeRe(), &ConsultantsAdjRe(), &ConsultantsCountRe()}) {
        for (const Match& m : FindAll(*re, s)) {
          bool dup = false;
          for (const Quantity& q : qs) dup = dup || q.begin == m.groups[0].first;
          if (!dup) qs.push_back(MakeQuantity("consultants_employed", "persons", m, false));
        }
      }
      if (qs.empty() && before) {
        // "I 2024 var tallet 827": the count of the sentence before.
        for (const Match& m : FindAll(TheNumberIsRe(), s)) {
          Quantity c = *before;
          c.begin = c.span_begin = m.groups[0].first;
          c.end = c.span_end = m.groups[0].second;
          qs.push_back(c);
        }
      }
      if (qs.empty() && before && Contains(ComparisonRe(), s)) {
        // "Til sammenligning modtog de 33 i andet halvår af 2023": the count
        // of the sentence before, in another period.
        for (const Match& m : FindAll(BareCountRe(), s)) {
          std::string_view digits = m.Group(s, 0);
          if (PrintedAsYear(digits)) continue;
          Quantity c = *before;
          c.begin = c.span_begin = m.groups[0].first;
          c.end = c.span_end = m.groups[0].second;
          qs.push_back(c);
        }
        // More than one: which is which is not said, unless each names its
        // period right after it ("1.188 i første halvår 2030 og 1.244 i
        // andet halvår 2029").
        bool each_named = true;
        for (const Quantity& q : qs) each_named = each_named && RE2::PartialMatch(s.substr(q.end), PeriodAfterRe());
        if (qs.size() != 1 && !each_named) qs.clear();
      }
      if (qs.empty()) continue;
      for (const Quantity& q : qs)
        if (q.unit == "count") last_count = q;
      // Compared figures take the name and unit of the nearest figure before
      // them (else after them) in the sentence. `compared_at`: where every
      // figure compared against ("mod 45 pct.", "(45 pct. i ...)") begins.
      std::set<size_t> compared_at;
      // "(1. halvår 2027: 46 pct.)", "mens andelen i første halvår 2028 var
      // 41 pct.": a period between a comparison's start and its figure is
      // the compared figure's alone (the comparison's start, the figure's).
      std::vector<std::pair<size_t, size_t>> compared_spans;
      // (The figure's parts by half year, "heraf 1.102 i første halvår og
      // 1.210 i andet halvår", take its name too, each with its own period.)
      std::vector<std::pair<Match, bool>> likes;  // (match, compared)
      for (const Match& m : FindAll(ComparedRe(), s)) likes.emplace_back(m, true);
      for (const Match& m : FindAll(HalfPartRe(), s)) likes.emplace_back(m, false);
      for (const auto& [m, is_compared] : likes) {
        size_t at = m.groups[0].first;
        if (IsOrdinalAt(s, m.groups[0].second)) continue;  // "i forhold til 1. halvår 2025" compares periods
        if (is_compared) compared_at.insert(at);
        if (is_compared) compared_spans.emplace_back(m.begin, at);
        bool known = false;
        for (const Quantity& q : qs) known = known || (q.begin <= at && at < q.end);
        if (known) continue;
        const Quantity* like = nullptr;
        for (const Quantity& q : qs)
          if (q.begin < at && (!like || q.begin > like->begin)) like = &q;
        for (const Quantity& q : qs)
          if (!like && q.begin > at) like = &q;
        if (!like) continue;
        bool pct = m.Has(1);
        if (pct && like->unit != "pct") continue;
        std::string_view digits = m.Group(s, 0);
        if (!pct && PrintedAsYear(digits)) continue;  // "sammenlignet med 2024" compares periods
        Quantity c = *like;
        c.begin = at;
        c.end = m.groups[0].second;
        c.span_begin = at;
        c.span_end = m.end;
        qs.push_back(c);
      }
      std::sort(qs.begin(), qs.end(),
                [](const Quantity& a, const Quantity& b) { return a.begin < b.begin; });
      if (qs.size() > kMaxFiguresPerSentence) qs.resize(kMaxFiguresPerSentence);

      for (const Quantity& q : qs)
        if (q.begin > 0 && s[q.begin - 1] == '(') compared_at.insert(q.begin);

      std::vector<PeriodPhrase> phrases = FindPeriodPhrases(s, default_year);
      const std::vector<Match> same_period = FindAll(SamePeriodLastYearRe(), s);
      {
        std::vector<PeriodPhrase> earlier;
        for (const Match& m : year_before) {
          bool part = false;
          for (const Match& o : same_period) part = part || (o.begin < m.end && m.begin < o.end);
          if (part) continue;
          const PeriodPhrase* named = nullptr;  // the last period named before it
          for (const PeriodPhrase& p : phrases)
            if (p.end <= m.begin && (!named || p.end > named->end)) named = &p;
          if (!named) continue;
          if (std::optional<Period> p = AYearEarlier(named->period)) earlier.push_back(PeriodPhrase{m.begin, m.end, *p});
        }
        phrases.insert(phrases.end(), earlier.begin(), earlier.end());
      }
      if (note_period) {
        if (std::optional<Period> last = AYearEarlier(*note_period))
          for (const Match& m : same_period) phrases.push_back(PeriodPhrase{m.begin, m.end, *last});
        for (const Match& m : FindAll(HalfOfTheYearRe(), s)) {
          bool named = false;
          for (const PeriodPhrase& p : phrases) named = named || (m.begin < p.end && p.begin < m.end);
          const std::string which = text::Lower(m.Group(s, 0));
          const int half = which.starts_with("f") || which.starts_with("1") ? 1 : 2;
          if (!named) phrases.push_back(PeriodPhrase{m.begin, m.end, HalfYearPeriod(note_period->year, half)});
        }
        // The note's own period named without its dates.
        for (const Match& m : FindAll(OwnPeriodRe(), s)) {
          size_t after = s.find_first_not_of(' ', m.end);
          // Its dates follow ("i perioden 1. januar ..."), not a count ("i perioden 47 nye").
          size_t digits_end = after;
          while (digits_end < s.size() && s[digits_end] >= '0' && s[digits_end] <= '9') ++digits_end;
          if (digits_end > after && digits_end < s.size() && (s[digits_end] == '.' || s[digits_end] == ',') &&
              digits_end - after <= 2)
            continue;
          bool named = false;
          for (const PeriodPhrase& p : phrases) named = named || (m.begin < p.end && p.begin < m.end);
          if (!named) phrases.push_back(PeriodPhrase{m.begin, m.end, *note_period});
        }
        // A half year without its ordinal, a year before the note's own
        // half year: the comparison period, the same half.
        if (note_period->label.find("-H") != std::string::npos) {
          for (const Match& m : FindAll(BareHalfYearRe(), s)) {
            bool named = false;
            for (const PeriodPhrase& p : phrases) named = named || (m.begin < p.end && p.begin < m.end);
            if (named || std::atoi(std::string(m.Group(s, 0)).c_str()) != note_period->year - 1) continue;
            phrases.push_back(PeriodPhrase{
                m.begin, m.end, HalfYearPeriod(note_period->year - 1, note_period->label.ends_with("-H1") ? 1 : 2)});
          }
        }
      }
      for (Quantity& q : qs) {
        std::string_view printed = s.substr(q.begin, q.end - q.begin);
        std::optional<double> v = ParseDanishNumber(printed);
        if (!v)
          if (std::optional<int> w = ParseDanishNumberWord(printed)) v = *w;  // "tolv sikkerhedskonsulenter"
        if (!v) continue;
        q.value = *v;
        // "godt 500", "ca. 430", "over 600": not a figure the note states.
        if (std::string word; RE2::PartialMatch(s.substr(0, q.begin), ApproximateBeforeRe(), &word)) {
          std::string where = where_at(sb + q.begin);
          problems->push_back("figure \"" + word + " " + std::string(s.substr(q.begin, q.end - q.begin)) +
                              "\" is approximate; not taken" + where);
          continue;
        }
        if (q.unit == "count" && RE2::PartialMatch(s.substr(0, q.begin), ChangeBeforeRe())) {
          problems->push_back("figure " + std::string(s.substr(q.begin, q.end - q.begin)) +
                              " is a change, not a count of a period; not taken" + where_at(sb + q.begin));
          continue;
        }
        // The nearest period phrase in the clause, else in the sentence,
        // measured from the number with its unit, and not across another
        // figure ("38 pct. i 1. halvår 2024 mod 33 pct. i første halvår af
        // 2023") unless there is no other.
        auto [cb, ce] = ClauseAround(s, q.begin);
        const PeriodPhrase* best = nullptr;
        size_t best_gap = 0;
        bool compared_has_earlier = false;  // a later compared figure owns an earlier period
        // Passes: the clause; the sentence; the sentence across other figures.
        for (int pass = 0; pass < 3 && !best; ++pass) {
          for (const PeriodPhrase& p : phrases) {
            if (pass == 0 && (p.begin < cb || p.end > ce)) continue;
            if (p.begin <= q.begin && q.end <= p.end) continue;  // the number is part of it
            bool others = false;
            for (auto [open, at] : compared_spans)
              others = others || (open < p.begin && p.end <= at && q.begin != at);
            if (others) {
              compared_has_earlier = compared_has_earlier || (note_period && p.period.end < note_period->start);
              continue;
            }
            bool across = false;
            for (const Quantity& o : qs) {
              if (pass == 2) break;
              if (&o == &q) continue;
              // The stretch of text between the phrase and this figure.
              size_t lo = 0, hi = 0;
              if (p.end <= q.span_begin) {
                lo = p.end;
                hi = q.span_begin;
              } else if (q.span_end <= p.begin) {
                lo = q.span_end;
                hi = p.begin;
              } else {
                continue;
              }
              if (o.span_begin >= lo && o.span_end <= hi) across = true;
            }
            if (across) continue;
            // Across other figures, a phrase after this figure that sits in
            // a later figure's own clause is that figure's ("211 henvendelser
            // [damaged] og i alt 449 henvendelser i hele 2022": 2022 is not
            // 211's). A phrase that opens the sentence still covers all.
            if (pass == 2 && q.span_end <= p.begin) {
              bool owned = false;
              for (const Quantity& o : qs) {
                if (&o == &q || o.begin <= q.begin) continue;
                auto [ob, oe] = ClauseAround(s, o.begin);
                owned = owned || (ob <= p.begin && p.end <= oe && q.begin < ob);
              }
              // ... and so is one after a figure it is compared with ("41
              // pct. mod 45 pct. i 1. halvår 2025": the period is 45's).
              bool compared = false;
              for (const Quantity& o : qs)
                compared = compared || (&o != &q && q.begin < o.begin && o.span_end <= p.begin && compared_at.count(o.begin));
              if (compared) compared_has_earlier = compared_has_earlier || (note_period && p.period.end < note_period->start);
              if (owned || compared) continue;
            }
            size_t g = Gap(p.begin, p.end, q.span_begin, q.span_end);
            if (!best || g < best_gap) {
              best = &p;
              best_gap = g;
            }
          }
        }
        Period period;
        if (best) period = best->period;
        else if ((!q.needs_period || compared_has_earlier) && note_period) period = *note_period;  // compared with before
        else if (part_of_before && own_before && note_period && !compared_at.count(q.begin)) period = *note_period;
        else {
          // Skipped, not guessed, and said so.
          std::string where = where_at(sb + q.begin);
          problems->push_back("figure " + std::string(s.substr(q.begin, q.end - q.begin)) + " (" + q.name +
                              ") names no period; not taken" + where);
          continue;
        }
        (note_period && period.label == note_period->label ? gave_own : gave_other) = true;

        Record rec;
        rec.note = note_period ? note_period->label : "";
        rec.name = q.name;
        rec.period = period.label;
        rec.period_start = period.start;
        rec.period_end = period.end;
        rec.value = q.value;
        rec.unit = q.unit;
        size_t at = sb + q.begin;
        auto [li, lo] = jt.Locate(at);
        if (li < section.lines.size()) {
          const SegLine& l = section.lines[li];
          rec.source.page = l.page;
          rec.source.line = l.line;
          rec.source.text = l.text;
          std::string number(jt.text.substr(at, q.end - q.begin));
          for (const Word& w : l.words) {
            if (w.text.find(number) == std::string::npos) continue;
            rec.source.box = w.box;
            rec.source.confidence = w.confidence;
            break;
          }
        }
        for (const Fix& f : fixes) {
          if (f.end <= at || f.begin >= sb + q.end) continue;
          rec.flags.push_back("digit-repaired");
          auto [fli, flo] = jt.Locate(f.begin);
          Correction c;
          if (fli < section.lines.size()) {
            c.page = section.lines[fli].page;
            c.line = section.lines[fli].line;
            c.column = text::ColumnOf(section.lines[fli].text, flo);
          }
          c.before = f.before;
          c.after = f.after;
          c.rule = f.rule;
          c.confidence = 0.9;
          digit_fixes->push_back(c);
        }
        internal::AddSourceFlags(&rec);
        auto key = std::make_pair(rec.name, rec.period);
        if (auto it = seen.find(key); it != seen.end()) {
          const Record& first = out[it->second];
          if (first.value != rec.value) {
            problems->push_back("fact " + rec.name + " " + rec.period + ": " +
                                FormatNumber(first.value) + " (page " +
                                std::to_string(first.source.page) + ", line " +
                                std::to_string(first.source.line) + ") and " +
                                FormatNumber(rec.value) + " (page " +
                                std::to_string(rec.source.page) + ", line " +
                                std::to_string(rec.source.line) + ") disagree; kept the first");
          }
          continue;
        }
        seen[key] = out.size();
        out.push_back(std::move(rec));
      }
      // A sentence that only sets an earlier figure against the note's own
      // leaves "Heraf ..." after it to the note's own.
      if (gave_own || (gave_other && !Contains(ChangeAgainstRe(), s))) own_period_before = gave_own;
    }
  }
  return out;
}

namespace internal {
void AppendFactPatterns(std::vector<PatternStatus>* out) {
  AddPattern(out, "facts.denmark", DenmarkRe());
  AddPattern(out, "facts.change_against", ChangeAgainstRe());
  AddPattern(out, "facts.trips", TripsRe());
  AddPattern(out, "facts.under_18", Under18Re());
  AddPattern(out, "facts.region", RegionRe());
  AddPattern(out, "facts.anaphor", AnaphorRe());
  AddPattern(out, "facts.inquiries", InquiriesRe());
  AddPattern(out, "facts.pct", PctRe());
  AddPattern(out, "facts.mio_kr", MioKrRe());
  AddPattern(out, "facts.count_is", CountIsRe());
  AddPattern(out, "facts.pct_after", PctAfterRe());
  AddPattern(out, "facts.consultants_after", ConsultantsAfterRe());
  AddPattern(out, "facts.consultants_before", ConsultantsBeforeRe());
  AddPattern(out, "facts.consultants_adj", ConsultantsAdjRe());
  AddPattern(out, "facts.consultants_count", ConsultantsCountRe());
  AddPattern(out, "facts.same_period_last_year", SamePeriodLastYearRe());
  AddPattern(out, "facts.bare_half_year", BareHalfYearRe());
  AddPattern(out, "facts.own_period", OwnPeriodRe());
  AddPattern(out, "facts.comparison", ComparisonRe());
  AddPattern(out, "facts.bare_count", BareCountRe());
  AddPattern(out, "facts.count_from_to", CountFromToRe());
  AddPattern(out, "facts.change_from_to", ChangeFromToRe());
  AddPattern(out, "facts.the_number_is", TheNumberIsRe());
  AddPattern(out, "facts.period_after", PeriodAfterRe());
  AddPattern(out, "facts.part_of_before", PartOfBeforeRe());
  AddPattern(out, "facts.change_before", ChangeBeforeRe());
  AddPattern(out, "facts.count_referred_back", CountReferredBackRe());
  AddPattern(out, "facts.approximate_before", ApproximateBeforeRe());
  AddPattern(out, "facts.count_about", CountAboutRe());
  AddPattern(out, "facts.the_share", TheShareRe());
  AddPattern(out, "facts.share_of", ShareOfRe());
  AddPattern(out, "facts.half_of_the_year", HalfOfTheYearRe());
  AddPattern(out, "facts.the_year_before", TheYearBeforeRe());
  AddPattern(out, "facts.grant_additional", GrantAdditionalRe());
  AddPattern(out, "facts.grant_total", GrantTotalRe());
  AddPattern(out, "facts.compared", ComparedRe());
  AddPattern(out, "facts.half_part", HalfPartRe());
  AddPattern(out, "facts.subset", SubsetRe());
  AddPattern(out, "facts.split_leading_one", SplitLeadingOneRe());
  AddPattern(out, "facts.space_after_thousands_point", SpaceAfterThousandsPointRe());
  AddPattern(out, "facts.split_before_zero", SplitBeforeZeroRe());
  AddPattern(out, "facts.point_decimals", PointDecimalsRe());
  AddPattern(out, "facts.not_a_count_after", NotACountAfterRe());
}
}  // namespace internal

}  // namespace notat
