// The repair stage. For every word: is it a Danish word as it stands, and if
// not (or if it is but an ambiguous one), which reading under the OCR
// confusion model (repair_text.h) is most probable, ranked by corpus
// frequency, the confusion weights and word-pair context. Lexicon flags come
// from the compiled tables; hunspell is asked only about rare compounds.
#include "pipeline/repair.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "pipeline/lexicon.h"
#include "pipeline/repair_text.h"

namespace notat {
namespace {

constexpr uint32_t kKnown = kLexListed | kLexAttested | kLexDomain;

// Evidence weights: pseudo-counts for words the corpus has not seen.
constexpr double kListedPseudoCount = 0.1;
// A word of general Danish (web text) our corpus has not seen enough.
constexpr double kWebPseudoCount = 1;
constexpr double kDomainPseudoCount = 20;
constexpr double kCompoundFactor = 0.02;
// A compound whose parts the corpus attests this much (both seen 50 times:
// kCompoundFactor * 50) stands as read though hunspell-da rejects it.
constexpr double kAttestedCompound = 1.0;
// A word that is Danish as it stands is changed only when the best reading
// is this many times more probable in context (after the document model).
constexpr double kRealWordRatio = 3;
// The English model's dictionary pulls its readings towards English words:
// a Danish letter is read so that the word becomes an English word about
// this many times as often as the letter model says (tune corpora: ø read as
// o 38% of the time when that makes an English word, 14% otherwise; as e 15%
// and 7%).
constexpr double kEnglishReadingBias = 3;
constexpr double kMaxWeakEvidence = 1.0;
// A capital inside a sentence is a misread small letter only on words the
// corpus has seen this often, and Capitalised inside a sentence in at most
// this share of them.
constexpr uint64_t kMinCapitalEvidence = 20;
constexpr double kMaxCapitalShare = 0.002;
// ... and on a word the OCR misread otherwise too ("vere Sa stort" is "være
// så stort"): a capital there is weaker evidence, so two letters are enough
// and the corpus may Capitalise it a little more often.
constexpr double kMaxRepairedCapitalShare = 0.005;
// A word the corpus shows before a Capitalised word inside a sentence this
// often, and in this share of its uses, introduces labels ("feltet Navn"):
// the capital after it is kept.
constexpr double kLabelAfterMinCount = 10;
constexpr double kLabelAfterShare = 0.1;
// A word in capitals this frequent in the corpus ("DU", "AT", "PÅ") shows
// that its neighbours in capitals are text, not acronyms.
constexpr uint64_t kCommonCapitalsWord = 500;
// A capital A inside a sentence is an Å (not a misread å) on words the
// corpus Capitalises inside a sentence in this share of them or more.
constexpr double kCapitalAShare = 0.1;
// A damaged word with the word "i" run onto it is split when the rest's
// reading is at least this confident.
constexpr double kSplitDamagedConfidence = 0.8;
// A word no lexicon knows, right as it stands.
constexpr double kUnknownEvidence = 0.003;
// ... less so when it has a z or an "ae" after its first letter, the English
// model's usual readings of æ, which Danish spelling rarely has.
constexpr double kDamageSignFactor = 0.1;
// An English word that is not Danish (Tesseract's English list holds many
// rare forms: "fert", "henge" are ført, hænge read so).
constexpr double kEnglishEvidence = 0.1;
// Letters in each part of a compound the tables do not know whole; a part
// as short as kMinShortPart letters must be seen kShortPartMinCount times.
constexpr size_t kMinCompoundPart = 4;
constexpr size_t kMinShortPart = 3;
constexpr double kShortPartMinCount = 10;
// Longer "words" (code points) are not words: left alone.
constexpr size_t kMaxWordLength = 48;
// A reading whose word this document shows damaged another way elsewhere.
constexpr double kSeenOtherwisePenalty = 0.1;
// A word that is only a (hunspell) compound as it stands.
constexpr double kWeakWordRatio = 3;
// Bigram smoothing (Dirichlet prior mass): large, so that sparse pairs in a
// small corpus only move a decision when they are frequent.
constexpr double kMu = 100;
// Pairs seen fewer times are noise.
constexpr double kMinPair = 2;
// At most this much (log) can context add to or take from a reading; a
// reading the corpus shows beside a neighbour kStrongPair times may gain up
// to kMaxStrongContextGain.
constexpr double kMaxContextGain = 1.5;
constexpr double kStrongPair = 20;
constexpr double kMaxStrongContextGain = 6;
// Weight of the document's own repaired words against the corpus in the
// word probabilities (DocModel::CacheLog).
constexpr double kDocCacheWeight = 0.1;
// Prior weight (pseudo-observations) of the model's confusion weights when
// the document's own repairs re-estimate them.
constexpr double kChannelPrior = 5;
// A reading by a general letter confusion (b read as o) must be a word the
// corpus has seen this often.
constexpr uint64_t kGeneralMinCount = 3;
// log P(a Danish letter is dropped): as rare as a general letter slip.
constexpr double kLogLostLetter = -4.6;
// A word the OCR ran together with its neighbour ("visti", "Deter") is split
// when both parts are common words (each seen kSplitMinPartCount times) that
// the corpus shows side by side at least kSplitMinPair times and kSplitRatio
// times as often as the word whole (an English word counts as
// kSplitEnglishEvidence sightings). A word seen kSplitMaxWordCount times is
// never split.
constexpr double kSplitMinPartCount = 20;
constexpr double kSplitMinPair = 5;
constexpr double kSplitRatio = 50;
constexpr uint64_t kSplitMaxWordCount = 5;
constexpr double kSplitEnglishEvidence = 2.5;
// A word the OCR broke in two ("A fstand", "opfer sel") is joined when the
// whole is a word seen at least this often.
constexpr double kMergeMinCount = 5;
constexpr double kMergeMinConfidence = 0.8;
constexpr double kMergeMaxShortCount = 50;
// Two words across a line end joined: the whole seen this often, and this
// many times as often as the two side by side.
constexpr double kMergeRealMinCount = 5;
constexpr double kMergeRealRatio = 20;
// A zero read for o ("0g"): the word must be one the corpus has seen this often.
constexpr uint64_t kDigitLetterMinCount = 20;
// A word run onto a number is split off when it has this many letters (and
// is seen as often as kDigitLetterMinCount): "502henvendelser".
constexpr size_t kSplitFromNumberMinLetters = 4;
// The compound search reads no reading less likely than this.
constexpr double kCompoundMinLogChannel = -5;
constexpr double kDigitLetterConfidence = 0.9;
// The confidence of a guess taken because the word as read cannot stand
// (Repairer::CannotStand): right on each of the few tune words it took.
constexpr double kCannotStandConfidence = 0.5;
// A compound reading whose parts the corpus attests this much (a share of
// kCompoundFactor) outranks any reading only hunspell-da accepts, even when
// too weak to take ("ændringslogpunkter" is the better guess for
// "eendringslogpunkter" than the junk "ændringsløgpunkter").
constexpr double kGuessCompoundShare = 0.25;

// A Danish vowel, in either case.
bool IsVowel(char32_t c) { return std::u32string_view(U"aeiouyæøå").find(ToLower(c)) != std::u32string_view::npos; }

bool HasDanishDamageSign(std::u32string_view w) {
  for (size_t i = 1; i < w.size(); ++i) {
    char32_t c = ToLower(w[i]);
    if (c == U'z' || (c == U'e' && ToLower(w[i - 1]) == U'a')) return true;
  }
  return false;
}

// A sign of English-OCR damage that Danish spelling all but never shows:
// those of HasDanishDamageSign, an "ee", an @, or a "gg" after a consonant
// ("afggrer": ø read as g beside a g).
bool HasStrongDamageSign(std::u32string_view w) {
  if (HasDanishDamageSign(w)) return true;
  for (size_t i = 0; i < w.size(); ++i) {
    char32_t c = ToLower(w[i]);
    if (c == U'@') return true;
    if (i == 0 || ToLower(w[i - 1]) != c) continue;
    if (c == U'e') return true;
    if (c == U'g' && i >= 2 && IsLetter(w[i - 2]) && !IsVowel(w[i - 2])) return true;
  }
  return false;
}

bool IsSentenceEnd(char32_t c) { return c == U'.' || c == U'!' || c == U'?' || c == U':'; }

// A short all-capitals word is an acronym, not a damaged word: any of up to
// three letters (TGT, EDT), of four with a vowel (UNIX); MZRK (no vowel) is
// not pronounceable as it stands.
bool IsAcronym(std::u32string_view w) {
  if (w.size() > 4) return false;
  bool vowel = false;
  for (char32_t c : w) {
    if (!IsUpper(c)) return false;
    if (std::u32string_view(U"AEIOUYÆØÅ").find(c) != std::u32string_view::npos) vowel = true;
  }
  return vowel || w.size() <= 3;
}

// A capital after a lower-case letter ("StarBasic", "AutoInput"): a name or
// an identifier, left alone.
bool IsCamelCase(std::u32string_view w) {
  for (size_t i = 1; i < w.size(); ++i)
    if (IsUpper(w[i]) && IsLower(w[i - 1])) return true;
  return false;
}

// A word with no Danish reading is worth reporting when it shows signs of
// OCR damage: z or @ (rare in Danish words), or four letters and no vowel.
// Abbreviations such as "pct" and names are not.
bool LooksDamaged(std::u32string_view w) {
  bool vowel = false;
  for (char32_t c : w) {
    char32_t l = ToLower(c);
    if (l == U'z' || l == U'@') return true;
    if (IsVowel(l)) vowel = true;
  }
  return !vowel && w.size() >= 4;
}

// No vowel at all: no Danish word ("brn", "Vlg": a letter the OCR dropped).
bool NoVowel(std::u32string_view w) {
  return std::none_of(w.begin(), w.end(), IsVowel);
}

bool HasConfusable(std::u32string_view w) {
  for (char32_t c : w)
    if (IsConfusable(c)) return true;
  return false;
}

struct WordContext {
  std::string prev;  // lower-case previous word when only spaces separate them; "" otherwise
  std::string next;
  bool after_comma = false;   // only a comma (and spaces) since the previous word
  bool before_clause = false; // next is a subject pronoun and a finite verb follows it ("før den henter")
  bool before_comma = false;  // a comma right after it
  bool before_end = false;    // a full stop, ! or ? right after it
  bool sentence_start = false;
  bool piece = false;         // the first piece of a hyphenated word: not a whole word
  bool continuation = false;  // may be the rest of a hyphenated word: not a whole word
  bool capitals_text = false; // a capital word beside a Danish word in capitals: not an acronym
  bool compound_head = false; // a compound's head whose tail is left out ("børne- og unge-
                              // området"): a reading may be a form that only begins compounds
};

// What the document itself says about its damage, from its unambiguous
// repairs (non-words made Danish): how likely a Danish letter was damaged at
// all, and how each repaired word was misread.
struct DocModel {
  double p_damaged = 1.0;
  // true word -> each form it was read as -> confident repairs of that form
  std::unordered_map<std::string, std::unordered_map<std::string, int>> seen;
  double words = 1;  // word tokens of the document
  std::unordered_map<std::string, int> rule_count;  // lower-cased rule -> repairs that used it
  std::unordered_map<char32_t, int> target_count;   // lower-case letter -> repairs that produced it

  // log P(observed | reading) with the model's weights re-estimated from the
  // document's repairs (the model's weight counts as kChannelPrior uses).
  double LogChannel(const std::vector<Edit>& edits) const {
    double s = 0;
    for (const Edit& e : edits) {
      auto t = target_count.find(ToLower(e.to));
      if (t == target_count.end()) {
        s += e.log_p;
        continue;
      }
      s += std::log((RuleCount(e.rule) + kChannelPrior * std::exp(e.log_p)) / (t->second + kChannelPrior));
    }
    return s;
  }

  // log of how much more probable the document makes `w` (lower-case) than
  // the corpus does (probability `p`), for a word read as `form`: a cache
  // model, mixing the corpus with the words the document's confident
  // repairs of other forms gave, weighted kDocCacheWeight (relative to a
  // word they never gave). A word a document repaired is a word it uses;
  // the rarer the word in the corpus, the more that says. Repairs of `form`
  // itself are left out: they would only repeat this decision.
  double CacheLog(const std::string& w, double p, const std::string& form) const {
    auto r = seen.find(w);
    if (r == seen.end() || p <= 0) return 0;
    int n = 0;
    for (const auto& [f, k] : r->second)
      if (f != form) n += k;
    return std::log1p(kDocCacheWeight / (1 - kDocCacheWeight) * n / (words * p));
  }

