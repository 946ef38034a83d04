// The word alignment and the figures of notat-repair-eval (bench/), on small
// texts written for these tests.
#include "bench/repair_eval_metrics.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace notat::repair_eval {
namespace {

std::vector<std::string> Texts(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.push_back(t.text);
  return out;
}

TEST(RepairEvalTest, StripsPunctuationButKeepsOcrLetterStandIns) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"(år),", "år"},        {"«første»", "første"}, {"“være”.", "være"},
      {"|", "|"},             {"@ge", "@ge"},          {"—", ""},
      {"jf.", "jf"},          {"2025.", "2025"},       {"GOsa2-skærmen", "GOsa2-skærmen"},
      {"CRC’erne", "CRC'erne"},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(StripPunctuation(in), want) << "input: " << in;
}

TEST(RepairEvalTest, JoinsWordHyphenatedAtLineEnd) {
  std::vector<Token> t = Tokenize({"sager om æresrelate-", "rede konflikter. Se ta-", "", "bel 1."});
  EXPECT_EQ(Texts(t), (std::vector<std::string>{"sager", "om", "æresrelaterede", "konflikter", "Se",
                                                "tabel", "1"}));
  ASSERT_EQ(t.size(), 7u);
  EXPECT_EQ(t[2].line, 1);
  EXPECT_EQ(t[3].line, 2);
  EXPECT_EQ(t[5].line, 2);
  EXPECT_EQ(t[6].line, 4);
}

TEST(RepairEvalTest, DoesNotJoinMidLineOrLoneDash) {
  EXPECT_EQ(Texts(Tokenize({"(maj- halvår", "dec.) 2025 -", "slut"})),
            (std::vector<std::string>{"maj", "halvår", "dec", "2025", "slut"}));
}

TEST(RepairEvalTest, AlignsWordSplitByOcr) {
  int extra = -1;
  std::vector<Aligned> a = Align(Tokenize({"Til sammenligning var der"}),
                                 Tokenize({"Til sas mmenligning var der"}), &extra);
  ASSERT_EQ(a.size(), 4u);
  EXPECT_EQ(a[0].text, "Til");
  EXPECT_EQ(a[1].text, "sas mmenligning");
  EXPECT_EQ(a[1].link, Link::kSplit);
  EXPECT_EQ(a[2].text, "var");
  EXPECT_EQ(a[2].link, Link::kOne);
  EXPECT_EQ(extra, 0);
}

TEST(RepairEvalTest, AlignsWordsMergedByOcr) {
  int extra = -1;
  std::vector<Aligned> a =
      Align(Tokenize({"I perioden 1. januar"}), Tokenize({"Iperioden 1. januar"}), &extra);
  ASSERT_EQ(a.size(), 4u);
  EXPECT_EQ(a[0].text, "Iperioden");
  EXPECT_EQ(a[0].link, Link::kMerged);
  EXPECT_EQ(a[1].text, "Iperioden");
  EXPECT_EQ(a[1].link, Link::kMerged);
  EXPECT_EQ(a[2].text, "1");
  EXPECT_EQ(extra, 0);
}

TEST(RepairEvalTest, AlignsMissingAndExtraWords) {
  int extra = -1;
  std::vector<Aligned> a = Align(Tokenize({"region Sjælland og Syddanmark"}),
                                 Tokenize({"region og Syddanmark ~~ xx"}), &extra);
  ASSERT_EQ(a.size(), 4u);
  EXPECT_EQ(a[1].link, Link::kMissing);
  EXPECT_EQ(a[1].text, "");
  EXPECT_EQ(a[2].text, "og");
  EXPECT_EQ(a[3].text, "Syddanmark");
  EXPECT_EQ(extra, 1);  // "~~" is punctuation only and is not a word; "xx" is extra
}

