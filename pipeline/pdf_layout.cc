// Page geometry and text-layer health: lines from word boxes, scrambled
// reading order, and the choice between a PDF's text layer and OCR.
#include <algorithm>
#include <cmath>
#include <cstdio>
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

std::vector<Line> LinesFromWordBoxes(std::vector<Word> words) {
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
  for (size_t i = 0; i < lines.size(); ++i) {
    Line& line = lines[i];
    std::stable_sort(line.words.begin(), line.words.end(),
                     [](const Word& a, const Word& b) { return a.box.x0 < b.box.x0; });
    line.number = static_cast<int>(i) + 1;
    for (const Word& w : line.words) {
      if (!line.text.empty()) line.text += ' ';
      line.text += w.text;
    }
  }
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
    return {true, words == 0 ? "no text layer"
                             : "no usable text layer: " + std::to_string(words) + " words"};
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