  // rule_count of a rule's lower-cased name; rules are string constants, so
  // the answer is kept by address (the model is fixed once learned).
  double RuleCount(const char* rule) const {
    auto m = by_address.find(rule);
    if (m != by_address.end()) return m->second;
    auto r = rule_count.find(LowerUtf8(std::string_view(rule)));
    double n = r == rule_count.end() ? 0 : r->second;
    by_address.emplace(rule, n);
    return n;
  }
  mutable std::unordered_map<const char*, double> by_address;
};

struct Decision {
  bool change = false;
  std::u32string text;        // the new word when change
  std::vector<Edit> edits;
  double confidence = 0;
  bool undecided = false;     // damaged-looking and left alone
  std::u32string guess;       // best reading when undecided (may be empty)
  std::vector<Edit> guess_edits;
  const char* rule = nullptr; // a rule other than the confusion edits ("split")
};

// `d` becomes a change by a rule outside the confusion model ("split"),
// unless the rule has nothing to say (`text` empty).
void RuleDecision(std::u32string text, const char* rule, Decision& d) {
  if (text.empty()) return;
  d = Decision{};
  d.change = true;
  d.text = std::move(text);
  d.confidence = 0.9;
  d.rule = rule;
}

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class Repairer {
 public:
  explicit Repairer(const Lexicon& lex) : lex_(lex), keyed_(lex.KeyedLookup()) {
    n_ = std::max<double>(1, static_cast<double>(lex.TotalTokens()));
    commas_ = static_cast<double>(lex.Bigram(kLexTotalWord, kLexCommaWord));
    before_commas_ = static_cast<double>(lex.Bigram(kLexCommaWord, kLexTotalWord));
    before_ends_ = static_cast<double>(lex.Bigram(kLexEndWord, kLexTotalWord));
    clauses_ = static_cast<double>(lex.Bigram(kLexTotalWord, kLexClauseWord));
  }

  // Evidence (pseudo-count) that `lower` is a Danish word, from the tables.
  double Evidence(uint32_t flags, uint64_t count) const {
    double e = 0;
    if (flags & (kLexAttested | kLexListed | kLexDomain)) e = static_cast<double>(count);
    if (flags & kLexListed) e += kListedPseudoCount;
    if (flags & kLexWeb) e += kWebPseudoCount;
    if (flags & kLexDomain) e += kDomainPseudoCount;
    return e;
  }

  // Pseudo-count for a word the tables know only as a possible compound:
  // a head of at least 3 letters seen in the corpus (itself or without a
  // linking s/e) and a tail of at least 3 letters that is a Danish word (or
  // again such a compound); 0 when no split exists. Weaker than hunspell's
  // compound rules in one way (any word may join) and stronger in another
  // (the parts must be real, attested words, so "ve"+"æret" does not count).
  double CompoundEvidence(std::string_view w, int depth = 0) const {
    constexpr size_t kMaxBytes = 256;  // no word of kMaxWordLength comes near
    if (depth > 2 || w.size() > kMaxBytes) return 0;
    double best = 0;
    size_t cuts[kMaxBytes];  // code point boundaries inside w
    size_t nc = 0;
    for (size_t i = 1; i < w.size(); ++i)
      if ((static_cast<unsigned char>(w[i]) & 0xC0) != 0x80) cuts[nc++] = i;
    const size_t m = kMinShortPart, n = nc + 1;
    if (n < 2 * m) return 0;
    uint64_t prefix[kMaxBytes + 1];  // every head's key, hashed in one pass
    PrefixKeys(w, prefix);
    for (size_t k = m - 1; k + m <= nc; ++k) {
      size_t i = cuts[k];
      // No word begins like the head without its last letter: no longer
      // head, nor its stem, is a word.
      if (keyed_ && !lex_.MayBePrefix(prefix[cuts[k - 1]])) break;
      std::string_view head = w.substr(0, i), tail = w.substr(i);
      bool stem_only = false;
      double he = HeadEvidence(head, prefix[i], prefix[i - 1], &stem_only);
      // A short part (gen-, -løg, -sæt) must be a frequent word; so must a
      // short stem before a linking s or e ("præ"+"e").
      size_t head_letters = stem_only ? k : k + 1;
      if (he <= 0 || (head_letters < kMinCompoundPart && he < kShortPartMinCount)) continue;
      double te = TailEvidence(tail, depth);
      if (te <= 0 || (n - k - 1 < kMinCompoundPart && te < kShortPartMinCount)) continue;
      best = std::max(best, kCompoundFactor * std::min(he, te));
    }
    return best;
  }

  // Evidence for the tail of a compound: a word, or again a compound.
  // Memoized per word decided (tails repeat across candidates), by tail
  // and depth (a tail too deep to split further may split at a lesser depth).
  double TailEvidence(std::string_view tail, int depth) const {
    uint64_t key = LexiconKey(tail);
    uint64_t memo_key = key + static_cast<uint64_t>(depth) * 0x9E3779B97F4A7C15ull;
    auto it = tail_memo_.find(memo_key);
    if (it != tail_memo_.end()) return it->second;
    Lexicon::Entry t = keyed_ ? lex_.LookupKey(key) : lex_.Lookup(tail);
    double te = (t.flags & kKnown) ? Evidence(t.flags, t.count) : 0;
    if (te <= 0) te = CompoundEvidence(tail, depth + 1);
    tail_memo_.emplace(memo_key, te);
    return te;
  }

  // A compound head's corpus count: the word itself or without its linking
  // s/e, when that is a Danish word.
  // 0 when the head is not a Danish word. `key` and `stem_key` are the
  // LexiconKey of the head and of the head without its last byte.
  // `stem_only` is set when only the stem is a word.
  double HeadEvidence(std::string_view head, uint64_t key, uint64_t stem_key, bool* stem_only) const {
    double e = 0;
    Lexicon::Entry h = keyed_ ? lex_.LookupKey(key) : lex_.Lookup(head);
    if (h.flags & kKnown) e = Evidence(h.flags, h.count);
    else if (h.flags & kLexCompoundBegin) e = static_cast<double>(h.count) + kListedPseudoCount;
    *stem_only = false;
    if (head.size() > 3 && (head.back() == 's' || head.back() == 'e')) {
      Lexicon::Entry st = keyed_ ? lex_.LookupKey(stem_key) : lex_.Lookup(head.substr(0, head.size() - 1));
      if (st.flags & kKnown) {
        double se = Evidence(st.flags, st.count);
        *stem_only = e <= 0;
        e = std::max(e, se);
      }
    }
    return e;
  }

  // log P(w) plus what the neighbouring words say: log P(w | prev) / P(w)
  // (or, after a comma, log P(w | comma) / P(w); and before a comma or a
  // sentence end, log P(mark | w) / P(mark))
  // and log P(next | w) / P(next) from the corpus pairs, smoothed towards
  // P(w) and P(next) (Dirichlet, kMu), for neighbours the corpus has seen
  // kMinPair times. Both for and against, and capped, because pairs from a
  // small corpus of another domain are weak evidence.
  //
  // `rival` (the word as read, when `w` is a reading of it): a reading the
  // corpus shows beside a neighbour kStrongPair times, where it shows the
  // rival far less often than chance would ("året før" 40 times, "året for"
  // never, where 4.5 were due), may gain up to kMaxStrongContextGain.
  //
  // `strong_rival` (set when such a reading exists): the rival's own context
  // may then take up to kMaxStrongContextGain from it, as the pairs show it
  // out of place.
  double ContextLog(const std::string& w, double e, const WordContext& ctx, const std::string* rival = nullptr,
                    bool* was_strong = nullptr, bool strong_rival = false) const {
    double p = e / n_;
    double pmi = 0;
    bool strong = false;
    const double rival_count = rival ? static_cast<double>(lex_.Frequency(*rival)) : 0;
    // The neighbours: the words beside it or, where a mark stands between,
    // the mark (", før de": a clause begins; "som før."). A clause after it
    // (a subject pronoun and a finite verb: "før den henter") is its right
    // neighbour: the pronoun alone says little ("for den", "før den").
    std::string_view left = ctx.prev, right = ctx.next;
    double cleft = 0, cright = 0;
    if (!left.empty()) cleft = static_cast<double>(lex_.Frequency(left));
    else if (ctx.after_comma) left = kLexCommaWord, cleft = commas_;
    if (ctx.before_clause && clauses_ >= kMinPair) right = kLexClauseWord, cright = clauses_;
    else if (!right.empty()) cright = static_cast<double>(lex_.Frequency(right));
    else if (ctx.before_comma) right = kLexCommaWord, cright = before_commas_;
    else if (ctx.before_end) right = kLexEndWord, cright = before_ends_;
    if (!left.empty()) {
      double b = static_cast<double>(lex_.Bigram(left, w));
      if (cleft >= kMinPair) pmi += std::log((b + kMu * p) / (cleft + kMu)) - std::log(p);
      if (rival && !ctx.prev.empty() && b >= kStrongPair)
        strong = strong || Unlikely(static_cast<double>(lex_.Bigram(left, *rival)), cleft * rival_count / n_);
    }
    if (!right.empty()) {
      double pn = cright / n_;
      double b = static_cast<double>(lex_.Bigram(w, right));
      if (cright >= kMinPair) pmi += std::log((b + kMu * pn) / (e + kMu)) - std::log(pn);
      if (rival && !ctx.next.empty() && b >= kStrongPair)
        strong = strong || Unlikely(static_cast<double>(lex_.Bigram(*rival, right)), rival_count * pn);
    }
    if (was_strong != nullptr) *was_strong = *was_strong || strong;
    return std::log(p) + std::clamp(pmi, strong_rival ? -kMaxStrongContextGain : -kMaxContextGain,
                                    strong ? kMaxStrongContextGain : kMaxContextGain);
  }

  // The corpus writes `lower` Capitalised inside a sentence often enough
  // (a label: "klik på Åbn") that a capital A read there is more likely an Å
  // than a small å misread (which is about 50 times rarer).
  bool OftenCapitalised(const std::string& lower) const {
    double capital = static_cast<double>(lex_.Bigram(kLexCapitalWord, lower));
    return capital >= 2 && capital >= kCapitalAShare * static_cast<double>(lex_.Frequency(lower));
  }

  // Seeing `seen` pairs or fewer where `expected` were due by chance has a
  // probability below 5% (Poisson; above 30 pairs its normal approximation,
  // so that "for <clause>" 43 times where 265 were due still counts).
  static bool Unlikely(double seen, double expected) {
    if (seen > 30) return seen < expected - 1.645 * std::sqrt(expected);
    double term = std::exp(-expected), cdf = 0;
    for (int k = 0; k <= static_cast<int>(seen); ++k) {
      cdf += term;
      term *= expected / (k + 1);
    }
    return cdf < 0.05;
  }

  // A word that is Danish as it stands but has Danish confusion variants.
  bool IsRealWordCase(const std::u32string& word) const {
    return word.size() >= 2 && HasConfusable(word) && NeedsContext(word);
  }
  // A word that is Danish as it stands and could be a misread other word:
  // the only kind whose decision weighs its neighbours.
  bool NeedsContext(std::u32string_view word) const { return NeedsContext(LookupCandidate(word)); }
  static bool NeedsContext(const Lexicon::Entry& e) { return (e.flags & kKnown) && (e.flags & kLexHasVariant); }

  // The lexicon entry of a candidate reading (any case), hashed without
  // building its string when the lexicon allows.
  Lexicon::Entry LookupCandidate(std::u32string_view text) const {
    return keyed_ ? lex_.LookupKey(LowerKey(text)) : lex_.Lookup(LowerUtf8(text));
  }
  // The same for a reading ForEachCandidate made, whose key it hashed.
  Lexicon::Entry LookupCandidate(const Candidate& c) const {
    return keyed_ && c.key != 0 ? lex_.LookupKey(c.key) : LookupCandidate(std::u32string_view(c.text));
  }

  // Neither a word of any lexicon nor a reading of one: what a split or a
  // join may explain. English words and words seen in the corpus are not.
  bool IsUnknown(const std::string& lower) {
    uint32_t flags = lex_.Flags(lower);
    if (flags & (kKnown | kLexForeign | kLexEnglish)) return false;
    return IsUnknownUncached(lower);
  }
  // The same for a word in any case, without building its lower-case string
  // when the tables know it (most words).
  bool IsUnknown(std::u32string_view word) { return IsUnknown(word, LookupCandidate(word)); }
  // The same with the word's entry (LookupCandidate) at hand.
  bool IsUnknown(std::u32string_view word, const Lexicon::Entry& entry) {
    if (entry.flags & (kKnown | kLexForeign | kLexEnglish)) return false;
    return IsUnknownUncached(LowerUtf8(word));
  }
  bool IsUnknownUncached(const std::string& lower) {
    // hunspell's verdict costs about 0.1 ms: once per word form.
    auto& unknown_cache = Caches().unknown;
    auto it = unknown_cache.find(lower);
    if (it != unknown_cache.end()) return it->second;
    if (unknown_cache.size() > 100000) unknown_cache.clear();
    bool unknown = !lex_.Accepts(lower);
    unknown_cache.emplace(lower, unknown);
    return unknown;
  }

  // "visti" -> "vist i", "Deter" -> "Det er": the word with one space put
  // back, when the pair is far more frequent than the word whole (see
  // kSplitRatio), or when the word is no word and one part is "i". Empty
  // otherwise.
  std::u32string Split(const std::u32string& word) {
    if (word.size() < 3 || word.size() > kMaxWordLength || IsCamelCase(word)) return {};
    for (char32_t c : word)
      if (!IsLetter(c)) return {};
    return Memo(Caches().split, word, [&] { return SplitUncached(word); });
  }

  // The answer `compute` gives for `word`, from `cache` once worked out (a
  // cache that grows past 100,000 word forms starts anew).
  template <typename Compute>
  static std::u32string Memo(std::unordered_map<std::u32string, std::u32string>& cache, const std::u32string& word,
                             Compute compute) {
    auto it = cache.find(word);
    if (it != cache.end()) return it->second;
    std::u32string out = compute();
    if (cache.size() > 100000) cache.clear();
    cache.emplace(word, out);
    return out;
  }

  std::u32string SplitUncached(const std::u32string& word) const {
    std::string lower = LowerUtf8(word);
    Lexicon::Entry e = lex_.Lookup(lower);
    // What speaks for the word as it stands: the pair must be seen far more.
    double orig = 0;
    // A word the corpus has seen a few times is left whole (its pair would
    // need hundreds of sightings; most words end here, cheaply).
    if ((e.flags & kKnown) && e.count >= kSplitMaxWordCount) return {};
    if (e.flags & kKnown) orig = Evidence(e.flags, e.count);
    else if (e.flags & kLexForeign) orig = static_cast<double>(e.count);
    else if (e.flags & kLexEnglish) orig = kSplitEnglishEvidence;
    else if (lex_.Accepts(lower)) orig = kMaxWeakEvidence;
    double need_pair = std::max(kSplitMinPair, kSplitRatio * orig);
    std::u32string lw = Lower(word);
    double best = 0;
    size_t cut = 0;
    for (size_t k = 1; k < lw.size(); ++k) {
      // A one-letter part is only the word "i" ("visti", "Istedet").
      if ((k == 1 && lw[0] != U'i') || (k == lw.size() - 1 && lw.back() != U'i')) continue;
      std::string a = ToUtf8(lw.substr(0, k)), b = ToUtf8(lw.substr(k));
      Lexicon::Entry ea = lex_.Lookup(a), eb = lex_.Lookup(b);
      if (!(ea.flags & kKnown) || !(eb.flags & kKnown)) continue;
      if (ea.count < kSplitMinPartCount || eb.count < kSplitMinPartCount) continue;
      double pair = static_cast<double>(lex_.Bigram(a, b));
      if (pair >= need_pair && pair > best) {
        best = pair;
        cut = k;
      }
    }
    if (cut == 0 && (orig == 0 || (e.flags == 0 && orig <= kMaxWeakEvidence)) && lw.size() >= 5) {
      // The word "i" run onto a word ("udgangspunkti", "isamme"): the most
      // frequent merge; the rest need only be a word the corpus or the web
      // list knows. Also when the word as read is only a compound the
      // tables lack ("kontori": kontor+i is no compound anyone writes).
      // When hunspell-da rejects the word whole, a compound of attested
      // words the tables lack counts too ("radiuslinjeri"), when it accepts
      // that.
      auto word_ok = [&](std::u32string_view part) {
        std::string pl = ToUtf8(part);
        Lexicon::Entry ep = lex_.Lookup(pl);
        if (ep.flags & kKnown) return Evidence(ep.flags, ep.count) >= 1;
        return orig == 0 && part.size() >= 2 * kMinCompoundPart && !(ep.flags & (kLexForeign | kLexEnglish)) &&
               CompoundEvidence(pl) >= kCompoundFactor && lex_.Accepts(pl);
      };
      std::u32string_view v(lw);
      if (lw.back() == U'i' && word_ok(v.substr(0, lw.size() - 1))) cut = lw.size() - 1;
      else if (lw[0] == U'i' && word_ok(v.substr(1))) cut = 1;
      // ... or at both ends ("Iregnearketi": "I regnearket i").
      else if (lw.size() >= 7 && lw[0] == U'i' && lw.back() == U'i' && word_ok(v.substr(1, lw.size() - 2)))
        return word.substr(0, 1) + U" " + word.substr(1, word.size() - 2) + U" " + word.substr(word.size() - 1);
    }
    if (cut == 0) return {};
    return word.substr(0, cut) + U" " + word.substr(cut);
  }

  // Whether the tables hold `text` (any case) whole: a dictionary, corpus or
  // domain word, not only a compound of them.
  bool Stored(const std::u32string& text) const { return LookupCandidate(text).flags & kKnown; }

  // "praeformaterede", "afggrer": a word no table knows (not even as an
  // English or foreign word), that hunspell-da rejects, and that shows a
  // strong sign of damage cannot stand as read (IsUnknown); a guess
  // hunspell-da accepts is better than leaving it. Both verdicts are cached.
  bool CannotStand(const std::u32string& word, const std::u32string& guess) {
    if (guess.empty() || !HasStrongDamageSign(word)) return false;
    return IsUnknown(LowerUtf8(word)) && !IsUnknownUncached(LowerUtf8(guess));
  }

  // "kKommandoer" -> "kommandoer": a lower-case letter read a second time as
  // its capital. Only when the word is no word and the rest is one.
  std::u32string Undouble(const std::u32string& word) {
    if (word.size() < 4 || !IsLower(word[0]) || word[1] != ToUpper(word[0]) || word[1] == word[0]) return {};
    for (size_t i = 2; i < word.size(); ++i)
      if (!IsLower(word[i])) return {};
    std::u32string out = word.substr(0, 1) + word.substr(2);
    if (!IsUnknown(LowerUtf8(word)) || !(lex_.Flags(LowerUtf8(out)) & kKnown)) return {};
    return out;
  }

  // "sikkerhedskonsutenter" -> "sikkerhedskonsulenter": a long word of the
  // notes' own subject (the domain list) with one letter misread, lost or
  // one too many inside it, as thin print gives. Only when no table holds
  // the word (hunspell-da's compounding may accept the slip: "konsu" +
  // "tenter"), the slip is at least three letters from either end (an
  // ending is grammar, not a slip: "sikkerhedskonsulenters" stays), and
  // exactly one domain word is that near.
  std::u32string NearDomainWord(const std::u32string& word) {
    constexpr size_t kMinLetters = 12;
    if (word.size() < kMinLetters || !std::all_of(word.begin(), word.end(), IsLower)) return {};
    if (LookupCandidate(word).flags & (kKnown | kLexForeign | kLexEnglish)) return {};
    return Memo(Caches().near_domain, word, [&] { return NearDomainWordUncached(word); });
  }

  std::u32string NearDomainWordUncached(const std::u32string& word) const {
    constexpr size_t kKeepEnds = 3;
    std::u32string found;
    int matches = 0;
    auto consider = [&](std::u32string text) {
      if (!(LookupCandidate(text).flags & kLexDomain) || text == found) return;
      found = std::move(text);
      ++matches;
    };
    for (size_t i = kKeepEnds; i + kKeepEnds < word.size(); ++i) {
      // No word begins as the word does up to the slip: none at i or later.
      if (keyed_ && !lex_.MayBePrefix(LowerKey(std::u32string_view(word).substr(0, i)))) break;
      consider(word.substr(0, i) + word.substr(i + 1));  // a letter too many
      for (char32_t c : std::u32string_view(U"abcdefghijklmnopqrstuvwxyzæøå")) {
        consider(word.substr(0, i) + c + word.substr(i));  // a letter lost
        if (c != word[i]) consider(word.substr(0, i) + c + word.substr(i + 1));  // misread
      }
    }
    return matches == 1 ? found : std::u32string();
  }

  // "kombinationeme" -> "kombinationerne": r and n run together into an m.
  // Only when the word is no word and the reading is a dictionary form or
  // one the corpus has seen kGeneralMinCount times (the likeliest, when
  // several m's could be).
  std::u32string RnForM(const std::u32string& word) {
    if (word.size() < 4 || word.find(U'm', 1) == std::u32string::npos) return {};
    for (size_t i = 1; i < word.size(); ++i)
      if (!IsLower(word[i])) return {};
    if (!IsUnknown(LowerUtf8(word))) return {};
    std::u32string best;
    double best_evidence = 0;
    for (size_t i = 1; i < word.size(); ++i) {
      if (word[i] != U'm') continue;
      std::u32string out = word.substr(0, i) + U"rn" + word.substr(i + 1);
      Lexicon::Entry e = lex_.Lookup(LowerUtf8(out));
      if (!(e.flags & kLexListed) && !((e.flags & kKnown) && e.count >= kGeneralMinCount)) continue;
      double evidence = Evidence(e.flags, e.count);
      if (evidence > best_evidence) {
        best = std::move(out);
        best_evidence = evidence;
      }
    }
    return best;
  }

  // Forgets decisions made with another document model.
  void ClearCache() { cache_.clear(); }

  // `looked_up`: LookupCandidate(word), when the caller has it.
  Decision Decide(const std::u32string& word, const WordContext& ctx, const DocModel& doc,
                  const Lexicon::Entry* looked_up = nullptr) {
    if (word.size() < 2 || word.size() > kMaxWordLength || (!HasConfusable(word) && !NoVowel(word))) return {};
    if (IsCamelCase(word)) return {};
    Lexicon::Entry entry = looked_up != nullptr ? *looked_up : LookupCandidate(word);
    // ... unless a dictionary word of three letters or more ("KILDE til MAL").
    if (IsAcronym(word) && !ctx.capitals_text && (word.size() < 3 || !(entry.flags & kLexListed))) return {};
    uint32_t flags = entry.flags;
    bool known = flags & kKnown;
    // Most words: no string built.
    if (known && !(flags & kLexHasVariant) && !Unseen(entry)) return {};
    if (!known && ctx.continuation) return {};  // a piece, not a word: nothing to judge
    if (known) {
      // Most such words ("og", "at", "der") are far more frequent than any
      // reading: no context could change them.
      const std::u32string& key = KeyOf(change_key_, word, ctx, false);
      auto& can_change = Caches().can_change;
      auto it = can_change.find(key);
      if (it == can_change.end()) {
        if (can_change.size() > 100000) can_change.clear();
        it = can_change.emplace(key, CanChange(word, LowerUtf8(word), flags, ctx)).first;
      }
      if (!it->second) return {};
      return DecideUncached(word, LowerUtf8(word), flags, ctx, doc);
    }
    // Without a real word to weigh, context does not enter: cache by word.
    const std::u32string& key = KeyOf(decide_key_, word, ctx, true);
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    Decision d = DecideUncached(word, LowerUtf8(word), flags, ctx, doc);
    if (cache_.size() > 100000) cache_.clear();
    cache_.emplace(key, d);
    return d;
  }

  // A cache key: the word and what of its context its readings depend on,
  // built in `buf` (kept, so that a lookup allocates nothing).
  static const std::u32string& KeyOf(std::u32string& buf, const std::u32string& word, const WordContext& ctx,
                                     bool position) {
    buf.assign(word);
    buf.push_back(ctx.sentence_start ? U'1' : U'0');
    if (position) {
      buf.push_back(ctx.piece ? U'1' : U'0');
      buf.push_back(ctx.compound_head ? U'1' : U'0');
    }
    return buf;
  }

  // `options` with the search leaving readings no word begins like (when
  // the lexicon can tell).
  ConfusionOptions Pruned(ConfusionOptions options) const {
    options.may_be_prefix = [](const void* lex, uint64_t key) {
      return static_cast<const Lexicon*>(lex)->MayBePrefix(key);
    };
    options.prefix_context = &lex_;
    return options;
  }

  // A dictionary word the corpus has never seen (and not of the notes'
  // domain): it may be a letter slip of a common word ("pet" for "pct"), so
  // its general readings are weighed too.
  static bool Unseen(const Lexicon::Entry& e) { return (e.flags & kKnown) && e.count == 0 && !(e.flags & kLexDomain); }

  // The general readings (one general letter slip) of a dictionary word
  // the corpus has never seen, when they are words the corpus has seen
  // kGeneralMinCount times.
  template <typename Fn>
  void ForEachUnseenReading(const std::u32string& word, const WordContext& ctx, Fn fn) const {
    ConfusionOptions opt;
    opt.sentence_start = ctx.sentence_start;
    opt.general = true;
    opt.max_edits = 1;
    ForEachCandidate(word, Pruned(opt), [&](const Candidate& c) {
      if (!IsGeneralEdit(c.edits.front())) return;
      Lexicon::Entry ce = LookupCandidate(c);
      if ((ce.flags & kKnown) && ce.count >= kGeneralMinCount) fn(c, ce);
    });
  }

  // Whether some reading of the real word `word` could, with the most
  // favourable context and document, be more probable than the word itself.
  bool CanChange(const std::u32string& word, const std::string& lower, uint32_t flags,
                 const WordContext& ctx) const {
    uint64_t count = lex_.Frequency(lower);
    double orig = std::log(Evidence(flags, count));
    // Context moves each side by at most kMaxStrongContextGain (the word as
    // read loses that much only beside a strong pair, which no rival this
    // far behind has: bounded as before, so that frequent words stay cheap);
    // an English word is read as itself more readily.
    const double swing = kMaxContextGain + kMaxStrongContextGain + ((flags & kLexEnglish) ? std::log(kEnglishReadingBias) : 0);
    bool can = false;
    ConfusionOptions opt;
    opt.sentence_start = ctx.sentence_start;
    ForEachCandidate(word, Pruned(opt), [&](const Candidate& c) {
      if (can) return;
      Lexicon::Entry e = LookupCandidate(c);
      if ((e.flags & kKnown) && std::log(Evidence(e.flags, e.count)) + swing > orig) can = true;
    });
    if (!can && Unseen(Lexicon::Entry{count, flags}))
      ForEachUnseenReading(word, ctx, [&](const Candidate&, const Lexicon::Entry& e) {
        if (std::log(Evidence(e.flags, e.count)) + swing > orig) can = true;
      });
    return can;
  }

  // What the lexicon says about a word and its readings, independent of
  // context and document: computed once per word form.
  struct Scored {
    Candidate cand;
    std::string lower;
    double evidence = 0;
    bool compound_only = false;
    mutable int8_t accepted = -1;  // lex_.Accepts(lower), once asked (-1: not yet)
  };
  // A compound reading whose parts the corpus attests enough to be the
  // better guess than any reading only hunspell-da accepts (kGuessCompoundShare).
  static bool PartsAttested(const Scored& s) { return s.evidence >= kGuessCompoundShare * kCompoundFactor; }
  bool Accepted(const Scored& s) const {
    if (s.accepted < 0) s.accepted = lex_.Accepts(s.lower) ? 1 : 0;
    return s.accepted == 1;
  }
  struct Analysis {
    std::vector<Scored> cands;  // readings that are words; compounds only when none is
    double orig_evidence = 0;   // 0: no lexicon knows the word as it stands
    bool orig_weak = false;     // known only as a compound or a foreign corpus word
    bool orig_accepted = false; // hunspell accepts it (asked only when nothing else is known)
    std::optional<Candidate> hunspell_guess;  // when no reading is a word: one hunspell's rules accept
  };

  const Analysis& Analyze(const std::u32string& word, const std::string& lower, uint32_t flags,
                          const WordContext& ctx) {
    const std::u32string& key = KeyOf(analyze_key_, word, ctx, true);
    auto& analyses = Caches().analyses;
    auto it = analyses.find(key);
    if (it != analyses.end()) return it->second;
    Analysis a = AnalyzeUncached(word, lower, flags, ctx);
    if (analyses.size() > 50000) analyses.clear();
    return analyses.emplace(key, std::move(a)).first->second;
  }

  Analysis AnalyzeUncached(const std::u32string& word, const std::string& lower, uint32_t flags,
                           const WordContext& ctx) const {
    Analysis a;
    bool known = flags & kKnown;
    tail_memo_.clear();
    ConfusionOptions opt;
    opt.sentence_start = ctx.sentence_start;
    // Readings no table knows, for the compound search below when nothing
    // else explains the word: the kMaxCompoundReadings likeliest, kept in a
    // heap whose front is the least likely.
    constexpr size_t kMaxCompoundReadings = 64;
    const bool want_compounds = !known && !ctx.piece;
    auto likelier = [](const Candidate& x, const Candidate& y) { return x.log_channel > y.log_channel; };
    std::vector<Candidate> compound_pool;
    // First the readings that are words: the search leaves a reading as
    // soon as no word begins like it.
    ForEachCandidate(word, Pruned(opt), [&](const Candidate& c) {
      Lexicon::Entry ce = LookupCandidate(c);
      if (ce.flags & kKnown) {
        a.cands.push_back(Scored{c, LowerUtf8(c.text), Evidence(ce.flags, ce.count), false});
      } else if (ctx.compound_head && (ce.flags & kLexCompoundBegin)) {
        a.cands.push_back(Scored{c, LowerUtf8(c.text), static_cast<double>(ce.count) + kListedPseudoCount, false});
      }
    });
    // Then, when none is, every reading, for the compound search.
    ConfusionOptions all = Pruned(opt);
    all.min_log_channel = kCompoundMinLogChannel;
    all.may_be_word = [](const void* lex, uint64_t key) { return static_cast<const Lexicon*>(lex)->MayBeWord(key); };
    all.min_part = static_cast<int>(kMinShortPart);
    // A reading that keeps an @ or a ¢ is no word: it takes no place there.
    const bool has_sign = word.find_first_of(U"@¢") != std::u32string::npos;
    if (a.cands.empty() && want_compounds) ForEachCandidate(word, all, [&](const Candidate& c) {
      if (has_sign && c.text.find_first_of(U"@¢") != std::u32string::npos) return;
      Lexicon::Entry ce = LookupCandidate(c);
      if (!(ce.flags & kKnown) && !(ce.flags & kLexForeign)) {
        if (compound_pool.size() < kMaxCompoundReadings) {
          compound_pool.push_back(c);
          std::push_heap(compound_pool.begin(), compound_pool.end(), likelier);
        } else if (c.log_channel > compound_pool.front().log_channel) {
          std::pop_heap(compound_pool.begin(), compound_pool.end(), likelier);
          compound_pool.back() = c;
          std::push_heap(compound_pool.begin(), compound_pool.end(), likelier);
        }
      }
    });
    // General letter confusions only for a word no lexicon knows and no
    // Danish confusion explains, and only towards words the corpus has seen.
    // (An "English" word with no vowel is no word either: "brn", "vlg".)
    if (a.cands.empty() && !known && !(flags & kLexForeign) && (!(flags & kLexEnglish) || NoVowel(word))) {
      opt.general = true;
      opt.max_edits = 2;  // one general slip and at most one Danish letter
      opt.max_candidates = 1000;
      ForEachCandidate(word, Pruned(opt), [&](const Candidate& c) {
        if (!std::any_of(c.edits.begin(), c.edits.end(), IsGeneralEdit)) return;
        Lexicon::Entry ce = LookupCandidate(c);
        if ((ce.flags & kKnown) && ce.count >= kGeneralMinCount)
          a.cands.push_back(Scored{c, LowerUtf8(c.text), Evidence(ce.flags, ce.count), false});
      });
      // A Danish letter the OCR dropped outright ("brn", "forlb", "Sgning").
      bool caps = word.size() > 1 && std::none_of(word.begin(), word.end(), IsLower);
      std::u32string text;
      text.reserve(word.size() + 1);
      for (size_t pos = 0; pos <= word.size(); ++pos) {
        for (char32_t letter : {U'æ', U'ø', U'å'}) {
          if (caps || (pos == 0 && ctx.sentence_start)) letter = ToUpper(letter);
          text.assign(word, 0, pos);
          text.push_back(letter);
          text.append(word, pos);
          Lexicon::Entry ce = LookupCandidate(text);
          if (!(ce.flags & kKnown) || ce.count < kGeneralMinCount) continue;
          Candidate c;
          c.text = text;
          c.edits.push_back(Edit{static_cast<int>(pos), 0, letter, "ocr:lost-letter", kLogLostLetter});
          c.log_channel = kLogLostLetter;
          a.cands.push_back(Scored{std::move(c), LowerUtf8(text), Evidence(ce.flags, ce.count), false});
        }
      }
    }
    if (Unseen(Lexicon::Entry{lex_.Frequency(lower), flags}))
      ForEachUnseenReading(word, ctx, [&](const Candidate& c, const Lexicon::Entry& e) {
        a.cands.push_back(Scored{c, LowerUtf8(c.text), Evidence(e.flags, e.count), false});
      });
    if (known) {
      a.orig_evidence = Evidence(flags, lex_.Frequency(lower));
    } else if (flags & kLexForeign) {
      a.orig_evidence = static_cast<double>(lex_.Frequency(lower));
      a.orig_weak = true;
    }
    if (!known && (flags & kLexEnglish)) {
      // An English word in Danish text (a term, a command) keeps a prior.
      a.orig_evidence = std::max(a.orig_evidence, kEnglishEvidence);
      a.orig_weak = true;
    } else if (!known && !(flags & kLexForeign)) {
      double ce = CompoundEvidence(lower);
      // hunspell-da must accept it, unless its parts are well attested
      // (kAttestedCompound: "store"+"kommuner", whose head hunspell-da's
      // rules will not begin a compound with, but "støre" would).
      if (ce > 0 && (ce >= kAttestedCompound || lex_.Accepts(lower))) {
        // A compound nobody has seen whole ("ser"+"lig") counts at most as
        // much as a dictionary word nobody has seen.
        // ... and less than that when it shows damage Danish spelling all
        // but never has ("treeets": "tre" + "eets" is no likelier than træets).
        a.orig_evidence = std::min(ce, kMaxWeakEvidence);
        if (HasStrongDamageSign(word)) a.orig_evidence *= kDamageSignFactor;
        a.orig_weak = true;
      }
    }
    if (a.cands.empty() && want_compounds) {
      // Only compounds can explain it: score the likeliest readings, likeliest first.
      std::sort_heap(compound_pool.begin(), compound_pool.end(), likelier);
      for (const Candidate& c : compound_pool) {
        std::string cl = LowerUtf8(c.text);
        double e = CompoundEvidence(cl);
        if (e > 0) a.cands.push_back(Scored{c, std::move(cl), e, true});
      }
      // None has parts the corpus attests enough: the likeliest that
      // hunspell-da's rules accept (of the few likeliest) is a guess worth
      // showing, and a repair only when the word cannot stand as read
      // (CannotStand).
      constexpr size_t kMaxGuessReadings = 8;
      if (std::none_of(a.cands.begin(), a.cands.end(), PartsAttested))
        for (size_t i = 0; i < compound_pool.size() && i < kMaxGuessReadings; ++i)
          if (lex_.Accepts(LowerUtf8(compound_pool[i].text))) {
            a.hunspell_guess = compound_pool[i];
            break;
          }
    }
    if (a.cands.empty() && !known && a.orig_evidence <= 0) a.orig_accepted = lex_.Accepts(lower);
    return a;
  }

  Decision DecideUncached(const std::u32string& word, const std::string& lower, uint32_t flags,
                          const WordContext& ctx, const DocModel& doc) {
    Decision d;
    bool known = flags & kKnown;
    const Analysis& a = Analyze(word, lower, flags, ctx);
    if (a.cands.empty()) {
      d.undecided = !known && a.orig_evidence <= 0 && !a.orig_accepted && (LooksDamaged(word) || a.hunspell_guess);
      if (d.undecided && a.hunspell_guess) {
        d.guess = a.hunspell_guess->text;
        d.guess_edits = a.hunspell_guess->edits;
      }
      return d;
    }
    bool real_word = known;
    bool strong = false;  // a reading the pairs strongly favour over the word as read
    std::vector<double> score(a.cands.size());
    std::vector<size_t> order(a.cands.size());
    for (size_t i = 0; i < a.cands.size(); ++i) {
      const Scored& s = a.cands[i];
      order[i] = i;
      score[i] = doc.LogChannel(s.cand.edits) +
                 (real_word ? ContextLog(s.lower, s.evidence, ctx, &lower, &strong) : std::log(s.evidence / n_)) +
                 doc.CacheLog(s.lower, s.evidence / n_, lower);
      if (real_word) {
        score[i] += std::log(doc.p_damaged);
        // Capped so that the channel stays a probability.
        if (flags & kLexEnglish) score[i] += std::min(std::log(kEnglishReadingBias), -doc.LogChannel(s.cand.edits));
        auto it = doc.seen.find(s.lower);
        if (it != doc.seen.end() && !it->second.count(lower)) score[i] += std::log(kSeenOtherwisePenalty);
      }
    }
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return score[x] > score[y]; });
    // A compound-only reading needs hunspell-da's consent or parts that are
    // both attested in the corpus (hunspell's compound flags miss many real
    // compounds, and accept junk, so neither alone decides).
    size_t first = 0;
    while (first < order.size() && a.cands[order[first]].compound_only &&
           a.cands[order[first]].evidence < kCompoundFactor && !Accepted(a.cands[order[first]]))
      ++first;
    if (first == order.size()) {
      d.undecided = !known && a.orig_evidence <= 0;
      const Scored& weak = a.cands[order[0]];
      if (d.undecided && a.hunspell_guess) {
        d.guess = a.hunspell_guess->text;
        d.guess_edits = a.hunspell_guess->edits;
      } else if (d.undecided && PartsAttested(weak)) {
        d.guess = weak.cand.text;  // hunspell-da rejects it: shown, never taken (CannotStand)
        d.guess_edits = weak.cand.edits;
      }
      return d;
    }
    const Scored& best = a.cands[order[first]];
    double best_score = score[order[first]];
    // A word no lexicon knows may still be right as it stands (a technical
    // term, a name): it keeps a small pseudo-count, so only a reading with
    // real evidence replaces it ("smarthost" does not become "smarthøst").
    bool orig_unknown = a.orig_evidence <= 0;
    // ... but no Danish word has an @ in it, and few a z or an "ae".
    double orig_evidence = !orig_unknown                             ? a.orig_evidence
                           : word.find(U'@') != std::u32string::npos ? kUnknownEvidence * 1e-6
                           : HasDanishDamageSign(word)               ? kUnknownEvidence * kDamageSignFactor
                                                                     : kUnknownEvidence;
    double orig_score = real_word ? ContextLog(lower, orig_evidence, ctx, nullptr, nullptr, strong) : std::log(orig_evidence / n_);
    double margin = best_score - orig_score;
    double need = real_word ? std::log(kRealWordRatio) : a.orig_weak ? std::log(kWeakWordRatio) : 0;
    // Confidence: the best reading's share among all readings and the original.
    double total = 0;
    for (size_t i = first; i < order.size(); ++i) total += std::exp(score[order[i]] - best_score);
    total += std::exp(std::max(-700.0, orig_score - best_score));
    double conf = 1.0 / total;
    if (margin > need) {
      d.change = true;
      d.text = best.cand.text;
      // A capital A read as lower-case å keeps its capital on a name ("Arhus"
      // is "Århus", not "århus").
      if (!best.cand.edits.empty() && best.cand.edits.front().pos == 0 && best.cand.edits.front().to == U'å' &&
          IsUpper(word[0]) && (OftenCapitalised(best.lower) || lex_.OnlyCapitalised(best.lower)))
        d.text[0] = ToUpper(d.text[0]);
      d.edits = best.cand.edits;
      d.confidence = conf;
    } else if ((margin > 0 && (!real_word || doc.p_damaged >= 0.5)) || orig_unknown) {
      d.undecided = true;
      d.guess = best.cand.text;
      d.guess_edits = best.cand.edits;
      d.confidence = conf;
    }
    return d;
  }


