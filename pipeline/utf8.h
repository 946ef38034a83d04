// UTF-8 encoding and decoding, shared by every stage that works on code points
// (the repair, the extractors, the input check). Never classify æ/ø/å byte by
// byte: decode first.
//
//   std::u32string cps = DecodeUtf8("Sjælland");   // 8 code points
#ifndef NOTAT_PIPELINE_UTF8_H_
#define NOTAT_PIPELINE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace notat {

// Length of the valid UTF-8 sequence starting at s[i], or 0 when there is
// none (overlong forms, surrogates and code points past U+10FFFF are invalid).
size_t Utf8SequenceLength(std::string_view s, size_t i);

// Decodes UTF-8. Each byte that does not start a valid sequence becomes
// U+FFFD, and decoding goes on with the next byte.
std::u32string DecodeUtf8(std::string_view s);

// Calls emit(unsigned char) for each UTF-8 byte of `c`.
template <typename Emit>
void ForEachUtf8Byte(char32_t c, Emit&& emit) {
  if (c < 0x80) {
    emit(static_cast<unsigned char>(c));
  } else if (c < 0x800) {
    emit(static_cast<unsigned char>(0xC0 | (c >> 6)));
    emit(static_cast<unsigned char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    emit(static_cast<unsigned char>(0xE0 | (c >> 12)));
    emit(static_cast<unsigned char>(0x80 | ((c >> 6) & 0x3F)));
    emit(static_cast<unsigned char>(0x80 | (c & 0x3F)));
  } else {
    emit(static_cast<unsigned char>(0xF0 | (c >> 18)));
    emit(static_cast<unsigned char>(0x80 | ((c >> 12) & 0x3F)));
    emit(static_cast<unsigned char>(0x80 | ((c >> 6) & 0x3F)));
    emit(static_cast<unsigned char>(0x80 | (c & 0x3F)));
  }
}

void AppendUtf8(char32_t c, std::string& out);
std::string EncodeUtf8(std::u32string_view s);

// One line of text as a text file or a PDF's text layer gives it (valid
// UTF-8), in the form the stages expect:
//  - every no-break, figure, thin and other fixed-width space (U+00A0,
//    U+2000..U+200A, U+202F) an ASCII space: typesetters put them between
//    thousands ("1 021") and before units ("45 %");
//  - a letter and its combining accent (decomposed text: "a" U+030A) the one
//    Latin-1 letter ("å"), and a spacing ring (U+02DA) beside an a ("p˚a",
//    as TeX's å comes out of some PDFs) an å;
//  - the Latin ligatures (U+FB00..U+FB06) their letters ("ﬂere": "flere");
//  - zero-width spaces and joiners (U+200B..U+200D, U+2060, U+FEFF) gone;
//  - a soft hyphen (U+00AD) a hyphen at the line's end, where it broke a
//    word, and gone elsewhere.
std::string NormalizeText(std::string_view s);

}  // namespace notat

#endif  // NOTAT_PIPELINE_UTF8_H_
