// Reading inputs: sniffing, SHA-256, text into pages and lines, bad input.
#include "pipeline/source.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "pipeline/utf8.h"

namespace notat {
namespace {

TEST(SourceTest, Sha256MatchesKnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(Sha256Hex(std::string(1000, 'a')),
            "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
}

TEST(SourceTest, SniffsKindsFromContent) {
  struct Case {
    std::string bytes;
    InputKind kind;
  } cases[] = {
      {"", InputKind::kEmpty},
      {"Notat om henvendelser\n", InputKind::kText},
      {"%PDF-1.7\n...", InputKind::kPdf},
      {"\x89PNG\r\n\x1a\n....", InputKind::kPng},
      {std::string("II*\0....", 8), InputKind::kTiff},
      {std::string("MM\0*....", 8), InputKind::kTiff},
      {"\xFF\xD8\xFF\xE0....", InputKind::kJpeg},
      {std::string("ab\0cd", 5), InputKind::kBinary},
      {"\x01\x02\x03\x04\x05\x06", InputKind::kBinary},
  };
  for (const Case& c : cases) EXPECT_EQ(SniffKind(c.bytes), c.kind) << "input: " << c.bytes;
}

TEST(SourceTest, SplitsTextIntoNumberedLinesAndFormFeedPages) {
  Result<Document> doc = DocumentFromText("første linje\r\nanden\n\fside to\nslut", "x.txt");
  ASSERT_TRUE(doc.has_value()) << doc.error().ToString();
  ASSERT_EQ(doc->pages.size(), 2u);
  ASSERT_EQ(doc->pages[0].lines.size(), 2u);
  EXPECT_EQ(doc->pages[0].lines[0].text, "første linje");
  EXPECT_EQ(doc->pages[0].lines[1].number, 2);
  ASSERT_EQ(doc->pages[1].lines.size(), 2u);
  EXPECT_EQ(doc->pages[1].number, 2);
  EXPECT_EQ(doc->pages[1].lines[0].text, "side to");
  EXPECT_EQ(doc->pages[1].lines[0].number, 1);
  EXPECT_EQ(doc->pages[1].lines[1].text, "slut");
  EXPECT_EQ(doc->kind, "text");
  EXPECT_EQ(doc->sha256, Sha256Hex("første linje\r\nanden\n\fside to\nslut"));
}

TEST(SourceTest, StripsByteOrderMark) {
  Result<Document> doc = DocumentFromText("\xEF\xBB\xBFNotat\n", "bom.txt");
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(doc->pages[0].lines[0].text, "Notat");
}

// `utf8` (ASCII and Latin-1 letters only) as UTF-16 with its byte-order mark.
std::string Utf16(const std::string& utf8, bool little) {
  std::string out = little ? "\xFF\xFE" : "\xFE\xFF";
  for (char32_t c : DecodeUtf8(utf8)) {
    char lo = static_cast<char>(c & 0xFF), hi = static_cast<char>(c >> 8);
    out += little ? std::string{lo, hi} : std::string{hi, lo};
  }
  return out;
}

TEST(SourceTest, Utf16TextWithItsByteOrderMarkIsRead) {
  // Windows' "Unicode" text files: little-endian, and big-endian too.
  for (bool little : {true, false}) {
    std::string bytes = Utf16("Region Sjælland 54\r\nTotal 502\r\n", little);
    EXPECT_EQ(SniffKind(bytes), InputKind::kText);
    Result<Document> doc = DocumentFromText(bytes, "u16.txt");
    ASSERT_TRUE(doc) << doc.error().ToString();
    ASSERT_EQ(doc->pages[0].lines.size(), 2u);
    EXPECT_EQ(doc->pages[0].lines[0].text, "Region Sjælland 54");
    EXPECT_EQ(doc->pages[0].lines[1].text, "Total 502");
    EXPECT_EQ(doc->sha256, Sha256Hex(bytes));  // the file as it is
  }
  // A character beyond 16 bits comes as a surrogate pair.
  Result<Document> pair = DocumentFromText(std::string("\xFF\xFE\x3D\xD8\x00\xDE", 6), "pair.txt");
  ASSERT_TRUE(pair) << pair.error().ToString();
  EXPECT_EQ(pair->pages[0].lines[0].text, "\xF0\x9F\x98\x80");
  Result<Document> odd = DocumentFromText(Utf16("Total 502", true).substr(1), "odd.txt");
  ASSERT_FALSE(odd);  // (no longer a mark: read as UTF-8, which it is not)
  Result<Document> cut = DocumentFromText(Utf16("Total 502", true) + "T", "cut.txt");
  ASSERT_FALSE(cut);
  EXPECT_EQ(cut.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(cut.error().message, "cut.txt: UTF-16 text with an odd number of bytes (truncated?)");
  Result<Document> lone = DocumentFromText(std::string("\xFF\xFE\x00\xD8T\x00", 6), "lone.txt");
  ASSERT_FALSE(lone);
  EXPECT_EQ(lone.error().message, "lone.txt: not valid UTF-16 (an unpaired surrogate at offset 2)");
}

TEST(SourceTest, FixedWidthSpacesAreSpaces) {
  // A no-break space between thousands, a narrow one before %, a thin one
  // and a figure space: the extractors see "1 021" and "45 %".
  Result<Document> doc = DocumentFromText(
      "modtog 1\xC2\xA0" "021 henvendelser, 45\xE2\x80\xAF%\n"
      "2\xE2\x80\x89" "500 og 3\xE2\x80\x87" "000; s\xC3\xA6t \xE2\x80\x93 ok\n",
      "spaces.txt");
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(doc->pages[0].lines[0].text, "modtog 1 021 henvendelser, 45 %");
  EXPECT_EQ(doc->pages[0].lines[1].text, "2 500 og 3 000; sæt \xE2\x80\x93 ok");  // a dash stays
}

TEST(SourceTest, DecomposedLettersLigaturesAndInvisibleCharactersAreNormalised) {
  // Decomposed text (macOS, some PDF producers): "a" and a combining ring
  // is "å", "e" and a combining acute "é"; TeX's spacing ring beside an a;
  // a ligature; a zero-width space; a soft hyphen inside a word and one that
  // broke it at the line's end.
  Result<Document> doc = DocumentFromText(
      "ra\xCC\x8A" "dgiver i 1. halva\xCC\x8A" "r, Sj\xC3\xA6lland, cafe\xCC\x81\n"
      "p\xCB\x9A" "a og \xCB\x9A" "Arhus, \xEF\xAC\x82" "ere, 502\xE2\x80\x8B henvendelser\n"
      "l\xC3\xB8\xC2\xAD" "bende og l\xC3\xB8\xC2\xAD \n",
      "nfd.txt");
  ASSERT_TRUE(doc.has_value());
  ASSERT_EQ(doc->pages[0].lines.size(), 3u);
  EXPECT_EQ(doc->pages[0].lines[0].text, "rådgiver i 1. halvår, Sjælland, café");
  EXPECT_EQ(doc->pages[0].lines[1].text, "på og Århus, flere, 502 henvendelser");
  EXPECT_EQ(doc->pages[0].lines[2].text, "løbende og lø- ");
  // A mark that makes no Latin-1 letter stays, as does a ring on its own.
  Result<Document> other = DocumentFromText("x\xCC\x8A 20\xCB\x9A\n", "other.txt");
  ASSERT_TRUE(other.has_value());
  EXPECT_EQ(other->pages[0].lines[0].text, "x\xCC\x8A 20\xCB\x9A");
}

struct BadCase {
  std::string name;
  std::string bytes;
  std::string message_part;
};

TEST(SourceTest, RejectsBadTextWithWhereAndWhat) {
  const BadCase cases[] = {
      {"empty", "", "bad.txt: input is empty"},
      {"binary", std::string("\x7f" "ELF\x02\x01\x01\0\0\0", 10), "bad.txt: binary data"},
      {"latin1", "Notat\nS\xF8ren g\xE5r\n", "bad.txt: line 2, column 2: not valid UTF-8 (byte 0xF8"},
      {"truncated", "abc\xC3", "line 1, column 4: not valid UTF-8 (byte 0xC3 at offset 3)"},
      {"overlong", "a\xC0\xAF", "line 1, column 2: not valid UTF-8"},
      {"surrogate", "a\xED\xA0\x80", "line 1, column 2: not valid UTF-8"},
      // Formats notat does not read, named, with what to do.
      {"docx", std::string("PK\x03\x04\x14\0\0\0", 8) + "[Content_Types].xml word/document.xml",
       "bad.txt: a Word document (.docx), which notat does not read; export or print it as PDF"},
      {"zip", std::string("PK\x03\x04\x14\0\0\0", 8) + "data.csv",
       "bad.txt: a ZIP archive, which notat does not read; unpack it and give its files"},
      {"doc", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10), "an Office 97-2003 document"},
      {"html", "\xEF\xBB\xBF\n  <!DOCTYPE html>\n<html><body><p>Notat</p>", "bad.txt: an HTML page"},
      {"rtf", "{\\rtf1\\ansi Notat om henvendelser}", "bad.txt: an RTF document"},
  };
  for (const BadCase& c : cases) {
    Result<Document> doc = DocumentFromText(c.bytes, "bad.txt");
    ASSERT_FALSE(doc.has_value()) << c.name;
    EXPECT_EQ(doc.error().code, ErrorCode::kInvalidInput) << c.name;
    EXPECT_NE(doc.error().message.find(c.message_part), std::string::npos)
        << c.name << ": " << doc.error().message;
  }
}

TEST(SourceTest, AnOfficeFileIsNamedWhenReadFromDisk) {
  std::string path = testing::TempDir() + "/note.docx";
  {
    std::ofstream out(path, std::ios::binary);
    out << std::string("PK\x03\x04\x14\0\0\0", 8) << "word/document.xml" << std::string(64, '\0');
  }
  Result<Document> doc = ReadInput(path, Options{}, nullptr);
  ASSERT_FALSE(doc.has_value());
  EXPECT_EQ(doc.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(doc.error().message, path + ": a Word document (.docx), which notat does not read; export or print it " +
                                     "as PDF (for example: libreoffice --headless --convert-to pdf FILE) and read that");
  std::remove(path.c_str());
}

TEST(SourceTest, MissingFileIsAnIoErrorNamingThePath) {
  Result<Document> doc = ReadInput("/nonexistent/note.txt", Options{}, nullptr);
  ASSERT_FALSE(doc.has_value());
  EXPECT_EQ(doc.error().code, ErrorCode::kIo);
  EXPECT_NE(doc.error().message.find("/nonexistent/note.txt: cannot open"), std::string::npos)
      << doc.error().message;
}

}  // namespace
}  // namespace notat