 private:
  const Lexicon& lex_;
  bool keyed_ = false;
  double n_ = 1;
  double commas_ = 0;  // words after a comma in the corpus (0: the tables do not tell)
  double before_commas_ = 0, before_ends_ = 0;  // words before a comma, before a sentence end
  double clauses_ = 0;  // words before a clause (ContextLog)
  std::unordered_map<std::u32string, Decision> cache_;  // this document's decisions
  std::u32string change_key_, decide_key_, analyze_key_;  // KeyOf() buffers, one per cache
  mutable std::unordered_map<uint64_t, double> tail_memo_;  // by LexiconKey of the tail and depth

  // What the lexicon alone says about a word form, whatever the document
  // and the neighbours: kept per thread for as long as the thread repairs
  // with one lexicon, so that a batch works out each word form once.
  // Deterministic: each entry is a function of the word and the lexicon.
  struct WordCaches {
    uint64_t lexicon = 0;  // Lexicon::Instance() of the tables these came from
    std::unordered_map<std::u32string, bool> can_change;
    std::unordered_map<std::u32string, std::u32string> split;
    std::unordered_map<std::u32string, std::u32string> near_domain;
    std::unordered_map<std::string, bool, StringHash, std::equal_to<>> unknown;
    std::unordered_map<std::u32string, Analysis> analyses;
  };
  WordCaches& Caches() const {
    thread_local WordCaches caches;
    if (caches.lexicon != lex_.Instance()) {
      caches = WordCaches{};
      caches.lexicon = lex_.Instance();
    }
    return caches;
  }
};

