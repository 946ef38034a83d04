#include "bench/repair_eval_metrics.h"

#include "pipeline/utf8.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace notat::repair_eval {
namespace {

std::u32string Decode(std::string_view s) { return DecodeUtf8(s); }

void Append(std::string& out, char32_t cp) { AppendUtf8(cp, out); }

std::string Encode(std::u32string_view s) { return EncodeUtf8(s); }

bool IsPunctuation(char32_t c) {
  if (c < 0x80) {
    if (c == '|' || c == '@' || c == '$') return false;
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '?') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
  }
  switch (c) {
    case 0x00A1: case 0x00A7: case 0x00AB: case 0x00AD: case 0x00B0: case 0x00B4:
    case 0x00B6: case 0x00B7: case 0x00BB: case 0x00BF:
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x201C: case 0x201D:
    case 0x201E: case 0x201F: case 0x2022: case 0x2026: case 0x2032: case 0x2033:
    case 0x2039: case 0x203A: case 0x25CF: case 0x25AA: case 0x2212:
      return true;
    default:
      return false;
  }
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v' ||
         c == 0x00A0 || c == 0x2009 || c == 0x202F;
}

bool IsLetter(char32_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return c >= 0xC0 && c != 0xD7 && c != 0xF7 && c < 0x2000;
}

bool IsAeOeAa(char32_t c) {
  return c == U'æ' || c == U'ø' || c == U'å' || c == U'Æ' || c == U'Ø' || c == U'Å';
}

int Distance(std::u32string_view a, std::u32string_view b) {
  if (a == b) return 0;
  if (a.empty()) return static_cast<int>(b.size());
  if (b.empty()) return static_cast<int>(a.size());
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      int sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({sub, prev[j] + 1, cur[j - 1] + 1});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// Normalised distance in 0..1.
double Dissimilarity(std::u32string_view a, std::u32string_view b) {
  if (a == b) return 0;
  size_t longest = std::max(a.size(), b.size());
  return static_cast<double>(Distance(a, b)) / static_cast<double>(longest);
}

// Alignment costs: a missing or extra word costs 1, a substitution its
// normalised edit distance (at most 1), a split or merge its distance plus a
// penalty, and only when the joined form is closer than either part alone.
constexpr double kGapCost = 1.0;
constexpr double kJoinPenalty = 0.3;
// Half-width of the band around the diagonal that the alignment explores.
constexpr int kBand = 80;

enum Op : uint8_t { kNone, kSub, kDel, kIns, kSplitOp, kMergeOp };

}  // namespace

std::string StripPunctuation(std::string_view word) {
  std::u32string w = Decode(word);
  size_t b = 0, e = w.size();
  while (b < e && IsPunctuation(w[b])) ++b;
  while (e > b && IsPunctuation(w[e - 1])) --e;
  // Typographic apostrophes inside a word ("CRC’erne") compare as ASCII ones.
  for (size_t i = b; i < e; ++i)
    if (w[i] == 0x2019 || w[i] == 0x2018 || w[i] == 0x02BC || w[i] == 0x00B4) w[i] = U'\'';
  return Encode(std::u32string_view(w).substr(b, e - b));
}

std::vector<Token> Tokenize(const std::vector<std::string>& lines) {
  // Raw whitespace-separated words per line.
  std::vector<std::vector<std::u32string>> words(lines.size());
  for (size_t l = 0; l < lines.size(); ++l) {
    std::u32string cur;
    for (char32_t c : Decode(lines[l])) {
      if (IsSpace(c)) {
        if (!cur.empty()) words[l].push_back(std::move(cur));
        cur.clear();
      } else {
        cur.push_back(c);
      }
    }
    if (!cur.empty()) words[l].push_back(std::move(cur));
  }
  std::vector<Token> out;
  size_t skip_first_of = SIZE_MAX;  // line whose first word was joined upwards
  for (size_t l = 0; l < words.size(); ++l) {
    for (size_t k = 0; k < words[l].size(); ++k) {
      if (k == 0 && l == skip_first_of) continue;
      std::u32string w = words[l][k];
      bool last = k + 1 == words[l].size();
      if (last && w.size() >= 2 && w.back() == U'-' && IsLetter(w[w.size() - 2])) {
        size_t next = l + 1;
        while (next < words.size() && words[next].empty()) ++next;
        if (next < words.size()) {
          w.pop_back();
          w += words[next][0];
          skip_first_of = next;
        }
      }
      std::string text = StripPunctuation(Encode(w));
      if (!text.empty()) out.push_back(Token{std::move(text), static_cast<int>(l) + 1});
    }
  }
  return out;
}

