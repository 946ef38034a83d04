// The orchestrator. Reads top to bottom: read -> repair -> segment/extract ->
// provenance -> validate. With --keep-work, each stage leaves its artifact.
#include "pipeline/run.h"

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "extractors/extract.h"
#include "pipeline/repair.h"
#include "pipeline/source.h"
#include "pipeline/validate.h"

namespace notat {
namespace {

namespace fs = std::filesystem;

// The digits of a value as they are printed in Danish: 1.234 -> "1234",
// 10,9 -> "109". Used to find the value's word on its source line.
std::string DigitsOf(const std::string& text) {
  std::string d;
  for (char c : text)
    if (std::isdigit(static_cast<unsigned char>(c))) d += c;
  return d;
}

std::string ValueDigits(double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", value);
  return DigitsOf(buf);
}

const Line* FindLine(const Document& doc, int page, int line) {
  if (page < 1 || page > static_cast<int>(doc.pages.size())) return nullptr;
  for (const Line& l : doc.pages[page - 1].lines)
    if (l.number == line) return &l;
  return nullptr;
}

// Gives a record the box and OCR confidence of the word it was read from,
// when the source has word geometry.
void AttachGeometry(const Document& doc, Record& r) {
  if (r.source.box) return;
  const Line* line = FindLine(doc, r.source.page, r.source.line);
  if (line == nullptr || line->words.empty()) return;
  std::string want = ValueDigits(r.value);
  for (const Word& w : line->words) {
    if (!want.empty() && DigitsOf(w.text) == want) {
      r.source.box = w.box;
      r.source.confidence = w.confidence;
      return;
    }
  }
}

void AttachGeometry(const Document& doc, Extraction& ex) {
  for (Table& t : ex.tables) {
    for (Record& r : t.records) AttachGeometry(doc, r);
  }
  for (Record& r : ex.facts) AttachGeometry(doc, r);
}

// --keep-work: DIR/<input stem>/pNNN-4-repaired.txt and the note's tables.
void KeepWork(const Context& ctx, const NoteResult& r) {
  if (ctx.options.keep_work.empty()) return;
  std::string stem = r.path == "-" ? "stdin" : fs::path(r.path).stem().string();
  fs::path dir = fs::path(ctx.options.keep_work) / stem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return;  // best effort: work files never fail a run
  for (const Page& p : r.repaired.pages) {
    char name[64];
    std::snprintf(name, sizeof name, "p%03d-4-repaired.txt", p.number);
    std::ofstream out(dir / name);
    for (const Line& l : p.lines) out << l.text << "\n";
  }
  std::ofstream corrections(dir / "5-corrections.tsv");
  corrections << "page\tline\tcolumn\tbefore\tafter\trule\tconfidence\n";
  for (const Correction& c : r.repaired.corrections)
    corrections << c.page << "\t" << c.line << "\t" << c.column << "\t" << c.before << "\t"
                << c.after << "\t" << c.rule << "\t" << c.confidence << "\n";
  std::ofstream tables(dir / "6-tables.tsv");
  tables << "table\tperiod\tregion\tvalue\tpage\tline\n";
  for (const Table& t : r.extraction.tables)
    for (const Record& rec : t.records)
      tables << t.number << "\t" << rec.period << "\t" << rec.region.value_or("") << "\t"
             << rec.value << "\t" << rec.source.page << "\t" << rec.source.line << "\n";
}

// An input with no text on any page cannot give a note: say why, per page.
std::optional<Error> NoText(const Document& doc) {
  for (const Page& p : doc.pages)
    for (const Line& l : p.lines)
      if (l.text.find_first_not_of(" \t\f\v") != std::string::npos) return std::nullopt;
  std::string why;
  for (const Page& p : doc.pages)
    if (!p.text_source_why.empty() && why.size() < 300)
      why += "; page " + std::to_string(p.number) + ": " + p.text_source_why;
  return Error{ErrorCode::kInvalidInput, doc.path + ": no text on any of its " +
                                             std::to_string(doc.pages.size()) + " page(s)" + why};
}

}  // namespace

NoteResult ProcessDocument(Document document, const Context& ctx) {
  NoteResult r;
  r.path = document.path;
  r.document = std::move(document);
  if (ctx.lexicon == nullptr) {
    r.error = Error{ErrorCode::kInternal, r.path + ": no lexicon given to the repair stage"};
    return r;
  }
  if (std::optional<Error> e = NoText(r.document)) {
    r.error = std::move(e);
    return r;
  }
  r.repaired = Repair(r.document, *ctx.lexicon);
  r.extraction = Extract(r.repaired);
  AttachGeometry(r.document, r.extraction);
  r.report = Validate(r.extraction, ctx.options.low_confidence);
  KeepWork(ctx, r);
  return r;
}

NoteResult ProcessInput(const std::string& path, const Context& ctx) {
  Result<Document> doc = ReadInput(path, ctx.options, ctx.lexicon);
  if (!doc) {
    NoteResult r;
    r.path = path;
    r.error = doc.error();
    return r;
  }
  return ProcessDocument(std::move(*doc), ctx);
}

}  // namespace notat
