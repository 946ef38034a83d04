// The Danish lexicon the repair stage consults: word acceptance and corpus
// frequencies. An interface, so tests can pass a small fake.
//
//   Result<std::unique_ptr<Lexicon>> lex = LoadDanishLexicon();
#ifndef NOTAT_PIPELINE_LEXICON_H_
#define NOTAT_PIPELINE_LEXICON_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "pipeline/error.h"

namespace notat {

// What the lexicon knows about a word beyond yes/no: bits of Lexicon::Flags().
enum LexiconFlag : uint32_t {
  kLexListed = 1,           // a dictionary form on its own (hunspell-da, affixes expanded)
  kLexCompoundBegin = 2,    // may start a compound (hunspell-da compound flags)
  kLexCompoundMiddle = 4,   // may stand inside a compound
  kLexCompoundEnd = 8,      // may end a compound
  kLexAttested = 16,        // seen in the frequency corpus and accepted by hunspell-da
  kLexForeign = 32,         // seen in the frequency corpus but rejected by hunspell-da
  kLexHasVariant = 64,      // an OCR confusion variant of it is also a Danish word
  kLexDomain = 128,         // from the project's domain word list
  kLexWeb = 256,            // in the Danish word list of Tesseract's model (web text)
  kLexEnglish = 512,        // in the English word list of Tesseract's model (Danish too when known)
};

// Pseudo-words of the pair table (never words: no letters, or angle
// brackets): Bigram(kLexCommaWord, w) counts w after a comma and
// Bigram(w, kLexCommaWord) w before one, Bigram(w, kLexEndWord) w before a
// full stop, ! or ?, Bigram(kLexCapitalWord, w) w Capitalised inside a
// sentence, Bigram(w, kLexCapitalWord) w before such a word ("feltet
// Navn"); Bigram(kLexTotalWord, kLexCommaWord), Bigram(kLexCommaWord,
// kLexTotalWord) and Bigram(kLexEndWord, kLexTotalWord) are the totals.
// (kLexClauseWord and kLexFiniteWord below.)
inline constexpr char kLexCommaWord[] = ",";
inline constexpr char kLexEndWord[] = "<end>";
inline constexpr char kLexCapitalWord[] = "<Capital>";
inline constexpr char kLexTotalWord[] = "<total>";
// Bigram(w, kLexClauseWord) counts w before a clause: a subject pronoun and
// a finite verb ("før den henter", "før de tog"), Bigram(kLexTotalWord,
// kLexClauseWord) all such clauses; Bigram(kLexFiniteWord, v) is 1 when v is
// a finite verb form of hunspell-da (present, past or passive).
inline constexpr char kLexClauseWord[] = "<clause>";
inline constexpr char kLexFiniteWord[] = "<finite>";

// A pronoun that may open a clause as its subject (lower case): the word
// before a finite verb that makes "for/før du ...", "når de ..." a clause.
// Articles that double as pronouns (den, det, de) count: the verb after them
// tells.
inline bool IsSubjectPronoun(std::string_view w) {
  static constexpr std::string_view kPronouns[] = {"jeg", "du", "han", "hun", "den", "det",
                                                   "vi", "de", "man", "der"};
  for (std::string_view p : kPronouns)
    if (w == p) return true;
  return false;
}

class Lexicon {
 public:
  Lexicon() : instance_(NextInstance()) {}
  virtual ~Lexicon() = default;
  Lexicon(const Lexicon&) = delete;  // Instance() names one set of tables
  Lexicon& operator=(const Lexicon&) = delete;
  // A number no other Lexicon object of this process has, for caches of
  // what a lexicon says (never reused, unlike an address).
  uint64_t Instance() const { return instance_; }
  // True when `word` (lower-case UTF-8) is a Danish word: a form of the
  // tables, or a compound of them as hunspell-da's rules allow. Never
  // consults hunspell itself (microseconds).
  virtual bool Accepts(std::string_view word) const = 0;
  // How often `word` (lower-case) occurs in the frequency corpus; 0 when never.
  virtual uint64_t Frequency(std::string_view word) const = 0;
  // How often `a` is directly followed by `b` (both lower-case); 0 when never.
  virtual uint64_t Bigram(std::string_view a, std::string_view b) const = 0;
  // LexiconFlag bits of `word` (lower-case) from the compiled tables alone:
  // cheap, never consults hunspell. The default derives them from Accepts().
  virtual uint32_t Flags(std::string_view word) const {
    return Accepts(word) ? (kLexListed | kLexCompoundEnd | (Frequency(word) ? kLexAttested : 0u)) : 0u;
  }
  // Frequency() and Flags() in one lookup.
  struct Entry {
    uint64_t count = 0;
    uint32_t flags = 0;
  };
  virtual Entry Lookup(std::string_view word) const { return Entry{Frequency(word), Flags(word)}; }
  // True when hunspell-da knows `word` (lower-case) only with a capital
  // first letter: a name ("århus"). Consults hunspell (slow): for rare use.
  virtual bool OnlyCapitalised(std::string_view /*word*/) const { return false; }
  // Lookup() by LexiconKey() of the lower-case word, for callers that hash
  // without building the string; only when KeyedLookup() (the compiled
  // lexicon is), else they use Lookup().
  virtual bool KeyedLookup() const { return false; }
  virtual Entry LookupKey(uint64_t /*key*/) const { return Entry{}; }
  // False when no word a reading may become (a dictionary, corpus or domain
  // form, or a compound's beginning) begins with the lower-case text whose
  // LexiconKey() is `key`; true when one may (the default: always).
  virtual bool MayBePrefix(uint64_t /*key*/) const { return true; }
  // False when the table holds no word whose LexiconKey() is `key` (a
  // Bloom filter: true may still be no word); true when one may (the
  // default: always).
  virtual bool MayBeWord(uint64_t /*key*/) const { return true; }
  // Number of word tokens in the frequency corpus (the denominator of Frequency).
  virtual uint64_t TotalTokens() const { return 1000000; }
  // Loads now what would load on first need (hunspell-da), so that a
  // caller can time the two apart.
  virtual void LoadAll() const {}

