// Real OCR (Tesseract with tesseract-ocr-dan) on the samples: word accuracy
// against the hand-corrected text, the per-page source choice with the real
// lexicon, word provenance, determinism across worker counts, the missing
// model. Labelled "ocr" in CTest; takes about a minute on two cores.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <tuple>

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

std::string AllText(const Document& doc) {
  std::string text;
  for (const Page& p : doc.pages)
    for (const Line& l : p.lines) text += l.text + "\n";
  return text;
}

// Each sample is OCR'd once per run (two workers) and shared by the tests.
const Document& Ocr(const std::string& name) {
  static std::map<std::string, Document> cache;
  auto it = cache.find(name);
  if (it != cache.end()) return it->second;
  Options options;
  options.jobs = 2;
  Result<Document> doc = ReadInput(SamplePath(name), options, nullptr);
  EXPECT_TRUE(doc) << doc.error().ToString();
  return cache[name] = doc ? *doc : Document{};
}

std::string Report(const testing::WordAccuracy& acc) {
  std::ostringstream out;
  out << "word accuracy " << acc.accuracy() * 100 << "% (" << acc.reference_words << " words: "
      << acc.substitutions << " substituted, " << acc.deletions << " missing, " << acc.insertions
      << " extra):";
  for (const std::string& e : acc.errors) out << "\n  " << e;
  return out.str();
}

void ExpectAccuracyAtLeast(const std::string& sample, double minimum) {
  const Document& doc = Ocr(sample);
  ASSERT_FALSE(doc.pages.empty());
  for (const Page& p : doc.pages) EXPECT_EQ(p.text_source, "ocr") << sample << " page " << p.number;
  testing::WordAccuracy acc =
      testing::MeasureWordAccuracy(ReadFileBytes(SamplePath("note-2025-h1.txt")), AllText(doc));
  EXPECT_GE(acc.accuracy(), minimum) << sample << ": " << Report(acc);
  std::cout << "[ accuracy ] " << sample << ": " << acc.accuracy() * 100 << "% of "
            << acc.reference_words << " words\n";
}

TEST(OcrTest, Scan300DpiReadsAtLeast99PercentOfWords) { ExpectAccuracyAtLeast("note-2025-h1-scan300.pdf", 0.99); }

TEST(OcrTest, Scan200DpiReadsAtLeast99PercentOfWords) { ExpectAccuracyAtLeast("note-2025-h1-scan200.pdf", 0.99); }

TEST(OcrTest, BilevelTiffReadsAtLeast99PercentOfWords) { ExpectAccuracyAtLeast("note-2025-h1-scan.tif", 0.99); }

TEST(OcrTest, TableRowsStayOnOneLine) {
  std::string text = AllText(Ocr("note-2025-h1-scan300.pdf"));
  for (const char* row : {"Henvendel- 186 286 313 395 522 631 827 502\n", "Region Hovedstaden 146\n",
                          "Region Sjælland 54\n", "Total 502\n", "46 41 64 52 28\n"}) {
    EXPECT_NE(text.find(row), std::string::npos) << "missing line: " << row << "in:\n" << text;
  }
}

// A gray page at 300 dpi: ink 20 on paper 245.
RasterImage Paper(int w, int h) {
  RasterImage img;
  img.width = w;
  img.height = h;
  img.dpi = 300;
  img.pixels.assign(static_cast<size_t>(w) * h, 245);
  return img;
}

void Ink(RasterImage* img, int x0, int y0, int w, int h) {
  for (int y = y0; y < y0 + h; ++y)
    for (int x = x0; x < x0 + w; ++x) img->pixels[static_cast<size_t>(y) * img->width + x] = 20;
}

// A line of the words given as (text, x0, y0, x1, y1).
Line LineOf(std::vector<std::tuple<std::string, double, double, double, double>> words) {
  Line l;
  for (const auto& [text, x0, y0, x1, y1] : words) {
    if (!l.text.empty()) l.text += ' ';
    l.text += text;
    l.words.push_back(Word{text, Box{x0, y0, x1, y1}, 95});
  }
  return l;
}

TEST(OcrTest, FiguresTakenForABlockOfTheirOwnJoinTheirRow) {
  // A bold scan: Tesseract gave the row's last two values as a block
  // before the row; the boxes are the scan's.
  std::vector<Line> lines = {
      LineOf({{"dec.)", 626, 1184, 712, 1237}, {"2026", 1751, 1196, 1834, 1227}, {"2026", 1908, 1196, 1991, 1227}}),
      LineOf({{"389", 1790, 1255, 1851, 1286}, {"|", 1879, 1267, 1881, 1306}, {"440", 1947, 1256, 2009, 1286}}),
      LineOf({{"Henvendel-", 316, 1251, 503, 1295}, {"198", 656, 1256, 715, 1286}, {"664", 1632, 1255, 1694, 1286}}),
      LineOf({{"ser", 316, 1310, 370, 1340}, {"(antal)", 380, 1310, 480, 1345}}),
  };
  JoinFigureFragments(&lines);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[1].text, "Henvendel- 198 664 389 | 440");
  EXPECT_EQ(lines[1].number, 2);
  EXPECT_EQ(lines[2].text, "ser (antal)");
  // Figures on a row of their own, or across the other line's words, stay.
  std::vector<Line> apart = {
      LineOf({{"Total", 100, 100, 200, 130}}),
      LineOf({{"502", 300, 200, 360, 230}}),
      LineOf({{"Region", 100, 300, 200, 330}, {"Hovedstaden", 220, 300, 400, 330}}),
      LineOf({{"146", 350, 305, 400, 335}}),
  };
  JoinFigureFragments(&apart);
  EXPECT_EQ(apart.size(), 4u);
}

