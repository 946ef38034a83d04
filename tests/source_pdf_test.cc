// PDF and image input without real OCR: text layers, the text-layer/OCR
// choice, geometry, the worker pool and --keep-work with a fake OCR engine,
// and bad input. Real Tesseract runs in ocr_test.cc.
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/lexicon.h"
#include "pipeline/ocr.h"
#include "pipeline/pdf_source.h"
#include "pipeline/source.h"
#include "tests/ocr_accuracy.h"
#include "tests/pdf_test_util.h"

namespace notat {
namespace {

using testing::MakePdf;
using testing::PdfImage;
using testing::PdfText;
using testing::ReadFileBytes;
using testing::SamplePath;

// What the fake engines saw, shared by all engines of one factory.
struct FakeStats {
  std::atomic<int> engines{0};
  std::atomic<int> calls{0};
  std::atomic<int> in_flight{0};
  std::atomic<int> max_in_flight{0};
  std::mutex mu;
  std::vector<std::string> images;  // "WxH@dpi", in call order
};

// Reads nothing: returns one line describing the image (size, dpi and a
// checksum of its pixels), so a page's result depends on its own image.
class FakeEngine : public OcrEngine {
 public:
  explicit FakeEngine(std::shared_ptr<FakeStats> stats) : stats_(std::move(stats)) {}
  Result<OcrResult> Recognize(const RasterImage& image) override {
    int now = ++stats_->in_flight;
    int seen = stats_->max_in_flight.load();
    while (now > seen && !stats_->max_in_flight.compare_exchange_weak(seen, now)) {
    }
    ++stats_->calls;
    uint64_t sum = 0;
    for (uint8_t p : image.pixels) sum = sum * 31 + p;
    std::string size = std::to_string(image.width) + "x" + std::to_string(image.height) + "@" +
                       std::to_string(image.dpi);
    {
      std::lock_guard<std::mutex> lock(stats_->mu);
      stats_->images.push_back(size);
    }
    // Finish in an order unrelated to the page order.
    std::this_thread::sleep_for(std::chrono::milliseconds(sum % 7));
    OcrResult r;
    Line line;
    line.number = 1;
    line.words.push_back(Word{"side", Box{1, 2, 30, 12}, 91.5});
    line.words.push_back(Word{size, Box{40, 2, 90, 12}, 88});
    line.words.push_back(Word{std::to_string(sum % 100000), Box{100, 2, 150, 12}, 77});
    line.text = line.words[0].text + " " + line.words[1].text + " " + line.words[2].text;
    r.lines.push_back(line);
    r.text = line.text + "\n";
    r.tsv = "level\tpage_num\n";
    --stats_->in_flight;
    return r;
  }

 private:
  std::shared_ptr<FakeStats> stats_;
};

OcrEngineFactory FakeFactory(std::shared_ptr<FakeStats> stats) {
  return [stats]() -> Result<std::unique_ptr<OcrEngine>> {
    ++stats->engines;
    return std::unique_ptr<OcrEngine>(std::make_unique<FakeEngine>(stats));
  };
}

// Accepts exactly the words it is given (lower-case).
class FakeLexicon : public Lexicon {
 public:
  explicit FakeLexicon(std::set<std::string> words) : words_(std::move(words)) {}
  bool Accepts(std::string_view word) const override { return words_.count(std::string(word)) > 0; }
  uint64_t Frequency(std::string_view word) const override { return Accepts(word) ? 100 : 0; }
  uint64_t Bigram(std::string_view, std::string_view) const override { return 0; }

