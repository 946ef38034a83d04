// The compiled Danish lexicon (made by the build) and its loader's errors.
#include "pipeline/lexicon.h"

#include <gtest/gtest.h>

#include <algorithm>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "pipeline/lexicon_file.h"
#include "pipeline/repair_text.h"
#include "tests/fake_lexicon.h"
#include "tests/real_lexicon.h"

namespace notat {
namespace {

namespace fs = std::filesystem;

using LexiconTest = RealLexiconTest;

TEST_F(LexiconTest, AcceptsDanishWords) {
  const char* yes[] = {"være", "første", "går", "på", "børnene", "rådgivning", "æresrelaterede",
                       "københavns", "sikkerhedskonsulenterne", "halvår"};
  for (const char* w : yes) EXPECT_TRUE(lexicon_->Accepts(w)) << w;
  const char* no[] = {"vaere", "fgrste", "radgivning", "halvar", "bgrnene", "xqzv"};
  for (const char* w : no) EXPECT_FALSE(lexicon_->Accepts(w)) << w;
}

TEST_F(LexiconTest, CountsWordsAndPairs) {
  EXPECT_GT(lexicon_->TotalTokens(), 500000u);
  EXPECT_GT(lexicon_->Frequency("og"), lexicon_->Frequency("være"));
  EXPECT_GT(lexicon_->Frequency("være"), lexicon_->Frequency("vare"));
  EXPECT_GT(lexicon_->Frequency("på"), 1000u);
  EXPECT_EQ(lexicon_->Frequency("xqzv"), 0u);
  EXPECT_GT(lexicon_->Bigram("kan", "være"), 50u);
  EXPECT_EQ(lexicon_->Bigram("xqzv", "være"), 0u);
}

TEST_F(LexiconTest, FlagsWordsWithConfusionVariants) {
  // "for" could be a misread "før"; "kommune" could not be a misread word.
  EXPECT_TRUE(lexicon_->Flags("for") & kLexHasVariant);
  EXPECT_TRUE(lexicon_->Flags("ar") & kLexHasVariant);
  EXPECT_FALSE(lexicon_->Flags("kommune") & kLexHasVariant);
  EXPECT_TRUE(lexicon_->Flags("kommune") & kLexListed);
  EXPECT_TRUE(lexicon_->Flags("på") & kLexAttested);
  EXPECT_TRUE(lexicon_->Flags("æresrelaterede") & kLexDomain);
  EXPECT_EQ(lexicon_->Flags("radgiver"), 0u);
  // English, not Danish (tesseract-ocr-eng's word list).
  EXPECT_EQ(lexicon_->Flags("bogus"), static_cast<uint32_t>(kLexEnglish));
  EXPECT_FALSE(lexicon_->Flags("være") & kLexEnglish);
  // Danish and English both: the English model reads "før" as it.
  EXPECT_TRUE(lexicon_->Flags("for") & kLexEnglish);
  EXPECT_TRUE(lexicon_->Flags("for") & kLexListed);
}

TEST_F(LexiconTest, MarksFiniteVerbsAndCountsTheWordsBeforeAClause) {
  // Present and passive by hunspell-da's rules; an irregular verb's past
  // from its listed forms. Past forms of regular verbs double as adjectives
  // ("den markerede tekst") and are left out, as are nouns.
  for (const char* v : {"henter", "arkiveres", "tog", "er", "kan", "bliver"})
    EXPECT_EQ(lexicon_->Bigram(kLexFiniteWord, v), 1u) << v;
  for (const char* w : {"markerede", "fleste", "tekst", "hente", "taget", "tagende"})
    EXPECT_EQ(lexicon_->Bigram(kLexFiniteWord, w), 0u) << w;
  EXPECT_GT(lexicon_->Bigram(kLexTotalWord, kLexClauseWord), 1000u);
  // "før du kan", "når de er": clauses follow these far more often than "for".
  EXPECT_GT(lexicon_->Bigram("før", kLexClauseWord), 100u);
  EXPECT_LT(lexicon_->Bigram("for", kLexClauseWord) * 10, lexicon_->Frequency("for"));
}

TEST_F(LexiconTest, AcceptsCompoundsTheTablesLack) {
  // Not in the tables (no corpus count, not an expanded form) but a compound
  // of their forms, as hunspell-da's compound flags allow.
  EXPECT_EQ(lexicon_->Flags("cykelhjelmsfabrik"), 0u);
  EXPECT_TRUE(lexicon_->Accepts("cykelhjelmsfabrik"));
  EXPECT_FALSE(lexicon_->Accepts("cykelhjelmsfabrxk"));
}

TEST_F(LexiconTest, RejectsCompoundsOneSlipFromADictionaryForm) {
  // "serlig" splits as ser+lig, but one common slip (e for æ) away it is
  // "særlig", so it is no word.
  EXPECT_EQ(lexicon_->Flags("serlig") & (kLexListed | kLexAttested | kLexDomain), 0u);
  EXPECT_FALSE(lexicon_->Accepts("serlig"));
  EXPECT_TRUE(lexicon_->Accepts("særlig"));
  // The same for the rest of a compound of three parts: "kommandoær" is
  // "kommandoer" (hunspell-da checks every rest of its recursion).
  EXPECT_FALSE(lexicon_->Accepts("administrationskommandoær"));
  EXPECT_TRUE(lexicon_->Accepts("administrationskommandoer"));
  // No split into compound parts at all.
  EXPECT_FALSE(lexicon_->Accepts("kommandoqx"));
}

TEST(LexiconLoadTest, MissingFileNamesTheBuildStep) {
  LexiconOptions o;
  o.data_dir = (fs::temp_directory_path() / "notat-no-such-lexicon-dir").string();
  Result<std::unique_ptr<Lexicon>> lex = LoadDanishLexicon(o);
  ASSERT_FALSE(lex);
  EXPECT_EQ(lex.error().code, ErrorCode::kNotFound);
  EXPECT_NE(lex.error().message.find("da-lexicon.bin"), std::string::npos) << lex.error().message;
  EXPECT_NE(lex.error().message.find("notat_lexicon_data"), std::string::npos) << lex.error().message;
}

TEST(LexiconLoadTest, DataDirectoryFromEnvironment) {
  std::string found = FindLexiconFile();
  ASSERT_FALSE(found.empty());
  fs::path empty_dir = fs::temp_directory_path() / ("notat-lexicon-env-" + std::to_string(::getpid()));
  fs::create_directories(empty_dir);
  ASSERT_EQ(::setenv("NOTAT_DATA_DIR", empty_dir.c_str(), 1), 0);
  // $NOTAT_DATA_DIR is tried first, then the build tree.
  EXPECT_EQ(FindLexiconFile(), found);
  ASSERT_EQ(::setenv("NOTAT_DATA_DIR", fs::path(found).parent_path().c_str(), 1), 0);
  EXPECT_EQ(FindLexiconFile(), found);
  ::unsetenv("NOTAT_DATA_DIR");
  LexiconOptions o;
  o.data_dir = fs::path(found).parent_path().string();
  Result<std::unique_ptr<Lexicon>> lex = LoadDanishLexicon(o);
  ASSERT_TRUE(lex) << lex.error().message;
  EXPECT_TRUE((*lex)->Accepts("første"));
  fs::remove_all(empty_dir);
}

TEST(LexiconLoadTest, CorruptFileIsAParseError) {
  fs::path dir = fs::temp_directory_path() / ("notat-lexicon-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  {
    std::ofstream out(dir / kLexiconFileName, std::ios::binary);
    out << "this is not a lexicon file, but it is long enough to have a header....";
  }
  LexiconOptions o;
  o.data_dir = dir.string();
  Result<std::unique_ptr<Lexicon>> lex = LoadDanishLexicon(o);
  ASSERT_FALSE(lex);
  EXPECT_EQ(lex.error().code, ErrorCode::kParse);
  EXPECT_NE(lex.error().message.find("bad magic"), std::string::npos) << lex.error().message;
  fs::remove_all(dir);
}

TEST(LexiconLoadTest, MissingHunspellIsNotFound) {
  LexiconOptions o;
  o.hunspell_dic = "/nonexistent/da_DK.dic";
  Result<std::unique_ptr<Lexicon>> lex = LoadDanishLexicon(o);
  ASSERT_FALSE(lex);
  EXPECT_EQ(lex.error().code, ErrorCode::kNotFound);
  EXPECT_NE(lex.error().message.find("hunspell-da"), std::string::npos) << lex.error().message;
}

TEST(LexiconFileTest, WritesAndReadsBack) {
  fs::path path = fs::temp_directory_path() / ("notat-lexfile-" + std::to_string(::getpid()) + ".bin");
  LexiconFileWriter w;
  w.SetTotalTokens(1234);
  w.AddWord(LexiconKey("være"), 7, kLexListed);
  w.AddWord(LexiconKey("være"), 3, kLexAttested);
  w.AddBigram(BigramKey("kan", "være"), 5);
  ASSERT_TRUE(w.Write(path.string()));
  Result<LexiconFile> f = LexiconFile::Open(path.string());
  ASSERT_TRUE(f) << f.error().message;
  EXPECT_EQ(f->total_tokens(), 1234u);
  EXPECT_EQ(f->FindWord(LexiconKey("være")).count, 10u);
  EXPECT_EQ(f->FindWord(LexiconKey("være")).flags, static_cast<uint32_t>(kLexListed | kLexAttested));
  EXPECT_EQ(f->FindWord(LexiconKey("vare")).key, 0u);
  EXPECT_EQ(f->FindBigram(BigramKey("kan", "være")).count, 5u);
  EXPECT_EQ(f->FindBigram(BigramKey("være", "kan")).count, 0u);
  fs::remove(path);
}

TEST(LexiconFileTest, PrefixFilterKnowsEveryBeginning) {
  fs::path path = fs::temp_directory_path() / ("notat-lexprefix-" + std::to_string(::getpid()) + ".bin");
  LexiconFileWriter w;
  w.AddWord(LexiconKey("første"), 3, kLexListed);
  w.AddPrefixes("første");
  ASSERT_TRUE(w.Write(path.string()));
  Result<LexiconFile> f = LexiconFile::Open(path.string());
  ASSERT_TRUE(f) << f.error().message;
  for (const char* p : {"f", "fø", "før", "første"}) EXPECT_TRUE(f->MayBePrefix(LexiconKey(p))) << p;
  // Not a beginning: a byte inside "ø", other words (a false positive is
  // possible in principle, not for these keys).
  for (const char* p : {"fg", "fgr", "x", "førstex", "\x66\xc3"}) EXPECT_FALSE(f->MayBePrefix(LexiconKey(p))) << p;
  fs::remove(path);
  // A file written without prefixes rules nothing out.
  LexiconFileWriter none;
  none.AddWord(LexiconKey("første"), 3, kLexListed);
  ASSERT_TRUE(none.Write(path.string()));
  Result<LexiconFile> g = LexiconFile::Open(path.string());
  ASSERT_TRUE(g) << g.error().message;
  EXPECT_TRUE(g->MayBePrefix(LexiconKey("fgr")));
  fs::remove(path);
}

TEST(ConfusionTest, CandidatesUndoTheDamage) {
  struct Case {
    const char* observed;
    const char* wanted;
  };
  const Case cases[] = {{"Sjzelland", "Sjælland"}, {"MZRK", "MÆRK"},   {"Arlig", "Årlig"},
                        {"Igbende", "løbende"},   {"veeret", "været"}, {"Oens", "Øens"},
                        {"s@ge", "søge"},         {"ferste", "første"}};
  // Inside a sentence or at its start (where Å keeps its capital).
  ConfusionOptions start;
  start.sentence_start = true;
  for (const Case& c : cases) {
    bool found = false;
    for (const ConfusionOptions& options : {ConfusionOptions{}, start})
      ForEachCandidate(ToU32(c.observed), options, [&](const Candidate& cand) {
        if (ToUtf8(cand.text) == c.wanted) found = true;
      });
    EXPECT_TRUE(found) << c.observed << " -> " << c.wanted;
  }
}

TEST(ConfusionTest, ACapitalAInsideASentenceIsALowerCaseA) {
  // Inside a sentence "Ar" and "Abne" are år and åbne, not År and Åbne (a
  // name gets its capital back from the lexicon, in the repair).
  for (const char* w : {"Ar", "Abne"}) {
    std::vector<std::string> seen;
    ForEachCandidate(ToU32(w), ConfusionOptions{}, [&](const Candidate& cand) { seen.push_back(ToUtf8(cand.text)); });
    std::string lower = std::string("å") + (w + 1);
    EXPECT_NE(std::find(seen.begin(), seen.end(), lower), seen.end()) << w;
    EXPECT_EQ(std::find(seen.begin(), seen.end(), std::string("Å") + (w + 1)), seen.end()) << w;
  }
}

TEST(ConfusionTest, APrefixTestPrunesTheSearchButKeepsItsWords) {
  // With a prefix test that knows only "første", the search finds that
  // reading of "fgrste" and no other; without it, many.
  struct Prefixes {
    std::vector<uint64_t> keys;
  } known;
  known.keys.resize(std::string("første").size() + 1);
  PrefixKeys("første", known.keys.data());
  ConfusionOptions pruned;
  pruned.may_be_prefix = [](const void* ctx, uint64_t key) {
    const auto& k = static_cast<const Prefixes*>(ctx)->keys;
    return std::find(k.begin(), k.end(), key) != k.end();
  };
  pruned.prefix_context = &known;
  std::vector<std::string> seen;
  ForEachCandidate(ToU32("fgrste"), pruned, [&](const Candidate& c) { seen.push_back(ToUtf8(c.text)); });
  EXPECT_EQ(seen, std::vector<std::string>{"første"});
  int all = ForEachCandidate(ToU32("fgrste"), ConfusionOptions{}, [](const Candidate&) {});
  EXPECT_GT(all, 3);
}

TEST(ConfusionTest, ACompoundSearchKeepsOnlyReadingsMadeOfWords) {
  // Words "støtte", "år" (too short for a part), "kær", "lærer" and "læs":
  // of "stgttelaerer" only "støtte"+"lærer" is made of parts, of
  // "kaerslaes" only "kær"+"s"+"læs" (a linking s), and "aret" has no two
  // parts.
  struct Words {
    std::vector<uint64_t> words, prefixes;
  } known;
  for (const char* w : {"støtte", "år", "kær", "lærer", "læs"}) {
    std::string s(w);
    std::vector<uint64_t> keys(s.size() + 1);
    PrefixKeys(s, keys.data());
    known.prefixes.insert(known.prefixes.end(), keys.begin(), keys.end());
    known.words.push_back(LexiconKey(s));
  }
  ConfusionOptions compounds;
  compounds.may_be_prefix = [](const void* ctx, uint64_t key) {
    const auto& k = static_cast<const Words*>(ctx)->prefixes;
    return std::find(k.begin(), k.end(), key) != k.end();
  };
  compounds.may_be_word = [](const void* ctx, uint64_t key) {
    const auto& k = static_cast<const Words*>(ctx)->words;
    return std::find(k.begin(), k.end(), key) != k.end();
  };
  compounds.prefix_context = &known;
  compounds.min_part = 3;
  auto readings = [&](const char* w) {
    std::vector<std::string> seen;
    ForEachCandidate(ToU32(w), compounds, [&](const Candidate& c) { seen.push_back(ToUtf8(c.text)); });
    return seen;
  };
  EXPECT_EQ(readings("stgttelaerer"), std::vector<std::string>{"støttelærer"});
  EXPECT_EQ(readings("kaerslaes"), std::vector<std::string>{"kærslæs"});
  EXPECT_TRUE(readings("aret").empty());
  EXPECT_TRUE(readings("stgtte").empty());  // one part is no compound
}

TEST(ConfusionTest, DamagedFormsInvertCandidates) {
  std::vector<std::string> forms;
  ForEachDamagedForm(ToU32("år"), ConfusionOptions{}, [&](const std::u32string& d) { forms.push_back(ToUtf8(d)); });
  EXPECT_EQ(forms, (std::vector<std::string>{"ar"}));
}

TEST(ConfusionTest, CaseMapsDanishLetters) {
  EXPECT_EQ(LowerUtf8(std::string_view("ÆRØÅ Sjælland")), "ærøå sjælland");
  EXPECT_EQ(ToUtf8(std::u32string(1, ToUpper(U'ø'))), "Ø");
}

TEST(FakeLexiconTest, DerivesVariantFlags) {
  FakeLexicon lex({{"for", 10}, {"før", 2}, {"kommune", 3}});
  EXPECT_TRUE(lex.Flags("for") & kLexHasVariant);
  EXPECT_FALSE(lex.Flags("kommune") & kLexHasVariant);
  EXPECT_EQ(lex.Flags("xyz"), 0u);
}

}  // namespace
}  // namespace notat
