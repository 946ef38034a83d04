// The compiled Danish lexicon file (written by notat-lexgen at build time,
// read by LoadDanishLexicon): two open-addressing hash tables keyed by
// LexiconKey(word) and BigramKey(a, b), each slot 12 bytes (64-bit key; count
// in the low 22 bits and LexiconFlag bits above), about 80% full,
// little-endian.
//
//   header (64 bytes) | word filter | word slots | bigram slots | prefix filter
//
// A word slot holds the corpus count and the LexiconFlag bits; a bigram slot
// the count of the pair. Words are not stored, only their 64-bit keys. The
// word filter (a blocked Bloom filter, 64-byte blocks, about 12 bits a word)
// answers most lookups of non-words from cache without touching the table.
// The prefix filter (the same kind) holds the keys of every beginning of
// the words readings may become, so that the candidate search stops at a
// beginning no such word has.
//
//   Result<LexiconFile> f = LexiconFile::Open(path);
//   uint32_t flags = f->Find(LexiconKey("være")).flags;
#ifndef NOTAT_PIPELINE_LEXICON_FILE_H_
#define NOTAT_PIPELINE_LEXICON_FILE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "pipeline/error.h"

namespace notat {

inline constexpr char kLexiconFileName[] = "da-lexicon.bin";
inline constexpr uint32_t kLexiconFileVersion = 7;

// An entry as callers see it (the file stores it packed).
struct LexiconSlot {
  uint64_t key = 0;   // 0: empty
  uint32_t count = 0;
  uint32_t flags = 0;
};

// An entry as the file stores it.
struct __attribute__((packed)) PackedSlot {
  uint64_t key;
  uint32_t value;  // count (22 bits, saturated) | flags << 22
};
static_assert(sizeof(PackedSlot) == 12);

// Read-only view of a compiled lexicon file, memory-mapped.
class LexiconFile {
 public:
  // Errors: kNotFound when `path` does not exist, kIo when it cannot be read,
  // kParse when it is not a lexicon file of this version or is truncated.
  static Result<LexiconFile> Open(const std::string& path);

  LexiconFile(LexiconFile&&) noexcept;
  LexiconFile& operator=(LexiconFile&&) noexcept;
  ~LexiconFile();

  // The slot of `key`, or an empty slot (key 0) when absent.
  LexiconSlot FindWord(uint64_t key) const {
    if (!MayContain(key)) return {};
    return Find(words_, word_slots_, key);
  }
  LexiconSlot FindBigram(uint64_t key) const { return Find(bigrams_, bigram_slots_, key); }
  // False when no word the writer gave prefixes for begins with the text
  // whose LexiconKey is `key` (true: it may; about 1% false positives).
  bool MayBePrefix(uint64_t key) const;
  // False when the word table holds no `key` (true: it may; the word filter).
  bool MayContain(uint64_t key) const;
  uint64_t total_tokens() const { return total_tokens_; }
  uint64_t word_entries() const { return word_entries_; }
  uint64_t bigram_entries() const { return bigram_entries_; }

 private:
  LexiconFile() = default;
  static LexiconSlot Find(const PackedSlot* table, uint64_t slots, uint64_t key);

  void* map_ = nullptr;
  size_t map_size_ = 0;
  const char* filter_ = nullptr;  // 64-byte blocks of 8 words
  uint64_t filter_mask_ = 0;          // blocks - 1
  const char* prefix_filter_ = nullptr;  // the same, possibly not 8-byte aligned
  uint64_t prefix_mask_ = 0;
  bool has_prefixes_ = false;
  const PackedSlot* words_ = nullptr;
  const PackedSlot* bigrams_ = nullptr;
  uint64_t word_slots_ = 0, bigram_slots_ = 0;
  uint64_t total_tokens_ = 0, word_entries_ = 0, bigram_entries_ = 0;
};

// Collects entries and writes a lexicon file.
class LexiconFileWriter {
 public:
  // Adds `count` to the word's count and ORs `flags` into its flags.
  void AddWord(uint64_t key, uint32_t count, uint32_t flags);
  void AddBigram(uint64_t key, uint32_t count);
  // Marks every beginning of `word` (lower-case UTF-8), the whole included,
  // for LexiconFile::MayBePrefix.
  void AddPrefixes(std::string_view word);
  void SetTotalTokens(uint64_t n) { total_tokens_ = n; }
  // Read access while building.
  const LexiconSlot* Word(uint64_t key) const;
  LexiconSlot* MutableWord(uint64_t key);
  // Errors: kIo when the file cannot be written.
  Result<void> Write(const std::string& path) const;

 private:
  std::unordered_map<uint64_t, LexiconSlot> words_;
  std::unordered_map<uint64_t, uint32_t> bigrams_;
  std::unordered_set<uint64_t> prefixes_;
  uint64_t total_tokens_ = 0;
};

}  // namespace notat

#endif  // NOTAT_PIPELINE_LEXICON_FILE_H_
