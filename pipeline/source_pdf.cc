// Poppler adapter and the PDF/image reader: text layers with word boxes,
// page rendering for OCR, the per-page choice between them, and the worker
// pool that OCRs pages (render -> clean -> OCR -> free, at most `jobs` pages
// in memory).
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/ocr.h"
#include "pipeline/pdf_source.h"
#include "pipeline/repair.h"
#include "pipeline/utf8.h"

namespace notat {
namespace {

// ---- Poppler ----
//
// One Poppler document is not safe to use from two threads, and Poppler keeps
// some global state, so every Poppler call runs under this lock. Rendering is
// short next to OCR, so the workers still OCR in parallel.
std::mutex& PopplerMutex() {
  static std::mutex m;
  return m;
}

// Poppler's last complaint, to put in our error messages (guarded by the lock).
std::string& PopplerLastError() {
  static std::string last;
  return last;
}

void InstallPopplerErrorHook() {
  static std::once_flag once;
  std::call_once(once, [] {
    poppler::set_debug_error_function(
        [](const std::string& message, void*) { PopplerLastError() = message; }, nullptr);
  });
}

struct PopplerDocDeleter {
  void operator()(poppler::document* d) const {
    std::lock_guard<std::mutex> lock(PopplerMutex());
    delete d;
  }
};
using PopplerDoc = std::unique_ptr<poppler::document, PopplerDocDeleter>;

std::string Utf8(const poppler::ustring& s) {
  poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// Loads `bytes` as a PDF; the caller holds no lock.
Result<PopplerDoc> LoadPdf(std::string_view bytes, const std::string& path, const std::string& password) {
  InstallPopplerErrorHook();
  if (bytes.size() > static_cast<size_t>(INT32_MAX))
    return MakeError(ErrorCode::kInvalidInput, path + ": PDF larger than 2 GiB is not supported");
  std::lock_guard<std::mutex> lock(PopplerMutex());
  PopplerLastError().clear();
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(
      bytes.data(), static_cast<int>(bytes.size()), password, password));
  if (!doc) {
    std::string detail = PopplerLastError().empty() ? "" : " (" + PopplerLastError() + ")";
    return MakeError(ErrorCode::kParse, path + ": not a readable PDF" + detail);
  }
  if (doc->is_locked()) {
    if (password.empty())
      return MakeError(ErrorCode::kInvalidInput,
                       path + ": the PDF is encrypted: give its password with --password");
    return MakeError(ErrorCode::kInvalidInput,
                     path + ": the PDF is encrypted and the password given with --password is wrong");
  }
  return PopplerDoc(doc.release());
}

// The quarter turns (0-3, clockwise) of most of the text on a page as
// displayed: Poppler gives each box's, and its boxes in the displayed frame,
// so a page whose /Rotate turns its text (or whose text was set turned) has
// its lines running down, up, or right to left.
int TextTurn(const std::vector<poppler::text_box>& boxes) {
  size_t chars[4] = {0, 0, 0, 0};
  for (const poppler::text_box& tb : boxes) chars[tb.rotation() & 3] += tb.text().size();
  return static_cast<int>(std::max_element(chars, chars + 4) - chars);
}

// `box` on a displayed page `width` by `height` points, in the frame where
// text turned `turn` quarters clockwise reads upright.
Box Upright(const Box& box, int turn, double width, double height) {
  switch (turn) {
    case 1:  // reads downwards; the next line is to its left
      return Box{box.y0, width - box.x1, box.y1, width - box.x0};
    case 2:  // upside down
      return Box{width - box.x1, height - box.y1, width - box.x0, height - box.y0};
    case 3:  // reads upwards; the next line is to its right
      return Box{height - box.y1, box.x0, height - box.y0, box.x1};
    default:
      return box;
  }
}

// The inverse of Upright: a box in the frame of text turned `turn` quarters
// back on the displayed page.
Box Displayed(const Box& box, int turn, double width, double height) {
  switch (turn) {
    case 1:
      return Box{width - box.y1, box.x0, width - box.y0, box.x1};
    case 2:
      return Box{width - box.x1, height - box.y1, width - box.x0, height - box.y0};
    case 3:
      return Box{box.y0, height - box.x1, box.y1, height - box.x0};
    default:
      return box;
  }
}

// Words of a page's text layer in Poppler's order, in points from the top
// left of the page turned so that its text reads upright (`turn`, TextTurn;
// the page is `width` by `height` points as displayed). Pieces of one word
// that Poppler gives separately (a font change or a kerned pair inside a
// word) are joined into one word.
std::vector<Word> TextLayerWords(const std::vector<poppler::text_box>& boxes, int turn, double width,
                                 double height) {
  std::vector<Word> words;
  bool glue = false;  // the previous box had no space after it
  for (const poppler::text_box& tb : boxes) {
    std::string text = NormalizeText(Utf8(tb.text()));
    poppler::rectf r = tb.bbox();
    Box box = Upright(Box{r.x(), r.y(), r.x() + r.width(), r.y() + r.height()}, turn, width, height);
    if (text.empty()) continue;
    if (!words.empty()) {
      Box& prev = words.back().box;
      double overlap = std::min(prev.y1, box.y1) - std::max(prev.y0, box.y0);
      double shorter = std::min(prev.y1 - prev.y0, box.y1 - box.y0);
      bool same_line = shorter > 0 && overlap > 0.5 * shorter;
      double gap = box.x0 - prev.x1;
      // Poppler marks a space where a kerned pair left a sliver ("for tsat");
      // a gap under a tenth of the text height is never a word space.
      bool adjacent = gap >= -0.5 && (gap < 0.1 * shorter || (glue && gap < 0.25 * shorter));
      if (same_line && adjacent) {
        words.back().text += text;
        prev = Box{std::min(prev.x0, box.x0), std::min(prev.y0, box.y0), std::max(prev.x1, box.x1),
                   std::max(prev.y1, box.y1)};
        glue = !tb.has_space_after();
        continue;
      }
    }
    words.push_back(Word{std::move(text), box, -1});
    glue = !tb.has_space_after();
  }
  return words;
}

// Lines in Poppler's order: a new line starts when a word does not share the
// current line's band or goes back to the left.
std::vector<Line> LinesInLayerOrder(const std::vector<Word>& words) {
  std::vector<Line> lines;
  double top = 0, bottom = 0, right = 0;
  for (const Word& w : words) {
    double center = (w.box.y0 + w.box.y1) / 2;
    bool same = !lines.empty() && center >= top && center <= bottom && w.box.x0 >= right - 1;
    if (!same) {
      lines.emplace_back();
      lines.back().number = static_cast<int>(lines.size());
      top = w.box.y0;
      bottom = w.box.y1;
    }
    Line& line = lines.back();
    if (!line.text.empty()) line.text += ' ';
    line.text += w.text;
    line.words.push_back(w);
    right = w.box.x1;
  }
  return lines;
}

// The page's text layer as a Page (boxes in points). Caller holds the lock.
// `turn_out` gets the quarter turns (0-3) from the page as displayed to the
// frame of the boxes (its text's own direction).
Page TextLayerPage(const poppler::page& ppage, int number, int* turn_out) {
  Page page;
  page.number = number;
  page.text_source = "text-layer";
  poppler::rectf rect = ppage.page_rect(poppler::crop_box);
  page.width = rect.width();
  page.height = rect.height();
  poppler::page::orientation_enum o = ppage.orientation();
  if (o == poppler::page::landscape || o == poppler::page::seascape) std::swap(page.width, page.height);
  std::vector<poppler::text_box> all = ppage.text_list();
  const int turn = TextTurn(all);
  *turn_out = turn;
  // Text set in another direction than the page's (a wide table turned to
  // fit) is read in its own direction and put, as a block, before the first
  // line of the page's text below its top; its words' boxes are then given
  // in the page's frame like the others'.
  std::vector<poppler::text_box> by_turn[4];
  for (poppler::text_box& tb : all) by_turn[tb.rotation() & 3].push_back(std::move(tb));
  const double width = page.width, height = page.height;
  if (turn % 2 == 1) std::swap(page.width, page.height);
  for (int k = 0; k < 4; ++k) {
    const int t = (turn + k) % 4;
    if (by_turn[t].empty()) continue;
    std::vector<Word> words = TextLayerWords(by_turn[t], t, width, height);
    std::vector<Line> lines = LinesInLayerOrder(words);
    if (ReadingOrderScrambled(lines)) lines = LinesFromWordBoxes(std::move(words));
    double top = height + width;
    for (Line& line : lines)
      for (Word& w : line.words) {
        if (t != turn) w.box = Upright(Displayed(w.box, t, width, height), turn, width, height);
        top = std::min(top, w.box.y0);
      }
    auto at = page.lines.end();
    if (t != turn)
      at = std::find_if(page.lines.begin(), page.lines.end(),
                        [&](const Line& l) { return !l.words.empty() && l.words.front().box.y0 > top; });
    page.lines.insert(at, std::make_move_iterator(lines.begin()), std::make_move_iterator(lines.end()));
  }
  for (size_t i = 0; i < page.lines.size(); ++i) page.lines[i].number = static_cast<int>(i) + 1;
  return page;
}

// Renders page `index` (0-based) in 8-bit gray at `dpi`, refusing pages over
// `max_pixels` before rendering.
Result<RasterImage> RenderPage(poppler::document& doc, int index, int dpi, long long max_pixels,
                               const std::string& path) {
  std::string where = path + ": page " + std::to_string(index + 1);
  std::lock_guard<std::mutex> lock(PopplerMutex());
  std::unique_ptr<poppler::page> page(doc.create_page(index));
  if (!page) return MakeError(ErrorCode::kParse, where + ": cannot read the page");
  poppler::rectf rect = page->page_rect(poppler::crop_box);
  double w = std::ceil(rect.width() * dpi / 72.0), h = std::ceil(rect.height() * dpi / 72.0);
  if (!(w > 0 && h > 0))
    return MakeError(ErrorCode::kParse, where + ": the page has no size");
  if (w * h > static_cast<double>(max_pixels)) {
    return MakeError(ErrorCode::kInvalidInput,
                     where + ": rendering at " + std::to_string(dpi) + " dpi gives " +
                         std::to_string(static_cast<long long>(w)) + "x" +
                         std::to_string(static_cast<long long>(h)) +
                         " pixels, over the limit of " + std::to_string(max_pixels) +
                         " (max_pixels); not rendered");
  }
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_image_format(poppler::image::format_gray8);
  poppler::image img = renderer.render_page(page.get(), dpi, dpi);
  if (!img.is_valid() || img.width() <= 0 || img.height() <= 0)
    return MakeError(ErrorCode::kParse, where + ": the page could not be rendered");
  RasterImage out;
  out.width = img.width();
  out.height = img.height();
  out.dpi = dpi;
  out.pixels.resize(static_cast<size_t>(out.width) * out.height);
  const char* data = img.const_data();
  for (int y = 0; y < out.height; ++y) {
    std::memcpy(out.pixels.data() + static_cast<size_t>(y) * out.width,
                data + static_cast<size_t>(y) * img.bytes_per_row(), out.width);
  }
  return out;
}

// ---- OCR of pages, in parallel ----

// Produces page `index`'s image; each worker gets its own.
// A page as an image: a PDF page rendered at `dpi` (0: the options'
// resolution); an image input's page as it is, whatever `dpi`.
using Rasterizer = std::function<Result<RasterImage>(int index, int dpi)>;
using RasterizerFactory = std::function<Result<Rasterizer>()>;

struct OcrJob {
  int index = 0;        // 0-based page index
  std::string why;      // Page::text_source_why
  // When set, only these bands (points) are read, into this text layer:
  // text shown as a picture on a page whose layer is used.
  std::vector<Box> bands;
  Page layer;
  int turn = 0;  // of the layer's frame from the page as rendered
};

std::string PageName(int index) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "p%03d", index + 1);
  return buf;
}