int EditDistance(std::string_view a, std::string_view b) { return Distance(Decode(a), Decode(b)); }

std::string AeOeAa(std::string_view word) {
  std::string out;
  for (char32_t c : Decode(word))
    if (IsAeOeAa(c)) Append(out, c);
  return out;
}

std::vector<Aligned> Align(const std::vector<Token>& truth, const std::vector<Token>& candidate,
                           int* extra) {
  const int n = static_cast<int>(truth.size());
  const int m = static_cast<int>(candidate.size());
  std::vector<std::u32string> t(n), c(m);
  for (int i = 0; i < n; ++i) t[i] = Decode(truth[i].text);
  for (int j = 0; j < m; ++j) c[j] = Decode(candidate[j].text);

  // Banded DP: row i covers columns [lo(i), lo(i) + width).
  const int width = 2 * kBand + 1;
  auto lo = [&](int i) {
    long center = n == 0 ? 0 : static_cast<long>(i) * m / n;
    return static_cast<int>(center) - kBand;
  };
  constexpr double kInf = std::numeric_limits<double>::infinity();
  std::vector<double> cost(static_cast<size_t>(n + 1) * width, kInf);
  std::vector<uint8_t> op(static_cast<size_t>(n + 1) * width, kNone);
  auto at = [&](int i, int j) -> double* {
    if (i < 0 || j < 0 || j > m) return nullptr;
    int k = j - lo(i);
    if (k < 0 || k >= width) return nullptr;
    return &cost[static_cast<size_t>(i) * width + k];
  };
  auto get = [&](int i, int j) {
    double* p = at(i, j);
    return p ? *p : kInf;
  };
  for (int i = 0; i <= n; ++i) {
    for (int j = std::max(0, lo(i)); j <= std::min(m, lo(i) + width - 1); ++j) {
      double best = i == 0 && j == 0 ? 0 : kInf;
      uint8_t how = kNone;
      auto consider = [&](double v, Op o) {
        if (v < best) { best = v; how = o; }
      };
      if (i > 0 && j > 0) consider(get(i - 1, j - 1) + Dissimilarity(t[i - 1], c[j - 1]), kSub);
      if (i > 0) consider(get(i - 1, j) + kGapCost, kDel);
      if (j > 0) consider(get(i, j - 1) + kGapCost, kIns);
      if (i > 0 && j > 1 && get(i - 1, j - 2) < kInf) {
        double joined = Dissimilarity(t[i - 1], c[j - 2] + c[j - 1]);
        if (joined < std::min(Dissimilarity(t[i - 1], c[j - 2]), Dissimilarity(t[i - 1], c[j - 1])))
          consider(get(i - 1, j - 2) + joined + kJoinPenalty, kSplitOp);
      }
      if (i > 1 && j > 0 && get(i - 2, j - 1) < kInf) {
        double joined = Dissimilarity(t[i - 2] + t[i - 1], c[j - 1]);
        if (joined < std::min(Dissimilarity(t[i - 2], c[j - 1]), Dissimilarity(t[i - 1], c[j - 1])))
          consider(get(i - 2, j - 1) + joined + kJoinPenalty, kMergeOp);
      }
      double* p = at(i, j);
      *p = best;
      op[static_cast<size_t>(i) * width + (j - lo(i))] = how;
    }
  }

  std::vector<Aligned> out(n);
  int extras = 0;
  int i = n, j = m;
  if (at(n, m) == nullptr || get(n, m) == kInf) {
    // Cannot happen with a band around the diagonal; treat everything as missing.
    if (extra) *extra = m;
    return out;
  }
  while (i > 0 || j > 0) {
    uint8_t how = op[static_cast<size_t>(i) * width + (j - lo(i))];
    switch (how) {
      case kSub:
        out[i - 1] = Aligned{candidate[j - 1].text, candidate[j - 1].line, Link::kOne};
        --i; --j;
        break;
      case kDel:
        out[i - 1] = Aligned{};
        --i;
        break;
      case kIns:
        ++extras;
        --j;
        break;
      case kSplitOp:
        out[i - 1] = Aligned{candidate[j - 2].text + " " + candidate[j - 1].text,
                             candidate[j - 2].line, Link::kSplit};
        --i; j -= 2;
        break;
      case kMergeOp:
        out[i - 1] = out[i - 2] = Aligned{candidate[j - 1].text, candidate[j - 1].line, Link::kMerged};
        i -= 2; --j;
        break;
      default:
        i = j = 0;  // unreachable: every reachable cell has an op
        break;
    }
  }
  if (extra) *extra = extras;
  return out;
}