// A word of a line: code point range [begin, end).
struct Tok {
  size_t line = 0;  // index into the page's lines
  size_t begin = 0, end = 0;
  bool skip = false;        // part of a URL, e-mail, or touching digits
  bool sentence_start = false;
  bool joined_prev = false;  // only spaces (or a line break) since the previous word
  bool hyphen_end = false;   // followed by '-' ending its line: a word's first piece
  bool continuation = false; // may be the rest of a word hyphenated before it (line
                             // start after a line ending in '-', or a later page's first word)
};

bool Blank(const std::u32string& s) { return s.find_first_not_of(U" \t") == std::u32string::npos; }

// The line ends in a letter and '-' (spaces after it allowed).
bool EndsInHyphen(const std::u32string& s) {
  size_t e = s.size();
  while (e > 0 && (s[e - 1] == U' ' || s[e - 1] == U'\t')) --e;
  return e >= 2 && s[e - 1] == U'-' && IsLetter(s[e - 2]);
}

// `first_page`: no page before this one ends in a line-end hyphen, so its
// first word continues nothing.
void MarkPieces(const std::vector<std::u32string>& lines, bool first_page, std::vector<Tok>& toks) {
  for (size_t k = 0; k < toks.size(); ++k) {
    Tok& t = toks[k];
    const std::u32string& s = lines[t.line];
    size_t e = t.end;
    if (e < s.size() && s[e] == U'-' && EndsInHyphen(s) && s.find_first_not_of(U" \t", e + 1) == std::u32string::npos)
      t.hyphen_end = true;
    bool line_start = s.find_first_not_of(U" \t") == t.begin;
    if (!line_start || !IsLower(s[t.begin])) continue;
    if (k == 0) {
      t.continuation = !first_page;
      continue;
    }
    size_t li = t.line;
    while (li > 0 && Blank(lines[li - 1])) --li;
    if (li > 0 && EndsInHyphen(lines[li - 1])) t.continuation = true;
  }
}

