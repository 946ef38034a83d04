// Tesseract adapter: OcrEngine over tesseract::TessBaseAPI. Words come from
// the result iterator at RIL_WORD, grouped into Tesseract's text lines. A page
// that reads badly is checked with the orientation model and read turned.
#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/ocr.h"

namespace notat {
namespace {

// Directories Tesseract reads models from: $TESSDATA_PREFIX when set (with or
// without a trailing tessdata/), otherwise the Debian locations.
std::vector<std::string> ModelDirs() {
  if (const char* prefix = std::getenv("TESSDATA_PREFIX"); prefix && *prefix) {
    return {prefix, std::string(prefix) + "/tessdata"};
  }
  return {"/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
          "/usr/share/tessdata", "/usr/local/share/tessdata"};
}

std::vector<std::string> SplitLanguages(const std::string& language) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= language.size()) {
    size_t end = language.find('+', start);
    if (end == std::string::npos) end = language.size();
    if (end > start) out.push_back(language.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// The directory holding every model of `language`, or kNotFound naming the
// first missing one and its Debian package.
Result<std::string> FindModelDir(const std::string& language) {
  std::vector<std::string> langs = SplitLanguages(language);
  if (langs.empty()) return MakeError(ErrorCode::kInvalidInput, "OCR language is empty");
  std::vector<std::string> dirs = ModelDirs();
  std::error_code ec;
  for (const std::string& dir : dirs) {
    bool all = true;
    for (const std::string& lang : langs)
      all = all && std::filesystem::is_regular_file(dir + "/" + lang + ".traineddata", ec);
    if (all) return dir;
  }
  std::string missing;
  for (const std::string& lang : langs) {
    bool found = false;
    for (const std::string& dir : dirs)
      found = found || std::filesystem::is_regular_file(dir + "/" + lang + ".traineddata", ec);
    if (!found) { missing = lang; break; }
  }
  if (missing.empty()) missing = langs.front();  // present, but not all in one directory
  std::string searched;
  for (const std::string& dir : dirs) searched += (searched.empty() ? "" : ", ") + dir;
  return MakeError(ErrorCode::kNotFound,
                   "OCR language model '" + missing + "' not found (looked in " + searched +
                       "): install the Debian package tesseract-ocr-" + missing +
                       ", or set TESSDATA_PREFIX to a directory holding " + missing + ".traineddata");
}

struct PixDeleter {
  void operator()(Pix* p) const { pixDestroy(&p); }
};

struct CharArrayDeleter {
  void operator()(char* p) const { delete[] p; }
};
using TessText = std::unique_ptr<char, CharArrayDeleter>;

std::string Take(char* text) {
  TessText owned(text);
  return owned ? std::string(owned.get()) : std::string();
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\n\r");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\n\r");
  return s.substr(b, e - b + 1);
}

// True for a word that is a figure: digits, with separators and the
// letters OCR confuses with digits, and no other letter.
bool IsFigure(const std::string& text) {
  bool digit = false;
  for (unsigned char c : text) {
    if (c >= '0' && c <= '9') digit = true;
    else if (!std::strchr(".,;:()[]{}|!'%OlISB", c)) return false;
  }
  return digit;
}

// The line's text: its words, one space between.
void JoinWords(Line* line) {
  line->text.clear();
  for (const Word& w : line->words) {
    if (!line->text.empty()) line->text += ' ';
    line->text += w.text;
  }
}

}  // namespace

bool IsOcrNoise(std::string_view text, float confidence, int width, int height) {
  constexpr float kMinPunctuationConfidence = 75;
  // A mark at most a tenth as wide as it is tall, read with almost no
  // confidence: letters' stems (I, l, 1) are a sixth or more.
  constexpr float kMaxSliverConfidence = 10;
  constexpr int kSliverAspect = 10;
  if (confidence < kMaxSliverConfidence && width > 0 && width * kSliverAspect < height) return true;
  // ("$" is a glyph OCR reads for 5 or S: the number's to keep.)
  for (unsigned char c : text)
    if (std::isalnum(c) || c >= 0x80 || c == '$') return false;
  return confidence < kMinPunctuationConfidence;
}

void JoinFigureFragments(std::vector<Line>* lines) {
  auto figure = [](const Word& w) { return IsFigure(w.text) || w.text == "|"; };
  bool joined = false;
  for (size_t i = 0; i < lines->size(); ++i) {
    Line& frag = (*lines)[i];
    if (frag.words.empty() || !std::all_of(frag.words.begin(), frag.words.end(), figure)) continue;
    const Box f = UnionBox(frag.words);
    for (size_t j = 0; j < lines->size(); ++j) {
      Line& row = (*lines)[j];
      if (j == i || row.words.empty()) continue;
      const Box r = UnionBox(row.words);
      const double overlap = std::min(f.y1, r.y1) - std::max(f.y0, r.y0);
      const double lower = std::min(f.y1 - f.y0, r.y1 - r.y0);
      if (lower <= 0 || overlap <= lower / 2 || (f.x0 < r.x1 && r.x0 < f.x1)) continue;
      row.words.insert(row.words.end(), frag.words.begin(), frag.words.end());
      std::stable_sort(row.words.begin(), row.words.end(),
                       [](const Word& a, const Word& b) { return a.box.x0 < b.box.x0; });
      JoinWords(&row);
      frag.words.clear();
      // The joined line keeps the earlier place in reading order: a row's
      // own figures read as a block at the page's end must not take the
      // row there (a wide table's year header, its last year on its own).
      if (i < j) std::swap(frag, row);
      joined = true;
      break;
    }
  }
  if (!joined) return;
  std::erase_if(*lines, [](const Line& l) { return l.words.empty(); });
  for (size_t i = 0; i < lines->size(); ++i) (*lines)[i].number = static_cast<int>(i) + 1;
}

namespace {

class TesseractEngine : public OcrEngine {
 public:
  explicit TesseractEngine(OcrOptions options) : options_(std::move(options)) {}
  TesseractEngine(const TesseractEngine&) = delete;  // owns a TessBaseAPI
  TesseractEngine& operator=(const TesseractEngine&) = delete;
  ~TesseractEngine() override {
    api_.End();
    osd_.End();
  }

