#include "pipeline/repair_text.h"

#include <cmath>

namespace notat {

std::u32string ToU32(std::string_view s) { return DecodeUtf8(s); }

std::string ToUtf8(std::u32string_view text) { return EncodeUtf8(text); }

std::u32string Lower(std::u32string_view text) {
  std::u32string out(text);
  for (char32_t& c : out) c = ToLower(c);
  return out;
}

std::string LowerUtf8(std::u32string_view text) {
  std::string out;
  out.reserve(2 * text.size());
  for (char32_t c : text) {
    char32_t l = ToLower(c);
    if (l < 0x80) out.push_back(static_cast<char>(l));
    else AppendUtf8(l, out);
  }
  return out;
}

std::string LowerUtf8(std::string_view text) {
  bool ascii_lower = true;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (u >= 'A' && u <= 'Z')) {
      ascii_lower = false;
      break;
    }
  }
  if (ascii_lower) return std::string(text);
  return LowerUtf8(ToU32(text));
}

namespace {

// 64-bit FNV-1a, one byte at a time.
struct Fnv1a {
  uint64_t h = 1469598103934665603ULL;
  void Add(unsigned char b) {
    h ^= b;
    h *= 1099511628211ULL;
  }
  void Add(std::string_view s) {
    for (char c : s) Add(static_cast<unsigned char>(c));
  }
};

uint64_t NonZero(uint64_t h) { return h == 0 ? 1 : h; }

}  // namespace

uint64_t LexiconKey(std::string_view word) {
  Fnv1a f;
  f.Add(word);
  return NonZero(f.h);
}

void PrefixKeys(std::string_view word, uint64_t* keys) {
  Fnv1a f;
  keys[0] = NonZero(f.h);
  for (size_t i = 0; i < word.size(); ++i) {
    f.Add(static_cast<unsigned char>(word[i]));
    keys[i + 1] = NonZero(f.h);
  }
}

uint64_t LowerKey(std::u32string_view text) {
  Fnv1a f;
  for (char32_t c : text) ForEachUtf8Byte(ToLower(c), [&f](unsigned char b) { f.Add(b); });
  return NonZero(f.h);
}

uint64_t BigramKey(std::string_view a, std::string_view b) {
  Fnv1a f;
  f.Add(a);
  f.Add(static_cast<unsigned char>(0x01));
  f.Add(b);
  uint64_t h = f.h;
  h ^= h >> 29;
  return NonZero(h);
}

