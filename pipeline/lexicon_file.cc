#include "pipeline/lexicon_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <utility>
#include <vector>

#include "pipeline/repair_text.h"

namespace notat {
namespace {

constexpr char kMagic[8] = {'N', 'O', 'T', 'A', 'T', 'L', 'X', '1'};

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t filter_bits;  // log2 of the number of 64-byte filter blocks
  uint64_t word_slots;
  uint64_t bigram_slots;
  uint64_t total_tokens;
  uint64_t word_entries;
  uint64_t bigram_entries;
  uint32_t prefix_filter_bits;  // log2 of the prefix filter's 64-byte blocks
  uint32_t has_prefixes;        // 0: the writer gave none (every text may be a prefix)
};
static_assert(sizeof(Header) == 64);

constexpr uint32_t kCountBits = 22;
constexpr uint32_t kCountMask = (1u << kCountBits) - 1;

// A slot index in [0, slots): the mixed key scaled to the table size.
inline uint64_t SlotIndex(uint64_t key, uint64_t slots) {
  uint64_t h = key * 0x9E3779B97F4A7C15ULL;
  return static_cast<uint64_t>((static_cast<unsigned __int128>(h) * slots) >> 64);
}

PackedSlot Pack(const LexiconSlot& s) {
  uint32_t count = s.count > kCountMask ? kCountMask : s.count;
  return PackedSlot{s.key, count | (s.flags << kCountBits)};
}

// The filter's block and its 7 bit positions (0..511) for a key.
inline uint64_t FilterBlock(uint64_t key, uint64_t mask) { return (key >> 40) & mask; }
inline uint64_t FilterMix(uint64_t key) { return key * 0xC2B2AE3D27D4EB4FULL; }
constexpr int kFilterProbes = 7;

uint32_t FilterBitsFor(size_t entries) {
  uint32_t bits = 0;
  while ((uint64_t{1} << bits) * 512 < entries * 12) ++bits;  // about 12 bits per entry
  return bits;
}

// A blocked Bloom filter over `keys`, 2^bits blocks of 8 words.
std::vector<uint64_t> BuildFilter(const std::vector<uint64_t>& keys, uint32_t bits) {
  std::vector<uint64_t> filter((size_t{1} << bits) * 8, 0);
  uint64_t mask = (uint64_t{1} << bits) - 1;
  for (uint64_t key : keys) {
    uint64_t* block = filter.data() + 8 * FilterBlock(key, mask);
    uint64_t mix = FilterMix(key);
    for (int i = 0; i < kFilterProbes; ++i) {
      unsigned bit = (mix >> (9 * i)) & 511;
      block[bit >> 6] |= uint64_t{1} << (bit & 63);
    }
  }
  return filter;
}

// `filter`: the filter's bytes in the mapped file. The prefix filter follows
// the 12-byte slots, so it may sit on any 4-byte boundary: its words are
// copied out, never loaded through a misaligned uint64_t pointer.
bool FilterHas(const char* filter, uint64_t mask, uint64_t key) {
  const char* block = filter + 64 * FilterBlock(key, mask);
  uint64_t h = FilterMix(key);
  for (int i = 0; i < kFilterProbes; ++i) {
    unsigned bit = (h >> (9 * i)) & 511;
    uint64_t word;
    std::memcpy(&word, block + 8 * (bit >> 6), sizeof word);
    if (!(word & (uint64_t{1} << (bit & 63)))) return false;
  }
  return true;
}

// About 80% full.
uint64_t SlotsFor(size_t entries) { return std::max<uint64_t>(16, entries + entries / 4 + 1); }

std::vector<PackedSlot> BuildTable(const std::vector<LexiconSlot>& entries, uint64_t slots) {
  std::vector<PackedSlot> table(slots, PackedSlot{0, 0});
  for (const LexiconSlot& e : entries) {
    uint64_t i = SlotIndex(e.key, slots);
    while (table[i].key != 0) i = i + 1 == slots ? 0 : i + 1;
    table[i] = Pack(e);
  }
  return table;
}

}  // namespace

bool LexiconFile::MayContain(uint64_t key) const { return FilterHas(filter_, filter_mask_, key); }

bool LexiconFile::MayBePrefix(uint64_t key) const {
  return !has_prefixes_ || FilterHas(prefix_filter_, prefix_mask_, key);
}