TEST(OcrTest, JoinedFiguresKeepTheEarlierPlace) {
  // A wide table 3 on a scan: Tesseract read the year header up to 2033 in
  // place and its last year, 2034, as a block after the page's footer. The
  // header stays above the values, with 2034 at its end.
  std::vector<Line> lines = {
      LineOf({{"Tabel", 297, 1850, 400, 1880}, {"3.", 410, 1850, 440, 1880}}),
      LineOf({{"2021", 317, 1938, 401, 1970}, {"2033", 2180, 1938, 2270, 1970}}),
      LineOf({{"30", 364, 2121, 407, 2153}, {"47", 2226, 2121, 2271, 2152}}),
      LineOf({{"Side", 1100, 3300, 1180, 3330}, {"2", 1190, 3300, 1210, 3330}}),
      LineOf({{"2034", 2335, 1938, 2426, 1970}}),
  };
  JoinFigureFragments(&lines);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[1].text, "2021 2033 2034");
  EXPECT_EQ(lines[1].number, 2);
  EXPECT_EQ(lines[2].text, "30 47");
  EXPECT_EQ(lines[3].text, "Side 2");
}

TEST(OcrTest, NoiseIsUnsurePunctuationOrASliverNotAThinLetter) {
  // Seen on scans: a rule's one-pixel remnant read as "r" with confidence 0
  // between "(maj-" and "halvår"; the I of "I alt" read as "l", 5 by 34
  // pixels, with confidence 9.
  EXPECT_TRUE(IsOcrNoise("r", 0, 1, 21));
  EXPECT_FALSE(IsOcrNoise("l", 8.7f, 5, 34));
  EXPECT_FALSE(IsOcrNoise("r", 40, 1, 21));      // Tesseract sure of it: kept
  EXPECT_TRUE(IsOcrNoise(";", 9, 1, 12));        // unsure punctuation
  EXPECT_FALSE(IsOcrNoise("$", 40, 12, 22));     // a 5 misread, the number's
  EXPECT_FALSE(IsOcrNoise("|", 90, 2, 40));      // a table rule read surely
  EXPECT_FALSE(IsOcrNoise("2025", 5, 99, 35));   // unsure, but word-shaped
  EXPECT_FALSE(IsOcrNoise("I", 5, 2, 17));       // an I at 150 dpi
}

// Black pixels of `img` in the box.
int InkIn(const RasterImage& img, int x0, int y0, int w, int h) {
  int n = 0;
  for (int y = y0; y < y0 + h; ++y)
    for (int x = x0; x < x0 + w; ++x) n += img.pixels[static_cast<size_t>(y) * img.width + x] < 128;
  return n;
}

TEST(OcrTest, DashedThinRulesAreErasedAndLetterStemsKept) {
  RasterImage img = Paper(600, 500);
  // A rule that thresholding broke into dashes: one pixel wide, 20 on, 12 off.
  for (int y = 40; y < 440; y += 32) Ink(&img, 100, y, 1, 20);
  // Stems of "1"s right-aligned in a column, one per table row: four pixels
  // wide, 35 tall, 25 apart; they line up like the rule but are not thin.
  for (int y = 40; y < 440; y += 60) Ink(&img, 300, y, 4, 35);
  // A lone thin stroke, lined up with nothing.
  Ink(&img, 450, 200, 1, 25);
  // A rule's piece left alone, two pixels wide and 70 tall; beside it a
  // heading's stem as tall, five wide.
  Ink(&img, 520, 100, 2, 70);
  Ink(&img, 560, 100, 5, 70);
  CleanOptions options;
  options.normalize_background = false;
  options.deskew = false;
  Result<CleanedImage> clean = CleanForOcr(img, options);
  ASSERT_TRUE(clean) << clean.error().ToString();
  EXPECT_EQ(InkIn(clean->image, 95, 0, 11, 500), 0);
  EXPECT_EQ(InkIn(clean->image, 300, 0, 4, 500), InkIn(img, 300, 0, 4, 500));
  EXPECT_EQ(InkIn(clean->image, 450, 200, 1, 25), 25);
  EXPECT_EQ(InkIn(clean->image, 515, 90, 12, 90), 0);
  EXPECT_EQ(InkIn(clean->image, 560, 100, 5, 70), 5 * 70);

  options.remove_rules = false;
  Result<CleanedImage> kept = CleanForOcr(img, options);
  ASSERT_TRUE(kept) << kept.error().ToString();
  EXPECT_GT(InkIn(kept->image, 95, 0, 11, 500), 200);
}