Result<void> WriteText(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) return MakeError(ErrorCode::kIo, path + ": cannot write: " + std::strerror(errno));
  return {};
}

// A page read with less mean word confidence than this, or (with a lexicon)
// with fewer of its words Danish than kCheckTurnBelowDanish, may be turned:
// sideways or upside down. Upside down, a line or two of text reads as junk
// Tesseract may be fairly sure of ("7707 Jeajey Japue", 66 on average).
constexpr double kCheckTurnBelowConfidence = 60;
constexpr double kCheckTurnBelowDanish = 0.5;
// ... or read far fewer characters than its ink holds: upright pages of
// notes have 130-290 dark pixels per character read at 300 dpi; a page on
// its side whose cleaning erased its letters may read as one "[9]" (95,000).
constexpr double kMaxInkPerCharacter300 = 2000;

// How well a page reads: the share of its words the lexicon knows (-1
// without a lexicon or a word of letters), the mean word confidence, and
// whether the characters read are too few for the page's ink.
struct Reading {
  double danish = -1;
  double confidence = 0;
  bool too_little = false;
};

// The mean confidence of the words read; 0 when none was.
double MeanWordConfidence(const OcrResult& r) {
  double sum = 0;
  int n = 0;
  for (const Line& l : r.lines)
    for (const Word& w : l.words) {
      sum += w.confidence;
      ++n;
    }
  return n == 0 ? 0 : sum / n;
}

