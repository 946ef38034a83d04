// The Danish lexicon: the compiled tables (lexicon_file.h) answer every
// question but one; compounds the tables lack are decided from their
// compound flags and hunspell-da's REP list. hunspell-da itself is loaded on
// first need only to tell a name (a word it knows only with a capital), and
// its answers are cached. The only file that includes hunspell.
#include <hunspell/hunspell.hxx>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "pipeline/lexicon.h"
#include "pipeline/lexicon_file.h"
#include "pipeline/repair_text.h"

#ifndef NOTAT_BUILD_DATA_DIR
#define NOTAT_BUILD_DATA_DIR ""
#endif

namespace notat {
namespace {

namespace fs = std::filesystem;

class HunspellChecker : public SpellChecker {
 public:
  HunspellChecker(const std::string& aff, const std::string& dic)
      : hunspell_(std::make_unique<Hunspell>(aff.c_str(), dic.c_str())) {}
  bool Spell(const std::string& word) override { return hunspell_->spell(word); }

 private:
  std::unique_ptr<Hunspell> hunspell_;
};

Result<void> CheckReadable(const std::string& path, const char* what) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec))
    return MakeError(ErrorCode::kNotFound, path + ": " + what + " not found (install package hunspell-da)");
  return {};
}

class DanishLexicon : public Lexicon {
 public:
  DanishLexicon(LexiconFile file, LexiconOptions options)
      : file_(std::move(file)), options_(std::move(options)), replacements_(ReadReplacements(options_.hunspell_aff)) {
    for (size_t i = 0; i < replacements_.size(); ++i)
      by_first_byte_[static_cast<unsigned char>(replacements_[i].from[0])].push_back(static_cast<uint16_t>(i));
  }

  bool Accepts(std::string_view word) const override {
    if (word.empty()) return false;
    LexiconSlot s = file_.FindWord(LexiconKey(word));
    if (s.flags & (kLexListed | kLexAttested | kLexDomain)) return true;
    if (s.flags & kLexForeign) return false;  // hunspell said no at build time
    // A word the tables lack is Danish as a compound of their forms, decided
    // here as hunspell-da decides (0.6 ms a compound there, microseconds
    // here).
    return IsCompound(word);
  }

  uint64_t Frequency(std::string_view word) const override { return file_.FindWord(LexiconKey(word)).count; }

  uint64_t Bigram(std::string_view a, std::string_view b) const override {
    return file_.FindBigram(BigramKey(a, b)).count;
  }

  uint32_t Flags(std::string_view word) const override { return file_.FindWord(LexiconKey(word)).flags; }

  Entry Lookup(std::string_view word) const override {
    LexiconSlot s = file_.FindWord(LexiconKey(word));
    return Entry{s.count, s.flags};
  }

  bool OnlyCapitalised(std::string_view word) const override { return HunspellVerdict(word) == kCapitalOnly; }

  bool KeyedLookup() const override { return true; }
  bool MayBePrefix(uint64_t key) const override { return file_.MayBePrefix(key); }
  bool MayBeWord(uint64_t key) const override { return file_.MayContain(key); }
  Entry LookupKey(uint64_t key) const override {
    LexiconSlot s = file_.FindWord(key);
    return Entry{s.count, s.flags};
  }

  uint64_t TotalTokens() const override { return file_.total_tokens(); }

  void LoadAll() const override {
    std::lock_guard<std::mutex> lock(mu_);
    LoadChecker();
  }

