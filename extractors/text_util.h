// Small UTF-8 helpers shared by the extractors. Text is UTF-8 in std::string;
// letters are classified by code point, never byte by byte, so æ/ø/å and
// Æ/Ø/Å are letters with a case.
//
//   std::string lower = text::Lower("Sjælland");  // "sjælland"
#ifndef NOTAT_EXTRACTORS_TEXT_UTIL_H_
#define NOTAT_EXTRACTORS_TEXT_UTIL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace notat::text {

// Decodes UTF-8. Each byte that does not start a valid sequence becomes
// U+FFFD, so decoding never fails and never loops.
std::u32string Decode(std::string_view s);
std::string Encode(std::u32string_view s);

bool IsLetter(char32_t c);  // ASCII, Latin-1 and Latin Extended-A letters
bool IsUpper(char32_t c);
bool IsLower(char32_t c);
bool IsDigit(char32_t c);   // ASCII 0-9 only
char32_t ToLower(char32_t c);

// Lower-cases ASCII and Latin-1/Extended-A letters ("ÆRE" -> "ære").
std::string Lower(std::string_view s);

// The first code point of `s` (0 when empty).
char32_t FirstCodePoint(std::string_view s);
// The last code point of `s` (0 when empty).
char32_t LastCodePoint(std::string_view s);

// Levenshtein distance between code point strings; returns cap + 1 as soon as
// the distance must exceed `cap`.
int EditDistance(std::u32string_view a, std::u32string_view b, int cap);

std::string_view Trim(std::string_view s);

// 1-based code point column of `byte_offset` in `line`.
int ColumnOf(std::string_view line, size_t byte_offset);

// A whitespace-separated piece of a line and its byte offset in the line.
struct Piece {
  std::string_view text;
  size_t offset = 0;
};
std::vector<Piece> SplitWhitespace(std::string_view line);

// Strips code points for which `strip` is true from both ends of `s`.
std::string_view StripEnds(std::string_view s, std::u32string_view strip);

}  // namespace notat::text

#endif  // NOTAT_EXTRACTORS_TEXT_UTIL_H_
