// Speed of the extraction stages (Segment, Extract) on the sample note, and
// on a long synthetic note made of the sample repeated as pages.
//
//   build/bench/notat-extract-bench --benchmark_repetitions=5
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "extractors/extract.h"
#include "extractors/segment.h"

namespace {

std::string ReadSample(const std::string& name) {
  std::ifstream f(std::string(NOTAT_SOURCE_DIR) + "/samples/" + name, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// One page per copy of `text`.
notat::RepairedText Pages(const std::string& text, int copies) {
  notat::RepairedText t;
  for (int c = 0; c < copies; ++c) {
    notat::Page page;
    page.number = c + 1;
    int n = 0;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) page.lines.push_back(notat::Line{++n, line, {}});
    t.pages.push_back(std::move(page));
  }
  return t;
}

void BM_Segment(benchmark::State& state, const char* sample) {
  notat::RepairedText text = Pages(ReadSample(sample), 1);
  for (auto _ : state) benchmark::DoNotOptimize(notat::Segment(text));
}

void BM_Extract(benchmark::State& state, const char* sample) {
  notat::RepairedText text = Pages(ReadSample(sample), static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(notat::Extract(text));
  state.SetItemsProcessed(state.iterations() * state.range(0));  // pages
}

BENCHMARK_CAPTURE(BM_Segment, corrected, "note-2025-h1.txt");
BENCHMARK_CAPTURE(BM_Extract, corrected, "note-2025-h1.txt")->Arg(1)->Arg(50);
BENCHMARK_CAPTURE(BM_Extract, raw_ocr, "note-2025-h1.ocr.txt")->Arg(1)->Arg(50);

}  // namespace

BENCHMARK_MAIN();