// Pixels darker than mid-grey.
size_t InkPixels(const RasterImage& image) {
  return static_cast<size_t>(std::count_if(image.pixels.begin(), image.pixels.end(), [](uint8_t p) { return p < 128; }));
}

// `ink`: the page's InkPixels, the same whichever way up it is read.
Reading JudgeReading(const OcrResult& r, const Lexicon* lexicon, size_t ink, int dpi) {
  Reading out;
  out.confidence = MeanWordConfidence(r);
  size_t characters = 0;
  for (const Line& l : r.lines)
    for (const Word& w : l.words) characters += w.text.size();
  const double scale = (dpi > 0 ? dpi : 300) / 300.0;
  out.too_little = static_cast<double>(ink) > static_cast<double>(characters) * kMaxInkPerCharacter300 * scale * scale;
  if (lexicon != nullptr) {
    Page page;
    page.lines = r.lines;
    TextHealth health = AssessText(page, *lexicon);
    if (health.words > 0) out.danish = health.lexicon_hit_rate;
  }
  return out;
}

bool ReadsBadly(const Reading& r) {
  return r.confidence < kCheckTurnBelowConfidence || (r.danish >= 0 && r.danish < kCheckTurnBelowDanish) ||
         r.too_little;
}

// Enough characters for the ink where the other has not; else more Danish
// words when both readings have some; else surer.
bool ReadsBetter(const Reading& a, const Reading& b) {
  if (a.too_little != b.too_little) return b.too_little;
  if (a.danish >= 0 && b.danish >= 0 && a.danish != b.danish) return a.danish > b.danish;
  return a.confidence > b.confidence;
}

