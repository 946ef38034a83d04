#include "extractors/danish_number.h"

#include <array>
#include <cstdlib>
#include <utility>

#include "extractors/text_util.h"

namespace notat {
namespace {

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Unit spellings, compared after lower-casing and with inner spaces removed.
const std::array<std::pair<std::string_view, std::string_view>, 10> kUnits = {{
    {"pct.", "pct"}, {"pct", "pct"}, {"%", "pct"}, {"procent", "pct"},
    {"mio.kr.", "mio. kr."}, {"mio.kr", "mio. kr."}, {"miokr.", "mio. kr."},
    {"miokr", "mio. kr."}, {"millionerkroner", "mio. kr."}, {"mio.kroner", "mio. kr."},
}};

}  // namespace

std::optional<DanishQuantity> ParseDanishQuantity(std::string_view s) {
  s = text::Trim(s);
  if (s.empty() || s.size() > 64) return std::nullopt;
  size_t i = 0;
  bool negative = false;
  if (s[i] == '-') { negative = true; ++i; }
  else if (s.substr(0, 3) == "\u2212") { negative = true; i += 3; }
  // Integer part.
  size_t start = i;
  while (i < s.size() && IsAsciiDigit(s[i])) ++i;
  size_t first_group = i - start;
  if (first_group == 0) return std::nullopt;
  std::string digits(s.substr(start, first_group));
  bool grouped = false;
  while (i + 1 < s.size() && s[i] == '.' && IsAsciiDigit(s[i + 1])) {
    // A group is exactly three digits after the dot.
    if (i + 3 >= s.size() || !IsAsciiDigit(s[i + 2]) || !IsAsciiDigit(s[i + 3]))
      return std::nullopt;
    if (i + 4 < s.size() && IsAsciiDigit(s[i + 4])) return std::nullopt;
    digits.append(s.substr(i + 1, 3));
    grouped = true;
    i += 4;
  }
  if (grouped && first_group > 3) return std::nullopt;
  DanishQuantity q;
  std::string number = digits;
  if (i < s.size() && s[i] == ',') {
    size_t d = i + 1;
    while (d < s.size() && IsAsciiDigit(s[d])) ++d;
    if (d == i + 1) return std::nullopt;
    number += "." + std::string(s.substr(i + 1, d - i - 1));
    q.integer = false;
    i = d;
  }
  // Unit.
  std::string rest;
  for (char c : s.substr(i))
    if (c != ' ' && c != '\t') rest.push_back(c);
  rest = text::Lower(rest);
  if (!rest.empty()) {
    bool found = false;
    for (const auto& [spelling, unit] : kUnits) {
      if (rest == spelling) { q.unit = std::string(unit); found = true; break; }
    }
    if (!found) return std::nullopt;
  }
  if (number.size() > 30) return std::nullopt;
  q.value = std::strtod(number.c_str(), nullptr);
  if (negative) q.value = -q.value;
  return q;
}

namespace {

constexpr std::string_view kUnitWords[] = {"", "en", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni"};
constexpr std::string_view kTeenWords[] = {"ti", "elleve", "tolv", "tretten", "fjorten",
                                           "femten", "seksten", "sytten", "atten", "nitten"};
// 20, 30, ... 90 (the vigesimal names: 50 is "halvtreds").
constexpr std::string_view kTensWords[] = {"tyve", "tredive", "fyrre", "halvtreds",
                                           "tres", "halvfjerds", "firs", "halvfems"};

}  // namespace

const char kDanishNumberWordPattern[] =
    "(?:to|tre|fire|fem|seks|syv|otte|ni|ti|elleve|tolv|tretten|fjorten|femten|seksten|sytten|atten|nitten|"
    "(?:(?:en|to|tre|fire|fem|seks|syv|otte|ni)og)?(?:tyve|tredive|fyrre|halvtreds|tres|halvfjerds|firs|halvfems))";

std::optional<int> ParseDanishNumberWord(std::string_view word) {
  std::string w = text::Lower(word);
  for (int u = 2; u <= 9; ++u)
    if (w == kUnitWords[u]) return u;
  for (int t = 0; t < 10; ++t)
    if (w == kTeenWords[t]) return 10 + t;
  for (int t = 0; t < 8; ++t) {
    std::string_view tens = kTensWords[t];
    if (w.size() < tens.size() || w.compare(w.size() - tens.size(), tens.size(), tens) != 0) continue;
    std::string_view head = std::string_view(w).substr(0, w.size() - tens.size());
    if (head.empty()) return 20 + 10 * t;
    if (!head.ends_with("og")) return std::nullopt;
    head.remove_suffix(2);
    for (int u = 1; u <= 9; ++u)
      if (head == kUnitWords[u]) return 20 + 10 * t + u;
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<double> ParseDanishNumber(std::string_view s) {
  std::optional<DanishQuantity> q = ParseDanishQuantity(s);
  if (!q) return std::nullopt;
  return q->value;
}

}  // namespace notat
