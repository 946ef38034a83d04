// The Danish lexicon: the compiled tables (lexicon_file.h) answer almost every
// question; hunspell-da is loaded on first need for words the tables do not
// know, and its answers are cached. The only file that includes hunspell.
#include <hunspell/hunspell.hxx>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

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
      : file_(std::move(file)), options_(std::move(options)) {}

  bool Accepts(std::string_view word) const override {
    if (word.empty()) return false;
    LexiconSlot s = file_.FindWord(LexiconKey(word));
    if (s.flags & (kLexListed | kLexAttested | kLexDomain)) return true;
    if (s.flags & kLexForeign) return false;  // hunspell said no at build time
    return HunspellAccepts(word);
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
  Entry LookupKey(uint64_t key) const override {
    LexiconSlot s = file_.FindWord(key);
    return Entry{s.count, s.flags};
  }

  uint64_t TotalTokens() const override { return file_.total_tokens(); }

 private:
  // hunspell-da's verdict on a lower-case word: not a word, a word, or a
  // word only with a capital first letter (a name).
  enum Verdict : char { kNo, kWord, kCapitalOnly };
  Verdict HunspellVerdict(std::string_view word) const {
    std::lock_guard<std::mutex> lock(mu_);
    std::string key(word);
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    if (!checker_ && !checker_failed_) {
      Result<std::unique_ptr<SpellChecker>> c = OpenHunspell(options_.hunspell_aff, options_.hunspell_dic);
      if (c) checker_ = std::move(*c);
      else checker_failed_ = true;
    }
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

  bool HunspellAccepts(std::string_view word) const { return HunspellVerdict(word) != kNo; }

  LexiconFile file_;
  LexiconOptions options_;
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
