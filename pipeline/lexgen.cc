// notat-lexgen: compiles the Danish lexicon file read by LoadDanishLexicon().
//
//   notat-lexgen --aff da_DK.aff --dic da_DK.dic --domain domain-words.txt
//       [--wordlist dan-words.txt] [--english eng-words.txt]
//       [--package NAME[:PREFIX]]... [--corpus DIR_OR_FILE]... [--weighted-corpus FILE:N]...
//       [--exclude PATHS_FILE]... [--exclude-text PARAGRAPHS_FILE]...
//       [--dump-blocks FILE] --out data/da-lexicon.bin
//
// --exclude: corpus files whose absolute paths are listed (one a line, '#'
// starts a comment) are not read; --exclude-text: text blocks that repeat a
// listed paragraph (one a line) are not counted (see CountBlock). Both serve the repair
// benchmark's held-out lexicon (bench/make-heldout-lexicon); without them the
// output is the same as before they existed. --dump-blocks writes the words
// of every counted block, one block a line, for measuring what was counted.
//
// 1. Expands hunspell-da's dictionary with its affix rules: every listed form,
//    with its compound flags (begin/middle/end) and whether it stands alone.
// 2. Counts words and word pairs in Danish prose from installed Debian
//    packages (HTML help pages, gettext .mo catalogues, gzipped man pages),
//    block by block, skipping code-like chunks and blocks that are not
//    mostly Danish; also how often each word follows a comma, comes before
//    a comma or a sentence end, and is Capitalised inside a sentence
//    (pseudo-word pairs, lexicon.h).
// 3. Keeps corpus words that are compounds of attested words or that
//    hunspell-da accepts (kLexAttested, with counts) and marks the rest
//    (kLexForeign).
// 4. Marks words of general Danish (kLexWeb) and English words (kLexEnglish,
//    Danish ones too) from the word lists in Tesseract's models, and the
//    domain list (kLexDomain).
// 5. Marks words that an OCR confusion could have made from another Danish
//    word (kLexHasVariant), so the repair can skip all other known words.
// Output is deterministic for the same inputs.
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <cctype>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "pipeline/lexicon.h"
#include "pipeline/lexicon_file.h"
#include "pipeline/repair_text.h"

namespace notat {
namespace {

namespace fs = std::filesystem;

// ---- hunspell affix expansion ------------------------------------------------

// A hunspell condition: a sequence of character sets.
struct CondPart {
  bool negate = false;
  bool any = false;
  std::u32string chars;
};

std::vector<CondPart> ParseCondition(const std::u32string& cond) {
  std::vector<CondPart> parts;
  if (cond == U".") return parts;
  for (size_t i = 0; i < cond.size(); ++i) {
    CondPart p;
    if (cond[i] == U'[') {
      size_t j = i + 1;
      if (j < cond.size() && cond[j] == U'^') {
        p.negate = true;
        ++j;
      }
      while (j < cond.size() && cond[j] != U']') p.chars.push_back(cond[j++]);
      i = j;
    } else if (cond[i] == U'.') {
      p.any = true;
    } else {
      p.chars.push_back(cond[i]);
    }
    parts.push_back(p);
  }
  return parts;
}

bool PartMatches(const CondPart& p, char32_t c) {
  if (p.any) return true;
  bool in = p.chars.find(c) != std::u32string::npos;
  return p.negate ? !in : in;
}

bool ConditionMatches(const std::vector<CondPart>& cond, const std::u32string& w, bool suffix) {
  if (cond.size() > w.size()) return false;
  size_t start = suffix ? w.size() - cond.size() : 0;
  for (size_t i = 0; i < cond.size(); ++i)
    if (!PartMatches(cond[i], w[start + i])) return false;
  return true;
}

struct AffixRule {
  std::u32string strip, add;
  std::vector<int> cont;
  std::vector<CondPart> cond;
  std::string tag;  // the morphological field hunspell-da writes after the condition ("+NUTID")
};

struct AffixClass {
  bool prefix = false;
  bool cross = false;
  std::vector<AffixRule> rules;
};

struct AffixFile {
  std::map<int, AffixClass> classes;
  int forbidden = -1, needaffix = -1, onlyincompound = -1;
  int begin = -1, middle = -1, end = -1;
};

std::vector<std::string> Fields(const std::string& line) {
  std::vector<std::string> f;
  std::istringstream in(line);
  std::string s;
  while (in >> s) f.push_back(s);
  return f;
}

std::vector<int> ParseFlags(const std::string& s) {
  std::vector<int> flags;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(',', i);
    if (j == std::string::npos) j = s.size();
    if (j > i) flags.push_back(std::atoi(s.substr(i, j - i).c_str()));
    i = j + 1;
  }
  return flags;
}

bool ReadAffixFile(const std::string& path, AffixFile& aff, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = path + ": cannot read (package hunspell-da)";
    return false;
  }
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  bool flag_num = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::vector<std::string> f = Fields(lines[i]);
    if (f.empty()) continue;
    if (f[0] == "FLAG" && f.size() > 1 && f[1] == "num") flag_num = true;
    auto num = [&](int& dst) {
      if (f.size() > 1) dst = std::atoi(f[1].c_str());
    };
    if (f[0] == "FORBIDDENWORD") num(aff.forbidden);
    if (f[0] == "NEEDAFFIX") num(aff.needaffix);
    if (f[0] == "ONLYINCOMPOUND") num(aff.onlyincompound);
    if (f[0] == "COMPOUNDBEGIN") num(aff.begin);
    if (f[0] == "COMPOUNDMIDDLE") num(aff.middle);
    if (f[0] == "COMPOUNDEND") num(aff.end);
    if ((f[0] == "SFX" || f[0] == "PFX") && f.size() >= 4 && (f[2] == "Y" || f[2] == "N")) {
      AffixClass cls;
      cls.prefix = f[0] == "PFX";
      cls.cross = f[2] == "Y";
      int flag = std::atoi(f[1].c_str());
      int n = std::atoi(f[3].c_str());
      for (int k = 1; k <= n && i + k < lines.size(); ++k) {
        std::vector<std::string> r = Fields(lines[i + k]);
        if (r.size() < 4) continue;
        AffixRule rule;
        if (r[2] != "0") rule.strip = ToU32(r[2]);
        std::string add = r[3];
        size_t slash = add.find('/');
        if (slash != std::string::npos) {
          rule.cont = ParseFlags(add.substr(slash + 1));
          add = add.substr(0, slash);
        }
        if (add != "0") rule.add = ToU32(add);
        rule.cond = ParseCondition(ToU32(r.size() > 4 ? r[4] : "."));
        if (r.size() > 5) rule.tag = r[5];
        cls.rules.push_back(std::move(rule));
      }
      aff.classes[flag] = std::move(cls);
      i += n;
    }
  }
  if (!flag_num) {
    error = path + ": expected FLAG num (hunspell-da's format)";
    return false;
  }
  return true;
}