 private:
  std::set<std::string> words_;
};

Result<Document> Read(const std::string& name, const Options& options,
                      std::shared_ptr<FakeStats> stats, const Lexicon* lexicon = nullptr) {
  std::string path = SamplePath(name);
  std::string bytes = ReadFileBytes(path);
  return ReadPdfOrImage(bytes, SniffKind(bytes), path, options, lexicon, FakeFactory(std::move(stats)));
}

std::string AllText(const Document& doc) {
  std::string text;
  for (const Page& p : doc.pages)
    for (const Line& l : p.lines) text += l.text + "\n";
  return text;
}

std::string TempDir(const std::string& name) {
  std::string dir = (std::filesystem::temp_directory_path() /
                     ("notat-source-pdf-test-" + name + "-" + std::to_string(::getpid())))
                        .string();
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// ---- Text layers ----

TEST(SourcePdfTest, BornDigitalUsesTextLayerOnEveryPage) {
  auto stats = std::make_shared<FakeStats>();
  Result<Document> doc = Read("note-2025-h1.pdf", Options{}, stats);
  ASSERT_TRUE(doc) << doc.error().ToString();
  EXPECT_EQ(doc->kind, "pdf");
  ASSERT_EQ(doc->pages.size(), 3u);
  for (const Page& p : doc->pages) {
    EXPECT_EQ(p.text_source, "text-layer") << "page " << p.number;
    EXPECT_EQ(p.text_source_why, "text layer present (not judged: no lexicon)") << "page " << p.number;
    EXPECT_DOUBLE_EQ(p.width, 595);
    EXPECT_DOUBLE_EQ(p.height, 842);
  }
  EXPECT_EQ(stats->engines.load(), 0);
  EXPECT_EQ(doc->pages[0].lines[0].text, "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025");
}

TEST(SourcePdfTest, TextLayerWordsMatchTheCorrectedText) {
  Result<Document> doc = Read("note-2025-h1.pdf", Options{}, std::make_shared<FakeStats>());
  ASSERT_TRUE(doc) << doc.error().ToString();
  testing::WordAccuracy acc =
      testing::MeasureWordAccuracy(ReadFileBytes(SamplePath("note-2025-h1.txt")), AllText(*doc));
  std::string errors;
  for (const std::string& e : acc.errors) errors += "  " + e + "\n";
  EXPECT_EQ(acc.errors.size(), 0u) << "word accuracy " << acc.accuracy() * 100 << "% of "
                                   << acc.reference_words << " words; differences:\n" << errors;
}

TEST(SourcePdfTest, TextLayerKeepsTableRowsTogether) {
  Result<Document> doc = Read("note-2025-h1.pdf", Options{}, std::make_shared<FakeStats>());
  ASSERT_TRUE(doc) << doc.error().ToString();
  std::vector<std::string> lines;
  for (const Line& l : doc->pages[0].lines) lines.push_back(l.text);
  for (const char* row : {"2018 2019 2020 2021 2022 2023 2024 1.", "(maj- halvår", "dec.) 2025",
                          "Henvendel- 186 286 313 395 522 631 827 502", "ser (antal)",
                          "Region Antal henvendelser", "Region Hovedstaden 146", "Region Sjælland 54",
                          "Total 502"}) {
    EXPECT_NE(std::find(lines.begin(), lines.end(), row), lines.end()) << "missing line: " << row;
  }
  auto henv = std::find(lines.begin(), lines.end(), "Henvendel- 186 286 313 395 522 631 827 502");
  auto dec = std::find(lines.begin(), lines.end(), "dec.) 2025");
  EXPECT_LT(dec - lines.begin(), henv - lines.begin());
}

TEST(SourcePdfTest, TextLayerWordsHaveBoxesInsideThePageAndNoConfidence) {
  Result<Document> doc = Read("note-2025-h1.pdf", Options{}, std::make_shared<FakeStats>());
  ASSERT_TRUE(doc) << doc.error().ToString();
  for (const Page& p : doc->pages) {
    int expected_number = 0;
    for (const Line& l : p.lines) {
      EXPECT_EQ(l.number, ++expected_number);
      ASSERT_FALSE(l.words.empty()) << l.text;
      std::string joined;
      for (const Word& w : l.words) {
        EXPECT_EQ(w.confidence, -1);
        EXPECT_GE(w.box.x0, 0);
        EXPECT_GE(w.box.y0, 0);
        EXPECT_LE(w.box.x1, p.width);
        EXPECT_LE(w.box.y1, p.height);
        EXPECT_LT(w.box.x0, w.box.x1) << w.text;
        EXPECT_LT(w.box.y0, w.box.y1) << w.text;
        joined += (joined.empty() ? "" : " ") + w.text;
      }
      EXPECT_EQ(joined, l.text);
    }
  }
}

TEST(SourcePdfTest, ColumnByColumnTableIsRebuiltIntoRows) {
  // A table drawn column by column, after two lines of running text.
  std::vector<PdfText> page = {
      {72, 72, "Siden 2018 har der været en stigning i antallet af henvendelser."},
      {72, 88, "Tabellen viser antallet af henvendelser for hvert år i perioden."},
  };
  const char* years[] = {"2021", "2022", "2023"};
  const char* counts[] = {"395", "522", "631"};
  page.push_back({72, 130, "Antal"});
  for (int c = 0; c < 3; ++c) {
    page.push_back({200 + 60.0 * c, 110, years[c]});
    page.push_back({200 + 60.0 * c, 130, counts[c]});
  }
  std::string pdf = MakePdf({page});
  Result<Document> doc =
      ReadPdfOrImage(pdf, InputKind::kPdf, "table.pdf", Options{}, nullptr,
                     FakeFactory(std::make_shared<FakeStats>()));
  ASSERT_TRUE(doc) << doc.error().ToString();
  std::vector<std::string> lines;
  for (const Line& l : doc->pages[0].lines) lines.push_back(l.text);
  EXPECT_EQ(lines, (std::vector<std::string>{
                       "Siden 2018 har der været en stigning i antallet af henvendelser.",
                       "Tabellen viser antallet af henvendelser for hvert år i perioden.",
                       "2021 2022 2023", "Antal 395 522 631"}));
}

TEST(SourcePdfTest, APageTurnedByItsRotateIsReadInItsTextsOwnOrder) {
  // A page that a viewer shows turned (/Rotate, as saved after turning a
  // page or for a landscape table): Poppler gives its words in the turned
  // frame, where lines ran down or right to left and were read as columns.
  std::vector<PdfText> page = {
      {72, 72, "Tabel 2. Regionsvis fordeling af henvendelser"},
      {72, 100, "Region Hovedstaden"}, {300, 100, "146"},
      {72, 116, "Region Midtjylland"}, {300, 116, "142"},
      {72, 132, "Total"}, {300, 132, "288"},
  };
  const std::vector<std::string> expected = {"Tabel 2. Regionsvis fordeling af henvendelser",
                                             "Region Hovedstaden 146", "Region Midtjylland 142", "Total 288"};
  for (int rotate : {0, 90, 180, 270}) {
    Result<Document> doc = ReadPdfOrImage(MakePdf({page}, 595, 842, rotate), InputKind::kPdf, "turned.pdf",
                                          Options{}, nullptr, FakeFactory(std::make_shared<FakeStats>()));
    ASSERT_TRUE(doc) << doc.error().ToString();
    ASSERT_EQ(doc->pages.size(), 1u);
    std::vector<std::string> lines;
    for (const Line& l : doc->pages[0].lines) lines.push_back(l.text);
    EXPECT_EQ(lines, expected) << "/Rotate " << rotate;
    // The page's size and the words' boxes in the frame the text reads in.
    EXPECT_EQ(doc->pages[0].width, 595) << rotate;
    EXPECT_EQ(doc->pages[0].height, 842) << rotate;
    const Word& first = doc->pages[0].lines[0].words[0];
    EXPECT_NEAR(first.box.x0, 72, 2) << rotate;
    EXPECT_NEAR(first.box.y0, 72, 4) << rotate;
  }
}

TEST(SourcePdfTest, ATableTurnedOnAnUprightPageIsReadInItsOwnDirection) {
  // A wide table set turned a quarter to fit a portrait page, under an
  // upright caption: its rows are read as rows, in its place between the
  // caption and the text below it.
  std::vector<PdfText> page = {
      {72, 72, "Tabel 1. Årlig udvikling i antal henvendelser"},
      {72, 600, "Teksten fortsætter under tabellen."},
  };
  const char* years[] = {"2021", "2022", "2023"};
  const char* counts[] = {"395", "522", "631"};
  for (int c = 0; c < 3; ++c) {
    page.push_back({200, 500 - 50.0 * c, years[c], 11, true});
    page.push_back({220, 500 - 50.0 * c, counts[c], 11, true});
  }
  page.push_back({220, 560, "Antal", 11, true});
  Result<Document> doc = ReadPdfOrImage(MakePdf({page}), InputKind::kPdf, "turned-table.pdf", Options{}, nullptr,
                                        FakeFactory(std::make_shared<FakeStats>()));
  ASSERT_TRUE(doc) << doc.error().ToString();
  std::vector<std::string> lines;
  for (const Line& l : doc->pages[0].lines) lines.push_back(l.text);
  EXPECT_EQ(lines, (std::vector<std::string>{"Tabel 1. Årlig udvikling i antal henvendelser", "2021 2022 2023",
                                             "Antal 395 522 631", "Teksten fortsætter under tabellen."}));
  // Every box in the page's own frame: the turned words stand where drawn.
  const Word& antal = doc->pages[0].lines[2].words[0];
  EXPECT_NEAR(antal.box.x0, 220, 5);
  EXPECT_GT(antal.box.y1 - antal.box.y0, antal.box.x1 - antal.box.x0);  // taller than wide
  for (size_t i = 0; i < doc->pages[0].lines.size(); ++i)
    EXPECT_EQ(doc->pages[0].lines[i].number, static_cast<int>(i) + 1);
}

TEST(SourcePdfTest, TwoColumnPageIsReadColumnByColumn) {
  // Drawn row by row across both columns, so the layer's order interleaves them.
  std::vector<PdfText> page = {{72, 60, "Notat om henvendelser i to spalter", 14}};
  std::vector<std::string> left, right;
  for (int i = 1; i <= 8; ++i) {
    left.push_back("Venstre spalte linje " + std::to_string(i) + " her");
    right.push_back("Højre spalte linje " + std::to_string(i) + " der");
    page.push_back({72, 90 + 16.0 * i, left.back()});
    page.push_back({320, 90 + 16.0 * i, right.back()});
  }
  page.push_back({72, 260, "Side 1 af 1 i et notat med to spalter og en lang fodlinje"});
  Result<Document> doc = ReadPdfOrImage(MakePdf({page}), InputKind::kPdf, "columns.pdf", Options{}, nullptr,
                                        FakeFactory(std::make_shared<FakeStats>()));
  ASSERT_TRUE(doc) << doc.error().ToString();
  std::vector<std::string> expected = {"Notat om henvendelser i to spalter"};
  expected.insert(expected.end(), left.begin(), left.end());
  expected.insert(expected.end(), right.begin(), right.end());
  expected.push_back("Side 1 af 1 i et notat med to spalter og en lang fodlinje");
  std::vector<std::string> lines;
  for (const Line& l : doc->pages[0].lines) lines.push_back(l.text);
  EXPECT_EQ(lines, expected);
}

TEST(SourcePdfTest, LinesFromWordBoxesGroupsByBandAndSortsByX) {
  std::vector<Word> words = {
      {"2019", {150, 100, 175, 110}, -1}, {"286", {150, 121, 170, 131}, -1},
      {"2018", {100, 100, 125, 110}, -1}, {"186", {100, 120, 120, 130}, -1},
      {"Antal", {20, 120.5, 60, 130.5}, -1}, {"Tabel", {20, 60, 50, 70}, -1},
  };
  std::vector<Line> lines = LinesFromWordBoxes(words);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].text, "Tabel");
  EXPECT_EQ(lines[1].text, "2018 2019");
  EXPECT_EQ(lines[2].text, "Antal 186 286");
  EXPECT_EQ(lines[2].number, 3);
  EXPECT_EQ(lines[2].words.size(), 3u);
}

TEST(SourcePdfTest, ReadingOrderScrambledDetectsColumnOrder) {
  auto line = [](std::string text, Box b) { return Line{0, text, {Word{text, b, -1}}}; };
  std::vector<Line> in_order = {line("a", {10, 10, 50, 20}), line("b", {10, 25, 50, 35}),
                                line("c", {10, 40, 50, 50})};
  EXPECT_FALSE(ReadingOrderScrambled(in_order));
  std::vector<Line> back_up = {line("a", {10, 10, 50, 20}), line("b", {10, 40, 50, 50}),
                               line("c", {60, 10, 90, 20})};
  EXPECT_TRUE(ReadingOrderScrambled(back_up));
  std::vector<Line> same_band = {line("a", {10, 10, 50, 20}), line("b", {60, 11, 90, 21})};
  EXPECT_TRUE(ReadingOrderScrambled(same_band));
}

TEST(SourcePdfTest, InkNoLayerWordAccountsForIsABandOfPictureText) {
  // A 200 x 200 point page rendered at 72 dpi (a pixel a point): a layer
  // word with its ink, a table rule across the page, and below them marks
  // of text with no layer word: a picture of text.
  RasterImage page;
  page.width = page.height = 200;
  page.dpi = 72;
  page.pixels.assign(200 * 200, 255);
  auto paint = [&](int x0, int y0, int x1, int y1) {
    for (int y = y0; y < y1; ++y)
      for (int x = x0; x < x1; ++x) page.pixels[static_cast<size_t>(y) * 200 + x] = 0;
  };
  Page layer;
  layer.width = layer.height = 200;
  layer.lines.push_back(Line{1, "Tabel", {Word{"Tabel", {20, 20, 80, 30}, -1}}});
  for (int x = 21; x < 79; x += 5) paint(x, 21, x + 3, 29);
  paint(10, 100, 190, 101);  // a rule
  paint(100, 60, 101, 95);   // a column rule
  EXPECT_TRUE(ImageTextBands(page, layer).empty());
  for (int row : {140, 152})
    for (int x = 20; x < 150; x += 8) paint(x, row, x + 3, row + 7);
  std::vector<Box> bands = ImageTextBands(page, layer);
  ASSERT_EQ(bands.size(), 1u);
  EXPECT_EQ(bands[0].x0, 0);
  EXPECT_EQ(bands[0].x1, 200);
  EXPECT_EQ(bands[0].y0, 135);  // with 5 points' margin for faint edges
  EXPECT_EQ(bands[0].y1, 164);
  // A few marks (a logo's initials, specks) are no band.
  RasterImage marks = page;
  std::fill(page.pixels.begin() + 130 * 200, page.pixels.end(), 255);
  for (int x = 20; x < 60; x += 8) paint(x, 140, x + 3, 147);
  EXPECT_TRUE(ImageTextBands(page, layer).empty());
  page = std::move(marks);
  // Layer text in the picture's band (a running head printed over a scanned
  // page): the picture still has more ink than the layer's words there.
  Page headed = layer;
  headed.lines.push_back(Line{2, "Side 2", {Word{"Side", {20, 140, 34, 147}, -1}, Word{"2", {36, 140, 40, 147}, -1}}});
  ASSERT_EQ(ImageTextBands(page, headed).size(), 1u);
  EXPECT_EQ(ImageTextBands(page, headed)[0].y0, 135);
  // Ink among layer words, under a tenth of theirs outside their boxes (a
  // scan under an OCR layer whose boxes miss some of it), is no picture.
  Page scan = layer;
  for (int row : {140, 152})
    scan.lines.push_back(Line{3, "Henvendelser 186", {Word{"Henvendelser", {20, double(row), 100, row + 7.0}, -1},
                                                       Word{"186", {104, double(row), 146, row + 7.0}, -1}}});
  for (int row : {140, 152})
    for (int x = 152; x < 184; x += 8) paint(x, row, x + 3, row + 7);
  EXPECT_TRUE(ImageTextBands(page, scan).empty());
}

TEST(SourcePdfTest, LinesReadFromABandJoinTheLayerInReadingOrder) {
  Page layer;
  layer.lines.push_back(Line{1, "Tabel 1.", {Word{"Tabel", {72, 100, 100, 110}, -1}, Word{"1.", {102, 100, 110, 110}, -1}}});
  layer.lines.push_back(Line{2, "Den løbende", {Word{"Den", {72, 200, 90, 210}, -1}, Word{"løbende", {92, 200, 130, 210}, -1}}});
  // Read at 300 dpi from the band from y = 120 points: pixels to points
  // are 72/300 and the band's top is added. The second line's cells start
  // a little higher than the first's; "Den" under the band's last line is
  // the layer's word read again.
  auto word = [](std::string t, double x0, double y0, double x1, double y1) {
    return Word{std::move(t), {x0, y0, x1, y1}, 95};
  };
  std::vector<Line> ocr = {
      Line{1, "2018 2019", {word("2018", 300, 50, 400, 90), word("2019", 500, 50, 600, 90)}},
      Line{2, "Henvendel- 186", {word("Henvendel-", 300, 140, 500, 180), word("186", 600, 145, 680, 185)}},
      Line{3, "502", {word("502", 1000, 135, 1080, 175)}},
      Line{4, "Den", {word("Den", 300, 340, 375, 370)}},
  };
  EXPECT_EQ(AddBandLines(Box{0, 120, 595, 200}, 300, ocr, &layer), 3);
  std::vector<std::string> texts;
  for (const Line& l : layer.lines) texts.push_back(std::to_string(l.number) + " " + l.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"1 Tabel 1.", "2 2018 2019", "3 Henvendel- 186", "4 502",
                                              "5 Den løbende"}));
  const Box& b = layer.lines[1].words[0].box;
  EXPECT_DOUBLE_EQ(b.x0, 72);
  EXPECT_DOUBLE_EQ(b.y0, 132);
  EXPECT_DOUBLE_EQ(b.x1, 96);
  EXPECT_DOUBLE_EQ(b.y1, 141.6);
  EXPECT_EQ(layer.lines[1].words[0].confidence, 95);
}