TEST(OcrTest, APageImagesResolutionTagIsBelievedOnlyWhenItFitsThePage) {
  // A4 at 300 dpi tagged 72 (a tool's default), 762 (300 per centimetre),
  // 150, 600, untagged, and rightly; landscape; Letter; A4 at 200 dpi.
  for (int tag : {72, 762, 150, 600, 0, 300}) EXPECT_EQ(PlausibleDpi(2480, 3508, tag), 300) << tag;
  EXPECT_EQ(PlausibleDpi(2480, 3508, 320), 320);  // within 15%: the scanner's own
  EXPECT_EQ(PlausibleDpi(3508, 2480, 72), 300);
  EXPECT_EQ(PlausibleDpi(2550, 3300, 96), 300);
  EXPECT_EQ(PlausibleDpi(1654, 2339, 0), 200);
  EXPECT_EQ(PlausibleDpi(1654, 2339, 200), 200);
  // Not a page's shape (a table cut out): the tag, unless a default.
  EXPECT_EQ(PlausibleDpi(1200, 500, 200), 200);
  EXPECT_EQ(PlausibleDpi(1200, 500, 600), 600);
  EXPECT_EQ(PlausibleDpi(1200, 500, 72), 300);
  EXPECT_EQ(PlausibleDpi(1200, 500, 0), 300);
}

TEST(OcrTest, APageImageTaggedWithAWrongResolutionIsReadAtItsOwn) {
  // Page 1 tagged 72 dpi: read at 72, its letters were too big for the
  // rule eraser and the page was lost.
  std::string bytes = ReadFileBytes(SamplePath("note-2025-h1-p1.png"));
  Result<RasterImage> page = DecodeImagePage(bytes, 0, 1LL << 30, "p1.png");
  ASSERT_TRUE(page) << page.error().ToString();
  page->dpi = 72;
  std::string dir = (std::filesystem::temp_directory_path() / ("notat-ocr-dpi-" + std::to_string(::getpid()))).string();
  std::filesystem::create_directories(dir);
  ASSERT_TRUE(WritePng(*page, dir + "/p1-72.png"));
  Result<Document> doc = ReadInput(dir + "/p1-72.png", Options{}, nullptr);
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(doc) << doc.error().ToString();
  ASSERT_EQ(doc->pages.size(), 1u);
  EXPECT_EQ(doc->pages[0].text_source_why, "image input; resolution tag 72 dpi read as 300");
  EXPECT_NE(AllText(*doc).find("Region Hovedstaden 146\n"), std::string::npos) << AllText(*doc);
}

TEST(OcrTest, AScanOnAPdfPageOfTheWrongSizeIsReadAtTheUsualSize) {
  // The page 1 scan (300 dpi) placed on a PDF page 300/96 times too big,
  // as a tool that takes an untagged image for 96 dpi makes it: rendered at
  // 300 dpi, its letters came out three times their size, the rule eraser
  // took their stems for rules and table 2 was lost.
  std::string bytes = ReadFileBytes(SamplePath("note-2025-h1-p1.png"));
  Result<RasterImage> scan = DecodeImagePage(bytes, 0, 1LL << 30, "p1.png");
  ASSERT_TRUE(scan) << scan.error().ToString();
  std::optional<double> glyph = TypicalGlyphHeight(*scan);
  ASSERT_TRUE(glyph);
  EXPECT_FALSE(ScaleToReadingSize(&*scan, *glyph)) << "the scan as it is has letters of the usual size: " << *glyph;
  EXPECT_FALSE(DpiForSmallLetters(*glyph, 300)) << *glyph;
  PdfImage whole;
  whole.columns = scan->width;
  whole.rows = scan->height;
  whole.gray.assign(reinterpret_cast<const char*>(scan->pixels.data()), scan->pixels.size());
  whole.width = scan->width * 72.0 / 96;
  whole.height = scan->height * 72.0 / 96;
  Result<Document> doc = ReadPdfOrImage(MakePdf({{}}, whole.width, whole.height, 0, {whole}), InputKind::kPdf,
                                        "big.pdf", Options{}, nullptr);
  ASSERT_TRUE(doc) << doc.error().ToString();
  ASSERT_EQ(doc->pages.size(), 1u);
  EXPECT_NE(doc->pages[0].text_source_why.find("letters 3.2 times the usual size, read scaled to 32%"),
            std::string::npos)
      << doc->pages[0].text_source_why;
  EXPECT_NE(AllText(*doc).find("Region Hovedstaden 146\n"), std::string::npos) << AllText(*doc);
  // On a page four times too small (1200 dpi assumed): rendered at 300 dpi
  // its letters were six pixels high and the tables were lost; the page is
  // rendered again finer.
  whole.width = scan->width * 72.0 / 1200;
  whole.height = scan->height * 72.0 / 1200;
  doc = ReadPdfOrImage(MakePdf({{}}, whole.width, whole.height, 0, {whole}), InputKind::kPdf, "small.pdf",
                       Options{}, nullptr);
  ASSERT_TRUE(doc) << doc.error().ToString();
  ASSERT_EQ(doc->pages.size(), 1u);
  EXPECT_NE(doc->pages[0].text_source_why.find("letters 7 pixels high at 300 dpi, rendered at 1114 dpi"), std::string::npos)
      << doc->pages[0].text_source_why;
  EXPECT_NE(AllText(*doc).find("Region Hovedstaden 146\n"), std::string::npos) << AllText(*doc);
}

