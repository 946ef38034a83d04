// notat-repair-bench: speed of the repair stage and load time of the
// compiled lexicon (BENCHMARKS.md, "Repair").
//
//   build/bench/notat-repair-bench [--benchmark_filter=...]
//
// Texts: the sample note's OCR text (damaged by an English OCR model) and its
// hand-corrected text (healthy Danish, as a good PDF text layer reads).
// "words" counts whitespace-separated tokens of the input.
#include <benchmark/benchmark.h>
#include <hunspell/hunspell.hxx>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/lexicon.h"
#include "pipeline/repair.h"

namespace notat {
namespace {

Document ReadDoc(const std::string& name, int* words) {
  std::ifstream in(std::string(NOTAT_SOURCE_DIR) + "/samples/" + name);
  Document doc;
  Page page;
  int n = 0;
  *words = 0;
  for (std::string l; std::getline(in, l);) {
    Line line;
    line.number = ++n;
    line.text = l;
    page.lines.push_back(line);
    std::istringstream ws(l);
    for (std::string w; ws >> w;) ++*words;
  }
  doc.pages.push_back(page);
  return doc;
}

std::unique_ptr<Lexicon> Load() {
  Result<std::unique_ptr<Lexicon>> lex = LoadDanishLexicon();
  if (!lex) {
    std::fprintf(stderr, "notat-repair-bench: %s\n", lex.error().message.c_str());
    std::exit(3);
  }
  return std::move(*lex);
}

// Mapping the compiled lexicon (hunspell stays unloaded until needed).
void BM_LexiconLoad(benchmark::State& state) {
  for (auto _ : state) {
    std::unique_ptr<Lexicon> lex = Load();
    benchmark::DoNotOptimize(lex->Frequency("være"));
  }
}
BENCHMARK(BM_LexiconLoad)->Unit(benchmark::kMillisecond);

// Loading hunspell-da, which the lexicon does on the first word its tables
// do not know.
void BM_LexiconLoadWithHunspell(benchmark::State& state) {
  for (auto _ : state) {
    std::unique_ptr<Lexicon> lex = Load();
    lex->LoadAll();  // hunspell-da (now asked only whether a word is a name)
  }
}
BENCHMARK(BM_LexiconLoadWithHunspell)->Unit(benchmark::kMillisecond);

// Steady state: one lexicon repairs the same document again and again, as a
// batch does once its vocabulary has been met.
void RepairWarm(benchmark::State& state, const char* file) {
  int words = 0;
  Document doc = ReadDoc(file, &words);
  std::unique_ptr<Lexicon> lex = Load();
  Repair(doc, *lex);  // warm the lexicon's caches
  for (auto _ : state) {
    RepairedText r = Repair(doc, *lex);
    benchmark::DoNotOptimize(r.corrections.size());
  }
  state.SetItemsProcessed(state.iterations() * words);
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(state.iterations()) * words,
                                                 benchmark::Counter::kIsRate);
}
void BM_RepairDamagedWarm(benchmark::State& state) { RepairWarm(state, "note-2025-h1.ocr.txt"); }
void BM_RepairHealthyWarm(benchmark::State& state) { RepairWarm(state, "note-2025-h1.txt"); }
BENCHMARK(BM_RepairDamagedWarm)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_RepairHealthyWarm)->Unit(benchmark::kMicrosecond);

// First document of a run: a fresh lexicon each time (load excluded), so
// nothing is cached, and hunspell-da loads if a name must be told.
void BM_RepairDamagedCold(benchmark::State& state) {
  int words = 0;
  Document doc = ReadDoc("note-2025-h1.ocr.txt", &words);
  for (auto _ : state) {
    state.PauseTiming();
    std::unique_ptr<Lexicon> lex = Load();
    state.ResumeTiming();
    RepairedText r = Repair(doc, *lex);
    benchmark::DoNotOptimize(r.corrections.size());
    state.PauseTiming();
    lex.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * words);
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(state.iterations()) * words,
                                                 benchmark::Counter::kIsRate);
}
// What a user would otherwise run: hunspell-da's own suggestions, one call
// per damaged word of the sample note (the words the repair changes).
void BM_HunspellSuggest(benchmark::State& state) {
  Hunspell h("/usr/share/hunspell/da_DK.aff", "/usr/share/hunspell/da_DK.dic");
  const std::vector<std::string> words = {"radgiver", "fgrste", "Sjzelland", "vaere", "Igbende",
                                          "halvar", "stgrre", "opggrelse"};
  size_t i = 0;
  for (auto _ : state) {
    std::vector<std::string> s = h.suggest(words[i++ % words.size()]);
    benchmark::DoNotOptimize(s);
  }
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_HunspellSuggest)->Unit(benchmark::kMillisecond)->Iterations(16);

BENCHMARK(BM_RepairDamagedCold)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace
}  // namespace notat

BENCHMARK_MAIN();