TEST(SourcePdfTest, RotateClockwiseTurnsByQuarters) {
  RasterImage image{3, 2, 300, {1, 2, 3, 4, 5, 6}, {}};  // rows: 1 2 3 / 4 5 6
  struct Case {
    int degrees, width, height;
    std::vector<uint8_t> pixels;
  } cases[] = {
      {0, 3, 2, {1, 2, 3, 4, 5, 6}},
      {90, 2, 3, {4, 1, 5, 2, 6, 3}},
      {180, 3, 2, {6, 5, 4, 3, 2, 1}},
      {270, 2, 3, {3, 6, 2, 5, 1, 4}},
      {-90, 2, 3, {3, 6, 2, 5, 1, 4}},
  };
  for (const Case& c : cases) {
    RasterImage r = RotateClockwise(image, c.degrees);
    EXPECT_EQ(r.width, c.width) << c.degrees;
    EXPECT_EQ(r.height, c.height) << c.degrees;
    EXPECT_EQ(r.pixels, c.pixels) << c.degrees;
    EXPECT_EQ(r.dpi, 300);
  }
}

// ---- The text-layer / OCR choice ----

Page PageOfText(const std::string& text) {
  Page page;
  Line line;
  line.number = 1;
  line.text = text;
  size_t start = 0;
  double x = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    line.words.push_back(Word{text.substr(start, end - start), Box{x, 0, x + 10, 10}, -1});
    x += 12;
    start = end + 1;
  }
  page.lines.push_back(line);
  return page;
}

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += (out.empty() ? "" : " ") + s;
  return out;
}