TEST(OcrTest, ATablePastedAsAPictureIsReadIntoItsTextLayerPage) {
  // A born-digital note whose table 1 is a picture (pasted from a
  // spreadsheet): the text layer has the caption and the text around it,
  // but no figures. The picture is table 1 cut from the page 1 scan.
  std::string bytes = ReadFileBytes(SamplePath("note-2025-h1-p1.png"));
  Result<RasterImage> scan = DecodeImagePage(bytes, 0, 1LL << 30, "p1.png");
  ASSERT_TRUE(scan) << scan.error().ToString();
  PdfImage table;
  table.columns = 2000;
  table.rows = 385;
  for (int y = 1225; y < 1225 + table.rows; ++y)
    table.gray.append(reinterpret_cast<const char*>(scan->pixels.data()) + static_cast<size_t>(y) * scan->width + 250,
                      static_cast<size_t>(table.columns));
  table.x = 60;
  table.y = 130;
  table.width = table.columns * 72.0 / 300;
  table.height = table.rows * 72.0 / 300;
  std::vector<PdfText> page = {
      {72, 72, "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025", 12},
      {72, 110, "Tabel 1. Årlig udvikling i antal henvendelser til sikkerhedskonsulenterne"},
      {72, 250, "Den løbende stigning kan være udtryk for, at kendskabet er udbredt."},
  };
  auto lines_of = [](const Document& d) {
    std::vector<std::string> out;
    for (const Line& l : d.pages[0].lines) out.push_back(l.text);
    return out;
  };
  Result<Document> doc = ReadPdfOrImage(MakePdf({page}, 595, 842, 0, {table}), InputKind::kPdf, "picture.pdf",
                                        Options{}, nullptr);
  ASSERT_TRUE(doc) << doc.error().ToString();
  const Page& p = doc->pages[0];
  EXPECT_EQ(p.text_source, "text-layer");
  EXPECT_NE(p.text_source_why.find("1 band of text shown as a picture OCR'd"), std::string::npos)
      << p.text_source_why;
  std::vector<std::string> lines = lines_of(*doc);
  auto find = [&](std::string_view text) {
    return std::find_if(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(text) != std::string::npos; }) -
           lines.begin();
  };
  const auto caption = find("Tabel 1."), values = find("827 502"), after = find("Den løbende");
  EXPECT_LT(caption, values) << ::testing::PrintToString(lines);
  EXPECT_LT(values, after) << ::testing::PrintToString(lines);
  EXPECT_LT(after, static_cast<long>(lines.size()));
  for (size_t i = 0; i < p.lines.size(); ++i) EXPECT_EQ(p.lines[i].number, static_cast<int>(i) + 1);
  // The figures' boxes are in the layer's points, under the caption.
  const Line& row = p.lines[static_cast<size_t>(values)];
  EXPECT_GT(row.words.front().box.y0, 130);
  EXPECT_LT(row.words.back().box.x1, 60 + table.width);
  EXPECT_GT(row.words.front().confidence, 0);
  // The page turned by its /Rotate: the render is turned into the layer's
  // frame before the picture is looked for and read.
  Result<Document> turned = ReadPdfOrImage(MakePdf({page}, 595, 842, 90, {table}), InputKind::kPdf, "turned.pdf",
                                           Options{}, nullptr);
  ASSERT_TRUE(turned) << turned.error().ToString();
  std::vector<std::string> turned_lines = lines_of(*turned);
  ASSERT_EQ(turned_lines.size(), lines.size()) << ::testing::PrintToString(turned_lines);
  EXPECT_NE(turned_lines[static_cast<size_t>(values)].find("827 502"), std::string::npos)
      << ::testing::PrintToString(turned_lines);
  // Without the picture the page is its text layer alone.
  Result<Document> plain = ReadPdfOrImage(MakePdf({page}), InputKind::kPdf, "plain.pdf", Options{}, nullptr);
  ASSERT_TRUE(plain) << plain.error().ToString();
  EXPECT_EQ(plain->pages[0].lines.size(), 3u);
  EXPECT_EQ(plain->pages[0].text_source_why.find("picture"), std::string::npos);
  // --ocr never reads no picture.
  Options never;
  never.ocr = OcrMode::kNever;
  Result<Document> layer_only =
      ReadPdfOrImage(MakePdf({page}, 595, 842, 0, {table}), InputKind::kPdf, "picture.pdf", never, nullptr);
  ASSERT_TRUE(layer_only) << layer_only.error().ToString();
  EXPECT_EQ(layer_only->pages[0].lines.size(), 3u);
}