LexiconSlot LexiconFile::Find(const PackedSlot* table, uint64_t slots, uint64_t key) {
  uint64_t i = SlotIndex(key, slots);
  while (true) {
    PackedSlot s;
    std::memcpy(&s, table + i, sizeof s);
    if (s.key == key) return LexiconSlot{s.key, s.value & kCountMask, s.value >> kCountBits};
    if (s.key == 0) return {};
    i = i + 1 == slots ? 0 : i + 1;
  }
}

Result<LexiconFile> LexiconFile::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return MakeError(ErrorCode::kNotFound, path + ": no such file");
    return MakeError(ErrorCode::kIo, path + ": " + std::strerror(errno));
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    int e = errno;
    ::close(fd);
    return MakeError(ErrorCode::kIo, path + ": " + std::strerror(e));
  }
  size_t size = static_cast<size_t>(st.st_size);
  if (size < sizeof(Header)) {
    ::close(fd);
    return MakeError(ErrorCode::kParse, path + ": not a notat lexicon file (too short)");
  }
  // MAP_POPULATE: the pages are mapped now (a few ms), not one fault at a
  // time while repairing.
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  int map_errno = errno;
  ::close(fd);
  if (map == MAP_FAILED) return MakeError(ErrorCode::kIo, path + ": mmap: " + std::strerror(map_errno));
  LexiconFile f;
  f.map_ = map;
  f.map_size_ = size;
  Header h;
  std::memcpy(&h, map, sizeof h);
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0)
    return MakeError(ErrorCode::kParse, path + ": not a notat lexicon file (bad magic)");
  if (h.version != kLexiconFileVersion)
    return MakeError(ErrorCode::kParse, path + ": lexicon file version " + std::to_string(h.version) +
                                            ", expected " + std::to_string(kLexiconFileVersion) +
                                            " (rebuild with notat-lexgen)");
  if (h.word_slots < 16 || h.word_slots > (uint64_t{1} << 32) || h.bigram_slots < 16 ||
      h.bigram_slots > (uint64_t{1} << 32) || h.filter_bits > 30 || h.prefix_filter_bits > 30 || h.word_entries >= h.word_slots ||
      h.bigram_entries >= h.bigram_slots)
    return MakeError(ErrorCode::kParse, path + ": corrupt lexicon header");
  size_t filter_bytes = (size_t{1} << h.filter_bits) * 64;
  size_t prefix_bytes = (size_t{1} << h.prefix_filter_bits) * 64;
  size_t want =
      sizeof(Header) + filter_bytes + (h.word_slots + h.bigram_slots) * sizeof(PackedSlot) + prefix_bytes;
  if (size != want)
    return MakeError(ErrorCode::kParse, path + ": truncated or corrupt lexicon file (" + std::to_string(size) +
                                            " bytes, expected " + std::to_string(want) + ")");
  const char* base = static_cast<const char*>(map);
  f.filter_ = base + sizeof(Header);
  f.filter_mask_ = (uint64_t{1} << h.filter_bits) - 1;
  f.words_ = reinterpret_cast<const PackedSlot*>(base + sizeof(Header) + filter_bytes);
  f.bigrams_ = f.words_ + h.word_slots;
  f.prefix_filter_ = base + sizeof(Header) + filter_bytes + (h.word_slots + h.bigram_slots) * sizeof(PackedSlot);
  f.prefix_mask_ = (uint64_t{1} << h.prefix_filter_bits) - 1;
  f.has_prefixes_ = h.has_prefixes != 0;
  f.word_slots_ = h.word_slots;
  f.bigram_slots_ = h.bigram_slots;
  f.total_tokens_ = h.total_tokens;
  f.word_entries_ = h.word_entries;
  f.bigram_entries_ = h.bigram_entries;
  return f;
}

LexiconFile::LexiconFile(LexiconFile&& o) noexcept { *this = std::move(o); }

LexiconFile& LexiconFile::operator=(LexiconFile&& o) noexcept {
  if (this != &o) {
    if (map_ != nullptr) ::munmap(map_, map_size_);
    map_ = std::exchange(o.map_, nullptr);
    map_size_ = std::exchange(o.map_size_, 0);
    filter_ = o.filter_;
    filter_mask_ = o.filter_mask_;
    prefix_filter_ = o.prefix_filter_;
    prefix_mask_ = o.prefix_mask_;
    has_prefixes_ = o.has_prefixes_;
    words_ = o.words_;
    bigrams_ = o.bigrams_;
    word_slots_ = o.word_slots_;
    bigram_slots_ = o.bigram_slots_;
    total_tokens_ = o.total_tokens_;
    word_entries_ = o.word_entries_;
    bigram_entries_ = o.bigram_entries_;
  }
  return *this;
}

