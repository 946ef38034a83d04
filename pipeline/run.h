// The one orchestrator: path -> Document -> RepairedText -> Extraction ->
// ValidationReport. Sinks are called by the commands (main.cc), not here, so
// that a batch can run notes in workers and write from one place.
//
//   NoteResult r = ProcessInput("note.txt", ctx);
//   if (r.error) ... else if (!r.report.ok()) ...
#ifndef NOTAT_PIPELINE_RUN_H_
#define NOTAT_PIPELINE_RUN_H_

#include <optional>
#include <string>

#include "pipeline/error.h"
#include "pipeline/options.h"
#include "pipeline/types.h"

namespace notat {

class Lexicon;

struct Context {
  Options options;
  const Lexicon* lexicon = nullptr;  // required by the repair stage; not owned
};

struct NoteResult {
  std::string path;
  std::optional<Error> error;  // set when the input could not be read; the rest is then empty
  Document document;
  RepairedText repaired;
  Extraction extraction;
  ValidationReport report;
};

// Runs every stage on one input. Never throws; a failure is in `error`.
NoteResult ProcessInput(const std::string& path, const Context& ctx);

// The same, from a Document already read (used by tests and the text path).
NoteResult ProcessDocument(Document document, const Context& ctx);

}  // namespace notat

#endif  // NOTAT_PIPELINE_RUN_H_