 private:
  static uint64_t NextInstance() {
    static std::atomic<uint64_t> next{0};
    return ++next;
  }
  const uint64_t instance_;
};

struct LexiconOptions {
  // Directory holding the compiled lexicon; empty means: $NOTAT_DATA_DIR, then
  // the build tree's data directory, then the install prefix.
  std::string data_dir;
  // hunspell-da's files: the REP list of the .aff is read at load (compound
  // checks); hunspell itself loads on first need, to tell a name.
  std::string hunspell_aff = "/usr/share/hunspell/da_DK.aff";
  std::string hunspell_dic = "/usr/share/hunspell/da_DK.dic";
};

// Loads the compiled Danish lexicon and hunspell-da's REP list.
// Errors: kNotFound naming the missing file and the package or build step that
// provides it; kParse when the compiled file is corrupt.
// The compiled file is found in options.data_dir, $NOTAT_DATA_DIR, then the
// build tree's data directory. Loading maps the file (milliseconds); hunspell
// is loaded on first need (OnlyCapitalised, LoadAll). The returned lexicon is
// safe to share between threads.
Result<std::unique_ptr<Lexicon>> LoadDanishLexicon(const LexiconOptions& options = {});

// The file path LoadDanishLexicon would read, or "" when none exists.
std::string FindLexiconFile(const LexiconOptions& options = {});

// A spell checker over one hunspell dictionary (compound rules included).
// Not thread-safe: one per thread.
class SpellChecker {
 public:
  virtual ~SpellChecker() = default;
  // True when hunspell accepts `word` exactly as given (case matters).
  virtual bool Spell(const std::string& word) = 0;
};

// Errors: kNotFound naming the missing file (package hunspell-da).
Result<std::unique_ptr<SpellChecker>> OpenHunspell(const std::string& aff_path,
                                                   const std::string& dic_path);

}  // namespace notat

#endif  // NOTAT_PIPELINE_LEXICON_H_