// A page image cleaned for OCR and read; errors name `where`.
struct CleanRead {
  CleanedImage cleaned;
  OcrResult ocr;
};
Result<CleanRead> CleanAndRead(const RasterImage& image, OcrEngine& engine, const std::string& where) {
  Result<CleanedImage> cleaned = CleanForOcr(image);
  if (!cleaned) return MakeError(cleaned.error().code, where + ": " + cleaned.error().message);
  Result<OcrResult> ocr = engine.Recognize(cleaned->image);
  if (!ocr) return MakeError(ocr.error().code, where + ": " + ocr.error().message);
  return CleanRead{std::move(*cleaned), std::move(*ocr)};
}

// A page as rendered (as displayed), turned into the frame of its text
// layer's boxes: `turn` quarter turns (TextLayerPage) back.
RasterImage InLayerFrame(RasterImage image, int turn) {
  return turn == 0 ? image : RotateClockwise(image, (4 - turn) % 4 * 90);
}

// The bands of a text-layer page that show text as a picture: the page is
// rendered, each band cut out, cleaned and read, and its lines added to the
// layer (AddBandLines). With --keep-work, each band's image and OCR text.
Result<Page> ReadBands(const OcrJob& job, const Rasterizer& rasterize, OcrEngine& engine, const std::string& base,
                       const std::string& where) {
  Result<RasterImage> rendered = rasterize(job.index, 0);
  if (!rendered) return std::unexpected(rendered.error());
  const RasterImage image = InLayerFrame(std::move(*rendered), job.turn);
  Page page = job.layer;
  const double px = image.dpi / 72.0;
  int lines = 0;
  for (size_t b = 0; b < job.bands.size(); ++b) {
    const Box& band = job.bands[b];
    const int y0 = std::clamp(static_cast<int>(std::floor(band.y0 * px)), 0, image.height);
    const int y1 = std::clamp(static_cast<int>(std::ceil(band.y1 * px)), y0, image.height);
    if (y1 - y0 < 8) continue;
    RasterImage cut;
    cut.width = image.width;
    cut.height = y1 - y0;
    cut.dpi = image.dpi;
    cut.pixels.assign(image.pixels.begin() + static_cast<ptrdiff_t>(y0) * image.width,
                      image.pixels.begin() + static_cast<ptrdiff_t>(y1) * image.width);
    Result<CleanRead> read = CleanAndRead(cut, engine, where);
    if (!read) return std::unexpected(read.error());
    const std::string band_base = base.empty() ? "" : base + "-band" + std::to_string(b + 1);
    if (!band_base.empty()) {
      Result<void> w = WritePng(read->cleaned.image, band_base + "-2-clean.png");
      if (w) w = WriteText(band_base + "-3-ocr.txt", read->ocr.text);
      if (!w) return std::unexpected(w.error());
    }
    lines += AddBandLines(Box{0, y0 / px, band.x1, y1 / px}, image.dpi, std::move(read->ocr.lines), &page);
  }
  page.text_source_why = job.why + "; " + std::to_string(job.bands.size()) +
                         (job.bands.size() == 1 ? " band" : " bands") + " of text shown as a picture OCR'd (" +
                         std::to_string(lines) + (lines == 1 ? " line" : " lines") + " added)";
  return page;
}

