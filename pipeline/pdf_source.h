// Reading PDFs and page images (PNG, TIFF, JPEG) into a Document: a PDF
// page's text layer when it is present and healthy, OCR otherwise (rendered
// with Poppler, cleaned with Leptonica, read by an OcrEngine). Pages are OCR'd
// on `Options::jobs` workers with at most that many pages in memory; the
// result does not depend on the order in which they finish.
//
//   Result<Document> doc = ReadPdfOrImage(bytes, InputKind::kPdf, path, options, &lexicon);
#ifndef NOTAT_PIPELINE_PDF_SOURCE_H_
#define NOTAT_PIPELINE_PDF_SOURCE_H_

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/error.h"
#include "pipeline/ocr.h"
#include "pipeline/options.h"
#include "pipeline/source.h"
#include "pipeline/types.h"

namespace notat {

class Lexicon;

// Reads a PDF (kPdf) or an image (kPng, kTiff, kJpeg) held in `bytes`; `path`
// names it in messages and in --keep-work. Every page gets text_source
// "text-layer" or "ocr" and text_source_why. Errors:
//   kParse        not a readable PDF/image, truncated PDF (naming `path`)
//   kInvalidInput encrypted PDF without the right --password; no pages; a
//                 page image over Options::max_pixels; image with --ocr never
//   kNotFound     OCR model missing (names the package tesseract-ocr-<lang>)
//   kOcr          the OCR engine failed; kIo  --keep-work not writable
Result<Document> ReadPdfOrImage(std::string_view bytes, InputKind kind, const std::string& path,
                                const Options& options, const Lexicon* lexicon);

// The same with the OCR engine made by `make_engine` (tests pass fakes).
Result<Document> ReadPdfOrImage(std::string_view bytes, InputKind kind, const std::string& path,
                                const Options& options, const Lexicon* lexicon,
                                const OcrEngineFactory& make_engine);

// When a PDF's text layer counts as damaged (see JudgeTextLayer).
struct TextLayerPolicy {
  int min_words = 5;                 // fewer words with 2+ letters: no usable text layer
  int min_judged_words = 10;         // fewer words looked at by AssessText: not judged
  double min_hit_rate = 0.93;        // lower lexicon hit rate: damaged
  double max_changed_share = 0.03;   // more words the repair would change: damaged
  // A Danish text of this many words with no æ, ø or å at all was made by a
  // non-Danish OCR model (applies when the OCR language includes "dan").
  int min_words_for_letter_check = 150;
};

struct TextLayerVerdict {
  bool use_ocr = false;
  std::string why;  // e.g. "text layer damaged: 81% lexicon hits, 9% of words would be repaired"
  // OCR is asked for because the layer has some words, but too few to be
  // the page (a short last page, or a page whose text is a picture).
  bool few_words = false;
};

// Decides whether page `text_layer` (its lines from the PDF's text layer) is
// used as it is or the page is OCR'd instead, under `mode`. `lexicon` may be
// null (the layer is then judged without it). `ocr_language` is the
// Options::ocr_language the OCR would use.
TextLayerVerdict JudgeTextLayer(const Page& text_layer, OcrMode mode, const Lexicon* lexicon,
                                const std::string& ocr_language,
                                const TextLayerPolicy& policy = {});

// Groups words into lines by their boxes: words whose vertical centres fall
// within one line's band share a line; lines run top to bottom, words left to
// right. A page set in columns (a gutter of white space through most of the
// text's height) is read column by column, left to right; a table's column
// gaps are not gutters, so its rows stay whole. Line numbers start at 1; each
// line's text is its words joined by one space. Used when a text layer's
// reading order is scrambled (tables set column by column).
std::vector<Line> LinesFromWordBoxes(std::vector<Word> words);

// True when consecutive lines go back up the page or two lines share a band:
// the layer's order does not follow the page.
bool ReadingOrderScrambled(const std::vector<Line>& lines);

// Bands of the page, across its width, holding ink that the text layer has
// no words for: text shown as a picture (a table pasted as an image into a
// born-digital note). `render` is the page rendered upright; `layer` its
// text layer, boxes in points. Ink under a word's box (with a margin) is the
// word's; runs of ink longer than a rule's length either way are rules, not
// text. What is left is grouped by rows into bands (a line's gap joins
// them); a band is kept when it holds enough ink for a few words, and more
// than the layer's words in it hold (a scan under an OCR layer, whose boxes
// miss a tenth of its ink, gives none; a page's picture under one line of
// layer text, a running head, does). Boxes in points, top to bottom.
std::vector<Box> ImageTextBands(const RasterImage& render, const Page& layer);

// Adds `ocr`'s lines, read from the band `band` (points) of the page rendered
// at `dpi` (word boxes in the band image's pixels), to `layer`'s lines in
// reading order: each before the first layer line below it. Words that fall
// on a layer word are dropped (the layer has them). Lines are numbered
// again. Returns the number of lines added.
int AddBandLines(const Box& band, int dpi, std::vector<Line> ocr, Page* layer);

}  // namespace notat

#endif  // NOTAT_PIPELINE_PDF_SOURCE_H_