TEST(SourcePdfTest, JudgeTextLayerChoosesByModeAndContent) {
  const std::string danish = Repeat("sikkerhedskonsulenterne rådgiver kommuner og borgere i første halvår", 4);
  struct Case {
    std::string text;
    OcrMode mode;
    std::string language;
    bool use_ocr;
    std::string why;
  } cases[] = {
      {"", OcrMode::kAuto, "dan", true, "no text layer"},
      {"1 2 3 Side 4", OcrMode::kAuto, "dan", true, "no usable text layer: 1 words"},
      {"", OcrMode::kNever, "dan", false, "no usable text layer; OCR disabled (--ocr never)"},
      {danish, OcrMode::kAlways, "dan", true, "--ocr always"},
      {danish, OcrMode::kNever, "dan", false, "--ocr never"},
      {danish, OcrMode::kAuto, "dan", false, "text layer present (not judged: no lexicon)"},
      {Repeat("radgiver kommuner og borgere i forste halvar", 25), OcrMode::kAuto, "dan", true,
       "text layer damaged: no æ, ø or å in 150 words (made by a non-Danish OCR model)"},
      {Repeat("radgiver kommuner og borgere i forste halvar", 25), OcrMode::kAuto, "eng", false,
       "text layer present (not judged: no lexicon)"},
      {Repeat("radgiver kommuner og borgere", 25), OcrMode::kAuto, "dan", false,
       "text layer present (not judged: no lexicon)"},  // 100 words of 2+ letters
  };
  for (const Case& c : cases) {
    TextLayerVerdict v = JudgeTextLayer(PageOfText(c.text), c.mode, nullptr, c.language);
    EXPECT_EQ(v.use_ocr, c.use_ocr) << c.text.substr(0, 40);
    EXPECT_EQ(v.why, c.why) << c.text.substr(0, 40);
  }
}

