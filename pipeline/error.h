// Error values for notat's stages. No exceptions cross our interfaces: every
// stage returns Result<T>, either a value or an Error that says what failed and
// where (file, page, line, table).
//
//   Result<Document> doc = ReadInput(path, ctx);
//   if (!doc) std::cerr << doc.error().ToString() << "\n";
#ifndef NOTAT_PIPELINE_ERROR_H_
#define NOTAT_PIPELINE_ERROR_H_

#include <expected>
#include <string>
#include <string_view>
#include <utility>

namespace notat {

enum class ErrorCode {
  kInvalidInput,  // the input is not something we can read (empty, binary, bad UTF-8, unsupported kind)
  kNotFound,      // a file, a model or a table that should be there is not
  kIo,            // the operating system refused a read or write
  kOcr,           // the OCR engine failed or is not installed
  kParse,         // the input was read but a structure in it could not be parsed
  kSink,          // an output or database could not be written
  kInternal,      // a bug in notat (for example a document that violates our own schema)
};

// Stable lower-case name of a code, e.g. "invalid_input".
std::string_view ErrorCodeName(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  // what and where, e.g. "note.pdf: page 3: truncated PDF"

  // "invalid_input: note.txt: input is empty".
  std::string ToString() const;
};

template <class T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> MakeError(ErrorCode code, std::string message) {
  return std::unexpected<Error>(Error{code, std::move(message)});
}

}  // namespace notat

#endif  // NOTAT_PIPELINE_ERROR_H_