// An uncompressed 8-bit grey little-endian TIFF of `img`, tagged `xdpi` by
// `ydpi` (pixels need not be square, as in a fax).
std::string GreyTiff(const RasterImage& img, uint32_t xdpi, uint32_t ydpi) {
  std::string out("II*\0", 4);
  auto u16 = [&](uint32_t v) { out.push_back(char(v & 0xFF)), out.push_back(char((v >> 8) & 0xFF)); };
  auto u32 = [&](uint32_t v) { u16(v & 0xFFFF), u16(v >> 16); };
  const uint32_t n = 10, ifd = 8, extra = ifd + 2 + n * 12 + 4, data = extra + 16;
  u32(ifd);
  u16(n);
  auto entry = [&](uint16_t tag, uint16_t type, uint32_t value) { u16(tag), u16(type), u32(1), u32(value); };
  entry(256, 4, img.width);                           // ImageWidth
  entry(257, 4, img.height);                          // ImageLength
  entry(258, 3, 8);                                   // BitsPerSample
  entry(259, 3, 1);                                   // no compression
  entry(262, 3, 1);                                   // black is zero
  entry(273, 4, data);                                // StripOffsets
  entry(278, 4, img.height);                          // RowsPerStrip
  entry(279, 4, uint32_t(img.pixels.size()));         // StripByteCounts
  entry(282, 5, extra);                               // XResolution
  entry(283, 5, extra + 8);                           // YResolution
  u32(0);
  u32(xdpi), u32(1), u32(ydpi), u32(1);
  out.append(img.pixels.begin(), img.pixels.end());
  return out;
}

TEST(OcrTest, AFaxPagesPixelsAreMadeSquare) {
  // Page 1 as a fax sends it, 204 by 98 dpi: read as it is, every letter is
  // half as tall as it should be, and figures of table 1 were lost.
  std::string bytes = ReadFileBytes(SamplePath("note-2025-h1-p1.png"));
  Result<RasterImage> page = DecodeImagePage(bytes, 0, 1LL << 30, "p1.png");
  ASSERT_TRUE(page) << page.error().ToString();
  RasterImage fax;
  fax.width = page->width * 204 / 300;
  fax.height = page->height * 98 / 300;
  fax.pixels.resize(static_cast<size_t>(fax.width) * fax.height);
  for (int y = 0; y < fax.height; ++y)  // each fax pixel the mean of the page's under it
    for (int x = 0; x < fax.width; ++x) {
      int sum = 0, n = 0;
      for (int py = y * 300 / 98; py < (y + 1) * 300 / 98; ++py)
        for (int px = x * 300 / 204; px < (x + 1) * 300 / 204; ++px, ++n)
          sum += page->pixels[static_cast<size_t>(py) * page->width + px];
      fax.pixels[static_cast<size_t>(y) * fax.width + x] = static_cast<uint8_t>(sum / n);
    }
  std::string path = (std::filesystem::temp_directory_path() / ("notat-fax-" + std::to_string(::getpid()) + ".tif")).string();
  {
    std::ofstream out(path, std::ios::binary);
    out << GreyTiff(fax, 204, 98);
  }
  Result<Document> doc = ReadInput(path, Options{}, nullptr);
  std::filesystem::remove(path);
  ASSERT_TRUE(doc) << doc.error().ToString();
  ASSERT_EQ(doc->pages.size(), 1u);
  EXPECT_EQ(doc->pages[0].text_source_why, "image input; pixels of 204 by 98 dpi made square");
  std::string text = AllText(*doc);
  // Table 1's row (squashed, it read "186 286 313 395 Ss22 631 827 soz") and table 2's.
  for (const char* row : {"186 286 313 395 522 631 827 502\n", "Region Hovedstaden 146\n", "Region Sjælland 54\n",
                          "Region Syddanmark 116\n"})
    EXPECT_NE(text.find(row), std::string::npos) << row << " in\n" << text;
}

// A band 500 by 60 pixels at (50, y) of grey `fill`, with ten "letters"
// (6 by 30 strokes) of grey `letter` in it.
void Band(RasterImage* img, int y, uint8_t fill, uint8_t letter) {
  for (int r = y; r < y + 60; ++r)
    for (int x = 50; x < 550; ++x) img->pixels[static_cast<size_t>(r) * img->width + x] = fill;
  for (int k = 0; k < 10; ++k)
    for (int r = y + 15; r < y + 45; ++r)
      for (int x = 80 + 45 * k; x < 86 + 45 * k; ++x) img->pixels[static_cast<size_t>(r) * img->width + x] = letter;
}

TEST(OcrTest, OnlyLettersLighterThanTheirFillAreTurned) {
  // White letters on dark and mid-tone fills become black on paper; black
  // letters on a highlighted band stay black (the spots the highlighter
  // missed are lighter than it, but the band holds darker print), and the
  // band is no letter.
  RasterImage img = Paper(600, 500);
  Band(&img, 40, 30, 245);    // white on near-black
  Band(&img, 160, 140, 245);  // white on mid blue
  Band(&img, 280, 190, 20);   // black on a highlighter's yellow, which
  for (int k = 0; k < 20; ++k)  // missed a few spots
    for (int r = 286; r < 292; ++r)
      for (int x = 60 + 24 * k; x < 66 + 24 * k; ++x) img.pixels[static_cast<size_t>(r) * img.width + x] = 245;
  CleanOptions options;
  options.deskew = false;
  Result<CleanedImage> clean = CleanForOcr(img, options);
  ASSERT_TRUE(clean) << clean.error().ToString();
  for (int y : {40, 160, 280}) {
    EXPECT_EQ(InkIn(clean->image, 80, y + 15, 6, 30), 6 * 30) << y;      // a letter
    EXPECT_EQ(InkIn(clean->image, 90, y + 15, 30, 30), 0) << y;         // between letters
    EXPECT_LT(InkIn(clean->image, 50, y, 500, 60), 10 * 6 * 30 + 2000) << y;  // no fill left
  }
  options.invert_dark_areas = false;
  Result<CleanedImage> as_printed = CleanForOcr(img, options);
  ASSERT_TRUE(as_printed) << as_printed.error().ToString();
  EXPECT_EQ(InkIn(as_printed->image, 80, 55, 6, 30), 0);  // white stays white
}