namespace {

// One pattern of the confusion model: observed `from` (1 or 2 code points)
// was `to` with probability `p` (given that the true letter is `to`).
struct Pattern {
  char32_t from[3];
  int len;
  char32_t to;
  double p;
  const char* rule;
};

// Weights: how often Tesseract's English model reads each Danish letter so,
// measured on typeset Danish prose (bench/make-repair-corpus, tune part:
// å->a 100%; æ->ee 45%, e 30%, ae 12%, ze 9%; ø->g 64%, o 10%, a 10%, e 6%,
// @ 4%; rarer: ø->ga, a@, g@; æ->aa, eze, aze, ce), blended with the seed
// note's z/a readings of æ. They only order
// candidates; the lexicon decides, and each document re-estimates them.
constexpr Pattern kPatterns[] = {
    {{U'a', 0}, 1, U'å', 0.9, "confusion:a->å"},
    {{U'a', 0}, 1, U'æ', 0.04, "confusion:a->æ"},
    {{U'a', 0}, 1, U'ø', 0.08, "confusion:a->ø"},
    {{U'e', U'e'}, 2, U'æ', 0.35, "confusion:ee->æ"},
    {{U'e', 0}, 1, U'æ', 0.25, "confusion:e->æ"},
    {{U'a', U'e'}, 2, U'æ', 0.15, "confusion:ae->æ"},
    {{U'z', U'e'}, 2, U'æ', 0.12, "confusion:ze->æ"},
    {{U'z', 0}, 1, U'æ', 0.08, "confusion:z->æ"},
    {{U'c', U'e'}, 2, U'æ', 0.02, "confusion:ce->æ"},
    {{U'a', U'z'}, 2, U'æ', 0.01, "confusion:az->æ"},
    {{U'g', 0}, 1, U'ø', 0.55, "confusion:g->ø"},
    {{U'o', 0}, 1, U'ø', 0.1, "confusion:o->ø"},
    {{U'e', 0}, 1, U'ø', 0.06, "confusion:e->ø"},
    {{U'@', 0}, 1, U'ø', 0.05, "confusion:@->ø"},
    {{U'g', U'@'}, 2, U'ø', 0.02, "confusion:g@->ø"},
    {{U'@', U'g'}, 2, U'ø', 0.01, "confusion:@g->ø"},
    {{U'g', U'e'}, 2, U'ø', 0.01, "confusion:ge->ø"},
    {{U'e', U'g'}, 2, U'ø', 0.01, "confusion:eg->ø"},
    {{U'g', U'a'}, 2, U'ø', 0.02, "confusion:ga->ø"},
    {{U'a', U'g'}, 2, U'ø', 0.01, "confusion:ag->ø"},
    {{U'a', U'@'}, 2, U'ø', 0.01, "confusion:a@->ø"},
    {{U'a', U'a'}, 2, U'æ', 0.01, "confusion:aa->æ"},
    {{U'e', U'z', U'e'}, 3, U'æ', 0.01, "confusion:eze->æ"},
    {{U'a', U'z', U'e'}, 3, U'æ', 0.01, "confusion:aze->æ"},
    {{U'e', U'z'}, 2, U'æ', 0.02, "confusion:ez->æ"},
    {{U'¢', 0}, 1, U'ø', 0.05, "confusion:¢->ø"},
    {{U'x', 0}, 1, U'æ', 0.01, "confusion:x->æ"},
    // ø read as é (the accent for the stroke: "Kébenhavns").
    {{U'é', 0}, 1, U'ø', 0.01, "confusion:é->ø"},
    {{U'g', U'i'}, 2, U'ø', 0.01, "confusion:gi->ø"},
    {{U'e', U'w'}, 2, U'æ', 0.005, "confusion:ew->æ"},
    {{U'e', U'c'}, 2, U'æ', 0.005, "confusion:ec->æ"},
    {{U'e', U'a', U'e'}, 3, U'æ', 0.005, "confusion:eae->æ"},
    {{U'a', U'e', U'e'}, 3, U'æ', 0.005, "confusion:aee->æ"},
    {{U'z', U'e', U'e'}, 3, U'æ', 0.005, "confusion:zee->æ"},
    {{U'A', 0}, 1, U'Å', 0.9, "confusion:A->Å"},
    {{U'A', 0}, 1, U'Æ', 0.04, "confusion:A->Æ"},
    {{U'A', U'E'}, 2, U'Æ', 0.3, "confusion:AE->Æ"},
    {{U'A', U'e'}, 2, U'Æ', 0.3, "confusion:Ae->Æ"},
    {{U'E', U'E'}, 2, U'Æ', 0.2, "confusion:EE->Æ"},
    {{U'Z', U'E'}, 2, U'Æ', 0.1, "confusion:ZE->Æ"},
    {{U'Z', U'e'}, 2, U'Æ', 0.1, "confusion:Ze->Æ"},
    {{U'Z', 0}, 1, U'Æ', 0.3, "confusion:Z->Æ"},
    {{U'E', 0}, 1, U'Æ', 0.2, "confusion:E->Æ"},
    {{U'E', 0}, 1, U'Ø', 0.05, "confusion:E->Ø"},
    {{U'O', 0}, 1, U'Ø', 0.2, "confusion:O->Ø"},
    // Ø read as a zero (its stroke as the zero's) in capitals: "ST0RRELSE"
    // (the repair's words hold a 0 only there).
    {{U'0', 0}, 1, U'Ø', 0.2, "confusion:0->Ø"},
    {{U'G', 0}, 1, U'Ø', 0.3, "confusion:G->Ø"},
    {{U'/', U'E'}, 2, U'Æ', 0.2, "confusion:/E->Æ"},
    {{U'A', U'/'}, 2, U'Æ', 0.2, "confusion:A/->Æ"},
    {{U'A', U':'}, 2, U'Æ', 0.1, "confusion:A:->Æ"},
    {{U'A', U'\''}, 2, U'Æ', 0.1, "confusion:A'->Æ"},
    // ... and with a typographic apostrophe, as Tesseract writes one.
    {{U'A', U'\u2019'}, 2, U'Æ', 0.1, "confusion:A’->Æ"},
    {{U'A', U'\u2018'}, 2, U'Æ', 0.1, "confusion:A‘->Æ"},
    // General letter confusions of the same model (tune part, in words that
    // are no word as read): b read as o ("tiloyder"), j as f or i ("fferne",
    // "fiernes"), l as i ("mediem"), i as w ("arkwv"), t doubled.
    {{U'o', 0}, 1, U'b', 0.01, "ocr:o->b"},
    {{U'f', 0}, 1, U'j', 0.01, "ocr:f->j"},
    {{U'i', 0}, 1, U'j', 0.01, "ocr:i->j"},
    {{U'i', 0}, 1, U'l', 0.01, "ocr:i->l"},
    {{U'w', 0}, 1, U'i', 0.01, "ocr:w->i"},
    {{U't', U't'}, 2, U't', 0.01, "ocr:tt->t"},
    {{U'm', 0}, 1, U'n', 0.01, "ocr:m->n"},
    {{U'¢', 0}, 1, U'g', 0.01, "ocr:¢->g"},
    // ø read as d in some sans-serif faces ("forldb").
    {{U'd', 0}, 1, U'ø', 0.01, "ocr:d->ø"},
    // c read as e ("pet." for "pct.").
    {{U'e', 0}, 1, U'c', 0.01, "ocr:e->c"},
    // The Danish model's own slip on thin print: an o with a break read as ø
    // ("ørdningen", "miø. kr.").
    {{U'ø', 0}, 1, U'o', 0.01, "ocr:ø->o"},
    {{U'Ø', 0}, 1, U'O', 0.01, "ocr:Ø->O"},
};

bool IsGeneral(const char* rule) { return rule[0] == 'o' && rule[1] == 'c' && rule[2] == 'r' && rule[3] == ':'; }

struct PatternLogs {
  double log_p[std::size(kPatterns)];
  bool general[std::size(kPatterns)];
  // The patterns whose observed text starts with a code point below 256, by
  // that code point (every pattern's does).
  std::vector<uint8_t> by_first[256];
  PatternLogs() {
    static_assert(std::size(kPatterns) < 256);
    for (size_t i = 0; i < std::size(kPatterns); ++i) {
      log_p[i] = std::log(kPatterns[i].p);
      general[i] = IsGeneral(kPatterns[i].rule);
      if (kPatterns[i].from[0] < 256) by_first[kPatterns[i].from[0]].push_back(static_cast<uint8_t>(i));
    }
  }
};
const PatternLogs& Logs() {
  static const PatternLogs logs;
  return logs;
}


constexpr double kLogIToL = -2.3;      // 0.1: l read as I inside a word
constexpr double kLogIToLCaps = -3.9;  // 0.02: in an all-caps word
// Above A->Å (0.9): inside a sentence a capital is rarer than a misread å.
constexpr double kLogCapitalAToA = -0.05;

struct Enumerator {
  std::u32string_view word;
  const ConfusionOptions& options;
  const std::function<void(const Candidate&)>& fn;
  bool all_caps = false;
  Candidate current;
  int count = 0;
  // LowerKey of each prefix of current.text (FNV-1a runs left to right, so
  // a candidate's key costs one step a letter, shared with its siblings).
  std::vector<uint64_t> keys;

