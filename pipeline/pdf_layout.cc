// Page geometry and text-layer health: lines from word boxes, scrambled
// reading order, and the choice between a PDF's text layer and OCR.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

#include "pipeline/pdf_source.h"
#include "pipeline/repair.h"

namespace notat {
namespace {

double CenterY(const Box& b) { return (b.y0 + b.y1) / 2; }
double Height(const Box& b) { return b.y1 - b.y0; }

// The vertical extent shared by a line's words: the mean of their tops and
// bottoms, so one tall or jittered word does not widen the band.
struct Band {
  double top = 0, bottom = 0;
  int n = 0;
  void Add(const Box& b) {
    top = (top * n + b.y0) / (n + 1);
    bottom = (bottom * n + b.y1) / (n + 1);
    ++n;
  }
  bool Holds(double y) const { return y >= top && y <= bottom; }
};

// Counts code points that are letters: ASCII letters and every non-ASCII
// code point (æ, ø, å, é... ; digits and punctuation are ASCII).
int CountLetters(const std::string& s) {
  int n = 0;
  for (unsigned char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0xC0) ++n;
  }
  return n;
}

bool HasDanishLetter(const std::string& s) {
  // æ ø å Æ Ø Å in UTF-8: C3 A6, C3 B8, C3 A5, C3 86, C3 98, C3 85.
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) != 0xC3) continue;
    switch (static_cast<unsigned char>(s[i + 1])) {
      case 0xA6: case 0xB8: case 0xA5: case 0x86: case 0x98: case 0x85: return true;
      default: break;
    }
  }
  return false;
}

std::string Percent(double share) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", share * 100);
  return buf;
}

}  // namespace

Box UnionBox(const std::vector<Word>& words) {
  Box u = words.front().box;
  for (const Word& w : words) {
    u.x0 = std::min(u.x0, w.box.x0);
    u.y0 = std::min(u.y0, w.box.y0);
    u.x1 = std::max(u.x1, w.box.x1);
    u.y1 = std::max(u.y1, w.box.y1);
  }
  return u;
}

namespace {

// Lines of one column (or of a page without columns), not yet numbered.
std::vector<Line> BandLines(std::vector<Word> words) {
  std::vector<Line> lines;
  if (words.empty()) return lines;
  std::stable_sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    double ca = CenterY(a.box), cb = CenterY(b.box);
    if (ca != cb) return ca < cb;
    return a.box.x0 < b.box.x0;
  });
  std::vector<Band> bands;
  for (Word& w : words) {
    if (lines.empty() || !bands.back().Holds(CenterY(w.box))) {
      lines.emplace_back();
      bands.emplace_back();
    }
    bands.back().Add(w.box);
    lines.back().words.push_back(std::move(w));
  }
  for (Line& line : lines) {
    std::stable_sort(line.words.begin(), line.words.end(),
                     [](const Word& a, const Word& b) { return a.box.x0 < b.box.x0; });
    for (const Word& w : line.words) {
      if (!line.text.empty()) line.text += ' ';
      line.text += w.text;
    }
  }
  return lines;
}

// The widest gutter between columns: an x-range, 8 points wide or more, that
// words cross for less than a tenth of the text's height in all (a title or
// a footer across the page may cross it), with words on both sides reaching
// over half the text's height each. A table's column gaps fail the first
// test: the paragraphs above and below it cross them. False when none.
bool FindGutter(const std::vector<Word>& words, double* gutter_x0, double* gutter_x1) {
  if (words.size() < 8) return false;
  double left = words[0].box.x0, right = words[0].box.x1, top = words[0].box.y0,
         bottom = words[0].box.y1;
  for (const Word& w : words) {
    left = std::min(left, w.box.x0);
    right = std::max(right, w.box.x1);
    top = std::min(top, w.box.y0);
    bottom = std::max(bottom, w.box.y1);
  }
  double height = bottom - top;
  int bins = static_cast<int>(std::ceil(right - left));
  if (height <= 0 || bins < 3 || bins > 100000) return false;
  std::vector<double> cover(bins, 0);  // summed height of the words over each point
  for (const Word& w : words) {
    int b0 = std::clamp(static_cast<int>(w.box.x0 - left), 0, bins - 1);
    int b1 = std::clamp(static_cast<int>(std::ceil(w.box.x1 - left)), 0, bins - 1);
    for (int b = b0; b <= b1; ++b) cover[b] += w.box.y1 - w.box.y0;
  }
  constexpr double kMinWidth = 8;
  double best_width = 0;
  for (int b = 0; b < bins;) {
    if (cover[b] >= 0.1 * height) {
      ++b;
      continue;
    }
    int e = b;
    while (e < bins && cover[e] < 0.1 * height) ++e;
    double x0 = left + b, x1 = left + e;
    if (b > 0 && e < bins && x1 - x0 >= kMinWidth && x1 - x0 > best_width) {
      double l_top = bottom, l_bottom = top, r_top = bottom, r_bottom = top;
      for (const Word& w : words) {
        if (w.box.x1 <= x0) {
          l_top = std::min(l_top, w.box.y0);
          l_bottom = std::max(l_bottom, w.box.y1);
        }
        if (w.box.x0 >= x1) {
          r_top = std::min(r_top, w.box.y0);
          r_bottom = std::max(r_bottom, w.box.y1);
        }
      }
      if (l_bottom - l_top > 0.5 * height && r_bottom - r_top > 0.5 * height) {
        best_width = x1 - x0;
        *gutter_x0 = x0;
        *gutter_x1 = x1;
      }
    }
    b = e;
  }
  return best_width > 0;
}

