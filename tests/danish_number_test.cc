#include "extractors/danish_number.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

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


TEST(DanishNumberTest, NumberWordsFromTwoToNinetyNine) {
  EXPECT_EQ(ParseDanishNumberWord("to"), 2);
  EXPECT_EQ(ParseDanishNumberWord("Tolv"), 12);
  EXPECT_EQ(ParseDanishNumberWord("nitten"), 19);
  EXPECT_EQ(ParseDanishNumberWord("tyve"), 20);
  EXPECT_EQ(ParseDanishNumberWord("enogtyve"), 21);
  EXPECT_EQ(ParseDanishNumberWord("halvtreds"), 50);
  EXPECT_EQ(ParseDanishNumberWord("syvoghalvfjerds"), 77);
  EXPECT_EQ(ParseDanishNumberWord("nioghalvfems"), 99);
  // One is an article too; other words and glued junk are no numbers.
  for (const char* w : {"en", "et", "", "tyveog", "ogtyve", "tootyve", "elleveogtyve", "fire1", "tiende"})
    EXPECT_EQ(ParseDanishNumberWord(w), std::nullopt) << w;
}

TEST(DanishNumberTest, NumberWordPatternMatchesExactlyTheParsedWords) {
  RE2 re(std::string("(?i)") + kDanishNumberWordPattern);
  ASSERT_TRUE(re.ok());
  for (int n = 2; n < 100; ++n) {
    // Every word the parser reads is matched whole, and no other string is.
    static const char* units[] = {"", "en", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni"};
    static const char* teens[] = {"ti", "elleve", "tolv", "tretten", "fjorten", "femten", "seksten", "sytten", "atten", "nitten"};
    static const char* tens[] = {"tyve", "tredive", "fyrre", "halvtreds", "tres", "halvfjerds", "firs", "halvfems"};
    std::string w = n < 10 ? units[n] : n < 20 ? teens[n - 10] : (n % 10 ? std::string(units[n % 10]) + "og" : "") + tens[n / 10 - 2];
    EXPECT_EQ(ParseDanishNumberWord(w), n) << w;
    EXPECT_TRUE(RE2::FullMatch(w, re)) << w;
  }
  EXPECT_FALSE(RE2::FullMatch("en", re));
}

}  // namespace
}  // namespace notat