// Widens [b, e) of `s` to the whitespace-delimited chunk around it.
void WidenToChunk(const std::u32string& s, size_t& b, size_t& e) {
  while (b > 0 && s[b - 1] != U' ' && s[b - 1] != U'\t') --b;
  while (e < s.size() && s[e] != U' ' && s[e] != U'\t') ++e;
}

// An all-capitals chunk of at least five characters around position i (Æ
// read as "/E", "A/" or "A:" in "M/ERKAT", "MA/RKE", "AFSA:T"; "A/S" is not).
bool InCapitalsChunk(const std::u32string& s, size_t i) {
  size_t b = i, e = i;
  WidenToChunk(s, b, e);
  while (e > b && !IsLetter(s[e - 1])) --e;  // trailing punctuation
  while (b < e && !IsLetter(s[b])) ++b;
  if (e - b < 5) return false;
  int marks = 0;
  for (size_t k = b; k < e; ++k) {
    if (s[k] == U'/' || s[k] == U':') ++marks;
    else if (!IsUpper(s[k])) return false;
  }
  return marks == 1;
}

bool IsDigit(char32_t c) { return c >= U'0' && c <= U'9'; }

// A zero inside a word in capitals, read for an Ø ("ST0RRELSE", "0STRIG"):
// its whitespace-delimited chunk (less punctuation around it) holds only
// capitals and single zeros, at least three capitals, and a capital beside
// this zero.
bool InCapitalsWithZero(const std::u32string& s, size_t i) {
  size_t b = i, e = i;
  WidenToChunk(s, b, e);
  while (e > b && !IsLetter(s[e - 1]) && s[e - 1] != U'0') --e;
  while (b < e && !IsLetter(s[b]) && s[b] != U'0') ++b;
  int capitals = 0;
  for (size_t k = b; k < e; ++k) {
    if (IsUpper(s[k])) ++capitals;
    else if (s[k] != U'0' || (k > b && s[k - 1] == U'0')) return false;
  }
  return capitals >= 3 && ((i > b && IsUpper(s[i - 1])) || (i + 1 < e && IsUpper(s[i + 1])));
}

// A quotation mark that opens a quotation: " “ „ « ».
bool IsOpeningQuote(char32_t c) { return c == U'"' || c == 0x201C || c == 0x201E || c == U'«' || c == U'»'; }

// What may stand before a word, and after it: space, brackets, quotes, and
// after it also punctuation ("(0g", "0g," but not "10.0g").
bool IsWordOpening(char32_t c) { return c == U' ' || c == U'\t' || c == U'(' || IsOpeningQuote(c); }
bool IsWordClosing(char32_t c) {
  return c == U' ' || c == U'\t' || c == U')' || c == U'"' || c == U',' || c == U'.' || c == U';' || c == U'!' ||
         c == U'?' || c == U':' || c == 0x201D || c == U'«' || c == U'»';
}

bool IsWordChar(const std::u32string& s, size_t i) {
  char32_t c = s[i];
  if (IsLetter(c)) return true;
  if (c == U'0') return InCapitalsWithZero(s, i);
  if ((c == U'/' || c == U':') && i > 0 && i + 1 < s.size() && IsUpper(s[i - 1]) && IsUpper(s[i + 1]) &&
      ((c == U'/' && (s[i - 1] == U'A' || s[i + 1] == U'E')) || (c == U':' && s[i - 1] == U'A')))
    return InCapitalsChunk(s, i);
  // Æ read as A' (or A’, A‘) or A: at the start of a lower-case word ("A'ndringer").
  if ((c == U'\'' || c == U'\u2018' || c == U'\u2019' || c == U':') && i > 0 && s[i - 1] == U'A' &&
      (i == 1 || !IsLetter(s[i - 2])) && i + 2 < s.size() && IsLower(s[i + 1]) && IsLower(s[i + 2]))
    return true;
  if (c == U'@') {
    // ø read as @: inside a word, or starting one (e-mail addresses are
    // skipped as URLs).
    bool before = i > 0 && IsLetter(s[i - 1]);
    bool after = i + 1 < s.size() && IsLetter(s[i + 1]);
    bool starts = i == 0 || s[i - 1] == U' ' || s[i - 1] == U'\t' || s[i - 1] == U'(' || s[i - 1] == U'"';
    return after && (before || starts);
  }
  // ø (or g) read as ¢: after a letter ("o¢"), or starting a word of
  // letters ("¢get").
  if (c == U'¢') {
    if (i > 0 && IsLetter(s[i - 1])) return true;
    bool starts = i == 0 || IsWordOpening(s[i - 1]);
    return starts && i + 1 < s.size() && IsLower(s[i + 1]);
  }
  return false;
}


// The whitespace-delimited chunk around [b, e) looks like a URL or address.
bool InUrl(const std::u32string& s, size_t b, size_t e) {
  size_t cb = b, ce = e;
  WidenToChunk(s, cb, ce);
  std::u32string_view chunk = std::u32string_view(s).substr(cb, ce - cb);
  // Every kind below has a '.', ':' or '@' (most words none).
  if (std::none_of(chunk.begin(), chunk.end(), [](char32_t c) { return c == U'.' || c == U':' || c == U'@'; }))
    return false;
  if (chunk.find(U"://") != std::u32string_view::npos || chunk.find(U"www.") != std::u32string_view::npos) return true;
  size_t at = chunk.find(U'@');
  if (at != std::u32string_view::npos && at > 0 && IsLetter(chunk[at - 1])) {
    size_t dot = chunk.find(U'.', at);
    if (dot != std::u32string_view::npos && dot + 1 < chunk.size() && IsLetter(chunk[dot + 1])) return true;
  }
  // dotted names like example.dk, file.txt: a dot between letters
  for (size_t i = 1; i + 1 < chunk.size(); ++i)
    if (chunk[i] == U'.' && IsLetter(chunk[i - 1]) && IsLetter(chunk[i + 1]) && IsLower(chunk[i + 1])) return true;
  return false;
}

// The | at s[i] opens its line, a word follows it, and no other | is on the
// line (no table row): the word "I" read so ("| løbet af året"), after
// which no sentence starts.
bool PipeIsTheWordI(const std::u32string& s, size_t i) {
  if (s.find_first_not_of(U" \t") != i || s.find(U'|', i + 1) != std::u32string::npos) return false;
  size_t next = s.find_first_not_of(U" \t", i + 1);
  return next != std::u32string::npos && next > i + 1 && IsLetter(s[next]);
}

// `sentence_start`: whether the first word may start a sentence (not when
// the page before ended inside one).
void Tokenize(const std::vector<std::u32string>& lines, std::vector<Tok>& toks, bool sentence_start = true) {
  bool gap_ok = false;
  for (size_t li = 0; li < lines.size(); ++li) {
    const std::u32string& s = lines[li];
    bool blank = true;
    for (char32_t c : s)
      if (c != U' ' && c != U'\t') blank = false;
    if (blank) {
      sentence_start = true;
      gap_ok = false;
      continue;
    }
    size_t i = 0;
    while (i < s.size()) {
      if (IsWordChar(s, i)) {
        size_t b = i;
        while (i < s.size() && IsWordChar(s, i)) ++i;
        Tok t;
        t.line = li;
        t.begin = b;
        t.end = i;
        // A quotation starts with a capital too ("Åbn"-dialogen).
        t.sentence_start = sentence_start || (b > 0 && IsOpeningQuote(s[b - 1]));
        t.joined_prev = gap_ok;
        t.skip = (b > 0 && IsDigit(s[b - 1])) || (i < s.size() && IsDigit(s[i])) || InUrl(s, b, i);
        toks.push_back(t);
        sentence_start = false;
        gap_ok = true;
        continue;
      }
      char32_t c = s[i];
      if (c == U' ' || c == U'\t') {
        ++i;
        continue;
      }
      if (IsSentenceEnd(c)) sentence_start = true;
      else if (c == U'|' && sentence_start && PipeIsTheWordI(s, i)) sentence_start = false;
      else if (!(c == U'"' || c == U'(' || c == U'\'' || c == U'«' || c == U'»' || c == 0x201C || c == 0x201D ||
                 c == 0x2013 || c == U'-'))
        sentence_start = sentence_start && (c == U'|');
      gap_ok = false;
      ++i;
    }
  }
}

std::vector<std::string> SplitSpaces(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t b = s.find_first_not_of(" \t", i);
    if (b == std::string::npos) break;
    size_t e = s.find_first_of(" \t", b);
    if (e == std::string::npos) e = s.size();
    out.push_back(s.substr(b, e - b));
    i = e;
  }
  return out;
}

// Keeps a line's word boxes in step with its repaired text when the words
// still correspond one to one (the OCR words are the line's
// space-separated tokens); otherwise the boxes keep their OCR text.
void UpdateWords(const std::string& before, const std::string& after, std::vector<Word>& words) {
  if (words.empty()) return;
  std::vector<std::string> b = SplitSpaces(before), a = SplitSpaces(after);
  if (b.size() != words.size() || a.size() != b.size()) return;
  for (size_t i = 0; i < words.size(); ++i)
    if (words[i].text == b[i]) words[i].text = a[i];
}

std::string RuleOf(const std::vector<Edit>& edits) {
  std::vector<std::string> rules;
  for (const Edit& e : edits)
    if (std::find(rules.begin(), rules.end(), e.rule) == rules.end()) rules.push_back(e.rule);
  std::string out;
  for (const std::string& r : rules) out += (out.empty() ? "" : "+") + r;
  return out;
}

// Applies `edits` (positions relative to `offset` in the joined word) that
// fall inside [offset, offset + text.size()) to `text`.
std::u32string ApplyEdits(const std::u32string& text, const std::vector<Edit>& edits, size_t offset,
                          std::vector<Edit>* used) {
  std::u32string out;
  size_t pos = 0;
  for (const Edit& e : edits) {
    if (e.pos < static_cast<int>(offset) || e.pos + e.len > static_cast<int>(offset + text.size())) continue;
    size_t p = e.pos - offset;
    out.append(text, pos, p - pos);
    out.push_back(e.to);
    pos = p + e.len;
    if (used) used->push_back(e);
  }
  out.append(text, pos, std::u32string::npos);
  return out;
}

struct Replacement {
  size_t line = 0;
  size_t begin = 0, end = 0;  // code points in the original line
  std::u32string text;
  Correction correction;
  std::vector<Edit> edits;  // the confusion substitutions behind it, if any
};

bool IsConjunction(const std::string& w) { return w == "og" || w == "eller" || w == "samt"; }

struct PageRepair {
  Repairer& rep;
  const Lexicon& lex;
  const RepairOptions& options;
  const Page& page;
  const DocModel& doc;
  bool collect_only = false;  // first pass: decide only words that are not Danish as they stand
  bool assess = false;        // count lexicon hits (AssessText)
  bool after_hyphen = false;  // the previous page ends in a hyphenated word's first piece
  bool mid_sentence = false;  // the previous page ends inside a sentence
  std::vector<std::u32string> lines;
  std::vector<Tok> toks;
  std::vector<Replacement> repl;
  std::vector<Correction> undecided;
  int words = 0, hits = 0, changed = 0;
  int intact_special = 0;  // words with æ, ø, å as read

  Correction MakeCorrection(size_t line, size_t col, std::u32string_view before, std::u32string_view after,
                            std::string rule, double conf) const {
    Correction c;
    c.page = page.number;
    c.line = page.lines[line].number;
    c.column = static_cast<int>(col) + 1;
    c.before = ToUtf8(before);
    c.after = ToUtf8(after);
    c.rule = std::move(rule);
    c.confidence = std::round(conf * 1000) / 1000;
    return c;
  }

  std::u32string Text(const Tok& t) const { return lines[t.line].substr(t.begin, t.end - t.begin); }

  // The repaired (or original) lower-case text of a neighbour for context.
  std::string Lower(const Tok& t) const { return LowerUtf8(Text(t)); }

  // `neighbours`: also the neighbouring words (only a real word's decision
  // weighs them; building them for every word costs).
  WordContext ContextOf(size_t k, const std::u32string* prev_repaired, bool neighbours = true) const {
    WordContext ctx;
    const Tok& t = toks[k];
    ctx.sentence_start = t.sentence_start;
    bool prev_joined = k > 0 && t.joined_prev && !toks[k - 1].skip && toks[k - 1].line == t.line;
    bool next_joined = k + 1 < toks.size() && toks[k + 1].joined_prev && !toks[k + 1].skip && toks[k + 1].line == t.line;
    if (neighbours && k > 0 && t.joined_prev && !toks[k - 1].skip)
      ctx.prev = prev_repaired ? LowerUtf8(*prev_repaired) : Lower(toks[k - 1]);
    else if (neighbours && k > 0 && !toks[k - 1].skip)
      ctx.after_comma = GapIsComma(k);
    if (neighbours && k + 1 < toks.size() && toks[k + 1].joined_prev && !toks[k + 1].skip) {
      std::string n = Lower(toks[k + 1]);
      if (lex.Flags(n) & kKnown) ctx.next = n;
      if (IsSubjectPronoun(n) && k + 2 < toks.size() && toks[k + 2].joined_prev && !toks[k + 2].skip)
        ctx.before_clause = lex.Bigram(kLexFiniteWord, Lower(toks[k + 2])) > 0;
    } else if (neighbours) {
      // The first mark after the word on its line.
      const std::u32string& s = lines[t.line];
      size_t i = s.find_first_not_of(U" \t", t.end);
      if (i != std::u32string::npos) {
        ctx.before_comma = s[i] == U',';
        ctx.before_end = s[i] == U'.' || s[i] == U'!' || s[i] == U'?';
      }
    }
    // "SKIFT STØRRELSE PA FILEN", "DU GAR": capitals beside a Danish word
    // in capitals (of four or more letters, or a very common one) are text,
    // not an acronym.
    if (IsAcronym(std::u32string_view(lines[t.line]).substr(t.begin, t.end - t.begin))) {
      auto danish_capitals = [&](const std::u32string& w) {
        if (w.size() < 2 || !std::all_of(w.begin(), w.end(), IsUpper)) return false;
        Lexicon::Entry e = rep.LookupCandidate(w);
        return (e.flags & kKnown) && (w.size() >= 4 || e.count >= kCommonCapitalsWord);
      };
      ctx.capitals_text = (prev_joined && danish_capitals(prev_repaired ? *prev_repaired : Text(toks[k - 1]))) ||
                          (next_joined && danish_capitals(Text(toks[k + 1])));
    }
    return ctx;
  }

