// Options for one run of the pipeline, with their defaults. The CLI (main.cc)
// fills them from flags; tests fill them directly.
#ifndef NOTAT_PIPELINE_OPTIONS_H_
#define NOTAT_PIPELINE_OPTIONS_H_

#include <string>

namespace notat {

enum class OcrMode { kAuto, kAlways, kNever };

struct Options {
  // --ocr: kAuto uses a PDF's text layer when it is present and healthy, and
  // OCRs the page otherwise; kAlways OCRs every page; kNever never OCRs.
  OcrMode ocr = OcrMode::kAuto;
  // --jobs: worker threads for OCR (pages and files); 0 means the number of cores.
  int jobs = 0;
  // --password: for encrypted PDFs; empty means none.
  std::string password;
  // --keep-work: when not empty, each stage leaves its artifacts in this directory.
  std::string keep_work;
  // Resolution at which PDF pages are rendered for OCR.
  int render_dpi = 300;
  // Page images with more pixels than this are refused (width * height).
  long long max_pixels = 200LL * 1000 * 1000;
  // Tesseract language model(s) for OCR.
  std::string ocr_language = "dan";
  // OCR word confidence (0..100) below which a value's digits are flagged.
  double low_confidence = 60;
};

}  // namespace notat

#endif  // NOTAT_PIPELINE_OPTIONS_H_