  Result<void> Init(const std::string& model_dir) {
    model_dir_ = model_dir;
    if (api_.Init(model_dir.c_str(), options_.language.c_str(), tesseract::OEM_LSTM_ONLY) != 0) {
      return MakeError(ErrorCode::kOcr, "Tesseract could not load the OCR model '" + options_.language +
                                            "' from " + model_dir +
                                            " (reinstall tesseract-ocr and its language packages)");
    }
    api_.SetPageSegMode(static_cast<tesseract::PageSegMode>(options_.page_segmentation_mode));
    return {};
  }

  Result<OcrResult> Recognize(const RasterImage& image) override {
    if (image.width <= 0 || image.height <= 0 ||
        image.pixels.size() != static_cast<size_t>(image.width) * image.height)
      return MakeError(ErrorCode::kInternal, "OCR given an empty or inconsistent image");
    api_.SetImage(image.pixels.data(), image.width, image.height, 1, image.width);
    api_.SetSourceResolution(image.dpi > 0 ? image.dpi : 300);
    if (api_.Recognize(nullptr) != 0) {
      api_.Clear();
      return MakeError(ErrorCode::kOcr, "Tesseract failed to recognize the page");
    }
    OcrResult out;
    out.width = image.width;
    out.height = image.height;
    // Tesseract's confidence in each word's whole segment, by line.
    std::vector<std::vector<float>> segment_confidences;
    std::unique_ptr<tesseract::ResultIterator> it(api_.GetIterator());
    if (it) {
      const auto word_level = tesseract::RIL_WORD;
      do {
        if (it->Empty(word_level)) continue;
        if (out.lines.empty() || it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) {
          if (out.lines.empty() || !out.lines.back().words.empty()) out.lines.emplace_back();
        }
        float segment_confidence = 0;
        std::optional<Word> read = WordAt(*it, &segment_confidence);
        if (!read) continue;
        Word word = std::move(*read);
        out.lines.back().words.push_back(std::move(word));
        segment_confidences.resize(out.lines.size());
        segment_confidences.back().push_back(segment_confidence);
      } while (it->Next(word_level));
    }
    if (!out.lines.empty() && out.lines.back().words.empty()) out.lines.pop_back();
    for (size_t i = 0; i < out.lines.size(); ++i) {
      out.lines[i].number = static_cast<int>(i) + 1;
      JoinWords(&out.lines[i]);
    }
    out.text = Take(api_.GetUTF8Text());
    if (options_.want_tsv) {
      // The header line the tesseract command writes before its rows.
      out.tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
                Take(api_.GetTSVText(0));
    }
    if (options_.reread_figures_below_confidence > 0) RereadFigures(image, segment_confidences, &out);
    JoinFigureFragments(&out.lines);
    api_.Clear();
    return out;
  }

 private:
  // The digits of `text`, in order.
  static std::string Digits(const std::string& text) {
    std::string out;
    for (char c : text)
      if (c >= '0' && c <= '9') out += c;
    return out;
  }

