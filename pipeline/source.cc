// Reading inputs: content sniffing, SHA-256, and the plain-text path. The PDF
// and image paths live in source_pdf.cc and are reached through ReadInput.
#include "pipeline/source.h"

#include "pipeline/utf8.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "pipeline/pdf_source.h"

namespace notat {
namespace {

// Reads the whole of `path` ("-" is stdin) with POSIX reads: no stream
// exceptions, and a directory or other non-file is refused by name.
Result<std::string> ReadAll(const std::string& path) {
  int fd = path == "-" ? STDIN_FILENO : open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return MakeError(ErrorCode::kIo, path + ": cannot open: " + std::strerror(errno));
  struct stat st;
  if (path != "-" && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    close(fd);
    return MakeError(ErrorCode::kInvalidInput,
                     path + ": is a directory holding no note file (.txt .pdf .png .tif .tiff .jpg .jpeg)");
  }
  std::string bytes;
  char buf[1 << 16];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      if (fd != STDIN_FILENO) close(fd);
      return MakeError(ErrorCode::kIo, path + ": read failed: " + std::strerror(err));
    }
    bytes.append(buf, static_cast<size_t>(n));
  }
  if (fd != STDIN_FILENO) close(fd);
  return bytes;
}

// UTF-16 text with its byte-order mark (Windows' "Unicode" text files).
bool HasUtf16Mark(std::string_view bytes) { return bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF"); }

// What a file in a format notat does not read is, for the error message:
// office documents (ZIP or OLE containers), RTF and HTML. Empty when the
// format is none of these.
std::string OtherFormat(std::string_view bytes) {
  auto starts = [&](std::string_view magic) { return bytes.substr(0, magic.size()) == magic; };
  auto has = [&](std::string_view part) { return bytes.substr(0, 65536).find(part) != std::string_view::npos; };
  if (starts("PK\x03\x04")) {
    if (has("word/")) return "a Word document (.docx)";
    if (has("xl/")) return "an Excel workbook (.xlsx)";
    if (has("ppt/")) return "a PowerPoint file (.pptx)";
    if (has("opendocument")) return "an OpenDocument file (.odt, .ods)";
    return "a ZIP archive";  // (NotANoteFormat says to unpack it)
  }
  if (starts("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return "an Office 97-2003 document (.doc, .xls)";
  std::string_view head = bytes.substr(0, 1024);
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  size_t at = head.find_first_not_of(" \t\r\n");
  if (at == std::string_view::npos) return "";
  head.remove_prefix(at);
  if (head.starts_with("{\\rtf")) return "an RTF document";
  std::string lower(head.substr(0, 64));
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.starts_with("<!doctype html") || lower.starts_with("<html") ||
      (lower.starts_with("<?xml") && has("<html")))
    return "an HTML page";
  return "";
}

// The error for a file in a format notat does not read (OtherFormat).
std::unexpected<Error> NotANoteFormat(const std::string& path, const std::string& what) {
  if (what == "a ZIP archive")
    return MakeError(ErrorCode::kInvalidInput,
                     path + ": a ZIP archive, which notat does not read; unpack it and give its files");
  return MakeError(ErrorCode::kInvalidInput,
                   path + ": " + what + ", which notat does not read; export or print it as PDF " +
                       "(for example: libreoffice --headless --convert-to pdf FILE) and read that");
}

}  // namespace

InputKind SniffKind(std::string_view bytes) {
  if (bytes.empty()) return InputKind::kEmpty;
  auto starts = [&](std::string_view magic) { return bytes.substr(0, magic.size()) == magic; };
  // A PDF header may follow a little junk (the spec allows 1024 bytes).
  if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) return InputKind::kPdf;
  if (starts("\x89PNG\r\n\x1a\n")) return InputKind::kPng;
  if (starts(std::string_view("II*\0", 4)) || starts(std::string_view("MM\0*", 4))) return InputKind::kTiff;
  if (starts("\xFF\xD8\xFF")) return InputKind::kJpeg;
  if (HasUtf16Mark(bytes)) return InputKind::kText;
  // Text: no NUL bytes and few control characters in the first 64 KiB.
  std::string_view head = bytes.substr(0, 65536);
  size_t control = 0;
  for (unsigned char c : head) {
    if (c == 0) return InputKind::kBinary;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  if (control * 100 > head.size()) return InputKind::kBinary;
  return InputKind::kText;
}

std::string_view InputKindName(InputKind kind) {
  switch (kind) {
    case InputKind::kEmpty: return "empty";
    case InputKind::kText: return "text";
    case InputKind::kPdf: return "pdf";
    case InputKind::kPng: return "png";
    case InputKind::kTiff: return "tiff";
    case InputKind::kJpeg: return "jpeg";
    case InputKind::kBinary: return "binary";
  }
  return "binary";
}

// UTF-16 after its byte-order mark (little-endian after FF FE, big-endian
// after FE FF) as UTF-8; kInvalidInput at an odd length or an unpaired
// surrogate.
Result<std::string> Utf16ToUtf8(std::string_view bytes, const std::string& path) {
  const bool little = bytes[0] == '\xFF';
  if (bytes.size() % 2 != 0)
    return MakeError(ErrorCode::kInvalidInput, path + ": UTF-16 text with an odd number of bytes (truncated?)");
  auto unit = [&](size_t i) {
    const auto lo = static_cast<unsigned char>(bytes[little ? i : i + 1]);
    const auto hi = static_cast<unsigned char>(bytes[little ? i + 1 : i]);
    return static_cast<char32_t>(hi << 8 | lo);
  };
  std::string text;
  for (size_t i = 2; i < bytes.size(); i += 2) {
    char32_t c = unit(i);
    if (c >= 0xD800 && c < 0xDC00 && i + 2 < bytes.size() && unit(i + 2) >= 0xDC00 && unit(i + 2) < 0xE000) {
      c = 0x10000 + ((c - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
      i += 2;
    } else if (c >= 0xD800 && c < 0xE000) {
      return MakeError(ErrorCode::kInvalidInput,
                       path + ": not valid UTF-16 (an unpaired surrogate at offset " + std::to_string(i) + ")");
    }
    AppendUtf8(c, text);
  }
  return text;
}

Result<Document> DocumentFromText(std::string_view bytes, const std::string& path) {
  if (bytes.empty()) return MakeError(ErrorCode::kInvalidInput, path + ": input is empty");
  if (HasUtf16Mark(bytes)) {
    Result<std::string> utf8 = Utf16ToUtf8(bytes, path);
    if (!utf8) return std::unexpected(utf8.error());
    if (utf8->empty()) return MakeError(ErrorCode::kInvalidInput, path + ": input is empty");
    Result<Document> doc = DocumentFromText(*utf8, path);
    if (doc) doc->sha256 = Sha256Hex(bytes);  // the file's own bytes identify it
    return doc;
  }
  if (std::string other = OtherFormat(bytes); !other.empty()) return NotANoteFormat(path, other);
  if (SniffKind(bytes) == InputKind::kBinary)
    return MakeError(ErrorCode::kInvalidInput,
                     path + ": binary data, not text (NUL or control bytes near the start)");
  // Validate UTF-8, reporting the line and column of the first bad byte.
  int line = 1, column = 1;
  for (size_t i = 0; i < bytes.size();) {
    size_t n = Utf8SequenceLength(bytes, i);
    if (n == 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(bytes[i]));
      return MakeError(ErrorCode::kInvalidInput,
                       path + ": line " + std::to_string(line) + ", column " + std::to_string(column) +
                           ": not valid UTF-8 (byte " + hex + " at offset " + std::to_string(i) +
                           "); if the file is Latin-1, convert it with: iconv -f latin1 -t utf-8");
    }
    if (bytes[i] == '\n') { ++line; column = 1; } else { ++column; }
    i += n;
  }
  size_t start = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") start = 3;  // BOM

  Document doc;
  doc.path = path;
  doc.sha256 = Sha256Hex(bytes);
  doc.kind = "text";
  Page page;
  page.number = 1;
  page.text_source = "text";
  int number = 0;
  while (start <= bytes.size()) {
    size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view raw = bytes.substr(start, end - start);
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    // A form feed starts a new page (pdftotext writes one between pages).
    size_t ff;
    while ((ff = raw.find('\f')) != std::string_view::npos) {
      if (ff > 0) page.lines.push_back(Line{++number, NormalizeText(raw.substr(0, ff)), {}});
      doc.pages.push_back(std::move(page));
      page = Page{};
      page.number = static_cast<int>(doc.pages.size()) + 1;
      page.text_source = "text";
      number = 0;
      raw.remove_prefix(ff + 1);
    }
    if (end == bytes.size() && raw.empty()) break;
    page.lines.push_back(Line{++number, NormalizeText(raw), {}});
    start = end + 1;
  }
  doc.pages.push_back(std::move(page));
  // A trailing form feed leaves an empty last page: drop it.
  while (doc.pages.size() > 1 && doc.pages.back().lines.empty()) doc.pages.pop_back();
  return doc;
}

Result<Document> ReadInput(const std::string& path, const Options& options, const Lexicon* lexicon) {
  Result<std::string> bytes = ReadAll(path);
  if (!bytes) return std::unexpected(bytes.error());
  InputKind kind = SniffKind(*bytes);
  switch (kind) {
    case InputKind::kEmpty:
      return MakeError(ErrorCode::kInvalidInput, path + ": input is empty");
    case InputKind::kText:
      return DocumentFromText(*bytes, path);
    case InputKind::kBinary:
      if (std::string other = OtherFormat(*bytes); !other.empty()) return NotANoteFormat(path, other);
      return MakeError(ErrorCode::kInvalidInput,
                       path + ": binary data that is neither text, PDF, PNG, TIFF nor JPEG");
    default:  // PDF, PNG, TIFF, JPEG
      return ReadPdfOrImage(*bytes, kind, path, options, lexicon);
  }
}

// SHA-256 (FIPS 180-4), small and self-contained.
std::string Sha256Hex(std::string_view bytes) {
  static constexpr uint32_t k[64] = {
      0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
      0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
      0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
      0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
      0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
      0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
      0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
      0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
  uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  auto rotr = [](uint32_t x, int n) { return (x >> n) | (x << (32 - n)); };
  auto compress = [&](const unsigned char* block) {
    uint32_t w[64];
    for (int i = 0; i < 16; ++i) {
      const unsigned char* p = block + 4 * i;
      w[i] = (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
    }
    for (int i = 16; i < 64; ++i) {
      uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
      uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; ++i) {
      uint32_t t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i];
      uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
      hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
  };
  // Whole blocks straight from the input (no copy of a large file); only the
  // last partial block and the padding are copied.
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t whole = bytes.size() - bytes.size() % 64;
  for (size_t off = 0; off < whole; off += 64) compress(data + off);
  std::string tail(bytes.substr(whole));
  uint64_t bit_len = static_cast<uint64_t>(bytes.size()) * 8;
  tail.push_back(static_cast<char>(0x80));
  while (tail.size() % 64 != 56) tail.push_back(0);
  for (int i = 7; i >= 0; --i) tail.push_back(static_cast<char>(bit_len >> (i * 8)));
  for (size_t off = 0; off < tail.size(); off += 64)
    compress(reinterpret_cast<const unsigned char*>(tail.data()) + off);
  std::string out;
  char buf[9];
  for (uint32_t v : h) {
    std::snprintf(buf, sizeof buf, "%08x", v);
    out += buf;
  }
  return out;
}

}  // namespace notat