bool Has(const std::vector<int>& flags, int f) {
  return f >= 0 && std::find(flags.begin(), flags.end(), f) != flags.end();
}

// Every expanded dictionary form: lower-case UTF-8 -> LexiconFlag bits.
using FormMap = std::unordered_map<std::string, uint32_t>;

void AddForm(const AffixFile& aff, const std::u32string& form, const std::vector<int>& root_flags,
             const std::vector<int>& own_flags, FormMap& forms) {
  if (form.size() < 1) return;
  uint32_t bits = 0;
  bool standalone = !Has(own_flags, aff.onlyincompound) && !Has(own_flags, aff.needaffix);
  if (standalone) bits |= kLexListed;
  auto compound = [&](int flag) { return Has(own_flags, flag) || Has(root_flags, flag); };
  if (compound(aff.begin)) bits |= kLexCompoundBegin;
  if (compound(aff.middle)) bits |= kLexCompoundMiddle;
  if (compound(aff.end)) bits |= kLexCompoundEnd;
  if (bits == 0) return;
  forms[LowerUtf8(form)] |= bits;
}

bool ApplyRule(const AffixRule& r, bool prefix, const std::u32string& w, std::u32string& out) {
  if (!ConditionMatches(r.cond, w, !prefix)) return false;
  if (prefix) {
    if (w.compare(0, r.strip.size(), r.strip) != 0) return false;
    out = r.add + w.substr(r.strip.size());
  } else {
    if (w.size() < r.strip.size() || w.compare(w.size() - r.strip.size(), r.strip.size(), r.strip) != 0)
      return false;
    out = w.substr(0, w.size() - r.strip.size()) + r.add;
  }
  return true;
}

// hunspell-da's present tense and passive (its +NUTID and +PASSIV rules);
// a passive is finite on an infinitive or a past form, not on a participle.
bool IsFiniteRule(const AffixRule& r) { return r.tag == "+NUTID" || r.tag == "+PASSIV"; }

// The finite forms among an irregular verb's listed forms ("tage al:tager
// al:tages al:tog al:toges al:tagende ..."): hunspell-da lists them before
// the present participle; a list without one is not a verb's.
void AddListedFiniteForms(const std::string& line, size_t from, std::unordered_set<std::string>& finite) {
  std::vector<std::string> listed;
  for (const std::string& f : Fields(line.substr(from)))
    if (f.rfind("al:", 0) == 0) listed.push_back(LowerUtf8(f.substr(3)));
  auto participle = std::find_if(listed.begin(), listed.end(), [](const std::string& f) {
    return f.size() > 4 && f.compare(f.size() - 4, 4, "ende") == 0;
  });
  if (participle == listed.end()) return;
  finite.insert(listed.begin(), participle);
}

// Expands every dictionary entry by its affix rules into `forms`, and
// collects the finite verb forms (kLexFiniteWord) into `finite`.
bool ExpandDictionary(const std::string& path, const AffixFile& aff, FormMap& forms,
                      std::unordered_set<std::string>& finite, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = path + ": cannot read (package hunspell-da)";
    return false;
  }
  std::string line;
  std::getline(in, line);  // entry count
  std::u32string out, out2, out3;
  while (std::getline(in, line)) {
    size_t sp = line.find_first_of(" \t");
    std::string entry = line.substr(0, sp);
    if (entry.empty()) continue;
    std::vector<int> flags;
    size_t slash = entry.find('/');
    if (slash != std::string::npos && slash > 0) {
      flags = ParseFlags(entry.substr(slash + 1));
      entry = entry.substr(0, slash);
    }
    if (Has(flags, aff.forbidden)) continue;
    if (sp != std::string::npos) AddListedFiniteForms(line, sp, finite);
    std::u32string stem = ToU32(entry);
    AddForm(aff, stem, flags, flags, forms);
    std::vector<std::u32string> suffixed;
    for (int fl : flags) {
      auto it = aff.classes.find(fl);
      if (it == aff.classes.end() || it->second.prefix) continue;
      for (const AffixRule& r : it->second.rules) {
        if (!ApplyRule(r, false, stem, out)) continue;
        AddForm(aff, out, flags, r.cont, forms);
        if (IsFiniteRule(r)) finite.insert(LowerUtf8(out));
        if (it->second.cross) suffixed.push_back(out);
        for (int c2 : r.cont) {
          auto it2 = aff.classes.find(c2);
          if (it2 == aff.classes.end() || it2->second.prefix) continue;
          for (const AffixRule& r2 : it2->second.rules) {
            if (!ApplyRule(r2, false, out, out2)) continue;
            AddForm(aff, out2, flags, r2.cont, forms);
            if (r.tag == "+DATID" && IsFiniteRule(r2)) finite.insert(LowerUtf8(out2));
          }
        }
      }
    }
    for (int fl : flags) {
      auto it = aff.classes.find(fl);
      if (it == aff.classes.end() || !it->second.prefix) continue;
      for (const AffixRule& r : it->second.rules) {
        if (ApplyRule(r, true, stem, out)) AddForm(aff, out, flags, r.cont, forms);
        if (!it->second.cross) continue;
        for (const std::u32string& s : suffixed)
          if (ApplyRule(r, true, s, out3)) AddForm(aff, out3, flags, r.cont, forms);
      }
    }
  }
  return true;
}