  // Reads each figure of `out` that Tesseract read unsurely again, alone:
  // the image is already set, so only the rectangle around the figure's box
  // (a third of its height to each side, a quarter above and below) is
  // recognised, as one line. The words read there replace the figure when
  // they are figures too and Tesseract is surer of each of them than it was
  // of the figure (segment confidences: a digit's own confidence stays high
  // for a digit no mark stands for).
  void RereadFigures(const RasterImage& image, const std::vector<std::vector<float>>& segment_confidences,
                     OcrResult* out) {
    const double below = options_.reread_figures_below_confidence;
    bool tried = false;
    for (size_t li = 0; li < out->lines.size() && li < segment_confidences.size(); ++li) {
      Line& line = out->lines[li];
      if (segment_confidences[li].size() != line.words.size()) continue;
      std::vector<Word> words;
      bool line_changed = false;
      for (size_t wi = 0; wi < line.words.size(); ++wi) {
        Word& w = line.words[wi];
        const double was = segment_confidences[li][wi];
        if (was >= below || w.box.x1 <= w.box.x0 || !IsFigure(w.text)) {
          words.push_back(std::move(w));
          continue;
        }
        std::vector<float> again_confidences;
        tried = true;
        std::optional<std::vector<Word>> again =
            ReadAlone(image, w.box, tesseract::PSM_SINGLE_LINE, &again_confidences);
        bool better = again && !again->empty();
        double weakest = 100;
        if (better) {
          for (size_t k = 0; k < again->size(); ++k) {
            better = better && IsFigure((*again)[k].text);
            weakest = std::min(weakest, static_cast<double>(again_confidences[k]));
          }
        }
        std::string joined;
        if (better)
          for (const Word& a : *again) joined += (joined.empty() ? "" : " ") + a.text;
        // Only other digits replace the first reading: its punctuation was
        // read in the line's context ("30. juni" reread alone as "30,").
        if (better && weakest > was && Digits(joined) != Digits(w.text)) {
          for (Word& a : *again) words.push_back(std::move(a));
          line_changed = true;
          continue;
        }
        // Kept as first read. Read as one word, a figure whose digits come
        // out otherwise is in doubt ("36" read "86" in its line and as one
        // line, "36" as one word): its confidence falls to the segment's, so
        // it is flagged low-confidence rather than trusted.
        std::vector<float> word_confidences;
        std::optional<std::vector<Word>> as_word =
            ReadAlone(image, w.box, tesseract::PSM_SINGLE_WORD, &word_confidences);
        if (as_word && as_word->size() == 1 && IsFigure(as_word->front().text) &&
            Digits(as_word->front().text) != Digits(w.text))
          w.confidence = std::min(w.confidence, was);
        words.push_back(std::move(w));
      }
      line.words = std::move(words);
      if (line_changed) JoinWords(&line);
    }
    if (tried) api_.SetPageSegMode(static_cast<tesseract::PageSegMode>(options_.page_segmentation_mode));
  }

  // The words Tesseract reads in the rectangle around `box` in page
  // segmentation `mode` (one line, one word); nullopt when recognition fails.
  std::optional<std::vector<Word>> ReadAlone(const RasterImage& image, const Box& box, tesseract::PageSegMode mode,
                                             std::vector<float>* segment_confidences) {
    const double h = box.y1 - box.y0;
    const int left = std::max(0, static_cast<int>(box.x0 - h / 3));
    const int top = std::max(0, static_cast<int>(box.y0 - h / 4));
    const int right = std::min(image.width, static_cast<int>(box.x1 + h / 3));
    const int bottom = std::min(image.height, static_cast<int>(box.y1 + h / 4));
    if (right <= left || bottom <= top) return std::nullopt;
    api_.SetPageSegMode(mode);
    api_.SetRectangle(left, top, right - left, bottom - top);
    if (api_.Recognize(nullptr) != 0) return std::nullopt;
    std::vector<Word> words;
    std::unique_ptr<tesseract::ResultIterator> it(api_.GetIterator());
    if (!it) return words;
    do {
      if (it->Empty(tesseract::RIL_WORD)) continue;
      float segment_confidence = 0;
      std::optional<Word> w = WordAt(*it, &segment_confidence);
      if (!w) continue;
      segment_confidences->push_back(segment_confidence);
      words.push_back(std::move(*w));
    } while (it->Next(tesseract::RIL_WORD));
    return words;
  }