TEST(SourcePdfTest, JudgeTextLayerUsesLexiconHealth) {
  FakeLexicon lexicon({"sikkerhedskonsulenterne", "rådgiver", "kommuner", "og", "borgere", "i", "første",
                       "halvår", "af", "henvendelser", "år", "til"});
  TextLayerVerdict healthy = JudgeTextLayer(
      PageOfText(Repeat("sikkerhedskonsulenterne rådgiver kommuner og borgere i første halvår", 3)),
      OcrMode::kAuto, &lexicon, "dan");
  EXPECT_FALSE(healthy.use_ocr);
  EXPECT_EQ(healthy.why, "text layer healthy: 100% lexicon hits, 0% of words would be repaired");

  TextLayerVerdict damaged = JudgeTextLayer(
      PageOfText(Repeat("sikkerhedskonsulenterne radgiver kommuner og borgere i forste halvar", 3)),
      OcrMode::kAuto, &lexicon, "dan");
  EXPECT_TRUE(damaged.use_ocr);
  EXPECT_EQ(damaged.why.rfind("text layer damaged: 62% lexicon hits", 0), 0u) << damaged.why;

  TextLayerVerdict few = JudgeTextLayer(PageOfText("radgiver kommuner og borgere i forste halvar"),
                                        OcrMode::kAuto, &lexicon, "dan");
  EXPECT_FALSE(few.use_ocr);
  EXPECT_EQ(few.why.rfind("text layer present (", 0), 0u) << few.why;
}

TEST(SourcePdfTest, EnglishOcrLayerIsDamagedWithoutLexicon) {
  auto stats = std::make_shared<FakeStats>();
  Result<Document> doc = Read("note-2025-h1-englishocr.pdf", Options{}, stats);
  ASSERT_TRUE(doc) << doc.error().ToString();
  ASSERT_EQ(doc->pages.size(), 3u);
  EXPECT_EQ(doc->pages[0].text_source, "ocr");
  EXPECT_EQ(doc->pages[1].text_source, "ocr");
  EXPECT_EQ(doc->pages[0].text_source_why.rfind("text layer damaged: no æ, ø or å in ", 0), 0u)
      << doc->pages[0].text_source_why;
}

TEST(SourcePdfTest, ScanIsRenderedAt300DpiForOcr) {
  auto stats = std::make_shared<FakeStats>();
  Options options;
  options.jobs = 2;
  Result<Document> doc = Read("note-2025-h1-scan300.pdf", options, stats);
  ASSERT_TRUE(doc) << doc.error().ToString();
  ASSERT_EQ(doc->pages.size(), 3u);
  for (const Page& p : doc->pages) {
    EXPECT_EQ(p.text_source, "ocr");
    EXPECT_EQ(p.text_source_why, "no text layer");
    EXPECT_EQ(p.lines[0].words[1].text, "2480x3508@300");
    EXPECT_DOUBLE_EQ(p.width, 2480);
    EXPECT_DOUBLE_EQ(p.height, 3508);
  }
  EXPECT_EQ(stats->calls.load(), 3);
  EXPECT_LE(stats->engines.load(), 2);
  EXPECT_LE(stats->max_in_flight.load(), 2);
}

TEST(SourcePdfTest, OcrModesOverrideTheChoice) {
  Options always;
  always.ocr = OcrMode::kAlways;
  always.render_dpi = 50;
  Result<Document> doc = Read("note-2025-h1.pdf", always, std::make_shared<FakeStats>());
  ASSERT_TRUE(doc) << doc.error().ToString();
  for (const Page& p : doc->pages) {
    EXPECT_EQ(p.text_source, "ocr");
    EXPECT_EQ(p.text_source_why, "--ocr always");
    EXPECT_EQ(p.lines[0].words[1].text, "413x585@50");
  }
  Options never;
  never.ocr = OcrMode::kNever;
  auto stats = std::make_shared<FakeStats>();
  Result<Document> scan = Read("note-2025-h1-scan300.pdf", never, stats);
  ASSERT_TRUE(scan) << scan.error().ToString();
  for (const Page& p : scan->pages) {
    EXPECT_EQ(p.text_source, "text-layer");
    EXPECT_EQ(p.text_source_why, "no usable text layer; OCR disabled (--ocr never)");
    EXPECT_TRUE(p.lines.empty());
  }
  EXPECT_EQ(stats->calls.load(), 0);
}

// A grey picture of text for MakePdf: `columns` x `rows` pixels, white,
// with a row of dark marks 4 wide and 20 tall, 10 apart, from each of
// `tops` (the letters of a line of text, as far as ink goes).
PdfImage RowsOfMarks(int columns, int rows, const std::vector<int>& tops) {
  PdfImage im;
  im.columns = columns;
  im.rows = rows;
  im.gray.assign(static_cast<size_t>(columns) * rows, '\xff');
  for (int top : tops)
    for (int x = 0; x < columns; x += 10)
      for (int y = top; y < top + 20 && y < rows; ++y)
        for (int k = x; k < x + 4 && k < columns; ++k) im.gray[static_cast<size_t>(y) * columns + k] = 0;
  return im;
}

