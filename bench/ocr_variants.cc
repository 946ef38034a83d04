// notat-ocr-variants: OCR word accuracy and time of page images under each
// image clean-up and Tesseract page segmentation mode, against a reference
// text. Chooses the defaults in ocr.h (see BENCHMARKS.md, "OCR and input").
//
//   notat-ocr-variants --reference samples/note-2025-h1.txt [--psm 3,4,6]
//                      [--lang dan] page-1.png page-2.png ...
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/ocr.h"
#include "tests/ocr_accuracy.h"

namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Variant {
  const char* name;
  notat::CleanOptions clean;
  bool raw;  // no clean-up at all
};

}  // namespace

int main(int argc, char** argv) {
  std::string reference_path, lang = "dan";
  std::vector<int> psms = {3, 4, 6};
  std::string only;  // run one clean-up variant
  std::vector<std::string> images;
  bool show_errors = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--reference" && i + 1 < argc) {
      reference_path = argv[++i];
    } else if (a == "--lang" && i + 1 < argc) {
      lang = argv[++i];
    } else if (a == "--only" && i + 1 < argc) {
      only = argv[++i];
    } else if (a == "--errors") {
      show_errors = true;
    } else if (a == "--psm" && i + 1 < argc) {
      psms.clear();
      std::stringstream ss(argv[++i]);
      std::string p;
      while (std::getline(ss, p, ',')) psms.push_back(std::stoi(p));
    } else {
      images.push_back(a);
    }
  }
  if (reference_path.empty() || images.empty()) {
    std::cerr << "usage: notat-ocr-variants --reference TXT [--psm 3,4,6] [--lang L] [--only CLEAN] [--errors] IMAGE...\n";
    return 2;
  }
  std::string reference = ReadFile(reference_path);
  std::vector<notat::RasterImage> pages;
  for (const std::string& path : images) {
    std::string bytes = ReadFile(path);
    auto image = notat::DecodeImagePage(bytes, 0, 1LL << 40, path);
    if (!image) {
      std::cerr << image.error().ToString() << "\n";
      return 1;
    }
    pages.push_back(std::move(*image));
  }
  const Variant variants[] = {
      {"none", {false, false, false, false}, true},
      {"deskew", {false, true, false, false}, false},
      {"bgnorm+deskew", {true, true, false, false}, false},
      {"deskew+binarize", {false, true, true, false}, false},
      {"bgnorm+deskew+binarize", {true, true, true, false}, false},
      {"bgnorm+deskew+bin+rules", {true, true, true, true}, false},
  };
  std::printf("%-24s %4s %9s %7s %5s %5s %5s %8s\n", "clean", "psm", "accuracy", "words", "sub", "del",
              "ins", "s/page");
  for (const Variant& v : variants) {
    if (!only.empty() && only != v.name) continue;
    for (int psm : psms) {
      notat::OcrOptions o;
      o.language = lang;
      o.page_segmentation_mode = psm;
      auto engine = notat::CreateTesseractEngine(o);
      if (!engine) {
        std::cerr << engine.error().ToString() << "\n";
        return 1;
      }
      std::string text;
      auto start = std::chrono::steady_clock::now();
      for (const notat::RasterImage& page : pages) {
        notat::RasterImage input = page;
        if (!v.raw) {
          auto cleaned = notat::CleanForOcr(page, v.clean);
          if (!cleaned) return 1;
          input = std::move(cleaned->image);
        }
        auto r = (*engine)->Recognize(input);
        if (!r) {
          std::cerr << r.error().ToString() << "\n";
          return 1;
        }
        for (const notat::Line& l : r->lines) text += l.text + "\n";
      }
      double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      notat::testing::WordAccuracy acc = notat::testing::MeasureWordAccuracy(reference, text);
      std::printf("%-24s %4d %8.2f%% %7d %5d %5d %5d %8.2f\n", v.name, psm, acc.accuracy() * 100,
                  acc.reference_words, acc.substitutions, acc.deletions, acc.insertions,
                  seconds / static_cast<double>(pages.size()));
      if (show_errors)
        for (const std::string& e : acc.errors) std::printf("    %s\n", e.c_str());
      std::fflush(stdout);
    }
  }
  return 0;
}
