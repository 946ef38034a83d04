// Test helpers for PDFs and images: a minimal PDF writer (pages of text at
// given positions, Helvetica, WinAnsi), a PNG header writer, file helpers.
#ifndef NOTAT_TESTS_PDF_TEST_UTIL_H_
#define NOTAT_TESTS_PDF_TEST_UTIL_H_

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace notat::testing {

inline std::string ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// samples/ holds the whole note in every input form; single pages and the
// encrypted copy, made by the same script, are test fixtures in tests/testdata/.
inline std::string SamplePath(const std::string& name) {
  std::string sample = std::string(NOTAT_SOURCE_DIR) + "/samples/" + name;
  if (std::ifstream(sample).good()) return sample;
  return std::string(NOTAT_SOURCE_DIR) + "/tests/testdata/" + name;
}

// Text drawn at (x, y) in points from the top-left corner.
struct PdfText {
  double x = 72, y = 72;
  std::string text;  // UTF-8; Latin-1 letters (æ, ø, å...) only
  double size = 11;
  // Turned a quarter anti-clockwise: reading upwards from (x, y), its
  // letters' tops towards the left.
  bool upwards = false;
};

// UTF-8 (Latin-1 range) to the bytes of a PDF string in WinAnsiEncoding.
inline std::string PdfString(const std::string& utf8) {
  std::string out = "(";
  for (size_t i = 0; i < utf8.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    unsigned code = c;
    if ((c & 0xE0) == 0xC0 && i + 1 < utf8.size()) {
      code = ((c & 0x1F) << 6) | (static_cast<unsigned char>(utf8[++i]) & 0x3F);
    }
    if (code == '(' || code == ')' || code == '\\') {
      out += '\\';
      out += static_cast<char>(code);
    } else if (code < 0x80) {
      out += static_cast<char>(code);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", code & 0xFF);
      out += buf;
    }
  }
  return out + ")";
}

// A grey picture drawn on page `page` (0-based), its top-left corner at
// (x, y) in points from the page's top-left, `width` x `height` points.
struct PdfImage {
  int page = 0;
  double x = 72, y = 72, width = 0, height = 0;
  int columns = 0, rows = 0;
  std::string gray;  // columns * rows bytes, rows top to bottom
};

// A PDF with one page per element of `pages`, each `width` x `height` points.
// The text items are drawn in the order given (that is the content-stream
// order a reader sees), so a test can write a table column by column.
// `rotate` (0, 90, 180, 270) is each page's /Rotate: how a viewer turns it.
// `images` are drawn after the text, as image XObjects.
inline std::string MakePdf(const std::vector<std::vector<PdfText>>& pages, double width = 595,
                           double height = 842, int rotate = 0, const std::vector<PdfImage>& images = {}) {
  std::vector<std::string> objects;  // object i+1
  int n = static_cast<int>(pages.size());
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  for (int i = 0; i < n; ++i) kids += std::to_string(4 + 2 * i) + " 0 R ";
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n) + " >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  char box[96];
  std::snprintf(box, sizeof box, "[0 0 %.2f %.2f]", width, height);
  for (int i = 0; i < n; ++i) {
    std::string content;
    for (const PdfText& t : pages[i]) {
      char head[96];
      if (t.upwards)
        std::snprintf(head, sizeof head, "BT /F1 %.1f Tf 0 1 -1 0 %.2f %.2f Tm ", t.size, t.x + t.size, height - t.y);
      else
        std::snprintf(head, sizeof head, "BT /F1 %.1f Tf %.2f %.2f Td ", t.size, t.x, height - t.y - t.size);
      content += head + PdfString(t.text) + " Tj ET\n";
    }
    std::string xobjects;
    for (size_t k = 0; k < images.size(); ++k) {
      const PdfImage& im = images[k];
      if (im.page != i) continue;
      const std::string name = "/Im" + std::to_string(k);
      xobjects += name + " " + std::to_string(4 + 2 * n + static_cast<int>(k)) + " 0 R ";
      char place[128];
      std::snprintf(place, sizeof place, "q %.2f 0 0 %.2f %.2f %.2f cm ", im.width, im.height, im.x,
                    height - im.y - im.height);
      content += place + name + " Do Q\n";
    }
    objects.push_back("<< /Type /Page /Parent 2 0 R /Rotate " + std::to_string(rotate) + " /MediaBox " +
                      std::string(box) + " /Resources << /Font << /F1 3 0 R >>" +
                      (xobjects.empty() ? "" : " /XObject << " + xobjects + ">>") + " >> /Contents " +
                      std::to_string(5 + 2 * i) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                      "endstream");
  }
  for (const PdfImage& im : images)
    objects.push_back("<< /Type /XObject /Subtype /Image /Width " + std::to_string(im.columns) + " /Height " +
                      std::to_string(im.rows) + " /ColorSpace /DeviceGray /BitsPerComponent 8 /Length " +
                      std::to_string(im.gray.size()) + " >>\nstream\n" + im.gray + "\nendstream");
  std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char line[24];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

inline uint32_t Crc32(const std::string& data) {
  uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char c : data) {
    crc ^= c;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

inline std::string BigEndian32(uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}

// The start of a PNG that declares a `width` x `height` 8-bit gray image; its
// pixel data is missing, so only a header-first reader can answer for it.
inline std::string PngHeaderOnly(uint32_t width, uint32_t height) {
  std::string ihdr = "IHDR" + BigEndian32(width) + BigEndian32(height) + std::string("\x08\x00\x00\x00\x00", 5);
  std::string png = "\x89PNG\r\n\x1a\n";
  png += BigEndian32(13) + ihdr + BigEndian32(Crc32(ihdr));
  std::string idat = "IDAT" + std::string("\x78\x9c\x03\x00\x00\x00\x00\x01", 8);
  png += BigEndian32(8) + idat + BigEndian32(Crc32(idat));
  std::string iend = "IEND";
  png += BigEndian32(0) + iend + BigEndian32(Crc32(iend));
  return png;
}

}  // namespace notat::testing

#endif  // NOTAT_TESTS_PDF_TEST_UTIL_H_