TEST(OcrTest, SinglePageImagesAreRead) {
  const Document& png = Ocr("note-2025-h1-p1.png");
  ASSERT_EQ(png.pages.size(), 1u);
  EXPECT_EQ(png.kind, "image");
  EXPECT_NE(AllText(png).find("Region Hovedstaden 146\n"), std::string::npos) << AllText(png);
  const Document& jpg = Ocr("note-2025-h1-p3.jpg");
  ASSERT_EQ(jpg.pages.size(), 1u);
  EXPECT_NE(AllText(jpg).find("MÆRK arbejder kontinuerligt"), std::string::npos) << AllText(jpg);
}

TEST(OcrTest, WordsCarryConfidenceAndBoxesInsideThePage) {
  const Document& doc = Ocr("note-2025-h1-scan300.pdf");
  int words = 0;
  for (const Page& p : doc.pages) {
    EXPECT_EQ(p.width, 2480);
    EXPECT_EQ(p.height, 3508);
    int number = 0;
    for (const Line& l : p.lines) {
      EXPECT_EQ(l.number, ++number);
      for (const Word& w : l.words) {
        ++words;
        EXPECT_GE(w.confidence, 0) << w.text;
        EXPECT_LE(w.confidence, 100) << w.text;
        EXPECT_GE(w.box.x0, 0) << w.text;
        EXPECT_GE(w.box.y0, 0) << w.text;
        EXPECT_LE(w.box.x1, p.width) << w.text;
        EXPECT_LE(w.box.y1, p.height) << w.text;
        EXPECT_LT(w.box.x0, w.box.x1) << w.text;
      }
    }
  }
  EXPECT_GT(words, 700);
}

TEST(OcrTest, PageSourceFollowsTheTextLayersHealth) {
  Result<std::unique_ptr<Lexicon>> lexicon = LoadDanishLexicon();
  ASSERT_TRUE(lexicon) << lexicon.error().ToString();
  Options options;
  options.jobs = 2;
  Result<Document> born = ReadInput(SamplePath("note-2025-h1.pdf"), options, lexicon->get());
  ASSERT_TRUE(born) << born.error().ToString();
  for (const Page& p : born->pages) {
    EXPECT_EQ(p.text_source, "text-layer") << p.text_source_why;
    EXPECT_EQ(p.text_source_why.rfind("text layer healthy: ", 0), 0u) << p.text_source_why;
  }
  Result<Document> english = ReadInput(SamplePath("note-2025-h1-englishocr.pdf"), options, lexicon->get());
  ASSERT_TRUE(english) << english.error().ToString();
  ASSERT_EQ(english->pages.size(), 3u);
  for (const Page& p : english->pages) {
    EXPECT_EQ(p.text_source, "ocr") << p.text_source_why;
    EXPECT_EQ(p.text_source_why.rfind("text layer damaged: ", 0), 0u) << p.text_source_why;
  }
  testing::WordAccuracy acc =
      testing::MeasureWordAccuracy(ReadFileBytes(SamplePath("note-2025-h1.txt")), AllText(*english));
  EXPECT_GE(acc.accuracy(), 0.99) << Report(acc);
}

TEST(OcrTest, OneAndTwoWorkersGiveTheSameDocument) {
  const Document& two = Ocr("note-2025-h1-scan200.pdf");
  Options options;
  options.jobs = 1;
  Result<Document> one = ReadInput(SamplePath("note-2025-h1-scan200.pdf"), options, nullptr);
  ASSERT_TRUE(one) << one.error().ToString();
  ASSERT_EQ(one->pages.size(), two.pages.size());
  for (size_t i = 0; i < two.pages.size(); ++i) {
    ASSERT_EQ(one->pages[i].lines.size(), two.pages[i].lines.size()) << "page " << i + 1;
    for (size_t j = 0; j < two.pages[i].lines.size(); ++j) {
      EXPECT_EQ(one->pages[i].lines[j].text, two.pages[i].lines[j].text);
      ASSERT_EQ(one->pages[i].lines[j].words.size(), two.pages[i].lines[j].words.size());
      for (size_t k = 0; k < two.pages[i].lines[j].words.size(); ++k) {
        EXPECT_EQ(one->pages[i].lines[j].words[k].confidence, two.pages[i].lines[j].words[k].confidence);
        EXPECT_EQ(one->pages[i].lines[j].words[k].box.x0, two.pages[i].lines[j].words[k].box.x0);
      }
    }
  }
}