  // With options.may_be_word: the parts a compound reading may be in the
  // middle of, after each length of current.text (kMaxParts a length).
  struct Part {
    size_t start;  // where in current.text the part begins
    uint64_t h;    // FNV-1a state of its lower-case text so far
  };
  static constexpr size_t kMaxParts = 16;
  std::vector<Part> parts;      // parts[len * kMaxParts + i]
  std::vector<uint8_t> nparts;  // nparts[len]

  static uint64_t Extend(uint64_t h, char32_t c) {
    Fnv1a f{h};
    ForEachUtf8Byte(ToLower(c), [&f](unsigned char b) { f.Add(b); });
    return f.h;
  }

  // Appends c; false when no word begins so (then Pop() at once).
  bool Push(char32_t c) {
    const size_t len = current.text.size();
    current.text.push_back(c);
    keys.push_back(Extend(keys.back(), c));
    if (options.may_be_word != nullptr) return PushParts(len, c);
    return options.may_be_prefix == nullptr || options.may_be_prefix(options.prefix_context, NonZero(keys.back()));
  }

  bool MayBeWord(const Part& p, size_t len) const {
    return len - p.start >= static_cast<size_t>(options.min_part) &&
           options.may_be_word(options.prefix_context, NonZero(p.h));
  }

  // The parts after appending c to the first len letters; false when none.
  bool PushParts(size_t len, char32_t c) {
    const Part* cur = &parts[len * kMaxParts];
    Part* next = &parts[(len + 1) * kMaxParts];
    size_t n = 0;
    bool word_ends = false;  // some part may end as a word before c
    bool stem_ends = false;  // ... or as a word a linking letter may follow
    for (size_t i = 0; i < nparts[len]; ++i) {
      const Part& p = cur[i];
      const size_t letters = len - p.start;
      if (!word_ends && letters + 1 >= static_cast<size_t>(options.min_part) &&
          options.may_be_word(options.prefix_context, NonZero(p.h))) {
        stem_ends = true;
        word_ends = letters >= static_cast<size_t>(options.min_part);
      }
      uint64_t h = Extend(p.h, c);
      if (options.may_be_prefix(options.prefix_context, NonZero(h))) next[n++] = Part{p.start, h};
    }
    const uint64_t empty = Fnv1a{}.h;
    if (word_ends && n < kMaxParts) {
      uint64_t h = Extend(empty, c);
      if (options.may_be_prefix(options.prefix_context, NonZero(h))) next[n++] = Part{len, h};
    }
    const char32_t lc = ToLower(c);
    if (stem_ends && (lc == U's' || lc == U'e') && n < kMaxParts) next[n++] = Part{len + 1, empty};
    nparts[len + 1] = static_cast<uint8_t>(n);
    return n > 0;
  }