TEST(SourcePdfTest, AShortPageIsItsTextLayerWhenNothingElseOnItHoldsText) {
  // A note's last page of three words: the layer is the page, and nothing
  // is OCR'd. The same three words over a picture of text: that picture's
  // band is read.
  std::vector<PdfText> last = {{72, 72, "Side 3 af 3, slut."}};
  auto stats = std::make_shared<FakeStats>();
  Result<Document> doc =
      ReadPdfOrImage(MakePdf({last}), InputKind::kPdf, "short.pdf", Options{}, nullptr, FakeFactory(stats));
  ASSERT_TRUE(doc) << doc.error().ToString();
  EXPECT_EQ(doc->pages[0].text_source, "text-layer");
  EXPECT_EQ(doc->pages[0].text_source_why,
            "no usable text layer: 3 words; nothing else on the page holds text: the layer is used");
  EXPECT_EQ(doc->pages[0].lines.size(), 1u);
  EXPECT_EQ(stats->calls.load(), 0);
  PdfImage marks = RowsOfMarks(400, 60, {5, 35});
  marks.x = 72;
  marks.y = 200;
  marks.width = 200;
  marks.height = 30;
  Result<Document> pictured = ReadPdfOrImage(MakePdf({last}, 595, 842, 0, {marks}), InputKind::kPdf, "short.pdf",
                                             Options{}, nullptr, FakeFactory(stats));
  ASSERT_TRUE(pictured) << pictured.error().ToString();
  EXPECT_EQ(pictured->pages[0].text_source, "text-layer");
  EXPECT_NE(pictured->pages[0].text_source_why.find("1 band of text shown as a picture OCR'd"), std::string::npos)
      << pictured->pages[0].text_source_why;
  EXPECT_EQ(stats->calls.load(), 1);
}

TEST(SourcePdfTest, APageThatIsMostlyAPictureOfTextIsOcrdWhole) {
  // A scan under a running head of layer text: the page is read as a scan
  // (whole, so that a page on its side is turned), not band by band.
  std::vector<PdfText> head = {{72, 20, "Udlændinge- og Integrationsministeriet, Slotsholmsgade 10, København"}};
  std::vector<int> tops;  // rows of marks down most of the page
  for (int row = 0; row + 20 < 700; row += 30) tops.push_back(row);
  PdfImage page = RowsOfMarks(450, 700, tops);
  page.x = 72;
  page.y = 60;
  page.width = 450;
  page.height = 700;
  auto stats = std::make_shared<FakeStats>();
  Result<Document> doc = ReadPdfOrImage(MakePdf({head}, 595, 842, 0, {page}), InputKind::kPdf, "scan.pdf",
                                        Options{}, nullptr, FakeFactory(stats));
  ASSERT_TRUE(doc) << doc.error().ToString();
  EXPECT_EQ(doc->pages[0].text_source, "ocr");
  EXPECT_NE(doc->pages[0].text_source_why.find("most of the page is a picture of text: OCR'd whole"),
            std::string::npos)
      << doc->pages[0].text_source_why;
}

// ---- Images, workers, --keep-work ----

TEST(SourcePdfTest, MultiPageTiffGivesSameDocumentWithOneOrThreeWorkers) {
  Options one;
  one.jobs = 1;
  Options three;
  three.jobs = 3;
  Result<Document> a = Read("note-2025-h1-scan.tif", one, std::make_shared<FakeStats>());
  auto stats = std::make_shared<FakeStats>();
  Result<Document> b = Read("note-2025-h1-scan.tif", three, stats);
  ASSERT_TRUE(a) << a.error().ToString();
  ASSERT_TRUE(b) << b.error().ToString();
  EXPECT_EQ(a->kind, "image");
  ASSERT_EQ(a->pages.size(), 3u);
  ASSERT_EQ(b->pages.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(a->pages[i].number, static_cast<int>(i) + 1);
    EXPECT_EQ(b->pages[i].number, static_cast<int>(i) + 1);
    EXPECT_EQ(a->pages[i].text_source_why, "image input");
    EXPECT_EQ(a->pages[i].lines[0].text, b->pages[i].lines[0].text);
    EXPECT_EQ(a->pages[i].lines[0].words[1].text, "2480x3508@300");
  }
  EXPECT_NE(a->pages[0].lines[0].text, a->pages[1].lines[0].text);
  EXPECT_LE(stats->max_in_flight.load(), 3);
  EXPECT_EQ(stats->engines.load(), 3);
}

TEST(SourcePdfTest, JpegKeepsItsResolution) {
  Result<Document> doc = Read("note-2025-h1-p3.jpg", Options{}, std::make_shared<FakeStats>());
  ASSERT_TRUE(doc) << doc.error().ToString();
  ASSERT_EQ(doc->pages.size(), 1u);
  EXPECT_EQ(doc->pages[0].lines[0].words[1].text, "1654x2339@200");
}

TEST(SourcePdfTest, KeepWorkLeavesEachPagesArtifacts) {
  std::string dir = TempDir("keep");
  Options options;
  options.keep_work = dir;
  Result<Document> doc = Read("note-2025-h1-p1.png", options, std::make_shared<FakeStats>());
  ASSERT_TRUE(doc) << doc.error().ToString();
  std::string base = dir + "/note-2025-h1-p1/p001-";
  for (const char* f : {"1-render.png", "2-clean.png", "3-ocr.txt", "3-ocr.tsv"})
    EXPECT_TRUE(std::filesystem::is_regular_file(base + f)) << base + f;
  EXPECT_EQ(ReadFileBytes(base + "3-ocr.txt"), doc->pages[0].lines[0].text + "\n");
  EXPECT_EQ(ReadFileBytes(base + "1-render.png").substr(0, 4), "\x89PNG");
  std::filesystem::remove_all(dir);
}

TEST(SourcePdfTest, HundredsOfPagesStreamThroughBoundedWorkers) {
  constexpr int kPages = 300;
  std::vector<std::vector<PdfText>> pages;
  for (int i = 1; i <= kPages; ++i) {
    pages.push_back({{72, 72, "Side " + std::to_string(i) + " af " + std::to_string(kPages)},
                     {72, 90, "Dette er en side i et langt dokument med lidt tekst på."}});
  }
  std::string pdf = MakePdf(pages);
  Result<Document> text = ReadPdfOrImage(pdf, InputKind::kPdf, "long.pdf", Options{}, nullptr,
                                         FakeFactory(std::make_shared<FakeStats>()));
  ASSERT_TRUE(text) << text.error().ToString();
  ASSERT_EQ(text->pages.size(), static_cast<size_t>(kPages));
  EXPECT_EQ(text->pages[199].text_source, "text-layer");
  EXPECT_EQ(text->pages[199].lines[0].text, "Side 200 af 300");

  Options options;
  options.ocr = OcrMode::kAlways;
  options.render_dpi = 20;
  options.jobs = 2;
  auto stats = std::make_shared<FakeStats>();
  Result<Document> ocr = ReadPdfOrImage(pdf, InputKind::kPdf, "long.pdf", options, nullptr, FakeFactory(stats));
  ASSERT_TRUE(ocr) << ocr.error().ToString();
  ASSERT_EQ(ocr->pages.size(), static_cast<size_t>(kPages));
  for (int i = 0; i < kPages; ++i) {
    ASSERT_EQ(ocr->pages[i].number, i + 1);
    ASSERT_EQ(ocr->pages[i].lines[0].words[1].text, "165x234@20");
  }
  EXPECT_EQ(stats->calls.load(), kPages);
  EXPECT_LE(stats->max_in_flight.load(), 2);
  EXPECT_LE(stats->engines.load(), 2);
}