TEST(OcrTest, KeepWorkWritesTesseractsWordTable) {
  std::string dir = (std::filesystem::temp_directory_path() / ("notat-ocr-test-" + std::to_string(::getpid()))).string();
  std::filesystem::remove_all(dir);
  Options options;
  options.keep_work = dir;
  Result<Document> doc = ReadInput(SamplePath("note-2025-h1-p3.jpg"), options, nullptr);
  ASSERT_TRUE(doc) << doc.error().ToString();
  std::string tsv = ReadFileBytes(dir + "/note-2025-h1-p3/p001-3-ocr.tsv");
  EXPECT_EQ(tsv.substr(0, tsv.find('\n')),
            "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext");
  std::string txt = ReadFileBytes(dir + "/note-2025-h1-p3/p001-3-ocr.txt");
  EXPECT_NE(txt.find("MÆRK arbejder kontinuerligt"), std::string::npos) << txt;
  std::filesystem::remove_all(dir);
}

// `image` turned `degrees` counter-clockwise about its centre (nearest
// pixel, the paper's own grey brought in, as a scanner's lid would show):
// a page fed askew.
RasterImage Askew(const RasterImage& image, double degrees) {
  RasterImage out = image;
  std::vector<uint8_t> sorted = image.pixels;
  std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
  const uint8_t paper = sorted[sorted.size() / 2];
  const double a = degrees * 3.14159265358979 / 180, c = std::cos(a), s = std::sin(a);
  const double cx = image.width / 2.0, cy = image.height / 2.0;
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x) {
      const int sx = static_cast<int>(std::lround(cx + (x - cx) * c - (y - cy) * s));
      const int sy = static_cast<int>(std::lround(cy + (x - cx) * s + (y - cy) * c));
      const bool in = sx >= 0 && sy >= 0 && sx < image.width && sy < image.height;
      out.pixels[static_cast<size_t>(y) * image.width + x] =
          in ? image.pixels[static_cast<size_t>(sy) * image.width + sx] : paper;
    }
  return out;
}

// The band of `page`'s lines from the one starting `first` to the one
// starting `last`, a 30th of an inch wider each way, and from `left` to the
// right end of the widest of them, printed the other way round on a fill of
// grey `fill` (a table's header row in a house style): paper becomes the
// fill, black becomes white.
void PrintOnFill(RasterImage* img, const Page& page, const std::string& first, const std::string& last,
                 double left, uint8_t fill) {
  double y0 = -1, y1 = -1, x1 = 0;
  bool inside = false;
  for (const Line& l : page.lines) {
    if (l.words.empty()) continue;
    if (l.words[0].text == first) inside = true;
    if (!inside) continue;
    for (const Word& w : l.words) {
      y0 = y0 < 0 ? w.box.y0 : std::min(y0, w.box.y0);
      y1 = std::max(y1, w.box.y1);
      x1 = std::max(x1, w.box.x1);
    }
    if (l.words[0].text == last) break;
  }
  ASSERT_GE(y0, 0) << first;
  const int pad = img->dpi / 30;
  for (int y = static_cast<int>(y0) - pad; y < static_cast<int>(y1) + pad; ++y)
    for (int x = static_cast<int>(left) - pad; x < static_cast<int>(x1) + pad; ++x) {
      uint8_t& v = img->pixels[static_cast<size_t>(y) * img->width + x];
      v = static_cast<uint8_t>(255 - (255 - fill) * v / 255);
    }
}

TEST(OcrTest, WhiteTextOnADarkFillIsRead) {
  // Page 1's table headers printed white on dark blue, and on mid blue (as
  // grey) scanned tilted. Read as they stand, the fills made the normalised
  // page lose both tables.
  const Document& upright = Ocr("note-2025-h1-p1.png");
  ASSERT_EQ(upright.pages.size(), 1u);
  const Page& p = upright.pages[0];
  double left = 1e9;
  for (const Line& l : p.lines)
    if (!l.words.empty() && (l.words[0].text == "Henvendel-" || l.words[0].text == "Region"))
      left = std::min(left, l.words[0].box.x0);
  std::string bytes = ReadFileBytes(SamplePath("note-2025-h1-p1.png"));
  Result<RasterImage> page = DecodeImagePage(bytes, 0, 1LL << 30, "p1.png");
  ASSERT_TRUE(page) << page.error().ToString();
  std::string dir =
      (std::filesystem::temp_directory_path() / ("notat-ocr-fill-" + std::to_string(::getpid()))).string();
  std::filesystem::create_directories(dir);
  for (auto [fill, degrees] : {std::pair{60, 0.0}, std::pair{140, 3.0}}) {
    RasterImage img = *page;
    PrintOnFill(&img, p, "2018", "dec.)", left, static_cast<uint8_t>(fill));
    PrintOnFill(&img, p, "Region", "Region", left, static_cast<uint8_t>(fill));
    if (degrees != 0) img = Askew(img, degrees);
    std::string path = dir + "/fill-" + std::to_string(fill) + ".png";
    ASSERT_TRUE(WritePng(img, path));
    Result<Document> doc = ReadInput(path, Options{}, nullptr);
    ASSERT_TRUE(doc) << doc.error().ToString();
    std::string text = AllText(*doc);
    for (const char* want : {"2021", "2024", "halvår", " 186 ", "827", "Antal henvendelser",
                             "Region Hovedstaden 146\n", "Total 502"})
      EXPECT_NE(text.find(want), std::string::npos)
          << "fill " << fill << ", " << degrees << "°: " << want << "\n" << text;
  }
  std::filesystem::remove_all(dir);
}