void Append(std::vector<Line>& to, std::vector<Line> from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

// Lines of a page read column by column (columns may split again): a line
// with a word across the gutter (a title, a footer) stays whole, before the
// columns when it is above them, after them otherwise.
std::vector<Line> ColumnLines(std::vector<Word> words, int depth) {
  double g0 = 0, g1 = 0;
  if (depth > 4 || !FindGutter(words, &g0, &g1)) return BandLines(std::move(words));
  std::vector<Word> left, right;
  std::vector<Line> across;
  for (Line& line : BandLines(std::move(words))) {
    bool crosses = std::any_of(line.words.begin(), line.words.end(),
                               [&](const Word& w) { return w.box.x0 < g1 && w.box.x1 > g0; });
    if (crosses) {
      across.push_back(std::move(line));
      continue;
    }
    for (Word& w : line.words) (w.box.x1 <= g0 ? left : right).push_back(std::move(w));
  }
  double columns_top = std::numeric_limits<double>::max();
  for (const Word& w : left) columns_top = std::min(columns_top, w.box.y0);
  for (const Word& w : right) columns_top = std::min(columns_top, w.box.y0);
  std::vector<Line> lines, below;
  for (Line& line : across)
    (UnionBox(line.words).y1 <= columns_top ? lines : below).push_back(std::move(line));
  Append(lines, ColumnLines(std::move(left), depth + 1));
  Append(lines, ColumnLines(std::move(right), depth + 1));
  Append(lines, std::move(below));
  return lines;
}

}  // namespace

std::vector<Line> LinesFromWordBoxes(std::vector<Word> words) {
  std::vector<Line> lines = ColumnLines(std::move(words), 0);
  for (size_t i = 0; i < lines.size(); ++i) lines[i].number = static_cast<int>(i) + 1;
  return lines;
}

bool ReadingOrderScrambled(const std::vector<Line>& lines) {
  std::vector<Box> boxes;
  for (const Line& l : lines)
    if (!l.words.empty()) boxes.push_back(UnionBox(l.words));
  for (size_t i = 0; i + 1 < boxes.size(); ++i) {
    // The next line starts above this one's top: the order went back up.
    if (CenterY(boxes[i + 1]) < boxes[i].y0) return true;
  }
  for (size_t i = 0; i < boxes.size(); ++i) {
    for (size_t j = i + 1; j < boxes.size(); ++j) {
      double overlap = std::min(boxes[i].y1, boxes[j].y1) - std::max(boxes[i].y0, boxes[j].y0);
      double shorter = std::min(Height(boxes[i]), Height(boxes[j]));
      // Two lines in one band: cells of one table row given as separate lines.
      if (shorter > 0 && overlap > 0.5 * shorter) return true;
    }
  }
  return false;
}

