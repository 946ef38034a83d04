// notat-read-bench: reads inputs with ReadInput (the PDF/image/OCR stage
// alone) and prints what each page used, its line and word counts, and the
// time taken. bench/ocr-bench runs it next to pdftotext, tesseract and
// ocrmypdf.
//
//   notat-read-bench [--ocr auto|always|never] [--jobs N] [--dpi N] [--lang L]
//                    [--keep-work DIR] [--text] [--words] [--no-lexicon] [--accuracy REF] FILE...
//
// --text prints each page's lines, --words each word with its confidence.
// --accuracy REF also prints the word accuracy of each input's text against
// the reference text REF (tests/ocr_accuracy.h); a plain-text FILE (say the
// output of another OCR program) is read as text, so it can be scored too.
#include <chrono>
#include <fstream>
#include <sstream>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/lexicon.h"
#include "pipeline/options.h"
#include "pipeline/source.h"
#include "tests/ocr_accuracy.h"

namespace {

int Usage() {
  std::cerr << "usage: notat-read-bench [--ocr auto|always|never] [--jobs N] [--dpi N] [--lang L]\n"
               "                        [--keep-work DIR] [--text] [--words] [--no-lexicon] [--accuracy REF] FILE...\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  notat::Options options;
  bool print_text = false, print_words = false, use_lexicon = true;
  std::string reference;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) { Usage(); std::exit(2); }
      return argv[++i];
    };
    if (a == "--ocr") {
      std::string m = value();
      if (m == "auto") options.ocr = notat::OcrMode::kAuto;
      else if (m == "always") options.ocr = notat::OcrMode::kAlways;
      else if (m == "never") options.ocr = notat::OcrMode::kNever;
      else return Usage();
    } else if (a == "--jobs") {
      options.jobs = std::atoi(value().c_str());
    } else if (a == "--dpi") {
      options.render_dpi = std::atoi(value().c_str());
    } else if (a == "--lang") {
      options.ocr_language = value();
    } else if (a == "--keep-work") {
      options.keep_work = value();
    } else if (a == "--password") {
      options.password = value();
    } else if (a == "--accuracy") {
      std::ifstream in(value(), std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      reference = ss.str();
      if (reference.empty()) return Usage();
    } else if (a == "--words") {
      print_words = true;
    } else if (a == "--text") {
      print_text = true;
    } else if (a == "--no-lexicon") {
      use_lexicon = false;
    } else if (!a.empty() && a[0] == '-' && a != "-") {
      return Usage();
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) return Usage();

  std::unique_ptr<notat::Lexicon> lexicon;
  if (use_lexicon) {
    auto lex = notat::LoadDanishLexicon();
    if (lex) lexicon = std::move(*lex);
    else std::cerr << "notat-read-bench: no lexicon: " << lex.error().ToString() << "\n";
  }
  int status = 0;
  for (const std::string& file : files) {
    auto start = std::chrono::steady_clock::now();
    notat::Result<notat::Document> doc = notat::ReadInput(file, options, lexicon.get());
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!doc) {
      std::cout << file << "\terror\t" << doc.error().ToString() << "\n";
      status = 1;
      continue;
    }
    size_t words = 0, lines = 0;
    for (const notat::Page& p : doc->pages) {
      lines += p.lines.size();
      for (const notat::Line& l : p.lines) words += l.words.size();
    }
    std::printf("%s\tkind=%s\tpages=%zu\tlines=%zu\twords=%zu\tseconds=%.3f\tseconds_per_page=%.3f\n",
                file.c_str(), doc->kind.c_str(), doc->pages.size(), lines, words, seconds,
                seconds / static_cast<double>(doc->pages.size()));
    if (!reference.empty()) {
      std::string text;
      for (const notat::Page& p : doc->pages)
        for (const notat::Line& l : p.lines) text += l.text + "\n";
      notat::testing::WordAccuracy acc = notat::testing::MeasureWordAccuracy(reference, text);
      std::printf("  accuracy=%.2f%%\treference_words=%d\tsubstituted=%d\tmissing=%d\textra=%d\n",
                  acc.accuracy() * 100, acc.reference_words, acc.substitutions, acc.deletions,
                  acc.insertions);
    }
    for (const notat::Page& p : doc->pages) {
      std::printf("  page %d\t%s\t%s\tlines=%zu\n", p.number, p.text_source.c_str(),
                  p.text_source_why.c_str(), p.lines.size());
      if (print_text)
        for (const notat::Line& l : p.lines) std::printf("    %3d| %s\n", l.number, l.text.c_str());
      if (print_words) {
        for (const notat::Line& l : p.lines) {
          std::printf("    %3d|", l.number);
          for (const notat::Word& w : l.words) std::printf(" %s(%.0f)", w.text.c_str(), w.confidence);
          std::printf("\n");
        }
      }
    }
  }
  return status;
}
