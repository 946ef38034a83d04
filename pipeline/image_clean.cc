// Leptonica adapter: decoding page images (header first, so oversized images
// are refused before their pixels are read), cleaning them for OCR, and
// writing PNGs for --keep-work.
#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/ocr.h"

namespace notat {
namespace {

struct PixDeleter {
  void operator()(Pix* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

struct LeptFree {
  void operator()(l_uint8* p) const { lept_free(p); }
};

// Leptonica reports failures on stderr; we report them as Errors instead.
void QuietLeptonica() {
  static std::once_flag once;
  std::call_once(once, [] { setMsgSeverity(L_SEVERITY_NONE); });
}

const l_uint8* Data(std::string_view bytes) { return reinterpret_cast<const l_uint8*>(bytes.data()); }

PixPtr ToPix(const RasterImage& image) {
  PixPtr pix(pixCreate(image.width, image.height, 8));
  if (!pix) return nullptr;
  if (image.dpi > 0) pixSetResolution(pix.get(), image.dpi, image.dpi);
  l_uint32* data = pixGetData(pix.get());
  int wpl = pixGetWpl(pix.get());
  const uint8_t* src = image.pixels.data();
  for (int y = 0; y < image.height; ++y) {
    l_uint32* line = data + static_cast<size_t>(y) * wpl;
    const uint8_t* row = src + static_cast<size_t>(y) * image.width;
    for (int x = 0; x < image.width; ++x) SET_DATA_BYTE(line, x, row[x]);
  }
  return pix;
}

// Any depth (1..32 bpp, colormapped or not) to an 8-bit gray RasterImage.
Result<RasterImage> FromPix(Pix* pix, int dpi_fallback) {
  PixPtr gray(pixConvertTo8(pix, 0));
  if (!gray) return MakeError(ErrorCode::kInternal, "cannot convert the image to 8-bit gray");
  RasterImage out;
  out.width = pixGetWidth(gray.get());
  out.height = pixGetHeight(gray.get());
  out.dpi = pixGetXRes(pix);
  if (out.dpi <= 0) out.dpi = dpi_fallback;
  out.pixels.resize(static_cast<size_t>(out.width) * out.height);
  const l_uint32* data = pixGetData(gray.get());
  int wpl = pixGetWpl(gray.get());
  for (int y = 0; y < out.height; ++y) {
    const l_uint32* line = data + static_cast<size_t>(y) * wpl;
    uint8_t* row = out.pixels.data() + static_cast<size_t>(y) * out.width;
    for (int x = 0; x < out.width; ++x) row[x] = static_cast<uint8_t>(GET_DATA_BYTE(line, x));
  }
  return out;
}

bool IsTiff(std::string_view bytes) {
  return bytes.size() >= 4 && (bytes.substr(0, 4) == std::string_view("II*\0", 4) ||
                               bytes.substr(0, 4) == std::string_view("MM\0*", 4));
}

// Width, height and resolution of page `index`, from the header only.
Result<void> ReadHeader(std::string_view bytes, int index, const std::string& where, int* w,
                        int* h, int* dpi) {
  l_int32 format = 0, bps = 0, spp = 0, cmap = 0, res = 0;
  l_int32 ok;
  if (IsTiff(bytes)) {
    ok = readHeaderMemTiff(Data(bytes), bytes.size(), index, w, h, &bps, &spp, &res, &cmap, &format);
  } else {
    ok = pixReadHeaderMem(Data(bytes), bytes.size(), &format, w, h, &bps, &spp, &cmap);
  }
  if (ok != 0 || *w <= 0 || *h <= 0)
    return MakeError(ErrorCode::kParse, where + ": cannot read the image header (damaged or truncated image)");
  *dpi = res;
  return {};
}

// True when every pixel is black or white: a bilevel scan, which background
// normalisation and thresholding can only degrade.
bool IsBilevel(const RasterImage& image) {
  for (uint8_t p : image.pixels)
    if (p != 0 && p != 255) return false;
  return true;
}

// Erases table rules, found on a black-and-white copy and painted white
// (two pixels wider for their ragged edges) in `page` itself (1 or 8 bpp):
// - black runs longer than a third of an inch vertically or half an inch
//   horizontally (no letter is that tall or wide);
// - vertical rules that thresholding broke into dashes: strokes too thin for
//   any letter (narrower than a 150th of an inch; a letter's stem is about
//   a 100th) that line up over a third of an inch with gaps up to a tenth.
//   Left in, a dash beside a figure reads as a digit ("44 |" as 441);
// - a piece of a rule left alone: narrower than a 100th of an inch (two
//   pixels at 300 dpi) and taller than a fifth, more than any letter of the
//   text ("367 |" as 3671).
// Thin horizontal dashes are left: the crossbars of "t" and "e" line up with
// them, and erasing those cost letters. Returns false when Leptonica fails
// (the page is then left as it was).
bool RemoveRules(Pix* page, int dpi) {
  // Light gray counts as black here, so the rules' antialiased edges go too.
  PixPtr bin(pixGetDepth(page) == 1 ? pixClone(page) : pixConvertTo1(page, 224));
  if (!bin) return false;
  const int vertical = std::max(20, dpi / 3), horizontal = std::max(30, dpi / 2);
  const int stroke = std::max(2, dpi / 150), gap = std::max(3, dpi / 10);
  PixPtr v(pixOpenBrick(nullptr, bin.get(), 1, vertical));
  PixPtr h(pixOpenBrick(nullptr, bin.get(), horizontal, 1));
  PixPtr strokes(pixOpenBrick(nullptr, bin.get(), stroke, 1));
  if (!v || !h || !strokes) return false;
  PixPtr thin(pixSubtract(nullptr, bin.get(), strokes.get()));
  PixPtr joined(thin ? pixCloseBrick(nullptr, thin.get(), 1, gap) : nullptr);
  PixPtr dashed(joined ? pixOpenBrick(nullptr, joined.get(), 1, vertical) : nullptr);
  if (!dashed) return false;
  {
    PixPtr tall(pixOpenBrick(nullptr, bin.get(), 1, std::max(12, dpi / 5)));
    PixPtr tall_wide(tall ? pixOpenBrick(nullptr, tall.get(), std::max(3, dpi / 100), 1) : nullptr);
    PixPtr piece(tall_wide ? pixSubtract(nullptr, tall.get(), tall_wide.get()) : nullptr);
    if (!piece || pixOr(dashed.get(), dashed.get(), piece.get()) == nullptr) return false;
  }
  PixPtr rules(pixOr(nullptr, v.get(), h.get()));
  if (!rules || pixOr(rules.get(), rules.get(), dashed.get()) == nullptr) return false;
  PixPtr wide(pixDilateBrick(nullptr, rules.get(), 5, 5));
  if (!wide) return false;
  l_uint32 white = pixGetDepth(page) == 1 ? 0 : 255;
  return pixSetMasked(page, wide.get(), white) == 0;
}

using PixaPtr = std::unique_ptr<::Pixa, void (*)(::Pixa*)>;
using BoxaPtr = std::unique_ptr<::Boxa, void (*)(::Boxa*)>;

// Fewer dark pieces than this on a page say nothing of its letters' size.
constexpr size_t kMinGlyphsToMeasure = 200;
// The median height of the dark pieces of the sample scans' pages at 300
// dpi (10-12 pt text): 24-28 pixels, the size Tesseract reads well, and the
// size the cleaning's measures (in inches at the page's resolution) are
// right for at kUsualDpi.
constexpr double kUsualGlyphHeight = 26;
constexpr int kUsualDpi = 300;
// Letters more than this many times the usual size: a page scaled up (a
// scan put on a PDF page of the wrong size) or text far larger than a
// note's.
constexpr double kOversizeFactor = 2;
// Letters under this share of the usual size (13 px read right, 9 px did
// not) are rendered again finer, up to kMaxRenderDpi.
constexpr double kUndersizeFactor = 0.45;
constexpr int kMaxRenderDpi = 1200;

// The 8-connected pieces of a 1 bpp image, each with its bounding box.
bool Pieces(Pix* pix, BoxaPtr* boxes, PixaPtr* parts) {
  ::Pixa* parts_raw = nullptr;
  ::Boxa* boxes_raw = pixConnComp(pix, &parts_raw, 8);
  *boxes = BoxaPtr(boxes_raw, [](::Boxa* b) { boxaDestroy(&b); });
  *parts = PixaPtr(parts_raw, [](::Pixa* a) { pixaDestroy(&a); });
  return *boxes && *parts;
}

// The part of `pix` under the 1 bpp `mask` placed at (x, y): `pix` clipped
// to the mask's size there and, when `masked` (1 bpp `pix`), ANDed with it.
PixPtr ClipUnder(Pix* pix, int x, int y, Pix* mask, bool masked = true) {
  ::Box* box = boxCreate(x, y, pixGetWidth(mask), pixGetHeight(mask));
  PixPtr out(box ? pixClipRectangle(pix, box, nullptr) : nullptr);
  boxDestroy(&box);
  if (out && masked && pixAnd(out.get(), out.get(), mask) == nullptr) return nullptr;
  return out;
}

// The pixels between the first and the last black pixel of each row of a
// 1 bpp image, added up: the area a convex shape covers, tilted or not.
long long RowSpans(Pix* pix) {
  const int w = pixGetWidth(pix), h = pixGetHeight(pix), wpl = pixGetWpl(pix);
  long long sum = 0;
  for (int r = 0; r < h; ++r) {
    const l_uint32* line = pixGetData(pix) + r * wpl;
    int first = -1, last = -1;
    for (int c = 0; c < w; ++c)
      if (GET_DATA_BIT(line, c)) {
        if (first < 0) first = c;
        last = c;
      }
    if (first >= 0) sum += last - first + 1;
  }
  return sum;
}

// Turns white-on-dark areas dark-on-white, in `page` (8 bpp) itself: a
// table's header row printed white on a dark or mid-tone fill, a banner.
// Left in, background normalisation takes such a fill for paper and washes
// out the text around it, and Tesseract reads the white letters as noise.
// Dark is below kDarkShare of the paper's level (a mid-blue fill is about
// 0.55 of white; the light shading of body rows about 0.8). Opened by a
// 60th of an inch, the dark pixels lose the table's rules and the strokes of
// black text; what is left in one piece at least half an inch wide and a
// tenth tall, covering at least kMinFill of the span of its rows (of its
// bounding box, were it not tilted), is a fill. Its letters (holes in it,
// or notches in its top or bottom edge where they touch it) are closed over
// across a word's width (not down: fills stacked a line apart stay apart),
// and when they are lighter than the fill (its median), the area is
// turned: its fill's level becomes the paper's and its letters' level
// black. A fill with more than kMaxPrint of it darker still (black text on
// a shaded or highlighted row), or a solid block, is left. Returns false
// when Leptonica fails (the page is then left as it was).
bool InvertDarkAreas(Pix* page, int dpi) {
  constexpr double kDarkShare = 0.8, kMinFill = 0.5, kMinLetters = 0.01, kMinContrast = 40, kMaxPrint = 0.03;
  l_uint32 paper = 0;
  if (pixGetDepth(page) != 8 || pixGetRankValue(page, 4, 0.5, &paper) != 0) return false;
  // A page that is mostly dark is a negative or a photo: left alone.
  if (paper < 96) return true;
  PixPtr dark(pixThresholdToBinary(page, static_cast<int>(kDarkShare * paper)));
  const int thin = std::max(3, dpi / 60) | 1;
  PixPtr solid(dark ? pixOpenBrick(nullptr, dark.get(), thin, thin) : nullptr);
  BoxaPtr boxes(nullptr, nullptr);
  PixaPtr parts(nullptr, nullptr);
  if (!solid || !Pieces(solid.get(), &boxes, &parts)) return false;
  PixPtr fills(pixCreateTemplate(solid.get()));
  if (!fills) return false;
  bool any = false;
  for (int i = 0; i < boxaGetCount(boxes.get()); ++i) {
    l_int32 x = 0, y = 0, w = 0, h = 0, area = 0;
    boxaGetBoxGeometry(boxes.get(), i, &x, &y, &w, &h);
    if (w < dpi / 2 || h < dpi / 10) continue;
    PixPtr part(pixaGetPix(parts.get(), i, L_CLONE));
    if (!part || pixCountPixels(part.get(), &area, nullptr) != 0) return false;
    if (area < kMinFill * RowSpans(part.get())) continue;
    pixRasterop(fills.get(), x, y, w, h, PIX_SRC | PIX_DST, part.get(), 0, 0);
    any = true;
  }
  if (!any) return true;
  const int word = std::max(15, dpi / 3) | 1;
  PixPtr closed(pixCloseSafeBrick(nullptr, fills.get(), word, 1));
  // ... and widened by a 100th of an inch, its blurred edge with it (which
  // the turning makes a dark frame: the rule eraser takes it with the
  // table's rules; made paper instead, its broken remnants read as text).
  const int edge = 2 * std::max(1, dpi / 100) + 1;
  PixPtr areas(closed ? pixDilateBrick(nullptr, closed.get(), edge, edge) : nullptr);
  PixPtr letters(areas ? pixSubtract(nullptr, closed.get(), fills.get()) : nullptr);
  if (!letters || !Pieces(areas.get(), &boxes, &parts)) return false;
  for (int i = 0; i < boxaGetCount(boxes.get()); ++i) {
    l_int32 x = 0, y = 0, w = 0, h = 0, fill_area = 0, letter_area = 0;
    boxaGetBoxGeometry(boxes.get(), i, &x, &y, &w, &h);
    PixPtr part(pixaGetPix(parts.get(), i, L_CLONE));
    if (!part) return false;
    PixPtr its_letters = ClipUnder(letters.get(), x, y, part.get());
    PixPtr its_fill = ClipUnder(fills.get(), x, y, part.get());
    if (!its_letters || !its_fill) return false;
    pixCountPixels(its_fill.get(), &fill_area, nullptr);
    pixCountPixels(its_letters.get(), &letter_area, nullptr);
    if (fill_area == 0 || letter_area < kMinLetters * (fill_area + letter_area)) continue;
    l_float32 fill_level = 0, letter_level = 0;
    if (pixGetRankValueMasked(page, its_fill.get(), x, y, 1, 0.5, &fill_level, nullptr) != 0 ||
        pixGetAverageMasked(page, its_letters.get(), x, y, 1, L_MEAN_ABSVAL, &letter_level) != 0)
      return false;
    if (letter_level < fill_level + kMinContrast) continue;
    // Print darker than the fill on it: black text on a shaded or
    // highlighted row, which stays as it is.
    if (fill_level > kMinContrast) {
      PixPtr region = ClipUnder(page, x, y, part.get(), /*masked=*/false);
      PixPtr darker(region ? pixThresholdToBinary(region.get(), static_cast<int>(fill_level - kMinContrast)) : nullptr);
      l_int32 print = 0;
      if (!darker || pixAnd(darker.get(), darker.get(), its_fill.get()) == nullptr ||
          pixCountPixels(darker.get(), &print, nullptr) != 0)
        return false;
      if (print > kMaxPrint * fill_area) continue;
    }
    // The fill's level becomes the paper's and the letters' black, linearly.
    const double scale = static_cast<double>(paper) / (letter_level - fill_level);
    for (int r = 0; r < h; ++r) {
      const l_uint32* in = pixGetData(part.get()) + r * pixGetWpl(part.get());
      l_uint32* out = pixGetData(page) + (y + r) * pixGetWpl(page);
      for (int c = 0; c < w; ++c) {
        if (!GET_DATA_BIT(in, c)) continue;
        double v = paper - (GET_DATA_BYTE(out, x + c) - fill_level) * scale;
        SET_DATA_BYTE(out, x + c, static_cast<l_uint32>(std::clamp(v, 0.0, 255.0)));
      }
    }
  }
  return true;
}

}  // namespace

int PlausibleDpi(int width, int height, int tagged) {
  // A4 and US Letter, short side by long side, in inches.
  constexpr double kPages[][2] = {{210 / 25.4, 297 / 25.4}, {8.5, 11.0}};
  const double short_side = std::min(width, height), long_side = std::max(width, height);
  if (short_side <= 0) return tagged >= 100 ? tagged : 300;
  for (const auto& page : kPages) {
    const double ratio = short_side / long_side, page_ratio = page[0] / page[1];
    if (std::fabs(ratio / page_ratio - 1) > 0.015) continue;
    const double page_dpi = short_side / page[0];
    if (tagged > 0 && std::fabs(tagged / page_dpi - 1) <= 0.15) return tagged;
    return static_cast<int>(std::lround(page_dpi));
  }
  return tagged >= 100 ? tagged : 300;
}

Result<int> CountImagePages(std::string_view bytes, const std::string& path) {
  QuietLeptonica();
  int w = 0, h = 0, dpi = 0;
  Result<void> first = ReadHeader(bytes, 0, path, &w, &h, &dpi);
  if (!first) return std::unexpected(first.error());
  if (!IsTiff(bytes)) return 1;
  // TIFF: count the directories that have a readable header.
  constexpr int kMaxPages = 100000;
  int n = 1;
  while (n < kMaxPages) {
    l_int32 format, bps, spp, res, cmap, pw, ph;
    if (readHeaderMemTiff(Data(bytes), bytes.size(), n, &pw, &ph, &bps, &spp, &res, &cmap, &format) != 0)
      break;
    ++n;
  }
  return n;
}

Result<RasterImage> DecodeImagePage(std::string_view bytes, int index, long long max_pixels,
                                    const std::string& path) {
  QuietLeptonica();
  std::string where = path + ": page " + std::to_string(index + 1);
  int w = 0, h = 0, dpi = 0;
  Result<void> header = ReadHeader(bytes, index, where, &w, &h, &dpi);
  if (!header) return std::unexpected(header.error());
  long long pixels = static_cast<long long>(w) * h;
  if (pixels > max_pixels) {
    return MakeError(ErrorCode::kInvalidInput,
                     where + ": image is " + std::to_string(w) + "x" + std::to_string(h) + " = " +
                         std::to_string(pixels) + " pixels, over the limit of " +
                         std::to_string(max_pixels) + " (max_pixels); not decoded");
  }
  PixPtr pix(IsTiff(bytes) ? pixReadMemTiff(Data(bytes), bytes.size(), index)
                           : pixReadMem(Data(bytes), bytes.size()));
  if (!pix) return MakeError(ErrorCode::kParse, where + ": cannot decode the image (damaged or truncated)");
  if (pixGetWidth(pix.get()) != w || pixGetHeight(pix.get()) != h)
    return MakeError(ErrorCode::kParse, where + ": image size differs from its header");
  const int tagged = pixGetXRes(pix.get()), tagged_y = pixGetYRes(pix.get());
  std::string square_note;
  if (tagged > 0 && tagged_y > 0 && std::abs(tagged - tagged_y) * 20 > std::max(tagged, tagged_y)) {
    // Pixels that are not square (a fax: 204 by 98 dpi) are made square at
    // the horizontal resolution; read as they are, every letter is squashed.
    const float stretch = static_cast<float>(tagged) / static_cast<float>(tagged_y);
    if (static_cast<double>(pixels) * stretch > static_cast<double>(max_pixels))
      return MakeError(ErrorCode::kInvalidInput, where + ": image made square would be over the limit of " +
                                                     std::to_string(max_pixels) + " pixels (max_pixels)");
    PixPtr gray(pixConvertTo8(pix.get(), 0));
    PixPtr square(gray ? pixScale(gray.get(), 1.0f, stretch) : nullptr);
    if (!square) return MakeError(ErrorCode::kInternal, where + ": out of memory making the pixels square");
    pixSetResolution(square.get(), tagged, tagged);
    pix = std::move(square);
    w = pixGetWidth(pix.get());
    h = pixGetHeight(pix.get());
    square_note = "pixels of " + std::to_string(tagged) + " by " + std::to_string(tagged_y) +
                  " dpi made square";
  }
  Result<RasterImage> image = FromPix(pix.get(), 300);
  if (!image) return MakeError(image.error().code, where + ": " + image.error().message);
  image->dpi = PlausibleDpi(w, h, tagged);
  if (tagged > 0 && image->dpi != tagged)
    image->resolution_note = "resolution tag " + std::to_string(tagged) + " dpi read as " +
                             std::to_string(image->dpi);
  if (!square_note.empty())
    image->resolution_note = image->resolution_note.empty() ? square_note
                                                            : square_note + "; " + image->resolution_note;
  return image;
}

Result<CleanedImage> CleanForOcr(const RasterImage& image, const CleanOptions& options) {
  QuietLeptonica();
  PixPtr pix = ToPix(image);
  if (!pix) return MakeError(ErrorCode::kInternal, "out of memory for a page image");
  bool bilevel = IsBilevel(image);
  if (options.invert_dark_areas) InvertDarkAreas(pix.get(), image.dpi > 0 ? image.dpi : 300);
  if (options.normalize_background && !bilevel) {
    // Maps the (possibly uneven) paper to one background level; text keeps
    // its contrast against it.
    PixPtr norm(pixBackgroundNormSimple(pix.get(), nullptr, nullptr));
    if (norm) pix = std::move(norm);
  }
  CleanedImage out;
  if (options.deskew) {
    l_float32 angle = 0, conf = 0;
    // A sweep of 15 degrees either way (Leptonica's default is 7; a sheet
    // feeder can do worse), reduction 2 for the search, its defaults else;
    // rotates with white brought in, same size.
    PixPtr straight(pixDeskewGeneral(pix.get(), 0, 15.0f, 0.0f, 2, 0, &angle, &conf));
    if (straight) {
      // pixDeskewGeneral only rotates when it is confident and the angle is
      // above its minimum; otherwise it returns a copy.
      if (conf >= 3.0 && std::fabs(angle) >= 0.1) out.skew_degrees = angle;
      pix = std::move(straight);
    }
  }
  bool binary = false;  // thresholded here (a bilevel input is left as it is)
  if (options.binarize && !bilevel) {
    Pix* thresholded = nullptr;
    if (pixOtsuAdaptiveThreshold(pix.get(), 2000, 2000, 0, 0, 0.0, nullptr, &thresholded) == 0 &&
        thresholded) {
      pix = PixPtr(thresholded);
      binary = true;
    }
  }
  if (options.remove_rules && binary) RemoveRules(pix.get(), image.dpi > 0 ? image.dpi : 300);
  Result<RasterImage> back = FromPix(pix.get(), image.dpi);
  if (!back) return std::unexpected(back.error());
  out.image = std::move(*back);
  out.image.dpi = image.dpi;
  return out;
}

namespace {
// The median height of the 8-connected dark pieces of `gray` (a piece of
// a tenth of its height or a quarter of its width is no glyph).
std::optional<double> MedianPieceHeight(Pix* gray) {
  PixPtr binary(pixThresholdToBinary(gray, 128));
  if (!binary) return std::nullopt;
  Boxa* raw = pixConnCompBB(binary.get(), 8);
  if (raw == nullptr) return std::nullopt;
  BoxaPtr boxes(raw, [](::Boxa* b) { boxaDestroy(&b); });
  const int w = pixGetWidth(binary.get()), h = pixGetHeight(binary.get());
  std::vector<int> heights;
  for (int i = 0; i < boxaGetCount(boxes.get()); ++i) {
    l_int32 bx = 0, by = 0, bw = 0, bh = 0;
    if (boxaGetBoxGeometry(boxes.get(), i, &bx, &by, &bw, &bh) != 0) continue;
    if (bw < 2 || bh < 3 || bh > h / 10 || bw > w / 4) continue;
    heights.push_back(bh);
  }
  if (heights.size() < kMinGlyphsToMeasure) return std::nullopt;
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
  return heights[heights.size() / 2];
}
}  // namespace

std::optional<double> TypicalGlyphHeight(const RasterImage& image) {
  QuietLeptonica();
  PixPtr pix = ToPix(image);
  if (!pix) return std::nullopt;
  // At half size (quick); small letters, which that blurs into specks, at
  // full size.
  PixPtr half(pixScaleAreaMap2(pix.get()));
  if (!half) return std::nullopt;
  std::optional<double> h = MedianPieceHeight(half.get());
  if (h && *h >= kUsualGlyphHeight / 2) return 2 * *h;
  return MedianPieceHeight(pix.get());
}

int DpiOfLetters(double glyph) {
  return std::max(1, static_cast<int>(std::lround(kUsualDpi * glyph / kUsualGlyphHeight)));
}

std::optional<int> DpiForSmallLetters(double glyph, int dpi) {
  if (dpi <= 0) dpi = kUsualDpi;
  // (Below 300 dpi, as small as a note's letters are at that resolution: a
  // page rendered coarse on purpose is left so.)
  const double usual = kUsualGlyphHeight * std::min(dpi, kUsualDpi) / kUsualDpi;
  if (glyph <= 0 || glyph >= kUndersizeFactor * usual) return std::nullopt;
  const int finer = std::min(kMaxRenderDpi, static_cast<int>(std::lround(dpi * kUsualGlyphHeight / glyph)));
  if (finer <= dpi) return std::nullopt;
  return finer;
}

std::optional<double> ScaleToReadingSize(RasterImage* image, double glyph) {
  // (Above 300 dpi, as large as a note's letters are at that resolution: a
  // page rendered fine on purpose is left so.)
  const double usual = kUsualGlyphHeight * std::max(image->dpi, kUsualDpi) / kUsualDpi;
  if (glyph <= kOversizeFactor * usual) return std::nullopt;
  const double factor = kUsualGlyphHeight / glyph;
  PixPtr pix = ToPix(*image);
  if (!pix) return std::nullopt;
  PixPtr scaled(pixScaleAreaMap(pix.get(), static_cast<l_float32>(factor), static_cast<l_float32>(factor)));
  if (!scaled) return std::nullopt;
  Result<RasterImage> back = FromPix(scaled.get(), kUsualDpi);
  if (!back) return std::nullopt;
  std::string note = std::move(image->resolution_note);
  *image = std::move(*back);
  image->dpi = kUsualDpi;
  image->resolution_note = std::move(note);
  return factor;
}

RasterImage RotateClockwise(const RasterImage& image, int degrees) {
  int quarter = ((degrees % 360 + 360) % 360) / 90;
  if (quarter == 0) return image;
  const int w = image.width, h = image.height;
  RasterImage out;
  out.dpi = image.dpi;
  out.width = quarter == 2 ? w : h;
  out.height = quarter == 2 ? h : w;
  out.pixels.resize(image.pixels.size());
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      int nx, ny;
      if (quarter == 1) { nx = h - 1 - y; ny = x; }
      else if (quarter == 2) { nx = w - 1 - x; ny = h - 1 - y; }
      else { nx = y; ny = w - 1 - x; }
      out.pixels[static_cast<size_t>(ny) * out.width + nx] = image.pixels[static_cast<size_t>(y) * w + x];
    }
  }
  return out;
}

Result<void> WritePng(const RasterImage& image, const std::string& path) {
  QuietLeptonica();
  PixPtr pix = ToPix(image);
  if (!pix) return MakeError(ErrorCode::kInternal, path + ": out of memory for a page image");
  l_uint8* raw = nullptr;
  size_t size = 0;
  if (pixWriteMemPng(&raw, &size, pix.get(), 0.0) != 0 || raw == nullptr)
    return MakeError(ErrorCode::kInternal, path + ": PNG encoding failed");
  std::unique_ptr<l_uint8, LeptFree> data(raw);
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(data.get()), static_cast<std::streamsize>(size));
  out.close();
  if (!out) return MakeError(ErrorCode::kIo, path + ": cannot write: " + std::strerror(errno));
  return {};
}

}  // namespace notat