 private:
  // hunspell-da's compounding, from the tables: a part that may begin a
  // compound, parts that may stand inside one, a part that may end one, each
  // at least kMinPart code points (COMPOUNDMIN of da_DK.aff). Like hunspell
  // (CHECKCOMPOUNDREP, applied as its recursion applies it: to the whole word
  // and to every rest of two or more parts), a compound one REP slip away
  // from a dictionary form is none ("serlig" is "særlig"; in
  // "administrationskommandoær" the rest "kommandoær" is "kommandoer").
  bool IsCompound(std::string_view word) const {
    static constexpr size_t kMinPart = 2, kMaxBytes = 100;
    if (word.size() > kMaxBytes) return false;
    size_t cuts[kMaxBytes + 1];  // code point boundaries, 0 and word.size() included
    size_t n = 0;
    for (size_t i = 0; i < word.size(); ++i)
      if ((static_cast<unsigned char>(word[i]) & 0xC0) != 0x80) cuts[n++] = i;
    cuts[n++] = word.size();
    const size_t last = n - 1;
    // keys[i]: LexiconKey of the part from the current start to byte i of
    // the word, hashed in one pass per start.
    uint64_t keys[kMaxBytes + 1];
    auto flags = [&](size_t a, size_t b) { return file_.FindWord(keys[cuts[b] - cuts[a]]).flags; };
    // rest[j]: word from cuts[j] on is an ending part, or inside parts and
    // one ending part.
    bool rest[kMaxBytes + 1] = {};
    for (size_t j = last; j-- > 0;) {
      if (last - j < kMinPart) continue;
      PrefixKeys(word.substr(cuts[j]), keys);
      if (flags(j, last) & kLexCompoundEnd) {
        rest[j] = true;
        continue;
      }
      for (size_t k = j + kMinPart; k + kMinPart <= last; ++k) {
        if (!rest[k] || !(flags(j, k) & kLexCompoundMiddle)) continue;
        rest[j] = !OneSlipFromAWord(word.substr(cuts[j]));
        break;
      }
    }
    PrefixKeys(word, keys);
    for (size_t j = kMinPart; j + kMinPart <= last; ++j)
      if (rest[j] && (flags(0, j) & kLexCompoundBegin)) return !OneSlipFromAWord(word);
    return false;
  }

  // A REP line of da_DK.aff: `from` (anchored at the word's start or end
  // when marked ^ or $) is a common slip for `to`.
  struct Replacement {
    std::string from, to;
    bool at_start = false, at_end = false;
  };

  static std::vector<Replacement> ReadReplacements(const std::string& aff_path) {
    std::vector<Replacement> out;
    std::ifstream in(aff_path);
    bool count_line = true;  // "REP 126" comes first
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("REP ", 0) != 0) continue;
      std::istringstream fields(line.substr(4));
      Replacement r;
      if (!(fields >> r.from >> r.to) || count_line) {
        count_line = false;
        continue;
      }
      if (!r.from.empty() && r.from.front() == '^') {
        r.at_start = true;
        r.from.erase(0, 1);
      }
      if (!r.from.empty() && r.from.back() == '$') {
        r.at_end = true;
        r.from.pop_back();
      }
      if (r.from.empty() || r.to.find('_') != std::string::npos) continue;  // '_' splits into words
      out.push_back(std::move(r));
    }
    return out;
  }

  // Some REP replacement of `word` is a dictionary form.
  // Each place of the word is tried with the REP lines whose text starts
  // with its byte.
  bool OneSlipFromAWord(std::string_view word) const {
    std::string candidate;
    for (size_t pos = 0; pos < word.size(); ++pos) {
      for (uint16_t i : by_first_byte_[static_cast<unsigned char>(word[pos])]) {
        const Replacement& r = replacements_[i];
        if (word.compare(pos, r.from.size(), r.from) != 0) continue;
        if ((r.at_start && pos != 0) || (r.at_end && pos + r.from.size() != word.size())) continue;
        candidate.assign(word.substr(0, pos));
        candidate += r.to;
        candidate += word.substr(pos + r.from.size());
        if (file_.FindWord(LexiconKey(candidate)).flags & kLexListed) return true;
      }
    }
    return false;
  }

  // hunspell-da's verdict on a lower-case word: not a word, a word, or a
  // word only with a capital first letter (a name).
  enum Verdict : char { kNo, kWord, kCapitalOnly };
  Verdict HunspellVerdict(std::string_view word) const {
    std::lock_guard<std::mutex> lock(mu_);
    std::string key(word);
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    LoadChecker();
    Verdict v = kNo;
    if (checker_ && !word.empty() && word.size() <= 100) {
      if (checker_->Spell(key)) {
        v = kWord;
      } else {
        std::u32string u = ToU32(word);
        u[0] = ToUpper(u[0]);
        if (checker_->Spell(ToUtf8(u))) v = kCapitalOnly;
      }
    }
    if (cache_.size() > 200000) cache_.clear();
    cache_.emplace(std::move(key), v);
    return v;
  }

  // With mu_ held.
  void LoadChecker() const {
    if (checker_ || checker_failed_) return;
    Result<std::unique_ptr<SpellChecker>> c = OpenHunspell(options_.hunspell_aff, options_.hunspell_dic);
    if (c) checker_ = std::move(*c);
    else checker_failed_ = true;
  }

  LexiconFile file_;
  LexiconOptions options_;
  std::vector<Replacement> replacements_;
  std::vector<uint16_t> by_first_byte_[256];  // replacements_ by their text's first byte
  mutable std::mutex mu_;
  mutable std::unique_ptr<SpellChecker> checker_;
  mutable bool checker_failed_ = false;
  mutable std::unordered_map<std::string, Verdict> cache_;
};

}  // namespace

