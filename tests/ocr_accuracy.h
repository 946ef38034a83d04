// Word accuracy of a text against a reference (header-only; used by
// ocr_test.cc and bench/ocr_variants.cc). Both texts are normalised the same
// way first: a word hyphenated at a line end is joined ("Henvendel-" +
// "ser" -> "Henvendelser"), table rules read as '|' are dropped, and the rest
// is split on white space. Accuracy is 1 - (substitutions + deletions +
// insertions) / reference words, from a word-level edit-distance alignment.
#ifndef NOTAT_TESTS_OCR_ACCURACY_H_
#define NOTAT_TESTS_OCR_ACCURACY_H_

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

namespace notat::testing {

inline bool IsLowerStart(const std::string& word) {
  if (word.empty()) return false;
  unsigned char c = static_cast<unsigned char>(word[0]);
  if (c >= 'a' && c <= 'z') return true;
  // æ ø å (C3 A6, C3 B8, C3 A5)
  return c == 0xC3 && word.size() > 1 &&
         (static_cast<unsigned char>(word[1]) == 0xA6 || static_cast<unsigned char>(word[1]) == 0xB8 ||
          static_cast<unsigned char>(word[1]) == 0xA5);
}

inline bool HasAlnum(const std::string& word) {
  for (unsigned char c : word)
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80)
      return true;
  return false;
}

// Words of `text` after the normalisation described above.
inline std::vector<std::string> NormalizedWords(const std::string& text) {
  std::vector<std::vector<std::string>> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> words;
    std::istringstream ls(line);
    std::string w;
    while (ls >> w) {
      w.erase(std::remove(w.begin(), w.end(), '|'), w.end());
      if (HasAlnum(w)) words.push_back(w);
    }
    if (!words.empty()) lines.push_back(std::move(words));
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    for (size_t j = 0; j < lines[i].size(); ++j) {
      std::string w = lines[i][j];
      bool last = j + 1 == lines[i].size();
      if (last && w.size() > 1 && w.back() == '-' && i + 1 < lines.size() &&
          IsLowerStart(lines[i + 1].front())) {
        w.pop_back();
        w += lines[i + 1].front();
        lines[i + 1].erase(lines[i + 1].begin());
      }
      out.push_back(w);
    }
  }
  return out;
}

struct WordAccuracy {
  int reference_words = 0;
  int matches = 0;
  int substitutions = 0, deletions = 0, insertions = 0;
  std::vector<std::string> errors;  // "ref -> hyp", "-ref", "+hyp"
  double accuracy() const {
    if (reference_words == 0) return 0;
    return 1.0 - double(substitutions + deletions + insertions) / reference_words;
  }
};

inline WordAccuracy MeasureWordAccuracy(const std::string& reference, const std::string& hypothesis) {
  std::vector<std::string> r = NormalizedWords(reference), h = NormalizedWords(hypothesis);
  size_t n = r.size(), m = h.size();
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
  for (size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
  for (size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i)
    for (size_t j = 1; j <= m; ++j)
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (r[i - 1] == h[j - 1] ? 0 : 1)});
  WordAccuracy acc;
  acc.reference_words = static_cast<int>(n);
  size_t i = n, j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && d[i][j] == d[i - 1][j - 1] + (r[i - 1] == h[j - 1] ? 0 : 1)) {
      if (r[i - 1] == h[j - 1]) {
        ++acc.matches;
      } else {
        ++acc.substitutions;
        acc.errors.push_back(r[i - 1] + " -> " + h[j - 1]);
      }
      --i;
      --j;
    } else if (i > 0 && d[i][j] == d[i - 1][j] + 1) {
      ++acc.deletions;
      acc.errors.push_back("-" + r[i - 1]);
      --i;
    } else {
      ++acc.insertions;
      acc.errors.push_back("+" + h[j - 1]);
      --j;
    }
  }
  std::reverse(acc.errors.begin(), acc.errors.end());
  return acc;
}

}  // namespace notat::testing

#endif  // NOTAT_TESTS_OCR_ACCURACY_H_
