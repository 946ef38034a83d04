// Reading an input into a Document: plain UTF-8 text ("-" is stdin), PDFs
// (text layer and/or OCR) and page images. The kind is detected from the
// content, never from the file name.
//
//   Result<Document> doc = ReadInput("note.txt", options, &lexicon);
#ifndef NOTAT_PIPELINE_SOURCE_H_
#define NOTAT_PIPELINE_SOURCE_H_

#include <string>
#include <string_view>

#include "pipeline/error.h"
#include "pipeline/options.h"
#include "pipeline/types.h"

namespace notat {

class Lexicon;

// What the first bytes of an input say it is.
enum class InputKind { kEmpty, kText, kPdf, kPng, kTiff, kJpeg, kBinary };
InputKind SniffKind(std::string_view bytes);
std::string_view InputKindName(InputKind kind);

// Lower-case hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);

// Reads `path` ("-" means stdin) and turns it into a Document.
// Errors: kIo when the file cannot be read; kInvalidInput for an empty file,
// binary data, or text that is not valid UTF-8 (the message gives line and
// column of the first bad byte); kInvalidInput "not supported" for kinds this
// build cannot read; kOcr/kNotFound from the OCR path (e.g. a missing model).
// `lexicon` may be null; the PDF path uses it to judge whether a text layer is
// damaged.
Result<Document> ReadInput(const std::string& path, const Options& options,
                           const Lexicon* lexicon);

// Builds a one-page Document from UTF-8 text already in memory (form feeds
// start new pages). Errors as for ReadInput's text path.
Result<Document> DocumentFromText(std::string_view bytes, const std::string& path);

}  // namespace notat

#endif  // NOTAT_PIPELINE_SOURCE_H_
