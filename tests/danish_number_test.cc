#include "extractors/danish_number.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace notat {
namespace {

struct NumberCase {
  std::string input;
  std::optional<double> value;
  std::string unit;
};

TEST(DanishNumberTest, ParsesDanishFormatsAndUnits) {
  const NumberCase cases[] = {
      {"186", 186, ""},
      {"1.234", 1234, ""},
      {"12.345.678", 12345678, ""},
      {"10,9", 10.9, ""},
      {"1.234,5", 1234.5, ""},
      {" 502 ", 502, ""},
      {"45 pct.", 45, "pct"},
      {"45 pct", 45, "pct"},
      {"7%", 7, "pct"},
      {"12,5 procent", 12.5, "pct"},
      {"10,9 mio. kr.", 10.9, "mio. kr."},
      {"7 mio.kr.", 7, "mio. kr."},
      {"3 millioner kroner", 3, "mio. kr."},
      {"-4", -4, ""},
  };
  for (const NumberCase& c : cases) {
    std::optional<DanishQuantity> q = ParseDanishQuantity(c.input);
    ASSERT_TRUE(q.has_value()) << "input: \"" << c.input << "\"";
    EXPECT_DOUBLE_EQ(q->value, *c.value) << "input: \"" << c.input << "\"";
    EXPECT_EQ(q->unit, c.unit) << "input: \"" << c.input << "\"";
  }
}

TEST(DanishNumberTest, RejectsWhatIsNotADanishNumber) {
  for (const char* input : {"", " ", "1.5", "10.9", "1.2345", "1234.567", "502.", "1.", "abc",
                            "5O2", "12 kr", "1,", ",5", "45 pct. i", "--3", "1 2"}) {
    EXPECT_FALSE(ParseDanishQuantity(input).has_value()) << "input: \"" << input << "\"";
  }
}

TEST(DanishNumberTest, ReportsWhetherADecimalPartWasPrinted) {
  EXPECT_TRUE(ParseDanishQuantity("1.234")->integer);
  EXPECT_FALSE(ParseDanishQuantity("10,9")->integer);
}

TEST(DanishNumberTest, NumberIgnoresTheUnit) {
  EXPECT_EQ(ParseDanishNumber("45 pct."), 45);
  EXPECT_EQ(ParseDanishNumber("1.234"), 1234);
  EXPECT_EQ(ParseDanishNumber("x"), std::nullopt);
}

TEST(DanishNumberTest, HugeInputIsRejectedNotParsed) {
  EXPECT_FALSE(ParseDanishQuantity(std::string(100000, '9')).has_value());
}

}  // namespace
}  // namespace notat
