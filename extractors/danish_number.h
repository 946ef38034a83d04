// The one parser for numbers printed the Danish way: "." groups thousands and
// "," marks decimals. "1.234" -> 1234, "10,9" -> 10.9, "45 pct." -> 45 (pct).
//
//   std::optional<DanishQuantity> q = ParseDanishQuantity("10,9 mio. kr.");
#ifndef NOTAT_EXTRACTORS_DANISH_NUMBER_H_
#define NOTAT_EXTRACTORS_DANISH_NUMBER_H_

#include <optional>
#include <string>
#include <string_view>

namespace notat {

struct DanishQuantity {
  double value = 0;
  std::string unit;  // "" (a plain number), "pct" or "mio. kr."
  bool integer = true;  // no decimal part was printed
};

// Parses the whole of `s` (surrounding spaces allowed): an optional minus, an
// integer part that is either plain digits ("2024") or groups of three after
// the first ("1.234", "12.345.678"), an optional ",decimals", and an optional
// unit: "pct."/"pct"/"%"/"procent" -> "pct"; "mio. kr."/"mio.kr."/"mio kr"/
// "millioner kroner" -> "mio. kr.". Returns nullopt for anything else,
// including "1.5" and "10.9" (a dot is never a decimal point in Danish) and a
// trailing full stop ("502.").
std::optional<DanishQuantity> ParseDanishQuantity(std::string_view s);

// ParseDanishQuantity's value, any unit ignored.
std::optional<double> ParseDanishNumber(std::string_view s);

// A whole number from two to ninety-nine written as one Danish word, any
// case: "to", "tolv", "femten", "tyve", "enogtyve", "halvtreds". Returns
// nullopt for anything else, also for "en"/"et" (one): they are the articles
// too. kDanishNumberWordPattern matches the same words (an RE2 pattern, no
// groups, no flags).
std::optional<int> ParseDanishNumberWord(std::string_view word);
extern const char kDanishNumberWordPattern[];

}  // namespace notat

#endif  // NOTAT_EXTRACTORS_DANISH_NUMBER_H_
