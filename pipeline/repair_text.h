// Text helpers shared by the repair stage and the lexicon compiler: UTF-8 to
// code points and back, Danish-aware case mapping, and the OCR confusion model
// (how an English OCR model damages æ, ø, å, Æ, Ø, Å and l).
//
//   std::u32string w = ToU32("Sjzelland");
//   ForEachCandidate(w, {}, [&](const Candidate& c) { ... });
#ifndef NOTAT_PIPELINE_REPAIR_TEXT_H_
#define NOTAT_PIPELINE_REPAIR_TEXT_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "pipeline/utf8.h"
#include <vector>

namespace notat {

// UTF-8 <-> UTF-32. Invalid bytes decode to U+FFFD.
std::u32string ToU32(std::string_view utf8);
std::string ToUtf8(std::u32string_view text);

// Case for Latin letters (ASCII, Latin-1 supplement, Latin Extended-A).
// Inline: the repair asks them of every letter it reads.
inline bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return true;
  if (c >= 0x100 && c <= 0x17F) return (c % 2) == 0 && c != 0x138;
  return false;
}
inline bool IsLower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  if (c >= 0xDF && c <= 0xFF && c != 0xF7) return true;
  if (c >= 0x100 && c <= 0x17F) return (c % 2) == 1 || c == 0x138;
  return false;
}
inline bool IsLetter(char32_t c) {
  if (c < 0x80) return (c | 32) >= 'a' && (c | 32) <= 'z';
  return IsUpper(c) || IsLower(c);
}
inline char32_t ToLower(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x100 && c <= 0x17F && (c % 2) == 0 && c != 0x138) return c + 1;
  return c;
}
inline char32_t ToUpper(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z' ? c - 32 : c;
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 32;
  if (c >= 0x100 && c <= 0x17F && (c % 2) == 1) return c - 1;
  return c;
}
std::u32string Lower(std::u32string_view text);
// Lower-case UTF-8 of `text`.
std::string LowerUtf8(std::u32string_view text);
std::string LowerUtf8(std::string_view text);

// 64-bit FNV-1a of bytes; the compiled lexicon's key for a lower-case word,
// and for a bigram the hash of "a\x01b". Never returns 0 (0 marks an empty slot).
uint64_t LexiconKey(std::string_view word);
// keys[i] = LexiconKey(word.substr(0, i)) for i from 0 to word.size(): every
// prefix hashed in one pass. `keys` holds word.size() + 1 entries.
void PrefixKeys(std::string_view word, uint64_t* keys);
// LexiconKey(LowerUtf8(text)) without building the string.
uint64_t LowerKey(std::u32string_view text);
uint64_t BigramKey(std::string_view a, std::string_view b);

// One substitution of the confusion model: the observed text at [pos, pos+len)
// of the word was, in the true text, `to`.
struct Edit {
  int pos = 0;
  int len = 1;
  char32_t to = 0;
  const char* rule = "";  // e.g. "confusion:a->å"
  double log_p = 0;       // the model's log weight of this substitution
};

struct Candidate {
  std::u32string text;       // in the case of the observed word
  std::vector<Edit> edits;   // in position order
  double log_channel = 0;    // log P(observed | candidate)
  uint64_t key = 0;          // LowerKey(text), set by ForEachCandidate
};

struct ConfusionOptions {
  int max_edits = 3;
  int max_candidates = 4000;  // enumeration stops here (long words of many a's and e's)
  double min_log_channel = -8;  // prune candidates less likely than this (e^-8 = 0.03%)
  // The l read as I substitution is tried only where this is true (the
  // caller knows whether the word starts a sentence).
  bool allow_i_to_l = true;
  bool sentence_start = false;  // I at the start of a sentence-initial word becomes L
  // Also the model's general letter confusions (b read as o, j as f or i, l
  // as i, i as w, a doubled t): for words that are no word as they stand,
  // since they would make too many real words ambiguous. Their edits' rules
  // start with "ocr:".
  bool general = false;
  // When set: may a word begin with the lower-case text whose LexiconKey()
  // is the key? The search leaves a reading as soon as its beginning is no
  // word's (a reading no table holds is then never seen).
  bool (*may_be_prefix)(const void* context, uint64_t key) = nullptr;
  const void* prefix_context = nullptr;
  // When set too: readings that may be compounds of words. The reading is
  // read as parts of at least min_part letters, each beginning like a word
  // (may_be_prefix); a part may start where the one before may end as a
  // word (may_be_word on its key), or after that word and a linking s or e;
  // the last part must end as a word. The search leaves a reading as soon
  // as no such parts can make it, and gives only readings of two parts or
  // more. (Keeps every reading whose parts are words the tables hold.)
  bool (*may_be_word)(const void* context, uint64_t key) = nullptr;
  int min_part = 3;
};

// True when `edit` is one of the general letter confusions.
bool IsGeneralEdit(const Edit& edit);

// Calls `fn` for every candidate reading of `word` (observed OCR text, in its
// own case) with at least one edit, within the options' limits. Edits never
// overlap. Returns the number of candidates produced.
int ForEachCandidate(std::u32string_view word, const ConfusionOptions& options,
                     const std::function<void(const Candidate&)>& fn);

// The inverse: calls `fn` for every observed form an English OCR model could
// make of the lower-case Danish `word` under the same lower-case patterns and
// limits (ForEachCandidate of such a form yields `word` back). Forms with no
// change are not reported.
void ForEachDamagedForm(std::u32string_view word, const ConfusionOptions& options,
                        const std::function<void(const std::u32string&)>& fn);

// True when `c` is a character the confusion model can produce from a Danish
// letter (a, e, g, o, z, @, A, E, O, Z, G, I).
bool IsConfusable(char32_t c);

}  // namespace notat

#endif  // NOTAT_PIPELINE_REPAIR_TEXT_H_