TEST(RepairEvalTest, SplitNotChosenWhenOnePartAloneMatches) {
  int extra = -1;
  std::vector<Aligned> a = Align(Tokenize({"og så"}), Tokenize({"og x så"}), &extra);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].text, "og");
  EXPECT_EQ(a[0].link, Link::kOne);
  EXPECT_EQ(a[1].text, "så");
  EXPECT_EQ(extra, 1);
}

TEST(RepairEvalTest, CountsRestoredMissedAndFalseCorrections) {
  PageResult r = ComparePage({"Den løbende stigning kan være udtryk for"},
                             {"Den Igbende stigning kan vaere udtryk for"},
                             {"Den løbende stigning kan vaere udtryk før"});
  const Counts& c = r.counts;
  EXPECT_EQ(c.words, 7);
  EXPECT_EQ(c.ocr_right, 5);
  EXPECT_EQ(c.repaired_right, 5);
  EXPECT_EQ(c.damaged, 2);
  EXPECT_EQ(c.restored, 1);
  EXPECT_EQ(c.missed, 1);
  EXPECT_EQ(c.miscorrected, 0);
  EXPECT_EQ(c.false_corrections, 1);
  EXPECT_EQ(c.aoa_words, 2);
  EXPECT_EQ(c.aoa_right_before, 0);
  EXPECT_EQ(c.aoa_right_after, 1);
  EXPECT_EQ(c.spurious_aoa, 1);
  ASSERT_EQ(r.words.size(), 7u);
  EXPECT_EQ(r.words[6].truth, "for");
  EXPECT_EQ(r.words[6].repaired, "før");
}

TEST(RepairEvalTest, HyphenJoinedRepairMatchesHyphenatedTruth) {
  // The repair moves the joined word onto the first line.
  PageResult r = ComparePage({"i sager om æresrelate-", "rede konflikter"},
                             {"i sager om aresrelate-", "rede konflikter"},
                             {"i sager om æresrelaterede", "konflikter"});
  EXPECT_EQ(r.counts.words, 5);
  EXPECT_EQ(r.counts.damaged, 1);
  EXPECT_EQ(r.counts.restored, 1);
  EXPECT_EQ(r.counts.false_corrections, 0);
  EXPECT_EQ(r.counts.aoa_right_after, 1);
}

TEST(RepairEvalTest, WrongCaseIsNotRestored) {
  PageResult r = ComparePage({"MÆRK"}, {"MZRK"}, {"Mærk"});
  EXPECT_EQ(r.counts.damaged, 1);
  EXPECT_EQ(r.counts.restored, 0);
  EXPECT_EQ(r.counts.miscorrected, 1);
  EXPECT_EQ(r.counts.aoa_right_after, 0);
}

TEST(RepairEvalTest, CharDiffsGroupsAdjacentChanges) {
  using Diffs = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(CharDiffs("fgrste", "første"), (Diffs{{"g", "ø"}}));
  EXPECT_EQ(CharDiffs("vaere", "være"), (Diffs{{"ae", "æ"}}));
  EXPECT_EQ(CharDiffs("halvar", "halvår"), (Diffs{{"a", "å"}}));
  EXPECT_EQ(CharDiffs("Igbende", "løbende"), (Diffs{{"Ig", "lø"}}));
  EXPECT_EQ(CharDiffs("ar", "ar"), Diffs{});
}

TEST(RepairEvalTest, CountsCodePointsNotBytes) {
  EXPECT_EQ(EditDistance("første", "fgrste"), 1);
  EXPECT_EQ(EditDistance("år", "ar"), 1);
  EXPECT_EQ(EditDistance("", "øæ"), 2);
  EXPECT_EQ(AeOeAa("Sjælland og Århus"), "æÅ");
}

TEST(RepairEvalTest, SplitsLinesAndDropsFormFeeds) {
  EXPECT_EQ(SplitLines("a\r\nb\n\fc\n"), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(SplitLines("a\n\nb"), (std::vector<std::string>{"a", "", "b"}));
}

}  // namespace
}  // namespace notat::repair_eval