namespace {

// ImageTextBands' measures, in points (the render's pixels are scaled).
constexpr double kWordMargin = 2;      // around a layer word's box
constexpr double kRuleLength = 20;     // a run of ink this long is a rule
constexpr double kBandGap = 12;        // rows of ink this close share a band
constexpr double kBandMargin = 5;      // above and below a band: its letters' faint edges
// Ink for a few words of 10-point text (a character is 10-15 points' worth).
constexpr double kMinBandInk = 150;
constexpr uint8_t kInkBelow = 160;     // darker than this is ink

bool Inside(const Box& b, double x, double y) { return x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1; }

// Clears in `keep` every run of ink `rule` pixels long or longer along one
// row or column of `n` pixels: from `start`, `stride` apart.
void ClearRuns(const std::vector<uint8_t>& ink, size_t start, size_t stride, int n, int rule,
               std::vector<uint8_t>* keep) {
  for (int i = 0; i < n;) {
    int end = i;
    while (end < n && ink[start + static_cast<size_t>(end) * stride]) ++end;
    if (end - i >= rule)
      for (int k = i; k < end; ++k) (*keep)[start + static_cast<size_t>(k) * stride] = 0;
    i = end > i ? end : i + 1;
  }
}

}  // namespace

std::vector<Box> ImageTextBands(const RasterImage& render, const Page& layer) {
  std::vector<Box> out;
  const int w = render.width, h = render.height;
  if (w <= 0 || h <= 0 || render.pixels.size() != static_cast<size_t>(w) * h || layer.width <= 0) return out;
  const double px = w / layer.width;  // pixels per point
  if (!(px > 0.1 && px < 100)) return out;  // the render is not of this page
  std::vector<uint8_t> ink(render.pixels.size());
  for (size_t i = 0; i < ink.size(); ++i) ink[i] = render.pixels[i] < kInkBelow;
  // Ink that is a layer word's or a rule's is cleared.
  std::vector<uint8_t> word(ink.size(), 0);
  for (const Line& l : layer.lines)
    for (const Word& lw : l.words) {
      const Box& b = lw.box;  // a malformed file's box may be anywhere
      if (!(std::abs(b.x0) < 1e6 && std::abs(b.x1) < 1e6 && std::abs(b.y0) < 1e6 && std::abs(b.y1) < 1e6)) continue;
      int x0 = std::clamp(static_cast<int>(std::floor((lw.box.x0 - kWordMargin) * px)), 0, w);
      int x1 = std::min(w, static_cast<int>(std::ceil((lw.box.x1 + kWordMargin) * px)));
      int y0 = std::max(0, static_cast<int>(std::floor((lw.box.y0 - kWordMargin) * px)));
      int y1 = std::min(h, static_cast<int>(std::ceil((lw.box.y1 + kWordMargin) * px)));
      for (int y = y0; y < y1; ++y) std::fill(word.begin() + static_cast<ptrdiff_t>(y) * w + x0,
                                              word.begin() + static_cast<ptrdiff_t>(y) * w + std::max(x0, x1), 1);
    }
  std::vector<uint8_t> keep(ink.size());
  for (size_t i = 0; i < ink.size(); ++i) keep[i] = ink[i] && !word[i];
  const int rule = std::max(2, static_cast<int>(kRuleLength * px));
  for (int y = 0; y < h; ++y) ClearRuns(ink, static_cast<size_t>(y) * w, 1, w, rule, &keep);
  for (int x = 0; x < w; ++x) ClearRuns(ink, static_cast<size_t>(x), static_cast<size_t>(w), h, rule, &keep);
  // Rows of what is left, grouped into bands.
  const int gap = static_cast<int>(kBandGap * px);
  const double min_ink = kMinBandInk * px * px;
  struct Band {
    int y0, y1;
    double ink;  // left over
  };
  std::vector<Band> bands;
  for (int y = 0; y < h; ++y) {
    const auto row = keep.begin() + static_cast<ptrdiff_t>(y) * w;
    const auto n = std::count(row, row + w, 1);
    if (n == 0) continue;
    if (!bands.empty() && y - bands.back().y1 <= gap) {
      bands.back().y1 = y;
      bands.back().ink += static_cast<double>(n);
    } else {
      bands.push_back(Band{y, y, static_cast<double>(n)});
    }
  }
  for (const Band& b : bands) {
    if (b.ink < min_ink) continue;
    // The layer's words' own ink in the band: a scan under an OCR layer
    // leaves a tenth of it or less outside the boxes; a picture of text
    // beside a line of the layer leaves more than there is in the line.
    size_t words_ink = 0;
    for (size_t i = static_cast<size_t>(b.y0) * w; i < static_cast<size_t>(b.y1 + 1) * w; ++i)
      words_ink += ink[i] && word[i];
    if (b.ink > static_cast<double>(words_ink))
      out.push_back(Box{0, std::max(0.0, b.y0 / px - kBandMargin), layer.width,
                        std::min(h / px, (b.y1 + 1) / px + kBandMargin)});
  }
  return out;
}

