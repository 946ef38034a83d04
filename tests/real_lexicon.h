// A test fixture holding the real compiled Danish lexicon (made by the build),
// loaded once per suite; each test fails with the loader's message when it
// could not be loaded.
#ifndef NOTAT_TESTS_REAL_LEXICON_H_
#define NOTAT_TESTS_REAL_LEXICON_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "pipeline/lexicon.h"

namespace notat {

class RealLexiconTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<std::unique_ptr<Lexicon>> lex = LoadDanishLexicon();
    if (lex) lexicon_ = std::move(*lex);
    else load_error_ = lex.error().message;
  }
  static void TearDownTestSuite() { lexicon_.reset(); }
  void SetUp() override { ASSERT_NE(lexicon_, nullptr) << load_error_; }

  static inline std::unique_ptr<Lexicon> lexicon_;
  static inline std::string load_error_;
};

}  // namespace notat

#endif  // NOTAT_TESTS_REAL_LEXICON_H_