// ---- Bad input ----

TEST(SourcePdfTest, NotAPdfIsAParseErrorNamingTheFile) {
  std::string bytes = "%PDF-1.4\nthis is not a PDF at all\n%%EOF\n";
  Result<Document> doc = ReadPdfOrImage(bytes, InputKind::kPdf, "fake.pdf", Options{}, nullptr,
                                        FakeFactory(std::make_shared<FakeStats>()));
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().code, ErrorCode::kParse);
  EXPECT_EQ(doc.error().message.rfind("fake.pdf: not a readable PDF", 0), 0u) << doc.error().message;
}

TEST(SourcePdfTest, TruncatedPdfIsAParseError) {
  std::string bytes = ReadFileBytes(SamplePath("note-2025-h1.pdf"));
  bytes.resize(bytes.size() / 2);
  Result<Document> doc = ReadPdfOrImage(bytes, InputKind::kPdf, "cut.pdf", Options{}, nullptr,
                                        FakeFactory(std::make_shared<FakeStats>()));
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().code, ErrorCode::kParse);
  EXPECT_EQ(doc.error().message, "cut.pdf: truncated PDF (no %%EOF marker at the end of the file)");
}

TEST(SourcePdfTest, EncryptedPdfNeedsPassword) {
  std::string path = SamplePath("note-2025-h1-encrypted.pdf");
  Result<Document> none = Read("note-2025-h1-encrypted.pdf", Options{}, std::make_shared<FakeStats>());
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(none.error().message, path + ": the PDF is encrypted: give its password with --password");

  Options wrong;
  wrong.password = "not-it";
  Result<Document> bad = Read("note-2025-h1-encrypted.pdf", wrong, std::make_shared<FakeStats>());
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(bad.error().message,
            path + ": the PDF is encrypted and the password given with --password is wrong");

  Options right;
  right.password = "notat-test";
  Result<Document> doc = Read("note-2025-h1-encrypted.pdf", right, std::make_shared<FakeStats>());
  ASSERT_TRUE(doc) << doc.error().ToString();
  ASSERT_EQ(doc->pages.size(), 3u);
  EXPECT_EQ(doc->pages[0].text_source, "text-layer");
  EXPECT_EQ(doc->pages[0].lines[0].text, "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025");
}

TEST(SourcePdfTest, PdfWithoutPagesIsRefused) {
  std::string pdf = MakePdf({});
  Result<Document> doc = ReadPdfOrImage(pdf, InputKind::kPdf, "empty.pdf", Options{}, nullptr,
                                        FakeFactory(std::make_shared<FakeStats>()));
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(doc.error().message, "empty.pdf: the PDF has no pages");
}

TEST(SourcePdfTest, HugeImageIsRefusedFromItsHeader) {
  std::string png = testing::PngHeaderOnly(100000, 100000);
  auto stats = std::make_shared<FakeStats>();
  Result<Document> doc = ReadPdfOrImage(png, InputKind::kPng, "huge.png", Options{}, nullptr, FakeFactory(stats));
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(doc.error().message,
            "huge.png: page 1: image is 100000x100000 = 10000000000 pixels, over the limit of "
            "200000000 (max_pixels); not decoded");
  EXPECT_EQ(stats->calls.load(), 0);

  Options small;
  small.max_pixels = 1000000;
  std::string path = SamplePath("note-2025-h1-p1.png");
  Result<Document> page = Read("note-2025-h1-p1.png", small, std::make_shared<FakeStats>());
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(page.error().message, path + ": page 1: image is 2480x3508 = 8699840 pixels, over the limit of "
                                         "1000000 (max_pixels); not decoded");
}

TEST(SourcePdfTest, HugePdfPageIsNotRendered) {
  std::string pdf = MakePdf({{{72, 72, "En meget stor side med lidt tekst på."}}}, 14400, 14400);
  Options options;
  options.ocr = OcrMode::kAlways;
  Result<Document> doc = ReadPdfOrImage(pdf, InputKind::kPdf, "poster.pdf", options, nullptr,
                                        FakeFactory(std::make_shared<FakeStats>()));
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(doc.error().message,
            "poster.pdf: page 1: rendering at 300 dpi gives 60000x60000 pixels, over the limit of "
            "200000000 (max_pixels); not rendered");
}

// Reads an image as upright (confidence 90) when it is portrait with its
// ink in the top half, and as junk (confidence 20) otherwise; its
// orientation model says "a quarter turn" for landscape images and is unsure
// of the rest (a page of a line or two). Remembers each image it is given.
class TurningEngine : public OcrEngine {
 public:
  Result<OcrResult> Recognize(const RasterImage& image) override {
    read.push_back(image);
    size_t first_ink = std::find(image.pixels.begin(), image.pixels.end(), 0) - image.pixels.begin();
    bool upright = image.height > image.width && first_ink < image.pixels.size() / 2;
    OcrResult r;
    Line line;
    line.number = 1;
    line.text = upright ? "upright" : "junk";
    line.words.push_back(Word{line.text, Box{1, 2, 30, 12}, upright ? 90.0 : 20.0});
    r.lines.push_back(line);
    r.text = line.text + "\n";
    return r;
  }
  std::optional<int> DetectTurn(const RasterImage& image) override {
    asked.push_back(image);
    if (image.width > image.height) return 90;
    return std::nullopt;
  }
  std::vector<RasterImage> read, asked;
};