// One page: rasterize, (keep), clean, OCR, (keep). When the page reads
// badly, the engine is asked which way up the page is as scanned (cleaning
// a page on its side erases its letters' strokes as if they were thin
// rules). If it cannot tell and something was read (a page of a line or
// two), the page is tried upside down, the usual mistake. A turned page is
// cleaned and read again upright, and the better reading is kept. The
// images are freed before the next page is taken. A job with bands reads
// only those, into its text layer (ReadBands).
Result<Page> OcrOnePage(const OcrJob& job, const Rasterizer& rasterize, OcrEngine& engine, const Lexicon* lexicon,
                        const std::string& work_dir, const std::string& path) {
  std::string where = path + ": page " + std::to_string(job.index + 1);
  std::string base = work_dir.empty() ? "" : work_dir + "/" + PageName(job.index);
  if (!job.bands.empty()) return ReadBands(job, rasterize, engine, base, where);
  Result<RasterImage> image = rasterize(job.index, 0);
  if (!image) return std::unexpected(image.error());
  // Letters far smaller than a note's at 300 dpi (a scan on a PDF page too
  // small for it): rendered again finer, when the renderer can.
  const std::optional<double> glyph = TypicalGlyphHeight(*image);
  if (std::optional<int> finer = glyph ? DpiForSmallLetters(*glyph, image->dpi) : std::nullopt) {
    Result<RasterImage> again = rasterize(job.index, *finer);
    if (again && again->width > image->width) {
      again->resolution_note = "letters " + std::to_string(static_cast<int>(std::lround(*glyph))) +
                               " pixels high at " + std::to_string(image->dpi) + " dpi, rendered at " +
                               std::to_string(again->dpi) + " dpi";
      // Cleaning and Tesseract take the resolution as the letters' scale.
      again->dpi = DpiOfLetters(*glyph * again->dpi / image->dpi);
      image = std::move(again);
    }
  }
  if (!base.empty()) {
    Result<void> w = WritePng(*image, base + "-1-render.png");
    if (!w) return std::unexpected(w.error());
  }
  if (std::optional<double> f = glyph ? ScaleToReadingSize(&*image, *glyph) : std::nullopt) {
    char scaled[96];
    std::snprintf(scaled, sizeof scaled, "letters %.1f times the usual size, read scaled to %d%%", 1 / *f,
                  static_cast<int>(std::lround(*f * 100)));
    image->resolution_note = image->resolution_note.empty() ? scaled : image->resolution_note + "; " + scaled;
  }
  Result<CleanRead> read = CleanAndRead(*image, engine, where);
  if (!read) return std::unexpected(read.error());
  int turn = 0;
  const size_t ink = InkPixels(*image);
  Reading reading = JudgeReading(read->ocr, lexicon, ink, image->dpi);
  if (ReadsBadly(reading)) {
    std::optional<int> told = engine.DetectTurn(*image);
    turn = told ? *told : read->ocr.lines.empty() ? 0 : 180;
  }
  if (turn != 0) {
    Result<CleanRead> upright = CleanAndRead(RotateClockwise(*image, turn), engine, where);
    if (!upright) return std::unexpected(upright.error());
    if (ReadsBetter(JudgeReading(upright->ocr, lexicon, ink, image->dpi), reading)) {
      upright->ocr.rotation = turn;
      read = std::move(upright);
    }
  }
  const std::string resolution_note = std::move(image->resolution_note);
  *image = RasterImage{};
  const CleanedImage& cleaned = read->cleaned;
  OcrResult& ocr = read->ocr;
  if (!base.empty()) {
    Result<void> w = WritePng(cleaned.image, base + "-2-clean.png");
    if (w) w = WriteText(base + "-3-ocr.txt", ocr.text);
    if (w) w = WriteText(base + "-3-ocr.tsv", ocr.tsv);
    if (!w) return std::unexpected(w.error());
  }
  Page page;
  page.number = job.index + 1;
  page.text_source = "ocr";
  page.text_source_why = job.why;
  if (!resolution_note.empty()) page.text_source_why += "; " + resolution_note;
  if (ocr.rotation != 0) page.text_source_why += "; read turned " + std::to_string(ocr.rotation) + "°";
  page.width = ocr.width > 0 ? ocr.width : cleaned.image.width;
  page.height = ocr.height > 0 ? ocr.height : cleaned.image.height;
  page.lines = std::move(ocr.lines);
  return page;
}