Result<std::unique_ptr<SpellChecker>> OpenHunspell(const std::string& aff_path, const std::string& dic_path) {
  if (Result<void> r = CheckReadable(aff_path, "hunspell affix file"); !r) return std::unexpected(r.error());
  if (Result<void> r = CheckReadable(dic_path, "hunspell dictionary"); !r) return std::unexpected(r.error());
  return std::make_unique<HunspellChecker>(aff_path, dic_path);
}

std::string FindLexiconFile(const LexiconOptions& options) {
  std::vector<std::string> dirs;
  if (!options.data_dir.empty()) {
    dirs.push_back(options.data_dir);
  } else {
    if (const char* env = std::getenv("NOTAT_DATA_DIR"); env != nullptr && *env != '\0') dirs.push_back(env);
    if (*NOTAT_BUILD_DATA_DIR != '\0') dirs.push_back(NOTAT_BUILD_DATA_DIR);
  }
  for (const std::string& d : dirs) {
    fs::path p = fs::path(d) / kLexiconFileName;
    std::error_code ec;
    if (fs::is_regular_file(p, ec)) return p.string();
  }
  return "";
}

Result<std::unique_ptr<Lexicon>> LoadDanishLexicon(const LexiconOptions& options) {
  std::string path = FindLexiconFile(options);
  if (path.empty()) {
    std::string where = !options.data_dir.empty() ? options.data_dir
                        : std::getenv("NOTAT_DATA_DIR") ? std::string(std::getenv("NOTAT_DATA_DIR")) + " ($NOTAT_DATA_DIR) or " +
                                                              NOTAT_BUILD_DATA_DIR
                                                        : std::string(NOTAT_BUILD_DATA_DIR);
    return MakeError(ErrorCode::kNotFound,
                     std::string(kLexiconFileName) + ": compiled Danish lexicon not found in " + where +
                         " (it is made by the build: cmake --build <dir> --target notat_lexicon_data, "
                         "which needs the packages hunspell-da, libreoffice-help-da, debian-edu-doc-da "
                         "and manpages-da)");
  }
  Result<LexiconFile> file = LexiconFile::Open(path);
  if (!file) return std::unexpected(file.error());
  if (Result<void> r = CheckReadable(options.hunspell_aff, "hunspell affix file"); !r)
    return std::unexpected(r.error());
  if (Result<void> r = CheckReadable(options.hunspell_dic, "hunspell dictionary"); !r)
    return std::unexpected(r.error());
  return std::make_unique<DanishLexicon>(std::move(*file), options);
}

}  // namespace notat
