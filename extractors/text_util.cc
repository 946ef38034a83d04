#include "extractors/text_util.h"

#include "pipeline/utf8.h"

#include <algorithm>

namespace notat::text {
std::u32string Decode(std::string_view s) { return DecodeUtf8(s); }

std::string Encode(std::u32string_view s) { return EncodeUtf8(s); }

bool IsUpper(char32_t c) {
  if (c >= 'A' && c <= 'Z') return true;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return true;
  if (c >= 0x100 && c <= 0x137) return c % 2 == 0;  // Latin Extended-A pairs (approximate)
  return false;
}

bool IsLower(char32_t c) {
  if (c >= 'a' && c <= 'z') return true;
  if (c >= 0xDF && c <= 0xFF && c != 0xF7) return true;
  if (c >= 0x100 && c <= 0x137) return c % 2 == 1;
  return false;
}

bool IsLetter(char32_t c) { return IsUpper(c) || IsLower(c); }

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

char32_t ToLower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x100 && c <= 0x137 && c % 2 == 0) return c + 1;
  return c;
}

std::string Lower(std::string_view s) {
  std::u32string cps = Decode(s);
  for (char32_t& c : cps) c = ToLower(c);
  return Encode(cps);
}

char32_t FirstCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  size_t n = Utf8SequenceLength(s, 0);
  return n == 0 ? 0xFFFD : DecodeUtf8(s.substr(0, n))[0];
}

char32_t LastCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  size_t i = s.size() - 1;
  // Step back over at most three continuation bytes.
  for (int k = 0; k < 3 && i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80; ++k) --i;
  size_t n = Utf8SequenceLength(s, i);
  if (n == 0 || i + n != s.size()) return 0xFFFD;
  return DecodeUtf8(s.substr(i))[0];
}

int EditDistance(std::u32string_view a, std::u32string_view b, int cap) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > cap) return cap + 1;
  std::vector<int> prev(m + 1), cur(m + 1);
  for (int j = 0; j <= m; ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      int sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > cap) return cap + 1;
    std::swap(prev, cur);
  }
  return std::min(prev[m], cap + 1);
}

std::string_view Trim(std::string_view s) {
  const char* ws = " \t\r\n\f\v";
  size_t b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(ws);
  return s.substr(b, e - b + 1);
}

int ColumnOf(std::string_view line, size_t byte_offset) {
  int col = 1;
  for (size_t i = 0; i < byte_offset && i < line.size(); ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++col;
  return col;
}

std::vector<Piece> SplitWhitespace(std::string_view line) {
  std::vector<Piece> out;
  size_t i = 0;
  const auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
  };
  while (i < line.size()) {
    while (i < line.size() && is_space(line[i])) ++i;
    size_t b = i;
    while (i < line.size() && !is_space(line[i])) ++i;
    if (i > b) out.push_back(Piece{line.substr(b, i - b), b});
  }
  return out;
}

std::string_view StripEnds(std::string_view s, std::u32string_view strip) {
  const auto in = [&](char32_t c) { return strip.find(c) != std::u32string_view::npos; };
  while (!s.empty()) {
    char32_t c = FirstCodePoint(s);
    if (!in(c)) break;
    size_t len = Encode(std::u32string(1, c)).size();
    s.remove_prefix(std::min(len, s.size()));
  }
  while (!s.empty()) {
    char32_t c = LastCodePoint(s);
    if (!in(c)) break;
    size_t len = Encode(std::u32string(1, c)).size();
    s.remove_suffix(std::min(len, s.size()));
  }
  return s;
}

}  // namespace notat::text