TEST(OcrTest, APageFedAskewIsStraightened) {
  // 4 and 10 degrees either way: a sheet feeder's worst is well past the
  // 7 degrees Leptonica's default search covers. The bilevel TIFF's first
  // page (table 1 and its caption).
  std::string bytes = ReadFileBytes(SamplePath("note-2025-h1-scan.tif"));
  Result<RasterImage> page = DecodeImagePage(bytes, 0, 1LL << 30, "scan.tif");
  ASSERT_TRUE(page) << page.error().ToString();
  Result<CleanedImage> as_scanned = CleanForOcr(*page);  // (the scan may have a skew of its own)
  ASSERT_TRUE(as_scanned);
  for (double degrees : {4.0, -10.0, 10.0}) {
    Result<CleanedImage> cleaned = CleanForOcr(Askew(*page, degrees));
    ASSERT_TRUE(cleaned);
    EXPECT_NEAR(std::fabs(cleaned->skew_degrees - as_scanned->skew_degrees), std::fabs(degrees), 0.5)
        << degrees << " turned, " << as_scanned->skew_degrees << " as scanned, " << cleaned->skew_degrees << " found";
  }
  std::string dir = (std::filesystem::temp_directory_path() / ("notat-ocr-askew-" + std::to_string(::getpid()))).string();
  std::filesystem::create_directories(dir);
  ASSERT_TRUE(WritePng(Askew(*page, 10), dir + "/askew.png"));
  Result<Document> doc = ReadInput(dir + "/askew.png", Options{}, nullptr);
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(doc) << doc.error().ToString();
  EXPECT_NE(AllText(*doc).find("Til sammenligning var der i første halvår af 2024 432 henvendelser"), std::string::npos)
      << AllText(*doc);
}

TEST(OcrTest, SidewaysAndUpsideDownPagesAreReadTurned) {
  std::string bytes = ReadFileBytes(SamplePath("note-2025-h1-p3.jpg"));
  Result<RasterImage> page = DecodeImagePage(bytes, 0, 1LL << 30, "p3.jpg");
  ASSERT_TRUE(page) << page.error().ToString();
  std::string dir = (std::filesystem::temp_directory_path() / ("notat-ocr-turn-" + std::to_string(::getpid()))).string();
  std::filesystem::create_directories(dir);
  Result<Document> upright = ReadInput(SamplePath("note-2025-h1-p3.jpg"), Options{}, nullptr);
  ASSERT_TRUE(upright) << upright.error().ToString();
  // The page scanned a quarter turn clockwise needs 270 degrees more; upside down, 180.
  for (auto [turn, fix] : {std::pair{90, 270}, std::pair{180, 180}}) {
    std::string path = dir + "/turned-" + std::to_string(turn) + ".png";
    ASSERT_TRUE(WritePng(RotateClockwise(*page, turn), path));
    Result<Document> doc = ReadInput(path, Options{}, nullptr);
    ASSERT_TRUE(doc) << doc.error().ToString();
    ASSERT_EQ(doc->pages.size(), 1u);
    EXPECT_EQ(doc->pages[0].text_source_why, "image input; read turned " + std::to_string(fix) + "°");
    EXPECT_EQ(doc->pages[0].width, 1654);
    EXPECT_EQ(doc->pages[0].height, 2339);
    EXPECT_NE(AllText(*doc).find("MÆRK arbejder kontinuerligt"), std::string::npos) << AllText(*doc);
    // Cleaned upright, as the upright page is: the same text, table rules
    // erased alike.
    EXPECT_EQ(AllText(*doc), AllText(*upright)) << "turned " << turn;
  }
  std::filesystem::remove_all(dir);
}

TEST(OcrTest, MissingModelNamesTheDebianPackage) {
  const char* old = std::getenv("TESSDATA_PREFIX");
  std::string saved = old ? old : "";
  setenv("TESSDATA_PREFIX", "/nonexistent/tessdata", 1);
  OcrOptions options;
  Result<std::unique_ptr<OcrEngine>> engine = CreateTesseractEngine(options);
  if (old) setenv("TESSDATA_PREFIX", saved.c_str(), 1); else unsetenv("TESSDATA_PREFIX");
  ASSERT_FALSE(engine);
  EXPECT_EQ(engine.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(engine.error().message,
            "OCR language model 'dan' not found (looked in /nonexistent/tessdata, "
            "/nonexistent/tessdata/tessdata): install the Debian package tesseract-ocr-dan, or set "
            "TESSDATA_PREFIX to a directory holding dan.traineddata");
}

}  // namespace
}  // namespace notat