int AddBandLines(const Box& band, int dpi, std::vector<Line> ocr, Page* layer) {
  const double pt = 72.0 / dpi;  // points per pixel
  std::vector<Box> taken;
  for (const Line& l : layer->lines)
    for (const Word& word : l.words) taken.push_back(word.box);
  int added = 0;
  for (Line& line : ocr) {
    std::vector<Word> words;
    for (Word& word : line.words) {
      auto at = [&](double origin, double pixels) { return std::round((origin + pixels * pt) * 100) / 100; };
      word.box = Box{at(band.x0, word.box.x0), at(band.y0, word.box.y0), at(band.x0, word.box.x1),
                     at(band.y0, word.box.y1)};
      const double cx = (word.box.x0 + word.box.x1) / 2, cy = CenterY(word.box);
      if (std::none_of(taken.begin(), taken.end(), [&](const Box& b) { return Inside(b, cx, cy); }))
        words.push_back(std::move(word));
    }
    if (words.empty()) continue;
    Line kept;
    for (const Word& word : words) kept.text += (kept.text.empty() ? "" : " ") + word.text;
    kept.words = std::move(words);
    const double top = kept.words.front().box.y0;
    auto at = std::find_if(layer->lines.begin(), layer->lines.end(),
                           [&](const Line& l) { return !l.words.empty() && l.words.front().box.y0 > top; });
    // The band's lines keep the OCR's order (cells of one row read as lines
    // may start a little higher than the line before): each goes after the
    // band's lines added before it, numbered -1 until all are in.
    while (at != layer->lines.end() && at->number < 0) ++at;
    kept.number = -1;
    layer->lines.insert(at, std::move(kept));
    ++added;
  }
  for (size_t i = 0; i < layer->lines.size(); ++i) layer->lines[i].number = static_cast<int>(i) + 1;
  return added;
}

TextLayerVerdict JudgeTextLayer(const Page& page, OcrMode mode, const Lexicon* lexicon,
                                const std::string& ocr_language, const TextLayerPolicy& policy) {
  if (mode == OcrMode::kAlways) return {true, "--ocr always"};
  int words = 0;
  bool danish_letter = false;
  for (const Line& line : page.lines) {
    danish_letter = danish_letter || HasDanishLetter(line.text);
    if (line.words.empty()) {
      // A layer without geometry: count its space-separated words.
      size_t start = 0;
      while (start < line.text.size()) {
        size_t end = line.text.find(' ', start);
        if (end == std::string::npos) end = line.text.size();
        if (CountLetters(line.text.substr(start, end - start)) >= 2) ++words;
        start = end + 1;
      }
    } else {
      for (const Word& w : line.words)
        if (CountLetters(w.text) >= 2) ++words;
    }
  }
  if (words < policy.min_words) {
    if (mode == OcrMode::kNever) return {false, "no usable text layer; OCR disabled (--ocr never)"};
    return {true, words == 0 ? "no text layer" : "no usable text layer: " + std::to_string(words) + " words",
            words > 0};
  }
  if (mode == OcrMode::kNever) return {false, "--ocr never"};
  // Danish running text without a single æ, ø or å: a non-Danish OCR model
  // made the layer (it cannot output those letters).
  bool no_danish_letters = ocr_language.find("dan") != std::string::npos && !danish_letter &&
                           words >= policy.min_words_for_letter_check;
  std::string letters_note =
      "no æ, ø or å in " + std::to_string(words) + " words (made by a non-Danish OCR model)";
  if (lexicon == nullptr) {
    if (no_danish_letters) return {true, "text layer damaged: " + letters_note};
    return {false, "text layer present (not judged: no lexicon)"};
  }
  TextHealth health = AssessText(page, *lexicon);
  std::string figures = Percent(health.lexicon_hit_rate) + " lexicon hits, " +
                        Percent(health.changed_share) + " of words would be repaired";
  bool judged = health.words >= policy.min_judged_words;
  bool damaged = judged && (health.lexicon_hit_rate < policy.min_hit_rate ||
                            health.changed_share > policy.max_changed_share);
  if (damaged) {
    return {true, "text layer damaged: " + figures + (no_danish_letters ? "; " + letters_note : "")};
  }
  if (no_danish_letters) return {true, "text layer damaged: " + letters_note};
  if (!judged) {
    return {false, "text layer present (" + std::to_string(health.words) +
                       " words judged, too few to judge)"};
  }
  return {false, "text layer healthy: " + figures};
}

}  // namespace notat