// `image` as a PNG read by ReadPdfOrImage with `engine`.
Result<Document> ReadWith(const RasterImage& image, TurningEngine* engine) {
  std::string path = (std::filesystem::temp_directory_path() / ("notat-turn-" + std::to_string(::getpid()) + ".png")).string();
  if (Result<void> w = WritePng(image, path); !w) return std::unexpected(w.error());
  std::string png = ReadFileBytes(path);
  std::filesystem::remove(path);
  struct Borrowed : OcrEngine {
    TurningEngine* e;
    explicit Borrowed(TurningEngine* engine) : e(engine) {}
    Result<OcrResult> Recognize(const RasterImage& i) override { return e->Recognize(i); }
    std::optional<int> DetectTurn(const RasterImage& i) override { return e->DetectTurn(i); }
  };
  OcrEngineFactory factory = [engine]() -> Result<std::unique_ptr<OcrEngine>> {
    return std::unique_ptr<OcrEngine>(std::make_unique<Borrowed>(engine));
  };
  return ReadPdfOrImage(png, InputKind::kPng, "turned.png", Options{}, nullptr, factory);
}

TEST(SourcePdfTest, APageReadTurnedIsCleanedUprightAndReadAgain) {
  // A page scanned on its side: the text is a block near its left edge, and
  // a thin rule runs across it (upright, a vertical rule). Cleaning is not
  // the same on a page's side (thin vertical rules are erased, thin
  // horizontal strokes kept), so the orientation model is asked about the
  // page as scanned, and the page is turned first, then cleaned and read.
  RasterImage sideways{400, 300, 300, std::vector<uint8_t>(400 * 300, 255), {}};
  for (int x = 40; x < 360; ++x) sideways.pixels[150 * 400 + x] = 0;
  for (int y = 100; y < 140; ++y)
    for (int x = 20; x < 26; ++x) sideways.pixels[y * 400 + x] = 0;
  TurningEngine engine;
  Result<Document> doc = ReadWith(sideways, &engine);
  ASSERT_TRUE(doc) << doc.error().ToString();
  ASSERT_EQ(engine.asked.size(), 1u);
  EXPECT_TRUE(engine.asked[0].pixels == sideways.pixels) << "asked about the page as scanned";
  ASSERT_EQ(engine.read.size(), 2u);
  Result<CleanedImage> upright = CleanForOcr(RotateClockwise(sideways, 90));
  ASSERT_TRUE(upright);
  EXPECT_TRUE(engine.read[1].pixels == upright->image.pixels) << "read again cleaned upright";
  ASSERT_EQ(doc->pages.size(), 1u);
  EXPECT_EQ(doc->pages[0].lines[0].text, "upright");
  EXPECT_EQ(doc->pages[0].text_source_why, "image input; read turned 90°");
}

TEST(SourcePdfTest, AnUpsideDownPageIsFoundWhenTheOrientationModelIsUnsure) {
  // Portrait, its ink at the bottom: junk as read; the model is unsure
  // (a page of a line or two), so the page is tried upside down.
  RasterImage page{300, 400, 300, std::vector<uint8_t>(300 * 400, 255), {}};
  for (int y = 350; y < 360; ++y)
    for (int x = 40; x < 200; ++x) page.pixels[y * 300 + x] = 0;
  TurningEngine engine;
  Result<Document> doc = ReadWith(page, &engine);
  ASSERT_TRUE(doc) << doc.error().ToString();
  ASSERT_EQ(engine.read.size(), 2u);
  EXPECT_EQ(doc->pages[0].lines[0].text, "upright");
  EXPECT_EQ(doc->pages[0].text_source_why, "image input; read turned 180°");
  // A page that reads well is asked nothing and read once.
  TurningEngine again;
  RasterImage turned = RotateClockwise(page, 180);
  doc = ReadWith(turned, &again);
  ASSERT_TRUE(doc) << doc.error().ToString();
  EXPECT_EQ(again.read.size(), 1u);
  EXPECT_TRUE(again.asked.empty());
  EXPECT_EQ(doc->pages[0].text_source_why, "image input");
}

TEST(SourcePdfTest, DamagedImageIsAParseError) {
  std::string png = ReadFileBytes(SamplePath("note-2025-h1-p1.png")).substr(0, 3000);
  Result<Document> doc = ReadPdfOrImage(png, InputKind::kPng, "cut.png", Options{}, nullptr,
                                        FakeFactory(std::make_shared<FakeStats>()));
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().code, ErrorCode::kParse);
  EXPECT_EQ(doc.error().message, "cut.png: page 1: cannot decode the image (damaged or truncated)");
}

TEST(SourcePdfTest, ImageWithOcrNeverIsRefused) {
  Options never;
  never.ocr = OcrMode::kNever;
  Result<Document> doc = ReadPdfOrImage(ReadFileBytes(SamplePath("note-2025-h1-p3.jpg")), InputKind::kJpeg,
                                        "p3.jpg", never, nullptr, FakeFactory(std::make_shared<FakeStats>()));
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(doc.error().message, "p3.jpg: a page image has no text without OCR, and --ocr never was given");
}

TEST(SourcePdfTest, MissingOcrModelNamesThePackage) {
  Options options;
  options.ocr_language = "zzz";
  std::string bytes = ReadFileBytes(SamplePath("note-2025-h1-p3.jpg"));
  Result<Document> doc = ReadPdfOrImage(bytes, InputKind::kJpeg, "p3.jpg", options, nullptr);
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().code, ErrorCode::kNotFound);
  EXPECT_NE(doc.error().message.find("p3.jpg: page 1: OCR language model 'zzz' not found"), std::string::npos)
      << doc.error().message;
  EXPECT_NE(doc.error().message.find("install the Debian package tesseract-ocr-zzz"), std::string::npos)
      << doc.error().message;
}

TEST(SourcePdfTest, ReadInputSendsPdfsAndImagesHere) {
  Result<Document> doc = ReadInput(SamplePath("note-2025-h1.pdf"), Options{}, nullptr);
  ASSERT_TRUE(doc) << doc.error().ToString();
  EXPECT_EQ(doc->kind, "pdf");
  EXPECT_EQ(doc->sha256.size(), 64u);
  EXPECT_EQ(doc->pages.size(), 3u);
}

}  // namespace
}  // namespace notat