// ---- corpus reading ------------------------------------------------------------

bool ReadFileBytes(const fs::path& p, std::string& out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

bool ReadGzip(const fs::path& p, std::string& out) {
  gzFile f = gzopen(p.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[65536];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, n);
  gzclose(f);
  return n == 0;
}

std::string StripHtml(const std::string& html) {
  std::string out;
  out.reserve(html.size() / 2);
  size_t i = 0;
  while (i < html.size()) {
    char c = html[i];
    if (c == '<') {
      auto skip_block = [&](const char* open, const char* close) {
        if (html.compare(i, std::strlen(open), open) == 0) {
          size_t e = html.find(close, i);
          i = e == std::string::npos ? html.size() : e + std::strlen(close);
          return true;
        }
        return false;
      };
      if (skip_block("<script", "</script>") || skip_block("<style", "</style>") ||
          skip_block("<!--", "-->"))
        continue;
      size_t e = html.find('>', i);
      // Inline elements keep a sentence together; others end a text block.
      size_t n = i + 1;
      if (n < html.size() && html[n] == '/') ++n;
      size_t ne = n;
      while (ne < html.size() && std::isalnum(static_cast<unsigned char>(html[ne]))) ++ne;
      std::string tag = html.substr(n, ne - n);
      for (char& ch : tag) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      static const std::set<std::string> kInline = {"a", "b", "i", "em", "strong", "span", "sup", "sub", "u", "small", "big", "abbr", "cite", "q", "tt"};
      bool literal = html.compare(i, 24, "<span class=\"literal\">") == 0 || tag == "code" || tag == "tt";
      i = e == std::string::npos ? html.size() : e + 1;
      out.append(kInline.count(tag) && !literal ? " " : "\n");
      continue;
    }
    if (c == '&') {
      size_t e = html.find(';', i);
      if (e != std::string::npos && e - i <= 10) {
        std::string ent = html.substr(i + 1, e - i - 1);
        static const std::map<std::string, char32_t> kNamed = {
            {"amp", U'&'},    {"lt", U'<'},      {"gt", U'>'},      {"quot", U'"'},
            {"apos", U'\''},  {"nbsp", U' '},    {"aelig", U'æ'},   {"AElig", U'Æ'},
            {"oslash", U'ø'}, {"Oslash", U'Ø'},  {"aring", U'å'},   {"Aring", U'Å'},
            {"eacute", U'é'}, {"shy", 0},        {"ndash", U'-'},   {"mdash", U'-'}};
        char32_t cp = U' ';
        if (!ent.empty() && ent[0] == '#') {
          cp = static_cast<char32_t>(ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X')
                                         ? std::strtoul(ent.c_str() + 2, nullptr, 16)
                                         : std::strtoul(ent.c_str() + 1, nullptr, 10));
        } else if (auto it = kNamed.find(ent); it != kNamed.end()) {
          cp = it->second;
        }
        if (cp != 0) AppendUtf8(cp, out);
        i = e + 1;
        continue;
      }
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

// The translations of a gettext .mo catalogue, one per line, with
// LibreOffice's ~ mnemonic markers removed.
std::string MoTranslations(const std::string& mo) {
  std::string out;
  if (mo.size() < 28) return out;
  auto u32 = [&](size_t off) {
    uint32_t v;
    std::memcpy(&v, mo.data() + off, 4);
    return v;
  };
  if (u32(0) != 0x950412de) return out;  // only native little-endian catalogues
  uint32_t n = u32(8), trans = u32(16);
  for (uint32_t k = 0; k < n; ++k) {
    size_t entry = trans + 8ull * k;
    if (entry + 8 > mo.size()) break;
    uint32_t len = u32(entry), off = u32(entry + 4);
    if (off + uint64_t{len} > mo.size()) continue;
    if (k == 0 && len > 0 && mo.compare(off, 13, "Project-Id-Ve") == 0) continue;  // header
    for (uint32_t j = 0; j < len; ++j) {
      char c = mo[off + j];
      if (c == '~') continue;
      out.push_back(c == '\0' ? '\n' : c);
    }
    out.push_back('\n');
  }
  return out;
}

// Plain text of a troff man page: requests' arguments kept, escapes dropped.
std::string StripTroff(const std::string& src) {
  std::string out;
  std::istringstream in(src);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(".\\\"", 0) == 0 || line.rfind("'\\\"", 0) == 0) continue;
    size_t i = 0;
    if (!line.empty() && (line[0] == '.' || line[0] == '\'')) {
      // Keep the text of font and heading requests; drop the rest (mdoc's
      // .Ar/.Fl/.Op arguments are not prose).
      static const std::set<std::string> kText = {"SH", "SS", "B", "I", "BR", "BI", "IB", "IR", "RB", "RI",
                                                  "SM", "SB", "Nd", "Sh", "Ss", "Dl"};
      i = line.find(' ');
      if (i == std::string::npos || !kText.count(line.substr(1, i - 1))) continue;
    }
    for (; i < line.size(); ++i) {
      char c = line[i];
      if (c != '\\') {
        out.push_back(c == '"' ? ' ' : c);
        continue;
      }
      if (i + 1 >= line.size()) break;
      char e = line[i + 1];
      if (e == 'f' || e == '*' || e == 'n') {
        i += 2;
        if (i < line.size() && line[i] == '(') i += 2;
        else if (i < line.size() && line[i] == '[') i = std::min(line.find(']', i), line.size());
      } else if (e == '(') {
        i += 3;
        out.push_back(' ');
      } else if (e == '-') {
        out.push_back('-');
        ++i;
      } else {
        ++i;
        out.push_back(' ');
      }
    }
    out.push_back('\n');
  }
  return out;
}

struct Counts {
  std::unordered_map<std::string, uint32_t> words;
  std::unordered_map<std::string, uint32_t> bigrams;  // "a\x01b"
  uint64_t tokens = 0;
  uint64_t commas = 0;  // words after a comma
  uint64_t before_commas = 0, before_ends = 0;  // words before a comma, before a sentence end
  uint64_t clauses = 0;  // words before a subject pronoun and a finite verb (kLexClauseWord)
  const std::unordered_set<std::string>* finite = nullptr;  // finite verb forms
  // When set, the words of every counted block, one block a line, " | "
  // where a word pair is not counted (punctuation or a code chunk between).
  std::ostream* dump = nullptr;
  // When set, the word 4-grams of excluded paragraphs (--exclude-text).
  const std::unordered_set<std::string>* exclude_grams = nullptr;
  uint64_t blocks_excluded = 0;
};

// A whitespace-delimited chunk that is code, a path, an address or an
// identifier rather than prose: com.sun.star.util, file_name, x=1, CamelCase.
bool IsCodeChunk(const std::u32string& c) {
  for (size_t i = 0; i < c.size(); ++i) {
    char32_t ch = c[i];
    if (std::u32string_view(U"/\\_=<>{}[]#$%&*+^~|@").find(ch) != std::u32string_view::npos) return true;
    bool prev_letter = i > 0 && IsLetter(c[i - 1]);
    bool next_letter = i + 1 < c.size() && IsLetter(c[i + 1]);
    if ((ch == U'.' || ch == U':' || ch == U'(') && prev_letter && next_letter) return true;
    if (ch >= U'0' && ch <= U'9' && (prev_letter || next_letter)) return true;
    if (IsUpper(ch) && i > 0 && IsLower(c[i - 1])) return true;
  }
  return false;
}

struct BlockWord {
  std::string text;  // lower case
  bool joined;       // only spaces since the previous word
  bool after_comma = false;  // a comma (and spaces) since the previous word
  bool before_comma = false; // a comma right after it
  bool before_end = false;   // a full stop, ! or ? right after it
  bool mid_capital = false;  // Capitalised ("Kan") inside a sentence
};

// The words of one text block: runs of letters, lower-cased, outside code
// chunks.
std::vector<BlockWord> BlockWords(const std::u32string& block) {
  std::vector<BlockWord> words;
  bool gap_ok = false;
  bool comma = false;     // the gap since the previous word is one comma
  bool start = true;      // no word yet in this sentence
  size_t i = 0;
  while (i < block.size()) {
    char32_t c = block[i];
    if (c == U' ' || c == U'\t' || c == 0xA0 || c == U'\r') {
      ++i;
      continue;
    }
    size_t e = i;
    while (e < block.size() && block[e] != U' ' && block[e] != U'\t' && block[e] != 0xA0 && block[e] != U'\r') ++e;
    std::u32string chunk = block.substr(i, e - i);
    i = e;
    if (IsCodeChunk(chunk)) {
      gap_ok = comma = false;
      start = true;
      continue;
    }
    size_t k = 0;
    while (k < chunk.size()) {
      if (!IsLetter(chunk[k])) {
        char32_t p = chunk[k];
        if (gap_ok && !words.empty()) {
          words.back().before_comma = p == U',';
          words.back().before_end = p == U'.' || p == U'!' || p == U'?';
        }
        comma = gap_ok && p == U',';
        if (p == U'.' || p == U'!' || p == U'?' || p == U':') start = true;
        gap_ok = false;
        ++k;
        continue;
      }
      size_t b = k;
      while (k < chunk.size() && IsLetter(chunk[k])) ++k;
      BlockWord w{LowerUtf8(std::u32string_view(chunk).substr(b, k - b)), gap_ok};
      w.after_comma = comma;
      w.mid_capital = !start && IsUpper(chunk[b]) && k - b >= 2 && IsLower(chunk[b + 1]);
      words.push_back(std::move(w));
      gap_ok = true;
      comma = start = false;
    }
  }
  return words;
}

// The word 4-grams of a block ("a b c d"), across punctuation.
constexpr size_t kExcludeGram = 4;
void ForEachGram(const std::vector<BlockWord>& words, const std::function<void(const std::string&)>& fn) {
  std::string g;
  for (size_t k = 0; k + kExcludeGram <= words.size(); ++k) {
    g = words[k].text;
    for (size_t j = 1; j < kExcludeGram; ++j) {
      g.push_back(' ');
      g += words[k + j].text;
    }
    fn(g);
  }
}

// Counts the words of one text block (a paragraph, a line of a man page, a
// catalogue message) when it reads as Danish: most of its words are
// dictionary forms. Words are runs of letters; a word pair counts when only
// spaces separate the two words. With counts.exclude_grams, a block of at
// least four words whose 4-grams are at least half listed is not counted:
// it repeats an excluded paragraph.
void CountBlock(const std::u32string& block, const FormMap& forms, Counts& counts) {
  std::vector<BlockWord> words = BlockWords(block);
  size_t known = 0;
  for (const BlockWord& w : words) {
    auto it = forms.find(w.text);
    if (it != forms.end() && (it->second & kLexListed)) ++known;
  }
  if (words.empty() || known * 10 < words.size() * 6) return;
  if (counts.exclude_grams != nullptr && words.size() >= kExcludeGram) {
    size_t grams = 0, listed = 0;
    ForEachGram(words, [&](const std::string& g) {
      ++grams;
      listed += counts.exclude_grams->count(g);
    });
    if (2 * listed >= grams) {
      ++counts.blocks_excluded;
      return;
    }
  }
  if (counts.dump != nullptr) {
    for (size_t k = 0; k < words.size(); ++k) {
      if (k > 0) *counts.dump << (words[k].joined ? " " : " | ");
      *counts.dump << words[k].text;
    }
    *counts.dump << '\n';
  }
  auto pair = [&](const std::string& a, const std::string& b) {
    std::string key = a;
    key.push_back('\x01');
    key += b;
    ++counts.bigrams[key];
  };
  for (size_t k = 0; k < words.size(); ++k) {
    ++counts.tokens;
    ++counts.words[words[k].text];
    if (k > 0 && words[k].joined) pair(words[k - 1].text, words[k].text);
    if (k > 0 && words[k].after_comma) {
      pair(kLexCommaWord, words[k].text);
      ++counts.commas;
    }
    if (words[k].mid_capital) {
      pair(kLexCapitalWord, words[k].text);
      if (k > 0 && words[k].joined) pair(words[k - 1].text, kLexCapitalWord);
    }
    if (words[k].before_comma) {
      pair(words[k].text, kLexCommaWord);
      ++counts.before_commas;
    }
    if (words[k].before_end) {
      pair(words[k].text, kLexEndWord);
      ++counts.before_ends;
    }
    if (counts.finite != nullptr && k + 2 < words.size() && words[k + 1].joined && words[k + 2].joined &&
        IsSubjectPronoun(words[k + 1].text) && counts.finite->count(words[k + 2].text)) {
      pair(words[k].text, kLexClauseWord);
      ++counts.clauses;
    }
  }
}

// Text blocks are separated by line breaks.
void CountText(const std::string& text, const FormMap& forms, Counts& counts) {
  std::u32string t = ToU32(text);
  size_t b = 0;
  while (b < t.size()) {
    size_t e = t.find(U'\n', b);
    if (e == std::u32string::npos) e = t.size();
    if (e > b) CountBlock(t.substr(b, e - b), forms, counts);
    b = e + 1;
  }
}

bool ReadCorpusFile(const fs::path& p, const FormMap& forms, Counts& counts) {
  std::string name = p.filename().string();
  auto ends = [&](const char* s) {
    size_t n = std::strlen(s);
    return name.size() >= n && name.compare(name.size() - n, n, s) == 0;
  };
  std::string bytes;
  if (ends(".gz")) {
    if (!ReadGzip(p, bytes)) return false;
    CountText(StripTroff(bytes), forms, counts);
  } else if (ends(".html") || ends(".htm") || ends(".xhtml")) {
    if (!ReadFileBytes(p, bytes)) return false;
    CountText(StripHtml(bytes), forms, counts);
  } else if (ends(".mo")) {
    if (!ReadFileBytes(p, bytes)) return false;
    CountText(MoTranslations(bytes), forms, counts);
  } else if (ends(".txt")) {
    if (!ReadFileBytes(p, bytes)) return false;
    CountText(bytes, forms, counts);
  }
  return true;
}

// ---- main -------------------------------------------------------------------------

struct Args {
  std::string aff, dic, domain, out, wordlist, english, dump_blocks;
  std::vector<std::string> corpus;
  std::vector<std::string> weighted;  // FILE:N, counted N times
  std::vector<std::string> packages;
  std::vector<std::string> exclude;
  std::vector<std::string> exclude_text;
  int min_bigram = 1;
};

// The lines of a list file, surrounding blanks removed, empty lines and '#'
// comments skipped (a comment runs to the line end; with whole_line_comments
// only a line starting with '#' is one). False when the file cannot be read.
bool ReadListFile(const std::string& path, std::vector<std::string>& lines, bool whole_line_comments = false) {
  std::ifstream in(path);
  if (!in) return false;
  for (std::string l; std::getline(in, l);) {
    size_t h = l.find('#');
    if (h != std::string::npos && (!whole_line_comments || l.find_first_not_of(" \t") == h)) l.resize(h);
    size_t b = l.find_first_not_of(" \t\r");
    if (b == std::string::npos) continue;
    size_t e = l.find_last_not_of(" \t\r");
    lines.push_back(l.substr(b, e - b + 1));
  }
  return !in.bad();
}

// The form in which corpus paths are compared with --exclude lists.
std::string PathKey(const fs::path& p) {
  std::error_code ec;
  fs::path a = fs::absolute(p, ec);
  return (ec ? p : a).lexically_normal().string();
}

int Fail(const std::string& msg) {
  std::cerr << "notat-lexgen: " << msg << "\n";
  return 1;
}

int Main(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    std::string k = argv[i];
    auto val = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (k == "--aff") a.aff = val();
    else if (k == "--dic") a.dic = val();
    else if (k == "--domain") a.domain = val();
    else if (k == "--wordlist") a.wordlist = val();
    else if (k == "--english") a.english = val();
    else if (k == "--out") a.out = val();
    else if (k == "--corpus") a.corpus.push_back(val());
    else if (k == "--weighted-corpus") a.weighted.push_back(val());
    else if (k == "--package") a.packages.push_back(val());
    else if (k == "--min-bigram") a.min_bigram = std::atoi(val().c_str());
    else if (k == "--exclude") a.exclude.push_back(val());
    else if (k == "--exclude-text") a.exclude_text.push_back(val());
    else if (k == "--dump-blocks") a.dump_blocks = val();
    else return Fail("unknown argument " + k);
  }
  if (a.aff.empty() || a.dic.empty() || a.out.empty())
    return Fail("usage: notat-lexgen --aff AFF --dic DIC [--domain FILE] [--wordlist FILE] [--english FILE] "
                "[--package NAME[:PREFIX]]... [--corpus PATH]... [--exclude PATHS_FILE]... "
                "[--exclude-text PARAGRAPHS_FILE]... [--dump-blocks FILE] --out FILE");
  auto t0 = std::chrono::steady_clock::now();
  auto elapsed = [&]() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  };

  // --exclude: corpus files not to read (absolute paths).
  std::unordered_set<std::string> excluded;
  for (const std::string& list : a.exclude) {
    std::vector<std::string> lines;
    if (!ReadListFile(list, lines)) return Fail(list + ": cannot read the --exclude list");
    for (const std::string& l : lines) {
      if (!fs::path(l).is_absolute()) return Fail(list + ": '" + l + "' is not an absolute path");
      excluded.insert(fs::path(l).lexically_normal().string());
    }
  }
  // --exclude-text: paragraphs whose text must not be counted (one a line).
  std::unordered_set<std::string> exclude_grams;
  size_t paragraphs_listed = 0;
  for (const std::string& list : a.exclude_text) {
    std::vector<std::string> lines;
    if (!ReadListFile(list, lines, true)) return Fail(list + ": cannot read the --exclude-text list");
    for (const std::string& l : lines) {
      ++paragraphs_listed;
      ForEachGram(BlockWords(ToU32(l)), [&](const std::string& g) { exclude_grams.insert(g); });
    }
  }

  // 1. Dictionary forms.
  AffixFile aff;
  std::string err;
  if (!ReadAffixFile(a.aff, aff, err)) return Fail(err);
  FormMap forms;
  forms.reserve(1 << 20);
  std::unordered_set<std::string> finite;
  if (!ExpandDictionary(a.dic, aff, forms, finite, err)) return Fail(err);
  std::cerr << "notat-lexgen: " << forms.size() << " dictionary forms, " << finite.size() << " finite verb forms ("
            << elapsed() << " s)\n";

  // 2. Corpus.
  Counts counts;
  counts.finite = &finite;
  size_t files = 0;
  size_t files_excluded = 0;
  auto read_file = [&](const fs::path& f) {
    if (!excluded.empty() && excluded.count(PathKey(f))) {
      ++files_excluded;
      return;
    }
    files += ReadCorpusFile(f, forms, counts) ? 1 : 0;
  };
  if (!a.exclude_text.empty()) counts.exclude_grams = &exclude_grams;
  std::ofstream dump;
  if (!a.dump_blocks.empty()) {
    dump.open(a.dump_blocks, std::ios::binary | std::ios::trunc);
    if (!dump) return Fail(a.dump_blocks + ": cannot write the --dump-blocks file");
    counts.dump = &dump;
  }
  // --package NAME[:PREFIX]: the package's installed files (dpkg's list),
  // those under PREFIX when given; so the corpus is the same on every
  // machine whatever else is installed.
  for (const std::string& spec : a.packages) {
    size_t colon = spec.find(':');
    std::string name = spec.substr(0, colon);
    std::string prefix = colon == std::string::npos ? "" : spec.substr(colon + 1);
    std::ifstream list("/var/lib/dpkg/info/" + name + ".list");
    if (!list) return Fail("package " + name + " is not installed (it is in CORE_PACKAGES of .ci/setup)");
    std::vector<std::string> files_of;
    for (std::string f; std::getline(list, f);) {
      std::error_code ec;
      if (f.rfind(prefix, 0) == 0 && fs::is_regular_file(f, ec) && !fs::is_symlink(f, ec)) files_of.push_back(f);
    }
    std::sort(files_of.begin(), files_of.end());
    if (files_of.empty()) return Fail("package " + name + " has no files under '" + prefix + "'");
    for (const std::string& f : files_of) read_file(f);
  }
  for (const std::string& c : a.corpus) {
    fs::path p(c);
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<fs::path> list;
      for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec))
        if (it->is_regular_file()) list.push_back(it->path());
      std::sort(list.begin(), list.end());
      for (const fs::path& f : list) read_file(f);
    } else if (fs::is_regular_file(p, ec)) {
      read_file(p);
    } else {
      return Fail(c + ": corpus path not found (install the Danish documentation packages listed in .ci/setup: "
                      "libreoffice-help-da, debian-edu-doc-da, manpages-da)");
    }
  }
  // --weighted-corpus FILE:N: text of the notes' own subject, counted as if
  // it were N times as much (the packages above are software help, where
  // common words of casework are rare).
  for (const std::string& w : a.weighted) {
    size_t colon = w.rfind(':');
    int n = colon == std::string::npos ? 0 : std::atoi(w.c_str() + colon + 1);
    std::string path = colon == std::string::npos ? w : w.substr(0, colon);
    std::error_code ec;
    if (n < 1 || n > 1000) return Fail(w + ": --weighted-corpus wants FILE:N with N from 1 to 1000");
    if (!fs::is_regular_file(path, ec)) return Fail(path + ": weighted corpus file not found");
    for (int i = 0; i < n; ++i) read_file(path);
  }
  if (!a.exclude.empty())
    std::cerr << "notat-lexgen: " << files_excluded << " corpus files excluded (" << excluded.size()
              << " paths listed)\n";
  if (!a.exclude_text.empty())
    std::cerr << "notat-lexgen: " << counts.blocks_excluded << " text blocks excluded (" << paragraphs_listed
              << " paragraphs, " << exclude_grams.size() << " word 4-grams listed)\n";
  std::cerr << "notat-lexgen: " << files << " corpus files, " << counts.tokens << " tokens, "
            << counts.words.size() << " distinct words (" << elapsed() << " s)\n";
  if (counts.dump != nullptr) {
    dump.close();
    if (!dump) return Fail(a.dump_blocks + ": cannot write the --dump-blocks file");
    counts.dump = nullptr;
  }

  // Hunspell-da's compound flags miss many real compounds (tekstområde); a
  // corpus word that splits into two attested dictionary words of at least
  // three letters (the head possibly with a linking s or e) is Danish too.
  auto listed = [&](const std::string& w) {
    auto it = forms.find(w);
    return it != forms.end() && (it->second & kLexListed);
  };
  auto attested = [&](const std::string& w) {
    auto it = counts.words.find(w);
    return it != counts.words.end() && listed(w);
  };
  auto splits = [&](const std::string& w, const std::function<bool(const std::string&)>& head_word,
                    const std::function<bool(const std::string&)>& tail_word) {
    std::u32string u = ToU32(w);
    for (size_t i = 3; i + 3 <= u.size(); ++i) {
      std::string head = ToUtf8(u.substr(0, i)), tail = ToUtf8(u.substr(i));
      bool head_ok = head_word(head);
      if (!head_ok && i > 3 && (u[i - 1] == U's' || u[i - 1] == U'e')) head_ok = head_word(ToUtf8(u.substr(0, i - 1)));
      if (head_ok && tail_word(tail)) return true;
    }
    return false;
  };
  auto is_compound = [&](const std::string& w) { return splits(w, attested, listed); };
  // 3. Hunspell verdict on corpus words that are neither dictionary forms nor
  // such compounds.
  std::vector<std::string> to_check;
  size_t compounds = 0;
  std::unordered_set<std::string> compound_words;
  for (const auto& [w, n] : counts.words) {
    auto it = forms.find(w);
    if (it != forms.end() && (it->second & kLexListed)) continue;
    if (is_compound(w)) {
      ++compounds;
      compound_words.insert(w);
      continue;
    }
    to_check.push_back(w);
  }
  std::sort(to_check.begin(), to_check.end());
  std::vector<char> accepted(to_check.size(), 0);
  {
    unsigned nthreads = std::max(1u, std::min(2u, std::thread::hardware_concurrency()));
    std::vector<std::thread> pool;
    std::atomic<bool> failed{false};
    for (unsigned t = 0; t < nthreads; ++t) {
      pool.emplace_back([&, t]() {
        Result<std::unique_ptr<SpellChecker>> sc = OpenHunspell(a.aff, a.dic);
        if (!sc) {
          failed = true;
          return;
        }
        for (size_t i = t; i < to_check.size(); i += nthreads) {
          const std::string& w = to_check[i];
          if (w.size() > 60) continue;
          std::u32string u = ToU32(w);
          bool ok = (*sc)->Spell(w);
          if (!ok && !u.empty()) {
            u[0] = ToUpper(u[0]);
            ok = (*sc)->Spell(ToUtf8(u));
          }
          accepted[i] = ok;
        }
      });
    }
    for (std::thread& th : pool) th.join();
    if (failed) return Fail("cannot load hunspell-da from " + a.aff + " and " + a.dic);
  }
  std::cerr << "notat-lexgen: hunspell checked " << to_check.size() << " corpus words (" << elapsed() << " s)\n";
  // A rejected word whose parts are Danish corpus words (accepted above,
  // "diskenhed" + s + "håndtering"): a compound too.
  {
    std::unordered_set<std::string> accepted_words = std::move(compound_words);
    for (size_t i = 0; i < to_check.size(); ++i)
      if (accepted[i]) accepted_words.insert(to_check[i]);
    auto danish = [&](const std::string& w) { return attested(w) || accepted_words.count(w) > 0; };
    auto dictionary = [&](const std::string& w) { return listed(w) || accepted_words.count(w) > 0; };
    for (size_t i = 0; i < to_check.size(); ++i) {
      if (accepted[i] || !splits(to_check[i], danish, dictionary)) continue;
      accepted[i] = 1;
      ++compounds;
    }
  }

  // 4. Assemble the word table.
  LexiconFileWriter writer;
  writer.SetTotalTokens(counts.tokens);
  for (const auto& [w, bits] : forms) {
    writer.AddWord(LexiconKey(w), 0, bits);
    writer.AddPrefixes(w);
  }
  std::unordered_set<std::string> rejected;
  for (size_t i = 0; i < to_check.size(); ++i)
    if (!accepted[i]) rejected.insert(to_check[i]);
  std::cerr << "notat-lexgen: " << rejected.size() << " corpus words rejected, " << compounds
            << " accepted as compounds of attested words\n";
  for (const auto& [w, n] : counts.words) {
    bool ok = !rejected.count(w);
    writer.AddWord(LexiconKey(w), n, ok ? kLexAttested : kLexForeign);
    if (ok) writer.AddPrefixes(w);
  }
  std::vector<std::string> domain_words;
  if (!a.domain.empty()) {
    std::ifstream in(a.domain);
    if (!in) return Fail(a.domain + ": cannot read the domain word list");
    for (std::string l; std::getline(in, l);) {
      size_t h = l.find('#');
      if (h != std::string::npos) l = l.substr(0, h);
      while (!l.empty() && (l.back() == ' ' || l.back() == '\r' || l.back() == '\t')) l.pop_back();
      size_t s = l.find_first_not_of(" \t");
      if (s == std::string::npos) continue;
      std::string w = LowerUtf8(l.substr(s));
      writer.AddWord(LexiconKey(w), 0, kLexDomain | kLexListed | kLexCompoundEnd);
      writer.AddPrefixes(w);
      domain_words.push_back(w);
    }
  }
  // Words of general Danish (the word list of Tesseract's Danish model, from
  // web text): attested outside our technical corpus, with no counts. Only
  // dictionary forms are marked.
  if (!a.wordlist.empty()) {
    std::ifstream in(a.wordlist);
    if (!in) return Fail(a.wordlist + ": cannot read the word list (made from tesseract-ocr-dan)");
    size_t n = 0;
    for (std::string l; std::getline(in, l);) {
      std::string w = LowerUtf8(l);
      LexiconSlot* s = writer.MutableWord(LexiconKey(w));
      if (s != nullptr && (s->flags & (kLexListed | kLexAttested))) {
        s->flags |= kLexWeb;
        ++n;
      }
    }
    std::cerr << "notat-lexgen: " << n << " words marked from " << a.wordlist << "\n";
  }
  // English words (the word list of Tesseract's English model): technical
  // text borrows them, and those that are not Danish are not damaged Danish.
  // Danish words are marked too: the English model's dictionary pulls its
  // readings towards them ("før" read as "for").
  if (!a.english.empty()) {
    std::ifstream in(a.english);
    if (!in) return Fail(a.english + ": cannot read the English word list (made from tesseract-ocr-eng)");
    size_t n = 0;
    for (std::string l; std::getline(in, l);) {
      std::string w = LowerUtf8(l);
      writer.AddWord(LexiconKey(w), 0, kLexEnglish);
      ++n;
    }
    std::cerr << "notat-lexgen: " << n << " English words marked from " << a.english << "\n";
  }
  writer.AddBigram(BigramKey(kLexTotalWord, kLexCommaWord), static_cast<uint32_t>(counts.commas));
  writer.AddBigram(BigramKey(kLexCommaWord, kLexTotalWord), static_cast<uint32_t>(counts.before_commas));
  writer.AddBigram(BigramKey(kLexEndWord, kLexTotalWord), static_cast<uint32_t>(counts.before_ends));
  writer.AddBigram(BigramKey(kLexTotalWord, kLexClauseWord), static_cast<uint32_t>(counts.clauses));
  for (const std::string& v : finite) writer.AddBigram(BigramKey(kLexFiniteWord, v), 1);
  std::cerr << "notat-lexgen: " << counts.clauses << " words before a clause\n";
  for (const auto& [k, n] : counts.bigrams) {
    if (static_cast<int>(n) < a.min_bigram) continue;
    size_t sep = k.find('\x01');
    writer.AddBigram(BigramKey(std::string_view(k).substr(0, sep), std::string_view(k).substr(sep + 1)), n);
  }

  // 5. Words a confusion could have made from another Danish word: damage
  // every word that has æ, ø or å and mark the damaged forms that are words.
  std::vector<std::string> words;
  words.reserve(forms.size() + counts.words.size());
  for (const auto& [w, bits] : forms)
    if (bits & kLexListed) words.push_back(w);
  for (const auto& [w, n] : counts.words)
    if (!forms.count(w) && !rejected.count(w)) words.push_back(w);
  for (const std::string& w : domain_words) words.push_back(w);
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  size_t variants = 0;
  {
    ConfusionOptions opt;
    for (const std::string& w : words) {
      if (w.find("\xc3") == std::string::npos) continue;  // no æ, ø, å (all are U+00C0..U+00FF)
      ForEachDamagedForm(ToU32(w), opt, [&](const std::u32string& d) {
        LexiconSlot* s = writer.MutableWord(LexiconKey(ToUtf8(d)));
        if (s != nullptr && (s->flags & (kLexListed | kLexAttested | kLexDomain)) && !(s->flags & kLexHasVariant)) {
          s->flags |= kLexHasVariant;
          ++variants;
        }
      });
    }
  }
  std::cerr << "notat-lexgen: " << variants << " words with a confusion variant (" << elapsed() << " s)\n";

  fs::create_directories(fs::path(a.out).parent_path());
  Result<void> w = writer.Write(a.out);
  if (!w) return Fail(w.error().message);
  std::cerr << "notat-lexgen: wrote " << a.out << " (" << elapsed() << " s)\n";
  return 0;
}

}  // namespace
}  // namespace notat

int main(int argc, char** argv) { return notat::Main(argc, argv); }