int WorkerCount(const Options& options, size_t jobs) {
  int n = options.jobs > 0 ? options.jobs : static_cast<int>(std::thread::hardware_concurrency());
  n = std::max(n, 1);
  return static_cast<int>(std::min<size_t>(static_cast<size_t>(n), jobs));
}

// OCRs `jobs` on the workers. Results come back in the order of `jobs`
// whatever the finishing order; on failure, the error of the first failing
// job in that order (every earlier job has run by then, so it is the same
// error a serial run gives).
Result<std::vector<Page>> OcrPages(const std::vector<OcrJob>& jobs, const RasterizerFactory& make_rasterizer,
                                   const OcrEngineFactory& make_engine, const Options& options,
                                   const Lexicon* lexicon, const std::string& work_dir, const std::string& path) {
  std::vector<std::optional<Result<Page>>> results(jobs.size());
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  auto worker = [&] {
    std::unique_ptr<OcrEngine> engine;
    std::optional<Rasterizer> rasterize;
    auto run = [&](const OcrJob& job) -> Result<Page> {
      std::string where = path + ": page " + std::to_string(job.index + 1) + ": ";
      if (!engine) {
        Result<std::unique_ptr<OcrEngine>> e = make_engine();
        if (!e) return MakeError(e.error().code, where + e.error().message);
        engine = std::move(*e);
      }
      if (!rasterize) {
        Result<Rasterizer> r = make_rasterizer();
        if (!r) return std::unexpected(r.error());
        rasterize = std::move(*r);
      }
      return OcrOnePage(job, *rasterize, *engine, lexicon, work_dir, path);
    };
    while (!failed.load()) {
      size_t i = next.fetch_add(1);
      if (i >= jobs.size()) break;
      // Nothing may escape a worker thread (it would end the process): a
      // library's exception (std::bad_alloc, say) becomes this page's error.
      try {
        results[i] = run(jobs[i]);
      } catch (const std::exception& e) {
        results[i] = MakeError(ErrorCode::kInternal, path + ": page " + std::to_string(jobs[i].index + 1) +
                                                         ": " + e.what());
      }
      if (!*results[i]) failed = true;
    }
  };
  int workers = WorkerCount(options, jobs.size());
  if (workers <= 1) {
    worker();
  } else {
    std::vector<std::jthread> threads;
    for (int w = 0; w < workers; ++w) threads.emplace_back(worker);
  }
  std::vector<Page> pages;
  pages.reserve(jobs.size());
  for (std::optional<Result<Page>>& r : results) {
    if (!r) continue;  // not started because an earlier job failed
    if (!*r) return std::unexpected(r->error());
    pages.push_back(std::move(**r));
  }
  if (pages.size() != jobs.size())
    return MakeError(ErrorCode::kInternal, path + ": OCR stopped without an error");
  return pages;
}

std::string InputStem(const std::string& path) {
  if (path == "-") return "stdin";
  std::string stem = std::filesystem::path(path).stem().string();
  return stem.empty() ? "input" : stem;
}

Result<std::string> PrepareWorkDir(const Options& options, const std::string& path) {
  if (options.keep_work.empty()) return std::string();
  std::string dir = options.keep_work + "/" + InputStem(path);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return MakeError(ErrorCode::kIo, dir + ": cannot create the --keep-work directory: " + ec.message());
  return dir;
}

OcrEngineFactory TesseractFactory(const Options& options) {
  OcrOptions o;
  o.language = options.ocr_language;
  o.want_tsv = !options.keep_work.empty();
  return [o] { return CreateTesseractEngine(o); };
}