  // The text between tokens k-1 and k when both are on one line or on
  // consecutive lines (then the end of the first and the start of the
  // second); false otherwise.
  bool GapBefore(size_t k, std::u32string& gap) const {
    const Tok& a = toks[k - 1];
    const Tok& b = toks[k];
    const std::u32string& la = lines[a.line];
    if (a.line == b.line) {
      gap.assign(la, a.end, b.begin - a.end);
      return true;
    }
    if (b.line != a.line + 1) return false;
    gap.assign(la, a.end);
    gap.append(lines[b.line], 0, b.begin);
    return true;
  }

  // Is the text between tokens k-1 and k one comma and spaces (a line
  // break too)?
  bool GapIsComma(size_t k) const {
    thread_local std::u32string gap;  // kept: no allocation a word
    if (!GapBefore(k, gap)) return false;
    size_t i = gap.find_first_not_of(U" \t");
    return i != std::u32string::npos && gap[i] == U',' && gap.find_first_not_of(U" \t", i + 1) == std::u32string::npos;
  }

  // Does the sentence go on between tokens k-1 and k: only spaces, commas,
  // semicolons and closing quotes or brackets (`"valgfri", Kan du`)?
  bool GapInsideSentence(size_t k) const {
    thread_local std::u32string gap;  // kept: no allocation a word
    return GapBefore(k, gap) && gap.find_first_not_of(U" \t,;\"')\u00BB\u201D") == std::u32string::npos;
  }

  // Is token k the start of a word hyphenated at its line's end, continued
  // by token k+1 at the start of the next line?
  bool HyphenPair(size_t k) const {
    if (k + 1 >= toks.size()) return false;
    const Tok& a = toks[k];
    const Tok& b = toks[k + 1];
    if (a.skip || b.skip || b.line <= a.line) return false;
    for (size_t li = a.line + 1; li < b.line; ++li)
      if (!Blank(lines[li])) return false;
    const std::u32string& la = lines[a.line];
    size_t e = la.size();
    while (e > 0 && (la[e - 1] == U' ' || la[e - 1] == U'\t')) --e;
    if (e == 0 || la[e - 1] != U'-' || a.end != e - 1) return false;
    const std::u32string& lb = lines[b.line];
    size_t s = 0;
    while (s < lb.size() && (lb[s] == U' ' || lb[s] == U'\t')) ++s;
    if (b.begin != s || !IsLower(lb[s])) return false;
    return !IsConjunction(Lower(b));
  }

  // `lines` and `toks` may come filled from an earlier pass over the page.
  void Run() {
    if (lines.empty()) {
      for (const Line& l : page.lines) lines.push_back(ToU32(l.text));
      Tokenize(lines, toks, !mid_sentence);
      MarkPieces(lines, !after_hyphen, toks);
    }
    std::u32string prev_repaired;
    std::u32string word;  // the current word, in a buffer kept for the page
    bool have_prev = false;
    for (size_t k = 0; k < toks.size(); ++k) {
      const Tok& t = toks[k];
      if (t.skip) {
        const size_t replaced = repl.size();
        const size_t taken = TryDigitLetters(k);
        if (repl.size() == replaced) SplitWordAndNumber(k);
        k += taken;
        have_prev = false;
        continue;
      }
      word.assign(lines[t.line], t.begin, t.end - t.begin);
      for (char32_t c : word)
        if (c == U'æ' || c == U'ø' || c == U'å' || c == U'Æ' || c == U'Ø' || c == U'Å') {
          ++intact_special;
          break;
        }
      if (HyphenPair(k) && TryHyphen(k)) {
        have_prev = false;
        ++k;
        continue;
      }
      const Lexicon::Entry entry = rep.LookupCandidate(word);
      // (The first pass leaves pieces unjoined: a join's edits are few,
      // and looking for joins costs about a twentieth of the whole repair.)
      if (!collect_only && TryMerge(k, entry)) {
        have_prev = false;
        ++k;
        continue;
      }
      const bool real_word = Repairer::NeedsContext(entry);
      if (collect_only && real_word && word.size() >= 2 && HasConfusable(word)) {
        have_prev = false;
        continue;
      }
      WordContext ctx = ContextOf(k, have_prev ? &prev_repaired : nullptr, real_word);
      ctx.piece = t.hyphen_end;
      ctx.continuation = t.continuation;
      // "bgrne- og": a hyphen, then a space, inside the line.
      {
        const std::u32string& s = lines[t.line];
        ctx.compound_head = !t.hyphen_end && t.end + 1 < s.size() && s[t.end] == U'-' && s[t.end + 1] == U' ';
      }
      Decision d = rep.Decide(word, ctx, doc, &entry);
      // The first pass learns only from confusion repairs: rules that make
      // none (a doubled letter, a split) matter to it only where they would
      // overrule one.
      if (!d.change && !collect_only) RuleDecision(rep.Undouble(word), "doubled-letter", d);
      if (!d.change && !collect_only) RuleDecision(rep.RnForM(word), "ocr:rn->m", d);
      if (!d.change && !collect_only) RuleDecision(rep.NearDomainWord(word), "ocr:near-domain-word", d);
      // A reading by a general letter slip, or one that is only a compound
      // the tables do not hold whole, yields to a split into words they
      // know ("kontori" is "kontor i", not a compound reading of it).
      bool weak_change = d.change && (std::any_of(d.edits.begin(), d.edits.end(), IsGeneralEdit) ||
                                      (!collect_only && !rep.Stored(d.text)));
      if (((!d.change && !collect_only) || weak_change) && !ctx.piece && !ctx.continuation)
        RuleDecision(rep.Split(word), "split", d);
      if (!d.change && !collect_only && !ctx.piece && !ctx.continuation) SplitDamaged(word, ctx, d);
      if (!d.change && d.undecided && !collect_only && rep.CannotStand(word, d.guess)) {
        d.change = true;
        d.undecided = false;
        d.text = d.guess;
        d.edits = d.guess_edits;
        d.confidence = kCannotStandConfidence;
      }
      if (!d.change && !collect_only && !ctx.piece && !ctx.continuation) RepairDamagedPart(word, d);
      Count(word, d);
      if (!collect_only && have_prev && (t.joined_prev || GapInsideSentence(k)) && !prev_repaired.empty() &&
          IsLower(prev_repaired[0]))
        LowerMisreadCapital(word, prev_repaired, ctx, d);
      if (d.change) {
        repl.push_back(Replacement{t.line, t.begin, t.end, d.text,
                                   MakeCorrection(t.line, t.begin, word, d.text,
                                                  // (the first pass keeps no rule names)
                                                  d.rule ? std::string(d.rule) : collect_only ? std::string() : RuleOf(d.edits),
                                                  d.confidence),
                                   d.edits});
        prev_repaired = d.text;
      } else {
        if (d.undecided && !collect_only)
          undecided.push_back(MakeCorrection(t.line, t.begin, word, d.guess,
                                             d.guess.empty() ? "unknown-word" : RuleOf(d.guess_edits), d.confidence));
        prev_repaired = word;
      }
      have_prev = true;
    }
    PipeRule();
    OneRule();
  }

  // "0g", "ti1", "4r": a word of letters with a zero read for o, a one for l
  // (not first: "1a" is a number) or a four for å. Token k (touching a digit) starts the run
  // of letters and digits; the run becomes a word the corpus knows well.
  // Figures stay: the run needs a letter no digit is read as.
  // Returns how many tokens after k the run took in.
  size_t TryDigitLetters(size_t k) {
    const Tok& t = toks[k];
    const std::u32string& s = lines[t.line];
    size_t b = t.begin, e = t.end;
    while (b > 0 && (IsLetter(s[b - 1]) || IsDigit(s[b - 1]))) --b;
    while (e < s.size() && (IsLetter(s[e]) || IsDigit(s[e]))) ++e;
    if (k > 0 && toks[k - 1].line == t.line && toks[k - 1].end > b) return 0;  // not the run's first token
    if ((b > 0 && !IsWordOpening(s[b - 1])) || (e < s.size() && !IsWordClosing(s[e])) || InUrl(s, b, e)) return 0;
    // A letter that is no digit's look-alike: "l0" and "1O" are numbers.
    if (std::all_of(s.begin() + b, s.begin() + e,
                    [](char32_t c) { return IsDigit(c) || std::u32string_view(U"lIoOSBZ").find(c) != std::u32string_view::npos; }))
      return 0;
    bool capitals = std::none_of(s.begin() + b, s.begin() + e, IsLower);
    std::u32string fixed = s.substr(b, e - b);
    for (size_t i = 0; i < fixed.size(); ++i) {
      if (fixed[i] == U'0') fixed[i] = capitals ? U'O' : U'o';
      else if (fixed[i] == U'1' && i > 0) fixed[i] = capitals ? U'L' : U'l';
      else if (fixed[i] == U'4') fixed[i] = capitals ? U'Å' : U'å';  // "4r", "4ret"
      else if (IsDigit(fixed[i])) return 0;
    }
    Lexicon::Entry entry = lex.Lookup(LowerUtf8(fixed));
    if (!(entry.flags & kKnown) || entry.count < kDigitLetterMinCount) return 0;
    size_t taken = 0;
    while (k + taken + 1 < toks.size() && toks[k + taken + 1].line == t.line && toks[k + taken + 1].begin < e) ++taken;
    Decision counted;
    counted.change = true;
    Count(s.substr(b, e - b), counted);
    repl.push_back(Replacement{t.line, b, e, fixed,
                               MakeCorrection(t.line, b, s.substr(b, e - b), fixed, "ocr:digit-for-letter",
                                              kDigitLetterConfidence),
                               {}});
    return taken;
  }

  // A word the corpus knows well (Danish, kSplitFromNumberMinLetters
  // letters or more) and a number run together, a space lost in OCR or in a
  // PDF's text layer, put apart so that the figure and what it counts are
  // read apart:
  // - "502henvendelser" -> "502 henvendelser": the word in lower case, the
  //   number not inside other text ("perl(3perl)", "x86");
  // - "Hovedstaden146", "halvår2025": the number ending its chunk (not
  //   "COVID19x").
  void SplitWordAndNumber(size_t k) {
    const Tok& t = toks[k];
    const std::u32string& s = lines[t.line];
    const bool number_before = t.begin > 0 && IsDigit(s[t.begin - 1]);
    const bool number_after = t.end < s.size() && IsDigit(s[t.end]);
    if (number_before == number_after || t.end - t.begin < kSplitFromNumberMinLetters) return;
    // A number's digits, with points between them ("1.021").
    const auto in_number = [&](size_t i) {
      return IsDigit(s[i]) || (s[i] == U'.' && i > 0 && i + 1 < s.size() && IsDigit(s[i - 1]) && IsDigit(s[i + 1]));
    };
    size_t b = t.begin, e = t.end;  // the word and its number
    if (number_before) {
      if (!std::all_of(s.begin() + t.begin, s.begin() + t.end, IsLower)) return;
      while (b > 0 && in_number(b - 1)) --b;
      if (b > 0 && !(s[b - 1] == U' ' || s[b - 1] == U'\t')) return;
    } else {
      if ((t.begin > 0 && !IsWordOpening(s[t.begin - 1])) ||
          !std::all_of(s.begin() + t.begin + 1, s.begin() + t.end, IsLower))
        return;
      while (e < s.size() && in_number(e)) ++e;
      if (e < s.size() && !IsWordClosing(s[e])) return;
    }
    const std::u32string word = s.substr(t.begin, t.end - t.begin);
    Lexicon::Entry entry = lex.Lookup(LowerUtf8(word));
    if (!(entry.flags & kKnown) || entry.count < kDigitLetterMinCount || (entry.flags & (kLexEnglish | kLexForeign)))
      return;
    const std::u32string before = s.substr(b, e - b);
    const std::u32string after = number_before ? s.substr(b, t.begin - b) + U" " + word
                                               : word + U" " + s.substr(t.end, e - t.end);
    repl.push_back(Replacement{t.line, b, e, after,
                               MakeCorrection(t.line, b, before, after, "split-from-number", kDigitLetterConfidence),
                               {}});
  }

  // "heendelseri" -> "hændelser i": the word "i" run onto a word that is
  // itself damaged. When the word is no word and what is left without a
  // first or last "i" has a confident reading, `d` becomes that reading and
  // the "i" apart.
  void SplitDamaged(const std::u32string& word, const WordContext& ctx, Decision& d) {
    if (word.size() < 5 || (word.back() != U'i' && word.front() != U'i' && word.front() != U'I')) return;
    if (lex.Flags(LowerUtf8(word)) & kKnown) return;
    WordContext part_ctx;
    part_ctx.sentence_start = ctx.sentence_start;
    auto try_part = [&](std::u32string_view part, bool i_last) {
      Decision r = rep.Decide(std::u32string(part), part_ctx, doc);
      if (!r.change || r.confidence < kSplitDamagedConfidence || r.rule != nullptr) return false;
      Decision out;
      out.change = true;
      out.confidence = r.confidence;
      out.rule = "split+confusion";
      out.edits = r.edits;
      if (i_last) {
        out.text = r.text + U" " + word.back();
      } else {
        out.text = std::u32string(1, word.front()) + U" " + r.text;
        for (Edit& e : out.edits) e.pos += 1;  // ApplyEdits' positions: the word as read
      }
      d = std::move(out);
      return true;
    };
    if (word.back() == U'i' && try_part(std::u32string_view(word).substr(0, word.size() - 1), true)) return;
    if ((word.front() == U'i' || word.front() == U'I') && IsLower(word[1])) {
      part_ctx.sentence_start = false;
      try_part(std::u32string_view(word).substr(1), false);
    }
  }