Counts& Counts::operator+=(const Counts& o) {
  words += o.words;
  ocr_right += o.ocr_right;
  repaired_right += o.repaired_right;
  damaged += o.damaged;
  restored += o.restored;
  missed += o.missed;
  miscorrected += o.miscorrected;
  false_corrections += o.false_corrections;
  aoa_words += o.aoa_words;
  aoa_right_before += o.aoa_right_before;
  aoa_right_after += o.aoa_right_after;
  spurious_aoa += o.spurious_aoa;
  extra_ocr += o.extra_ocr;
  extra_repaired += o.extra_repaired;
  return *this;
}

PageResult ComparePage(const std::vector<std::string>& truth, const std::vector<std::string>& ocr,
                       const std::vector<std::string>& repaired) {
  std::vector<Token> t = Tokenize(truth), o = Tokenize(ocr), r = Tokenize(repaired);
  int extra_o = 0, extra_r = 0;
  std::vector<Aligned> ao = Align(t, o, &extra_o);
  std::vector<Aligned> ar = Align(t, r, &extra_r);
  PageResult result;
  Counts& n = result.counts;
  n.extra_ocr = extra_o;
  n.extra_repaired = extra_r;
  for (size_t i = 0; i < t.size(); ++i) {
    WordOutcome w{t[i].text, ao[i].text,    ar[i].text,    t[i].line,
                  ao[i].line, ar[i].line, ao[i].link, ar[i].link};
    ++n.words;
    if (w.ocr_right()) ++n.ocr_right;
    if (w.repaired_right()) ++n.repaired_right;
    if (!w.ocr_right()) {
      ++n.damaged;
      if (w.repaired_right()) ++n.restored;
      else if (w.repaired == w.ocr) ++n.missed;
      else ++n.miscorrected;
    } else if (!w.repaired_right()) {
      ++n.false_corrections;
    }
    std::string aoa = AeOeAa(w.truth);
    if (!aoa.empty()) {
      ++n.aoa_words;
      if (AeOeAa(w.ocr) == aoa) ++n.aoa_right_before;
      if (AeOeAa(w.repaired) == aoa) ++n.aoa_right_after;
    } else if (!AeOeAa(w.repaired).empty() && AeOeAa(w.ocr).empty()) {
      ++n.spurious_aoa;
    }
    result.words.push_back(std::move(w));
  }
  return result;
}

std::vector<std::pair<std::string, std::string>> CharDiffs(std::string_view from,
                                                           std::string_view to) {
  std::u32string a = Decode(from), b = Decode(to);
  const size_t n = a.size(), m = b.size();
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
  for (size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
  for (size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i)
    for (size_t j = 1; j <= m; ++j)
      d[i][j] = std::min({d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), d[i - 1][j] + 1,
                          d[i][j - 1] + 1});
  // Walk back, collecting runs of non-matching steps.
  std::vector<std::pair<std::string, std::string>> out;
  std::u32string run_a, run_b;
  auto flush = [&] {
    if (run_a.empty() && run_b.empty()) return;
    std::reverse(run_a.begin(), run_a.end());
    std::reverse(run_b.begin(), run_b.end());
    out.emplace_back(Encode(run_a), Encode(run_b));
    run_a.clear();
    run_b.clear();
  };
  size_t i = n, j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && a[i - 1] == b[j - 1] && d[i][j] == d[i - 1][j - 1]) {
      flush();
      --i; --j;
    } else if (i > 0 && j > 0 && d[i][j] == d[i - 1][j - 1] + 1) {
      run_a.push_back(a[--i]);
      run_b.push_back(b[--j]);
    } else if (i > 0 && d[i][j] == d[i - 1][j] + 1) {
      run_a.push_back(a[--i]);
    } else {
      run_b.push_back(b[--j]);
    }
  }
  flush();
  std::reverse(out.begin(), out.end());
  return out;
}

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") start = 3;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(start, end - start));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::erase(line, '\f');
    lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

}  // namespace notat::repair_eval
