// A small in-memory Lexicon for tests: the words it accepts, with corpus
// counts, and word-pair counts. Flags are derived the way the compiled
// lexicon derives them (kLexHasVariant from the confusion model).
//
//   FakeLexicon lex({{"går", 50}, {"på", 200}, {"gar", 0}});
//   lex.AddBigram("i", "går", 5);
#ifndef NOTAT_TESTS_FAKE_LEXICON_H_
#define NOTAT_TESTS_FAKE_LEXICON_H_

#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "pipeline/lexicon.h"
#include "pipeline/repair_text.h"

namespace notat {

class FakeLexicon : public Lexicon {
 public:
  // `words`: lower-case word -> corpus count (0: a dictionary word the
  // corpus never saw).
  FakeLexicon(std::initializer_list<std::pair<const std::string, uint64_t>> words) : counts_(words) {
    for (const auto& [w, n] : counts_) total_ += n;
    if (total_ == 0) total_ = 1;
  }

  void AddBigram(const std::string& a, const std::string& b, uint64_t n) { bigrams_[{a, b}] = n; }

  bool Accepts(std::string_view word) const override { return counts_.count(std::string(word)) > 0; }

  uint64_t Frequency(std::string_view word) const override {
    auto it = counts_.find(std::string(word));
    return it == counts_.end() ? 0 : it->second;
  }

  uint64_t Bigram(std::string_view a, std::string_view b) const override {
    auto it = bigrams_.find({std::string(a), std::string(b)});
    return it == bigrams_.end() ? 0 : it->second;
  }

  uint32_t Flags(std::string_view word) const override {
    auto it = counts_.find(std::string(word));
    if (it == counts_.end()) return 0;
    uint32_t f = kLexListed | kLexCompoundEnd | (it->second > 0 ? kLexAttested : 0u);
    if (HasVariant(it->first)) f |= kLexHasVariant;
    return f;
  }

  uint64_t TotalTokens() const override { return total_; }

 private:
  // Some other word of this lexicon could be misread as `word`.
  bool HasVariant(const std::string& word) const {
    for (const auto& [w, n] : counts_) {
      bool hit = false;
      ForEachDamagedForm(ToU32(w), ConfusionOptions{}, [&](const std::u32string& d) {
        if (ToUtf8(d) == word) hit = true;
      });
      if (hit) return true;
    }
    return false;
  }

  std::map<std::string, uint64_t> counts_;
  std::map<std::pair<std::string, std::string>, uint64_t> bigrams_;
  uint64_t total_ = 0;
};

}  // namespace notat

#endif  // NOTAT_TESTS_FAKE_LEXICON_H_