  // "Hjzelpeskriptet", "medelemsraekkefglge": a word that cannot stand as
  // read (a strong damage sign, no table or hunspell-da knows it) and has
  // no reading, whose damage lies in one part only: a head or tail of at
  // least kMinRepairedPart letters that the repair reads surely as a word
  // on its own ("Hjælpe", "rækkefølge"), the other part (kMinCompoundPart
  // letters or more) free of damage and left as read ("skriptet",
  // "medelems": words no table holds). The longest such part wins; two
  // different readings of it leave the word alone. Taken at
  // kCannotStandConfidence, as a guess that cannot be worse than the word
  // as read.
  void RepairDamagedPart(const std::u32string& word, Decision& d) {
    constexpr size_t kMinLetters = 2 * kMinCompoundPart;
    // A short part's reading is too easily some word ("volumeer": "meer"
    // read as "mær").
    constexpr size_t kMinRepairedPart = 6;
    if (word.size() < kMinLetters || !std::all_of(word.begin(), word.end(), IsLetter) ||
        !HasStrongDamageSign(word) || !rep.IsUnknown(std::u32string_view(word)))
      return;
    WordContext part_ctx;
    size_t best_len = 0;
    Decision best;
    bool tie = false;
    for (size_t k = kMinCompoundPart; k + kMinCompoundPart <= word.size(); ++k) {
      const std::u32string head = word.substr(0, k), tail = word.substr(k);
      const bool head_damaged = HasStrongDamageSign(head), tail_damaged = HasStrongDamageSign(tail);
      if (head_damaged == tail_damaged || !IsLower(tail[0])) continue;
      const std::u32string& part = head_damaged ? head : tail;
      if (part.size() < kMinRepairedPart) continue;
      part_ctx.sentence_start = head_damaged && IsUpper(head[0]);
      Decision r = rep.Decide(part, part_ctx, doc);
      if (!r.change || r.rule != nullptr || r.confidence < kSplitDamagedConfidence || HasStrongDamageSign(r.text))
        continue;
      Decision out;
      out.change = true;
      out.confidence = kCannotStandConfidence;
      out.rule = "part+confusion";
      out.edits = r.edits;
      if (head_damaged) {
        out.text = r.text + tail;
      } else {
        out.text = head + r.text;
        for (Edit& e : out.edits) e.pos += static_cast<int>(k);  // positions in the word as read
      }
      if (part.size() > best_len) {
        best_len = part.size();
        best = std::move(out);
        tie = false;
      } else if (part.size() == best_len && out.text != best.text) {
        tie = true;
      }
    }
    if (best_len > 0 && !tie) d = std::move(best);
  }

  // "alle Knapper", "eksempel, Kan du": inside a sentence, after a word in
  // lower case (`prev`), a capital whose small letter has its shape (c k o
  // s u v w x z) on a word the corpus never writes so there was read from a
  // small letter. `d` (the word's decision) becomes the change to lower
  // case.
  void LowerMisreadCapital(const std::u32string& word, const std::u32string& prev, const WordContext& ctx,
                           Decision& d) const {
    const std::u32string& text = d.change ? d.text : word;
    if (ctx.sentence_start || text.size() < (d.change ? 2u : 3u) || !IsLower(text[1])) return;
    if (std::u32string_view(U"CKOSUVWXZ").find(text[0]) == std::u32string_view::npos) return;
    if (!std::all_of(text.begin() + 1, text.end(), [](char32_t c) { return IsLower(c); })) return;
    std::string lower = LowerUtf8(text);
    Lexicon::Entry e = lex.Lookup(lower);
    if (!(e.flags & kKnown) || e.count < kMinCapitalEvidence) return;
    double capital = static_cast<double>(lex.Bigram(kLexCapitalWord, lower));
    if (capital > (d.change ? kMaxRepairedCapitalShare : kMaxCapitalShare) * static_cast<double>(e.count)) return;
    // After a word that names a label ("i feltet Uddata", "værktøjslinjen
    // Streger og pile"), a capital is the label's own. Asked last: only a
    // capital that would be lowered needs the word before it looked up.
    const std::string lower_prev = LowerUtf8(prev);
    double label_after = static_cast<double>(lex.Bigram(lower_prev, kLexCapitalWord));
    if (label_after >= kLabelAfterMinCount &&
        label_after >= kLabelAfterShare * static_cast<double>(lex.Frequency(lower_prev)))
      return;
    if (!d.change) {
      d = Decision{};
      d.change = true;
      d.text = text;
      d.confidence = 1.0;
    }
    d.text[0] = ToLower(d.text[0]);
    d.edits.insert(d.edits.begin(), Edit{0, 1, d.text[0], "ocr:capital->small", 0});
    d.confidence = std::min(d.confidence, 1.0 - capital / static_cast<double>(e.count));
  }

  void Count(const std::u32string& word, const Decision& d) {
    ++words;
    if (d.change) ++changed;
    if (!assess) return;
    std::string lower = LowerUtf8(word);
    if (lex.Accepts(lower)) ++hits;
  }

  // "Libre" + "Office": the whole is a dictionary or corpus word, at most
  // one piece is a Danish word, and the corpus never shows the pair.
  bool NameWhole(std::u32string_view x, std::u32string_view y) const {
    std::string lx = LowerUtf8(x), ly = LowerUtf8(y);
    if ((lex.Flags(lx) & kKnown) && (lex.Flags(ly) & kKnown)) return false;
    if (!(lex.Flags(lx + ly) & (kLexListed | kLexAttested))) return false;
    return lex.Bigram(lx, ly) == 0;
  }

  // "A fstand" -> "Afstand", "opfer sel" -> "opførsel": a word the OCR broke
  // in two at a space. Token k and k+1 (one space apart on one line) are
  // joined when one is no word, the other is at most three letters, and the
  // whole is a word seen in the corpus (as it stands or as a confident reading).
  // `x_entry`: the lexicon's entry of token k's word.
  bool TryMerge(size_t k, const Lexicon::Entry& x_entry) {
    if (k + 1 >= toks.size()) return false;
    const Tok& a = toks[k];
    const Tok& b = toks[k + 1];
    if (a.skip || b.skip || a.hyphen_end || b.hyphen_end) return false;
    // On one line one space apart, or across a line break whose hyphen the
    // OCR lost ("udgivelsesinfor" / "mationer"): a ends its line, b starts
    // the next.
    bool same_line = a.line == b.line && b.begin == a.end + 1 && lines[a.line][a.end] == U' ';
    bool line_break = options.join_hyphens && b.line == a.line + 1 &&
                      lines[a.line].find_first_not_of(U" \t", a.end) == std::u32string::npos &&
                      lines[b.line].find_first_not_of(U" \t") == b.begin;
    if (!same_line && !line_break) return false;
    size_t nx = a.end - a.begin, ny = b.end - b.begin;
    // A capital inside the whole is not a piece, except in a name written
    // in camel case ("Libre Office").
    bool camel = IsUpper(lines[a.line][a.begin]) && nx > 3 && ny > 3;
    if (IsUpper(lines[b.line][b.begin]) && !camel) return false;
    bool x_short = nx <= 3, y_short = ny <= 3;
    if (x_short && y_short) return false;
    std::u32string_view x = std::u32string_view(lines[a.line]).substr(a.begin, nx);
    std::u32string_view y = std::u32string_view(lines[b.line]).substr(b.begin, ny);
    bool both_pieces = false, name = false;
    if (x_short != y_short) {
      std::u32string_view longer = x_short ? y : x;
      std::u32string_view shorter = x_short ? x : y;
      // The short piece is no common word of its own ("er", "de"), except a
      // lone capital letter before the rest ("A fstand").
      bool lone_capital = x_short && nx == 1 && IsUpper(x[0]);
      if (!lone_capital && rep.LookupCandidate(shorter).count >= kMergeMaxShortCount) return false;
      if (longer.size() < 3 || !(x_short ? rep.IsUnknown(y) : rep.IsUnknown(x, x_entry))) return false;
    } else {
      // Two pieces that are no words ("udgivelsesinfor mationer"), joined
      // into what hunspell-da accepts.
      // (y is looked at only when x is no word or one the corpus lacks.)
      bool x_unknown = rep.IsUnknown(x, x_entry);
      bool x_unseen = !x_unknown && x_entry.count == 0;  // a word the corpus lacks
      Lexicon::Entry y_entry;
      if (x_unknown || x_unseen) y_entry = rep.LookupCandidate(y);
      bool y_unknown = (x_unknown || x_unseen) && rep.IsUnknown(y, y_entry);
      both_pieces = x_unknown && y_unknown;
      // Or a name the dictionary has whole, one of whose pieces is no Danish
      // word and which the corpus never shows apart ("Libre Office").
      name = !both_pieces && same_line && camel && NameWhole(x, y);
      // Or a piece that is no word beside a dictionary word the corpus has
      // never seen ("vzer dier"): joined only as a confident repair into a
      // word the corpus has seen (below).
      // (Only a piece with a sign of a lost æ or ø: z, ae, ee, @.)
      std::u32string_view damaged = x_unknown ? x : y;
      bool rare_other = x_unknown != y_unknown &&
                        (LooksDamaged(damaged) || HasDanishDamageSign(damaged) ||
                         notat::Lower(damaged).find(U"ee") != std::u32string::npos) &&
                        (x_unknown ? y_entry.count == 0 : x_unseen);
      // Or two words of their own, one ending its line and one opening the
      // next, that the corpus writes as one word (kMergeRealMinCount times)
      // and far more often than apart ("efter" / "fulgt", "over" /
      // "gange"): a line-end hyphen the OCR lost. Not on one line: writers
      // split compounds ("felt skilletegn", "dagsorden skabelon").
      if (!both_pieces && !name && !rare_other) {
        if (same_line || x_unknown) return false;
        if (!(x_unknown || x_unseen)) y_entry = rep.LookupCandidate(y);
        if (!(x_entry.flags & kKnown) || !(y_entry.flags & kKnown)) return false;
        std::string lj = LowerUtf8(std::u32string(x) + std::u32string(y));
        double whole = static_cast<double>(lex.Frequency(lj));
        double apart = static_cast<double>(lex.Bigram(LowerUtf8(x), LowerUtf8(y)));
        if (whole < kMergeRealMinCount || apart * kMergeRealRatio >= whole) return false;
      }
    }
    std::u32string joined(x);
    joined += y;
    std::string lower = LowerUtf8(joined);
    Lexicon::Entry e = lex.Lookup(lower);
    std::u32string result;
    std::vector<Edit> edits;
    double conf = 0.9;
    if (((e.flags & kKnown) && e.count >= kMergeMinCount) || (both_pieces && lex.Accepts(lower)) || name) {
      result = joined;
    } else if (both_pieces) {
      return false;
    } else {
      WordContext ctx = ContextOf(k, nullptr);
      Decision d = rep.Decide(joined, ctx, doc);
      if (!d.change || d.rule || d.confidence < kMergeMinConfidence) return false;
      if (lex.Frequency(LowerUtf8(d.text)) < kMergeMinCount) return false;
      result = d.text;
      edits = d.edits;
      conf = d.confidence;
    }
    Decision counted;
    counted.change = true;
    Count(joined, counted);
    std::string rule = edits.empty() ? "merge" : "merge+" + RuleOf(edits);
    if (same_line) {
      std::u32string before = lines[a.line].substr(a.begin, b.end - a.begin);
      repl.push_back(Replacement{a.line, a.begin, b.end, result,
                                 MakeCorrection(a.line, a.begin, before, result, rule, conf), edits});
      return true;
    }
    // As a hyphen join, without a hyphen to drop.
    JoinOntoFirstLine(a, b, a.end, std::u32string(x), result, "line-join", "line-join+" + rule, conf, edits);
    return true;
  }

  // A word broken over a line end, joined onto the first line: [a.begin,
  // first_end) of a's line (the piece, and its hyphen if any; it reads
  // `before`) becomes `result` and the rest of b's chunk (punctuation after
  // the word); the chunk leaves the next line.
  void JoinOntoFirstLine(const Tok& a, const Tok& b, size_t first_end, const std::u32string& before,
                         const std::u32string& result, const std::string& join_rule, const std::string& rule,
                         double conf, const std::vector<Edit>& edits) {
    const std::u32string& lb = lines[b.line];
    size_t ce = b.end;
    while (ce < lb.size() && lb[ce] != U' ' && lb[ce] != U'\t') ++ce;
    size_t ws = ce;
    while (ws < lb.size() && (lb[ws] == U' ' || lb[ws] == U'\t')) ++ws;
    std::u32string tail = lb.substr(b.end, ce - b.end);
    repl.push_back(Replacement{a.line, a.begin, first_end, result + tail,
                               MakeCorrection(a.line, a.begin, before, result + tail, rule, conf), edits});
    repl.push_back(Replacement{b.line, b.begin, ws, U"",
                               MakeCorrection(b.line, b.begin, lb.substr(b.begin, ws - b.begin), U"", join_rule, 1.0), {}});
  }