// Whether the file holds an image XObject ("/Subtype /Image"; a stream's
// dictionary is never compressed, so the name shows in the bytes). Without
// one no page shows a picture, and none is rendered to look for one.
// "/ImageB" and the like name procedure sets, not images.
bool HasImageObject(std::string_view bytes) {
  for (size_t at = bytes.find("/Image"); at != std::string_view::npos; at = bytes.find("/Image", at + 1)) {
    const size_t next = at + 6;
    if (next >= bytes.size() || !std::isalnum(static_cast<unsigned char>(bytes[next]))) return true;
  }
  return false;
}

// The page's bands of text shown as a picture (ImageTextBands), found on a
// render at 72 dpi (a pixel a point); none when it cannot be rendered (the
// layer is then used as it is).
constexpr int kPictureTextDpi = 72;
std::vector<Box> PictureTextBands(poppler::document& doc, int index, int turn, const Page& layer,
                                  const Options& options, const std::string& path) {
  Result<RasterImage> render = RenderPage(doc, index, kPictureTextDpi, options.max_pixels, path);
  if (!render) return {};
  return ImageTextBands(InLayerFrame(std::move(*render), turn), layer);
}

// Whether `bands` (points) cover more than half the page's height: the
// page is a scan rather than text with a picture in it.
bool MostOfThePage(const std::vector<Box>& bands, const Page& layer) {
  double covered = 0;
  for (const Box& b : bands) covered += b.y1 - b.y0;
  return layer.height > 0 && covered > layer.height / 2;
}

// Acrobat accepts %%EOF anywhere in the last 1024 bytes; a file without it
// there was cut short (an interrupted download or copy).
bool HasEofMarker(std::string_view bytes) {
  size_t from = bytes.size() > 1024 ? bytes.size() - 1024 : 0;
  return bytes.substr(from).find("%%EOF") != std::string_view::npos;
}

Result<Document> ReadPdf(std::string_view bytes, const std::string& path, const Options& options,
                         const Lexicon* lexicon, const OcrEngineFactory& make_engine, Document doc) {
  if (!HasEofMarker(bytes))
    return MakeError(ErrorCode::kParse, path + ": truncated PDF (no %%EOF marker at the end of the file)");
  Result<PopplerDoc> pdf = LoadPdf(bytes, path, options.password);
  if (!pdf) return std::unexpected(pdf.error());
  int count;
  {
    std::lock_guard<std::mutex> lock(PopplerMutex());
    count = (*pdf)->pages();
  }
  if (count <= 0) return MakeError(ErrorCode::kInvalidInput, path + ": the PDF has no pages");

  doc.pages.resize(count);
  const bool pictures = HasImageObject(bytes);
  std::vector<OcrJob> jobs;
  for (int i = 0; i < count; ++i) {
    Page layer;
    int turn = 0;  // of the layer's frame from the page as rendered
    layer.number = i + 1;
    layer.text_source = "text-layer";
    if (options.ocr != OcrMode::kAlways) {
      std::lock_guard<std::mutex> lock(PopplerMutex());
      std::unique_ptr<poppler::page> ppage((*pdf)->create_page(i));
      if (!ppage) return MakeError(ErrorCode::kParse, path + ": page " + std::to_string(i + 1) + ": cannot read the page");
      layer = TextLayerPage(*ppage, i + 1, &turn);
    }
    TextLayerVerdict verdict =
        JudgeTextLayer(layer, options.ocr, lexicon, options.ocr_language);
    // A layer of a few words is the whole page when nothing else on it
    // holds text (a short last page); else only the bands that do are read.
    std::optional<std::vector<Box>> few_words_bands;
    if (verdict.use_ocr && verdict.few_words && options.ocr == OcrMode::kAuto)
      few_words_bands = PictureTextBands(**pdf, i, turn, layer, options, path);
    if (few_words_bands && few_words_bands->empty() && !layer.lines.empty()) {
      layer.text_source_why = verdict.why + "; nothing else on the page holds text: the layer is used";
      doc.pages[i] = std::move(layer);
    } else if (few_words_bands && !MostOfThePage(*few_words_bands, layer)) {
      jobs.push_back(OcrJob{i, verdict.why, std::move(*few_words_bands), std::move(layer), turn});
    } else if (verdict.use_ocr) {
      jobs.push_back(OcrJob{i, verdict.why, {}, {}, 0});
    } else if (std::vector<Box> bands = options.ocr == OcrMode::kAuto && pictures
                                            ? PictureTextBands(**pdf, i, turn, layer, options, path)
                                            : std::vector<Box>{};
               !bands.empty()) {
      // A page that is mostly a picture of text (a scan under a line or two
      // of layer text) is OCR'd whole, as a scan: turned if it reads badly.
      if (MostOfThePage(bands, layer))
        jobs.push_back(OcrJob{i, verdict.why + "; most of the page is a picture of text: OCR'd whole", {}, {}, 0});
      else
        jobs.push_back(OcrJob{i, verdict.why, std::move(bands), std::move(layer), turn});
    } else {
      layer.text_source_why = verdict.why;
      doc.pages[i] = std::move(layer);
    }
  }
  pdf->reset();
  if (jobs.empty()) return doc;

  if (options.render_dpi <= 0)
    return MakeError(ErrorCode::kInvalidInput,
                     path + ": render_dpi must be positive, not " + std::to_string(options.render_dpi));
  Result<std::string> work_dir = PrepareWorkDir(options, path);
  if (!work_dir) return std::unexpected(work_dir.error());
  RasterizerFactory make_rasterizer = [&]() -> Result<Rasterizer> {
    Result<PopplerDoc> own = LoadPdf(bytes, path, options.password);
    if (!own) return std::unexpected(own.error());
    auto shared = std::make_shared<PopplerDoc>(std::move(*own));
    return Rasterizer([shared, &options, &path](int index, int dpi) {
      return RenderPage(**shared, index, dpi > 0 ? dpi : options.render_dpi, options.max_pixels, path);
    });
  };
  Result<std::vector<Page>> ocr = OcrPages(jobs, make_rasterizer, make_engine, options, lexicon, *work_dir, path);
  if (!ocr) return std::unexpected(ocr.error());
  for (Page& p : *ocr) doc.pages[p.number - 1] = std::move(p);
  return doc;
}

