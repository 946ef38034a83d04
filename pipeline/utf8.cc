#include "pipeline/utf8.h"

#include <algorithm>
#include <cstdint>

namespace notat {

size_t Utf8SequenceLength(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) return 1;
  size_t n;
  uint32_t cp;
  if ((c & 0xE0) == 0xC0) { n = 2; cp = c & 0x1F; }
  else if ((c & 0xF0) == 0xE0) { n = 3; cp = c & 0x0F; }
  else if ((c & 0xF8) == 0xF0) { n = 4; cp = c & 0x07; }
  else return 0;
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
      cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return n;
}

std::u32string DecodeUtf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {  // ASCII: most of the text
      out.push_back(static_cast<char32_t>(s[i++]));
      continue;
    }
    size_t n = Utf8SequenceLength(s, i);
    if (n == 0) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

void AppendUtf8(char32_t c, std::string& out) {
  ForEachUtf8Byte(c, [&out](unsigned char b) { out.push_back(static_cast<char>(b)); });
}

std::string EncodeUtf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : s) AppendUtf8(c, out);
  return out;
}

namespace {

// The Latin-1 letter a base letter and a combining accent make, or 0.
char32_t Compose(char32_t base, char32_t mark) {
  struct Row {
    char32_t mark;
    std::u32string_view bases, letters;
  };
  static constexpr Row kRows[] = {
      {0x0300, U"AEIOUaeiou", U"ÀÈÌÒÙàèìòù"},        // grave
      {0x0301, U"AEIOUYaeiouy", U"ÁÉÍÓÚÝáéíóúý"},    // acute
      {0x0302, U"AEIOUaeiou", U"ÂÊÎÔÛâêîôû"},        // circumflex
      {0x0303, U"ANOano", U"ÃÑÕãñõ"},                // tilde
      {0x0308, U"AEIOUaeiouy", U"ÄËÏÖÜäëïöüÿ"},      // diaeresis
      {0x030A, U"Aa", U"Åå"},                        // ring above
      {0x0327, U"Cc", U"Çç"},                        // cedilla
  };
  for (const Row& r : kRows) {
    if (r.mark != mark) continue;
    size_t at = r.bases.find(base);
    return at == std::u32string_view::npos ? 0 : r.letters[at];
  }
  return 0;
}

bool IsFixedWidthSpace(char32_t c) { return c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F; }
bool IsInvisible(char32_t c) { return (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF; }
constexpr char32_t kSoftHyphen = 0xAD, kSpacingRing = 0x02DA;

}  // namespace

std::string NormalizeText(std::string_view s) {
  // Nearly every line is plain: pass it through untouched.
  if (std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return std::string(s);
  static constexpr std::u32string_view kLigatures[] = {U"ff", U"fi", U"fl", U"ffi", U"ffl", U"st", U"st"};
  std::u32string in = DecodeUtf8(s), out;
  out.reserve(in.size());
  size_t last_visible = in.find_last_not_of(U" \t");
  for (size_t i = 0; i < in.size(); ++i) {
    char32_t c = in[i];
    if (IsFixedWidthSpace(c)) {
      out.push_back(U' ');
    } else if (IsInvisible(c)) {
      continue;
    } else if (c == kSoftHyphen) {
      if (i == last_visible) out.push_back(U'-');
    } else if (c >= 0xFB00 && c <= 0xFB06) {
      out += kLigatures[c - 0xFB00];
    } else if (char32_t composed = out.empty() ? 0 : Compose(out.back(), c)) {
      out.back() = composed;
    } else if (c == kSpacingRing && !out.empty() && (out.back() == U'a' || out.back() == U'A')) {
      out.back() = out.back() == U'a' ? U'å' : U'Å';
    } else if (c == kSpacingRing && i + 1 < in.size() && (in[i + 1] == U'a' || in[i + 1] == U'A')) {
      out.push_back(in[++i] == U'a' ? U'å' : U'Å');
    } else {
      out.push_back(c);
    }
  }
  return EncodeUtf8(out);
}

}  // namespace notat