  // With options.may_be_word: the reading may end as a compound.
  bool MayBeCompound() const {
    const size_t len = current.text.size();
    for (size_t i = 0; i < nparts[len]; ++i) {
      const Part& p = parts[len * kMaxParts + i];
      if (p.start > 0 && MayBeWord(p, len)) return true;
    }
    return false;
  }
  void Pop() {
    current.text.pop_back();
    keys.pop_back();
  }

  void Run(size_t pos) {
    if (count >= options.max_candidates) return;
    if (pos == word.size()) {
      if (!current.edits.empty() && (options.may_be_word == nullptr || MayBeCompound())) {
        ++count;
        current.key = NonZero(keys.back());
        fn(current);
      }
      return;
    }
    char32_t c = word[pos];
    // No edit here.
    if (Push(c)) Run(pos + 1);
    Pop();
    if (static_cast<int>(current.edits.size()) >= options.max_edits) return;
    const PatternLogs& logs = Logs();
    // A lower-case å read as a capital A: a capital, then lower case, inside
    // a sentence ("vil du Abne filen", "fra Ar til år"); Aa for å is the old
    // spelling. It replaces the reading as Å there (a name keeps its capital:
    // the repair asks the lexicon).
    const bool capital_a = pos == 0 && c == U'A' && !options.sentence_start && word.size() >= 2 && IsLower(word[1]);
    if (c < 256) {
      for (uint8_t i : logs.by_first[c]) {
        const Pattern& p = kPatterns[i];
        if (!options.general && logs.general[i]) continue;
        if (capital_a && p.to == U'Å') continue;
        if (pos + p.len > word.size()) continue;
        if (p.len >= 2 && word[pos + 1] != p.from[1]) continue;
        if (p.len >= 3 && word[pos + 2] != p.from[2]) continue;
        Try(pos, p.len, p.to, logs.log_p[i], p.rule);
      }
    }
    if (capital_a) {
      Try(0, 1, U'å', kLogCapitalAToA, "confusion:A->å");
      if (word[1] == U'a') Try(0, 2, U'å', kLogCapitalAToA, "confusion:Aa->å");
    }
    if (c == U'I' && options.allow_i_to_l) {
      bool next_lower = pos + 1 < word.size() && (IsLower(word[pos + 1]) || word[pos + 1] == U'@');
      bool prev_lower = pos > 0 && IsLower(word[pos - 1]);
      if (next_lower || prev_lower) {
        bool upper = pos == 0 && options.sentence_start;
        Try(pos, 1, upper ? U'L' : U'l', kLogIToL, upper ? "confusion:I->L" : "confusion:I->l");
      } else if (all_caps && word.size() > 1) {
        Try(pos, 1, U'L', kLogIToLCaps, "confusion:I->L");
      }
    }
  }