Result<Document> ReadImage(std::string_view bytes, const std::string& path, const Options& options,
                           const Lexicon* lexicon, const OcrEngineFactory& make_engine, Document doc) {
  Result<int> count = CountImagePages(bytes, path);
  if (!count) return std::unexpected(count.error());
  if (options.ocr == OcrMode::kNever)
    return MakeError(ErrorCode::kInvalidInput,
                     path + ": a page image has no text without OCR, and --ocr never was given");
  std::vector<OcrJob> jobs;
  for (int i = 0; i < *count; ++i) jobs.push_back(OcrJob{i, "image input", {}, {}, 0});
  Result<std::string> work_dir = PrepareWorkDir(options, path);
  if (!work_dir) return std::unexpected(work_dir.error());
  RasterizerFactory make_rasterizer = [&]() -> Result<Rasterizer> {
    return Rasterizer([&](int index, int) { return DecodeImagePage(bytes, index, options.max_pixels, path); });
  };
  Result<std::vector<Page>> ocr = OcrPages(jobs, make_rasterizer, make_engine, options, lexicon, *work_dir, path);
  if (!ocr) return std::unexpected(ocr.error());
  doc.pages = std::move(*ocr);
  return doc;
}

Result<Document> ReadPdfOrImageUnguarded(std::string_view bytes, InputKind kind, const std::string& path,
                                         const Options& options, const Lexicon* lexicon,
                                         const OcrEngineFactory& make_engine) {
  Document doc;
  doc.path = path;
  doc.sha256 = Sha256Hex(bytes);
  switch (kind) {
    case InputKind::kPdf:
      doc.kind = "pdf";
      return ReadPdf(bytes, path, options, lexicon, make_engine, std::move(doc));
    case InputKind::kPng:
    case InputKind::kTiff:
    case InputKind::kJpeg:
      doc.kind = "image";
      return ReadImage(bytes, path, options, lexicon, make_engine, std::move(doc));
    default:
      return MakeError(ErrorCode::kInvalidInput,
                       path + ": " + std::string(InputKindName(kind)) + " is neither a PDF nor a page image");
  }
}

}  // namespace

Result<Document> ReadPdfOrImage(std::string_view bytes, InputKind kind, const std::string& path,
                                const Options& options, const Lexicon* lexicon,
                                const OcrEngineFactory& make_engine) {
  try {
    return ReadPdfOrImageUnguarded(bytes, kind, path, options, lexicon, make_engine);
  } catch (const std::exception& e) {
    return MakeError(ErrorCode::kInternal, path + ": " + e.what());
  }
}

Result<Document> ReadPdfOrImage(std::string_view bytes, InputKind kind, const std::string& path,
                                const Options& options, const Lexicon* lexicon) {
  return ReadPdfOrImage(bytes, kind, path, options, lexicon, TesseractFactory(options));
}

}  // namespace notat
