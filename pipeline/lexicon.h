// The Danish lexicon the repair stage consults: word acceptance and corpus
// frequencies. An interface, so tests can pass a small fake.
//
//   Result<std::unique_ptr<Lexicon>> lex = LoadDanishLexicon();
#ifndef NOTAT_PIPELINE_LEXICON_H_
#define NOTAT_PIPELINE_LEXICON_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "pipeline/error.h"

namespace notat {

class Lexicon {
 public:
  virtual ~Lexicon() = default;
  // True when `word` (lower-case UTF-8) is a Danish word.
  virtual bool Accepts(std::string_view word) const = 0;
  // How often `word` (lower-case) occurs in the frequency corpus; 0 when never.
  virtual uint64_t Frequency(std::string_view word) const = 0;
  // How often `a` is directly followed by `b` (both lower-case); 0 when never.
  virtual uint64_t Bigram(std::string_view a, std::string_view b) const = 0;
};

struct LexiconOptions {
  // Directory holding the compiled lexicon; empty means: $NOTAT_DATA_DIR, then
  // the build tree's data directory, then the install prefix.
  std::string data_dir;
};

// Loads the compiled Danish lexicon and hunspell-da.
// Errors: kNotFound naming the missing file and the package or build step that
// provides it; kParse when the compiled file is corrupt.
Result<std::unique_ptr<Lexicon>> LoadDanishLexicon(const LexiconOptions& options = {});

}  // namespace notat

#endif  // NOTAT_PIPELINE_LEXICON_H_