  void Try(size_t pos, int len, char32_t to, double log_p, const char* rule) {
    if (current.log_channel + log_p < options.min_log_channel) return;
    // A word in capitals gets capitals: "F@LGENDE" is "FØLGENDE".
    if (all_caps) to = ToUpper(to);
    current.edits.push_back(Edit{static_cast<int>(pos), len, to, rule, log_p});
    current.log_channel += log_p;
    if (Push(to)) Run(pos + len);
    Pop();
    current.log_channel -= log_p;
    current.edits.pop_back();
  }
};

}  // namespace

namespace {

struct Damager {
  std::u32string_view word;
  const ConfusionOptions& options;
  const std::function<void(const std::u32string&)>& fn;
  std::u32string current;
  int edits = 0;
  double log_channel = 0;

  void Run(size_t pos) {
    if (pos == word.size()) {
      if (edits > 0) fn(current);
      return;
    }
    char32_t c = word[pos];
    current.push_back(c);
    Run(pos + 1);
    current.pop_back();
    if (edits >= options.max_edits) return;
    const PatternLogs& logs = Logs();
    for (size_t i = 0; i < std::size(kPatterns); ++i) {
      const Pattern& p = kPatterns[i];
      if (p.to != c || IsUpper(p.from[0]) || IsGeneral(p.rule)) continue;
      double lp = logs.log_p[i];
      if (log_channel + lp < options.min_log_channel) continue;
      ++edits;
      log_channel += lp;
      for (int k = 0; k < p.len; ++k) current.push_back(p.from[k]);
      Run(pos + 1);
      current.resize(current.size() - p.len);
      log_channel -= lp;
      --edits;
    }
  }
};

}  // namespace

void ForEachDamagedForm(std::u32string_view word, const ConfusionOptions& options,
                        const std::function<void(const std::u32string&)>& fn) {
  Damager d{word, options, fn, {}, 0, 0};
  d.Run(0);
}

bool IsGeneralEdit(const Edit& edit) { return IsGeneral(edit.rule); }

bool IsConfusable(char32_t c) {
  switch (c) {
    case U'a': case U'e': case U'g': case U'o': case U'z': case U'@': case U'c':
    case U'A': case U'E': case U'O': case U'Z': case U'G': case U'I':
    case U'f': case U'i': case U'w': case U't': case U'/': case U':': case U'm': case U'¢': case U'x': case U'\'': case U'\u2018': case U'\u2019': case U'é': case U'd':
    case U'0': case U'ø': case U'Ø':
      return true;
    default:
      return false;
  }
}

int ForEachCandidate(std::u32string_view word, const ConfusionOptions& options,
                     const std::function<void(const Candidate&)>& fn) {
  Enumerator e{word, options, fn, false, Candidate{}, 0, {}, {}, {}};
  e.all_caps = true;
  int letters = 0;
  for (char32_t c : word) {
    if (IsLower(c)) e.all_caps = false;
    if (IsLetter(c)) ++letters;
  }
  if (letters < 2) e.all_caps = false;
  e.current.text.reserve(word.size());
  e.keys.reserve(word.size() + 1);
  e.keys.push_back(Fnv1a{}.h);
  if (options.may_be_word != nullptr) {
    e.parts.resize((word.size() + 1) * Enumerator::kMaxParts);
    e.nparts.assign(word.size() + 1, 0);
    e.parts[0] = Enumerator::Part{0, Fnv1a{}.h};
    e.nparts[0] = 1;
  }
  e.Run(0);
  return e.count;
}

}  // namespace notat