LexiconFile::~LexiconFile() {
  if (map_ != nullptr) ::munmap(map_, map_size_);
}

void LexiconFileWriter::AddWord(uint64_t key, uint32_t count, uint32_t flags) {
  LexiconSlot& s = words_[key];
  s.key = key;
  uint64_t c = uint64_t{s.count} + count;
  s.count = c > 0xFFFFFFFFu ? 0xFFFFFFFFu : static_cast<uint32_t>(c);
  s.flags |= flags;
}

void LexiconFileWriter::AddBigram(uint64_t key, uint32_t count) { bigrams_[key] += count; }

void LexiconFileWriter::AddPrefixes(std::string_view word) {
  std::vector<uint64_t> keys(word.size() + 1);
  PrefixKeys(word, keys.data());
  for (size_t i = 1; i <= word.size(); ++i)
    if (i == word.size() || (static_cast<unsigned char>(word[i]) & 0xC0) != 0x80) prefixes_.insert(keys[i]);
}

const LexiconSlot* LexiconFileWriter::Word(uint64_t key) const {
  auto it = words_.find(key);
  return it == words_.end() ? nullptr : &it->second;
}

LexiconSlot* LexiconFileWriter::MutableWord(uint64_t key) {
  auto it = words_.find(key);
  return it == words_.end() ? nullptr : &it->second;
}

Result<void> LexiconFileWriter::Write(const std::string& path) const {
  std::vector<LexiconSlot> words;
  words.reserve(words_.size());
  for (const auto& [k, s] : words_) words.push_back(s);
  std::vector<LexiconSlot> bigrams;
  bigrams.reserve(bigrams_.size());
  for (const auto& [k, c] : bigrams_) bigrams.push_back(LexiconSlot{k, c, 0});
  // Insertion order decides probe chains; sort so the file is reproducible.
  auto by_key = [](const LexiconSlot& a, const LexiconSlot& b) { return a.key < b.key; };
  std::sort(words.begin(), words.end(), by_key);
  std::sort(bigrams.begin(), bigrams.end(), by_key);
  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.version = kLexiconFileVersion;
  h.word_slots = SlotsFor(words.size());
  h.bigram_slots = SlotsFor(bigrams.size());
  h.total_tokens = total_tokens_;
  h.word_entries = words.size();
  h.bigram_entries = bigrams.size();
  h.filter_bits = FilterBitsFor(words.size());
  std::vector<uint64_t> word_keys;
  word_keys.reserve(words.size());
  for (const LexiconSlot& e : words) word_keys.push_back(e.key);
  std::vector<uint64_t> filter = BuildFilter(word_keys, h.filter_bits);
  std::vector<uint64_t> prefix_keys(prefixes_.begin(), prefixes_.end());
  std::sort(prefix_keys.begin(), prefix_keys.end());
  h.prefix_filter_bits = FilterBitsFor(prefix_keys.size());
  h.has_prefixes = prefix_keys.empty() ? 0 : 1;
  std::vector<uint64_t> prefix_filter = BuildFilter(prefix_keys, h.prefix_filter_bits);
  for (const LexiconSlot& e : words)
    if (e.flags >= (1u << (32 - kCountBits))) return MakeError(ErrorCode::kInternal, "lexicon flag out of range");
  std::vector<PackedSlot> wt = BuildTable(words, h.word_slots);
  std::vector<PackedSlot> bt = BuildTable(bigrams, h.bigram_slots);
  std::string tmp = path + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) return MakeError(ErrorCode::kIo, tmp + ": " + std::strerror(errno));
  bool ok = std::fwrite(&h, sizeof h, 1, f) == 1 &&
            std::fwrite(filter.data(), sizeof(uint64_t), filter.size(), f) == filter.size() &&
            std::fwrite(wt.data(), sizeof(PackedSlot), wt.size(), f) == wt.size() &&
            std::fwrite(bt.data(), sizeof(PackedSlot), bt.size(), f) == bt.size() &&
            std::fwrite(prefix_filter.data(), sizeof(uint64_t), prefix_filter.size(), f) == prefix_filter.size();
  ok = (std::fclose(f) == 0) && ok;
  if (!ok) return MakeError(ErrorCode::kIo, tmp + ": write failed");
  if (std::rename(tmp.c_str(), path.c_str()) != 0)
    return MakeError(ErrorCode::kIo, path + ": " + std::strerror(errno));
  return {};
}

}  // namespace notat