  // Decides a word hyphenated across a line break as one word.
  bool TryHyphen(size_t k) {
    const Tok& a = toks[k];
    const Tok& b = toks[k + 1];
    std::u32string x = Text(a), y = Text(b);
    std::u32string joined = x + y;
    if (collect_only && rep.IsRealWordCase(joined)) return true;
    WordContext ctx = ContextOf(k, nullptr);
    ctx.next.clear();
    if (k + 2 < toks.size() && toks[k + 2].joined_prev && toks[k + 2].line == b.line) {
      std::string n = Lower(toks[k + 2]);
      if (lex.Flags(n) & kKnown) ctx.next = n;
    }
    Decision d = rep.Decide(joined, ctx, doc);
    // A letter read twice ("kKomman-" / "doer"): only where the whole word
    // is written onto the first line.
    if (!d.change && !collect_only && options.join_hyphens) RuleDecision(rep.Undouble(joined), "doubled-letter", d);
    std::u32string result = d.change ? d.text : joined;
    if (!d.change && !lex.Accepts(LowerUtf8(joined))) return false;
    // Edits may not straddle the line break.
    for (const Edit& e : d.edits)
      if (e.pos < static_cast<int>(x.size()) && e.pos + e.len > static_cast<int>(x.size())) return false;
    Count(joined, d);  // the two pieces are one word
    if (options.join_hyphens) {
      // "X-" becomes the whole word.
      std::string rule = "hyphen-join";
      if (d.change) rule += "+" + (d.rule ? std::string(d.rule) : RuleOf(d.edits));
      JoinOntoFirstLine(a, b, a.end + 1, x + U"-", result, "hyphen-join", rule, d.change ? d.confidence : 1.0,
                        d.edits);
    } else if (d.change) {
      std::vector<Edit> ex, ey;
      std::u32string nx = ApplyEdits(x, d.edits, 0, &ex);
      std::u32string ny = ApplyEdits(y, d.edits, x.size(), &ey);
      if (!ex.empty())
        repl.push_back(Replacement{a.line, a.begin, a.end, nx,
                                   MakeCorrection(a.line, a.begin, x, nx, RuleOf(ex), d.confidence), ex});
      if (!ey.empty())
        repl.push_back(Replacement{b.line, b.begin, b.end, ny,
                                   MakeCorrection(b.line, b.begin, y, ny, RuleOf(ey), d.confidence), ey});
    }
    return true;
  }

  // A pipe standing alone between words is the word I ("| perioden" at a
  // sentence start) or i ("noteret | makefilen" inside one). A pipe next to
  // a number, or one of several on its line, belongs to a table.
  void PipeRule() {
    for (size_t li = 0; li < lines.size(); ++li) {
      const std::u32string& s = lines[li];
      // The line's one pipe with space (or the line's edge) on both sides;
      // several are a table's rules. A pipe stuck to a word ("forme,|")
      // does not count.
      auto standalone = [&](size_t p) {
        return (p == 0 || s[p - 1] == U' ' || s[p - 1] == U'\t') &&
               (p + 1 == s.size() || s[p + 1] == U' ' || s[p + 1] == U'\t');
      };
      size_t i = std::u32string::npos, found = 0;
      for (size_t p = s.find(U'|'); p != std::u32string::npos; p = s.find(U'|', p + 1))
        if (standalone(p)) i = p, ++found;
      if (found != 1) continue;
      // The nearest characters before and after, across line ends.
      char32_t before = 0, after = 0;
      for (size_t l = li + 1, p = i; l-- > 0;) {
        const std::u32string& t = lines[l];
        size_t q = l == li ? p : t.size();
        while (q > 0 && (t[q - 1] == U' ' || t[q - 1] == U'\t')) --q;
        if (q > 0) {
          before = t[q - 1];
          break;
        }
        if (l < li) break;  // a blank line: a new paragraph
      }
      for (size_t l = li; l < lines.size(); ++l) {
        const std::u32string& t = lines[l];
        size_t q = l == li ? i + 1 : 0;
        q = t.find_first_not_of(U" \t", q);
        if (q != std::u32string::npos) {
          after = t[q];
          break;
        }
        if (l > li) break;
      }
      if (IsDigit(after)) {
        // A sentence opening with a year: "Det er flere. | 2024 var tallet
        // 827" (four digits, then a word in lower case on the line).
        size_t y = s.find_first_not_of(U" \t", i + 1), n = 0;
        while (y + n < s.size() && IsDigit(s[y + n])) ++n;
        const bool year_then_word = n == 4 && y + 5 < s.size() && s[y + 4] == U' ' && IsLower(s[y + 5]);
        if (before != 0 && IsSentenceEnd(before) && year_then_word)
          repl.push_back(Replacement{li, i, i + 1, U"I", MakeCorrection(li, i, U"|", U"I", "pipe->I", 0.9), {}});
        continue;
      }
      if (!IsLetter(after)) continue;
      // The same word on both sides ("halvar | halvar") is a table's header.
      auto chunk_before = [&]() {
        size_t e = s.find_last_not_of(U" \t", i == 0 ? 0 : i - 1);
        if (i == 0 || e == std::u32string::npos) return std::u32string();
        size_t b = s.find_last_of(U" \t", e);
        b = b == std::u32string::npos ? 0 : b + 1;
        return notat::Lower(s.substr(b, e + 1 - b));
      };
      auto chunk_after = [&]() {
        size_t b = s.find_first_not_of(U" \t", i + 1);
        if (b == std::u32string::npos) return std::u32string();
        size_t e = s.find_first_of(U" \t", b);
        return notat::Lower(s.substr(b, (e == std::u32string::npos ? s.size() : e) - b));
      };
      std::u32string wb = chunk_before();
      if (!wb.empty() && wb == chunk_after()) continue;
      // A sentence starts, or a table row after a row of figures ("| alt
      // 502" under "Region Syddanmark 116").
      bool line_start = s.find_first_not_of(U" \t") == i;
      bool start = before == 0 || IsSentenceEnd(before) || (line_start && IsDigit(before));
      if (start) {
        repl.push_back(Replacement{li, i, i + 1, U"I", MakeCorrection(li, i, U"|", U"I", "pipe->I", 0.9), {}});
      } else if (IsLower(after) && (IsLetter(before) || before == U',')) {
        repl.push_back(Replacement{li, i, i + 1, U"i", MakeCorrection(li, i, U"|", U"i", "pipe->i", 0.8), {}});
      }
    }
  }

  // A 1 standing alone between a word and a year, a half year or a name is
  // the word i, which the Danish model reads so on thin print ("befinder sig
  // 1 Danmark", "7,6 mio. kr. 1 2028", "pct. 1 1. halvår"); after a
  // sentence's end, I. Not after a
  // word that takes a number ("tabel 1 Årlig", "side 1 2025"), nor before
  // anything else ("modtaget 1 henvendelse" is a count).
  void OneRule() {
    static const std::u32string_view kNumbered[] = {U"tabel", U"figur", U"bilag", U"side", U"kapitel", U"afsnit",
                                                    U"punkt", U"nr", U"nr.", U"trin", U"uge", U"version", U"boks"};
    for (size_t li = 0; li < lines.size(); ++li) {
      const std::u32string& s = lines[li];
      for (size_t i = s.find(U'1'); i != std::u32string::npos; i = s.find(U'1', i + 1)) {
        if (i < 2 || s[i - 1] != U' ' || i + 2 >= s.size() || s[i + 1] != U' ') continue;
        size_t wb = s.find_last_not_of(U' ', i - 1);
        size_t b = s.find_last_of(U' ', wb);
        b = b == std::u32string::npos ? 0 : b + 1;
        std::u32string before = notat::Lower(s.substr(b, wb + 1 - b));
        size_t e = s.find(U' ', i + 2);
        std::u32string after = s.substr(i + 2, (e == std::u32string::npos ? s.size() : e) - i - 2);
        while (!after.empty() && (after.back() == U'.' || after.back() == U',')) after.pop_back();
        bool year = after.size() == 4 && std::all_of(after.begin(), after.end(), IsDigit) &&
                    (after.starts_with(U"19") || after.starts_with(U"20"));
        bool name = after.size() > 1 && IsUpper(after[0]) &&
                    std::all_of(after.begin() + 1, after.end(), [](char32_t c) { return IsLower(c); });
        // ... or a half year: "36 pct. 1 1. halvår 2023".
        const size_t h = e == std::u32string::npos ? s.size() : e + 1;
        bool half = (after == U"1" || after == U"2") && e != std::u32string::npos && s[e - 1] == U'.' &&
                    s.compare(h, 4, U"halv") == 0;
        if ((!year && !name && !half) || before.empty()) continue;
        bool numbered = std::find(std::begin(kNumbered), std::end(kNumbered), before) != std::end(kNumbered);
        if (numbered) continue;
        const bool unit = before == U"kr." || before == U"mio." || before == U"pct.";
        std::u32string_view text;
        if (IsLower(before.back()) && IsLower(s[b])) text = U"i";
        else if (unit) text = U"i";
        else if (IsSentenceEnd(before.back()) && (year || half)) text = U"I";
        if (text.empty()) continue;
        repl.push_back(Replacement{li, i, i + 1, std::u32string(text),
                                   MakeCorrection(li, i, U"1", std::u32string(text), "ocr:1->i", 0.8), {}});
      }
    }
  }

  // Applies the replacements to the lines, right to left per line.
  std::vector<Line> Apply() {
    std::sort(repl.begin(), repl.end(), [](const Replacement& a, const Replacement& b) {
      return a.line != b.line ? a.line < b.line : a.begin < b.begin;
    });
    std::vector<std::u32string> out = lines;
    for (size_t i = repl.size(); i-- > 0;) {
      const Replacement& r = repl[i];
      out[r.line].replace(r.begin, r.end - r.begin, r.text);
    }
    std::vector<Line> result = page.lines;
    for (size_t li = 0; li < result.size(); ++li) {
      std::string text = ToUtf8(out[li]);
      if (text != result[li].text) {
        UpdateWords(result[li].text, text, result[li].words);
        result[li].text = std::move(text);
      }
    }
    return result;
  }
};

}  // namespace

// Page `i` of `doc` follows a page whose last text line ends in a hyphen.
bool AfterHyphen(const Document& doc, size_t i) {
  if (i == 0) return false;
  const std::vector<Line>& lines = doc.pages[i - 1].lines;
  for (size_t k = lines.size(); k-- > 0;) {
    std::u32string t = ToU32(lines[k].text);
    if (Blank(t)) continue;
    return EndsInHyphen(t);
  }
  return false;
}

// Page `i` of `doc` follows a page whose last text ends inside a sentence
// (its last character is a lower-case letter or a comma).
bool MidSentence(const Document& doc, size_t i) {
  if (i == 0) return false;
  const std::vector<Line>& lines = doc.pages[i - 1].lines;
  for (size_t k = lines.size(); k-- > 0;) {
    std::u32string t = ToU32(lines[k].text);
    size_t e = t.find_last_not_of(U" \t");
    if (e == std::u32string::npos) continue;
    return IsLower(t[e]) || t[e] == U',';
  }
  return false;
}

// A page's lines as code points and their words, made once for both passes.
struct PageText {
  std::vector<std::u32string> lines;
  std::vector<Tok> toks;
};

// The document model from a first pass over every page; `texts` (when not
// null) receives each page's lines and words.
DocModel LearnDocument(const Document& document, Repairer& rep, const Lexicon& lexicon,
                       std::vector<PageText>* texts = nullptr) {
  DocModel neutral;
  RepairOptions options;
  options.join_hyphens = false;
  DocModel doc;
  int damaged = 0, intact = 0;
  for (size_t i = 0; i < document.pages.size(); ++i) {
    const Page& page = document.pages[i];
    PageRepair pr{rep, lexicon, options, page, neutral, true, false, AfterHyphen(document, i), MidSentence(document, i), {}, {}, {}, {}};
    pr.Run();
    doc.words += static_cast<double>(pr.toks.size());
    if (texts != nullptr) texts->push_back(PageText{std::move(pr.lines), std::move(pr.toks)});
    intact += pr.intact_special;
    for (const Replacement& r : pr.repl) {
      if (r.edits.empty() || r.correction.confidence < 0.5) continue;
      ++damaged;
      ++doc.seen[LowerUtf8(r.correction.after)][LowerUtf8(r.correction.before)];
      for (const Edit& e : r.edits) {
        ++doc.rule_count[LowerUtf8(std::string_view(e.rule))];
        ++doc.target_count[ToLower(e.to)];
      }
    }
  }
  doc.p_damaged = (damaged + 0.5) / (damaged + intact + 1.0);
  return doc;
}

RepairedText Repair(const Document& document, const Lexicon& lexicon, const RepairOptions& options) {
  RepairedText out;
  Repairer rep(lexicon);
  std::vector<PageText> texts;
  DocModel doc = LearnDocument(document, rep, lexicon, &texts);
  rep.ClearCache();
  for (size_t i = 0; i < document.pages.size(); ++i) {
    const Page& page = document.pages[i];
    PageRepair pr{rep, lexicon, options, page, doc, false, false, AfterHyphen(document, i), MidSentence(document, i), {}, {}, {}, {}};
    pr.lines = std::move(texts[i].lines);
    pr.toks = std::move(texts[i].toks);
    pr.Run();
    Page p = page;
    p.lines = pr.Apply();
    out.pages.push_back(std::move(p));
    for (const Replacement& r : pr.repl) out.corrections.push_back(r.correction);
    for (Correction& c : pr.undecided) out.undecided.push_back(std::move(c));
  }
  auto order = [](const Correction& a, const Correction& b) {
    if (a.page != b.page) return a.page < b.page;
    if (a.line != b.line) return a.line < b.line;
    return a.column < b.column;
  };
  std::stable_sort(out.corrections.begin(), out.corrections.end(), order);
  std::stable_sort(out.undecided.begin(), out.undecided.end(), order);
  return out;
}

TextHealth AssessText(const Page& page, const Lexicon& lexicon) {
  Repairer rep(lexicon);
  RepairOptions options;
  options.join_hyphens = false;
  Document one;
  one.pages.push_back(page);
  DocModel doc = LearnDocument(one, rep, lexicon);
  rep.ClearCache();
  PageRepair pr{rep, lexicon, options, page, doc, false, true, false, false, {}, {}, {}, {}};
  pr.Run();
  TextHealth h;
  h.words = pr.words;
  if (pr.words > 0) {
    h.lexicon_hit_rate = static_cast<double>(pr.hits) / pr.words;
    h.changed_share = static_cast<double>(pr.changed) / pr.words;
  }
  return h;
}

}  // namespace notat
