// OCR of page images. OcrEngine is the interface the PDF/image reader calls
// (Tesseract in ocr_tesseract.cc; tests pass fakes). RasterImage is the one
// image type that flows from the renderers (Poppler, Leptonica decoders) to
// the cleaner and the engine. The image functions below are backed by
// Leptonica (image_clean.cc); no third-party type appears here.
//
//   Result<std::unique_ptr<OcrEngine>> engine = CreateTesseractEngine({});
//   Result<OcrResult> r = (*engine)->Recognize(image);
#ifndef NOTAT_PIPELINE_OCR_H_
#define NOTAT_PIPELINE_OCR_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/error.h"
#include "pipeline/types.h"

namespace notat {

// An 8-bit grayscale page image: row-major, width * height bytes, 0 = black.
struct RasterImage {
  int width = 0;
  int height = 0;
  int dpi = 0;                  // resolution; 0 when unknown
  std::vector<uint8_t> pixels;  // width * height bytes
  std::string resolution_note;  // set when the file's resolution tag was not believed
};

struct OcrOptions {
  // Tesseract language(s), "dan" or "dan+eng"; models come from Debian's
  // tesseract-ocr-<lang> packages (or $TESSDATA_PREFIX).
  std::string language = "dan";
  // Tesseract page segmentation mode: 4 (one column of text of varying
  // sizes) read the samples best; 6 (one uniform block) drops table cells.
  // Measured in BENCHMARKS.md, "OCR and input".
  int page_segmentation_mode = 4;
  // Fill OcrResult::tsv (Tesseract's word table) too; costs a little time.
  bool want_tsv = false;
  // A figure read with less confidence than this (Tesseract's confidence in
  // the word's segment) is read again alone, as one line cut out around its
  // box, and the second reading replaces it when Tesseract is surer of it.
  // On a sparse row of a table Tesseract may add a digit no mark on the page
  // stands for ("34" as 340); alone, the figure reads right. 0: never.
  double reread_figures_below_confidence = 90;
};

struct OcrResult {
  // Text lines top to bottom, numbered from 1. Each word has its box in
  // pixels of the image given to Recognize and a confidence 0..100.
  std::vector<Line> lines;
  std::string text;  // the engine's plain text output
  std::string tsv;   // word table, when OcrOptions::want_tsv
  // The image the boxes refer to. 0 x 0 when the engine does not say.
  int width = 0, height = 0;
  // Set by the caller that read the page turned upright: clockwise degrees
  // (0, 90, 180 or 270) the page as scanned was turned.
  int rotation = 0;
};

// One engine per thread: Recognize is not safe to call concurrently on one
// engine, but separate engines may run in parallel.
class OcrEngine {
 public:
  virtual ~OcrEngine() = default;
  // Recognizes the text of `image` as it stands. Errors: kOcr when the
  // engine fails.
  virtual Result<OcrResult> Recognize(const RasterImage& image) = 0;
  // Clockwise degrees (0, 90, 180 or 270) to turn `image` so its text stands
  // upright; nullopt when the engine cannot tell. Tesseract asks its
  // orientation model (tesseract-ocr-osd). An engine without one takes every
  // page as upright.
  virtual std::optional<int> DetectTurn(const RasterImage& /*image*/) { return 0; }
};

// Makes a fresh engine; called once per worker thread.
using OcrEngineFactory = std::function<Result<std::unique_ptr<OcrEngine>>()>;

// Tesseract through its C++ API. Errors: kNotFound when a language model is
// missing (the message names the Debian package tesseract-ocr-<lang> and
// TESSDATA_PREFIX); kOcr when Tesseract fails to start otherwise.
Result<std::unique_ptr<OcrEngine>> CreateTesseractEngine(const OcrOptions& options);

// ---- Page images (Leptonica) ----

// Number of pages in a PNG, JPEG (1) or TIFF (1 or more) held in `bytes`.
// Errors: kParse naming `path` when the header cannot be read.
Result<int> CountImagePages(std::string_view bytes, const std::string& path);

// Decodes page `index` (0-based) of the image in `bytes` to 8-bit gray. The
// header is read first: an image with more than `max_pixels` pixels is
// refused with kInvalidInput before its pixels are decoded. Errors: kParse
// naming `path` (and the page) for a damaged image.
Result<RasterImage> DecodeImagePage(std::string_view bytes, int index, long long max_pixels,
                                    const std::string& path);

// The resolution of a page image `width` by `height` pixels whose file tags
// it `tagged` dpi (0 when untagged). Tags are often wrong: a tool's default
// (72 or 96 dpi, whatever the scan) or a unit mixed up (ImageMagick's
// `-density 300` on a PNG tags 300 pixels per centimetre, 762 dpi). An
// image shaped like an A4 or Letter page (either way round, within 1.5%) is
// that page: its tag is kept when within 15% of the page's resolution,
// which is used otherwise. Any other image keeps a tag of 100 dpi or more;
// a lower one, or none, is taken as 300.
int PlausibleDpi(int width, int height, int tagged);

// A bilevel (black and white) input is only deskewed: normalising,
// thresholding it again or erasing its rules cost accuracy on the samples.
struct CleanOptions {
  bool invert_dark_areas = true;     // white text on a dark fill made dark on white
  bool normalize_background = true;  // flatten uneven paper/lighting
  bool deskew = true;                // rotate straight (up to about 15 degrees)
  bool binarize = true;              // threshold to black and white (Otsu, adaptive)
  bool remove_rules = true;          // after binarize: erase table rules (lines)
};

struct CleanedImage {
  RasterImage image;          // same size as the input
  double skew_degrees = 0;    // the rotation that was corrected; 0 when none
};

// Prepares a page image for OCR: grayscale in, cleaned grayscale out. Never
// fails on a valid image; kInternal if Leptonica runs out of memory.
Result<CleanedImage> CleanForOcr(const RasterImage& image, const CleanOptions& options = {});

// The median height in pixels of the dark pieces of a page image, its
// letters mostly; nullopt when there are too few to tell.
std::optional<double> TypicalGlyphHeight(const RasterImage& image);

// A page whose letters (`glyph`, TypicalGlyphHeight) are more than twice
// the usual size in pixels (that of 10-12 pt at 300 dpi, or at the page's
// resolution when finer) is scaled down to the usual size at 300 dpi, in
// place, and is then taken as 300 dpi: Tesseract reads such letters
// badly, and cleaning takes their stems for table rules. A scan placed on a
// PDF page of the wrong size (96 dpi assumed for a 300 dpi image) renders at
// three times its size. Returns the scale factor, or nullopt when the page
// was left as it was.
std::optional<double> ScaleToReadingSize(RasterImage* image, double glyph);

// The resolution at which a page rendered at `dpi` with letters `glyph`
// pixels high shows them at the usual size, when they are under 0.45 of
// the usual size at that resolution, or at 300 dpi when finer (a scan on a
// PDF page too small for it, 1200 dpi assumed for 300); at most 1200 dpi.
// nullopt when they are big enough.
std::optional<int> DpiForSmallLetters(double glyph, int dpi);

// The resolution at which letters `glyph` pixels high would be a note's
// usual 10-12 pt (300 for the usual size).
int DpiOfLetters(double glyph);

// Whether a word Tesseract read (its text, confidence 0-100 and box size in
// pixels) is scan noise, dropped from the page's text: punctuation read
// with low confidence (rules of tables, '|', are read surely and kept; "$",
// a misread 5, is kept), or
// a mark far thinner than any letter that Tesseract all but refused (a
// rule's remnant read as "r" between two header words). A thin, unsure "l"
// that is the I of "I alt" is a letter's width and kept.
bool IsOcrNoise(std::string_view text, float confidence, int width, int height);

// The box around `words` (at least one).
Box UnionBox(const std::vector<Word>& words);

// A line of figures only that the OCR took for a block of its own, on the
// same row as another line ("389 | 440" beside "Henvendel- 198 ... 664" on
// a bold scan, and given before it), joins that line in left-to-right
// order; else the row's values come out of order. The rows overlap by over
// half the lower line's height, and the two lines do not overlap across.
// The joined line takes the earlier of the two places. Lines are numbered
// again when any was joined.
void JoinFigureFragments(std::vector<Line>* lines);

// `image` turned clockwise by `degrees` (0, 90, 180 or 270; others are taken
// modulo 360 and rounded down to a quarter turn).
RasterImage RotateClockwise(const RasterImage& image, int degrees);

// Writes `image` as a PNG file. Errors: kIo naming `path`.
Result<void> WritePng(const RasterImage& image, const std::string& path);

}  // namespace notat

#endif  // NOTAT_PIPELINE_OCR_H_