  // The word at `it` with its box and confidence, or nullopt for an empty
  // word or a speckle. A figure's confidence is that of its weakest digit:
  // Tesseract gives a word the confidence of its whole segment, which a
  // table rule next to the number can drag down while every digit was read
  // surely; that segment confidence goes to `segment_confidence`.
  static std::optional<Word> WordAt(const tesseract::ResultIterator& it, float* segment_confidence) {
    Word w;
    w.text = Trim(Take(it.GetUTF8Text(tesseract::RIL_WORD)));
    w.confidence = it.Confidence(tesseract::RIL_WORD);
    int left = 0, top = 0, right = 0, bottom = 0;
    const bool boxed = it.BoundingBox(tesseract::RIL_WORD, &left, &top, &right, &bottom);
    if (w.text.empty() || IsOcrNoise(w.text, static_cast<float>(w.confidence), boxed ? right - left : 0,
                                     boxed ? bottom - top : 0))
      return std::nullopt;
    *segment_confidence = static_cast<float>(w.confidence);
    if (std::optional<float> digits = DigitConfidence(it)) w.confidence = *digits;
    if (boxed) w.box = Box{double(left), double(top), double(right), double(bottom)};
    return w;
  }

  // The lowest symbol confidence among the digits of the word at `it`, or
  // nullopt when the word has no digit.
  static std::optional<float> DigitConfidence(const tesseract::ResultIterator& it) {
    tesseract::ResultIterator sym(it);
    std::optional<float> lowest;
    do {
      std::unique_ptr<char[]> text(sym.GetUTF8Text(tesseract::RIL_SYMBOL));
      if (text && text[0] >= '0' && text[0] <= '9' && text[1] == '\0') {
        float c = sym.Confidence(tesseract::RIL_SYMBOL);
        if (!lowest || c < *lowest) lowest = c;
      }
    } while (sym.Next(tesseract::RIL_SYMBOL) && !sym.IsAtBeginningOf(tesseract::RIL_WORD));
    return lowest;
  }

  // From Tesseract's orientation model; nullopt when it is unsure or not
  // installed (osd.traineddata).
  std::optional<int> DetectTurn(const RasterImage& image) override {
    constexpr float kMinOrientationConfidence = 2;
    if (!osd_ready_) {
      if (osd_failed_ ||
          !std::filesystem::is_regular_file(model_dir_ + "/osd.traineddata") ||
          osd_.Init(model_dir_.c_str(), "osd", tesseract::OEM_TESSERACT_ONLY) != 0) {
        osd_failed_ = true;
        return std::nullopt;
      }
      osd_.SetPageSegMode(tesseract::PSM_OSD_ONLY);
      osd_ready_ = true;
    }
    // OSD takes the resolution from the image itself (it warns and assumes
    // 70 dpi for raw pixels), so it gets a Leptonica image that carries it.
    std::unique_ptr<Pix, PixDeleter> pix(pixCreate(image.width, image.height, 8));
    if (!pix) return std::nullopt;
    int dpi = image.dpi > 0 ? image.dpi : 300;
    pixSetResolution(pix.get(), dpi, dpi);
    l_uint32* data = pixGetData(pix.get());
    int wpl = pixGetWpl(pix.get());
    for (int y = 0; y < image.height; ++y) {
      const uint8_t* row = image.pixels.data() + static_cast<size_t>(y) * image.width;
      for (int x = 0; x < image.width; ++x) SET_DATA_BYTE(data + static_cast<size_t>(y) * wpl, x, row[x]);
    }
    osd_.SetImage(pix.get());
    int degrees = 0;
    float confidence = 0, script_confidence = 0;
    const char* script = nullptr;
    bool ok = osd_.DetectOrientationScript(&degrees, &confidence, &script, &script_confidence);
    osd_.Clear();
    if (!ok || confidence < kMinOrientationConfidence) return std::nullopt;
    // `degrees` is how far the text is turned; turning back undoes it.
    return (360 - degrees % 360) % 360;
  }

  OcrOptions options_;
  std::string model_dir_;
  tesseract::TessBaseAPI api_;
  tesseract::TessBaseAPI osd_;  // orientation model, started on first need
  bool osd_ready_ = false, osd_failed_ = false;
};

}  // namespace

Result<std::unique_ptr<OcrEngine>> CreateTesseractEngine(const OcrOptions& options) {
  Result<std::string> dir = FindModelDir(options.language);
  if (!dir) return std::unexpected(dir.error());
  auto engine = std::make_unique<TesseractEngine>(options);
  Result<void> init = engine->Init(*dir);
  if (!init) return std::unexpected(init.error());
  return std::unique_ptr<OcrEngine>(std::move(engine));
}

}  // namespace notat
