// JSON, JSONL and CSV output, checked against the embedded JSON Schemas with
// valijson. The only file that includes nlohmann/json and valijson headers.
#include "pipeline/emit.h"

#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "pipeline/validate.h"

namespace notat {
namespace {

using nlohmann::json;

constexpr const char* kVersion = "0.1.0";

json RefJson(const SourceRef& s) { return {{"page", s.page}, {"line", s.line}, {"text", s.text}}; }

json CorrectionJson(const Correction& c) {
  return {{"page", c.page},     {"line", c.line},   {"column", c.column},
          {"before", c.before}, {"after", c.after}, {"rule", c.rule},
          {"confidence", c.confidence}};
}

const char* StatusName(CheckStatus s) {
  switch (s) {
    case CheckStatus::kPass: return "pass";
    case CheckStatus::kFail: return "fail";
    case CheckStatus::kSkip: return "skip";
  }
  return "skip";
}

// Failed checks by the RecordId()s they involve.
std::map<std::string, std::vector<std::string>> FailedBySubject(const ValidationReport& report) {
  std::map<std::string, std::vector<std::string>> out;
  for (const Check& c : report.checks) {
    if (c.status != CheckStatus::kFail) continue;
    for (const std::string& s : c.subjects) out[s].push_back(c.name);
  }
  return out;
}

// A count as a JSON integer (186, not 186.0); a share or an amount as it is.
json ValueJson(double v) {
  if (std::floor(v) == v && std::fabs(v) < 9e15) return static_cast<long long>(v);
  return v;
}

json RecordJson(const Record& r, const std::string& file, bool valid,
                const std::map<std::string, std::vector<std::string>>& failed) {
  json box = nullptr;
  if (r.source.box) box = {r.source.box->x0, r.source.box->y0, r.source.box->x1, r.source.box->y1};
  json confidence = nullptr;
  if (r.source.confidence >= 0) confidence = r.source.confidence;
  json value = ValueJson(r.value);
  auto it = failed.find(RecordId(r));
  return {
      {"note", r.note},
      {"table", r.table ? json(*r.table) : json(nullptr)},
      {"name", r.name},
      {"period", r.period},
      {"period_start", r.period_start},
      {"period_end", r.period_end},
      {"region", r.region ? json(*r.region) : json(nullptr)},
      {"value", value},
      {"unit", r.unit},
      {"source",
       {{"file", file},
        {"page", r.source.page},
        {"line", r.source.line},
        {"text", r.source.text},
        {"box", box},
        {"confidence", confidence}}},
      {"flags", r.flags},
      {"valid", valid},
      {"checks_failed", it == failed.end() ? std::vector<std::string>{} : it->second},
  };
}

// Compiled schemas, parsed once. valijson reports schema errors by throwing;
// that would be a bug in our schemas and is turned into kInternal.
class Schemas {
 public:
  static const Schemas& Get() {
    static const Schemas* schemas = new Schemas();
    return *schemas;
  }
  const std::string& load_error() const { return load_error_; }

  Result<void> Check(const valijson::Schema& schema, const json& doc, const std::string& what) const {
    if (!load_error_.empty()) return MakeError(ErrorCode::kInternal, load_error_);
    valijson::Validator validator;
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter adapter(doc);
    if (validator.validate(schema, adapter, &results)) return {};
    std::string msg = "BUG: notat produced a " + what + " that violates its own schema:";
    valijson::ValidationResults::Error error;
    int shown = 0;
    while (results.popError(error) && shown++ < 5) {
      std::string path;
      for (const std::string& p : error.context) path += p;
      msg += " [" + path + ": " + error.description + "]";
    }
    return MakeError(ErrorCode::kInternal, msg);
  }
  const valijson::Schema& note() const { return note_; }
  const valijson::Schema& record() const { return record_; }

 private:
  Schemas() {
    try {
      record_json_ = json::parse(RecordSchemaText());
      note_json_ = json::parse(NoteSchemaText());
      valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
      valijson::adapters::NlohmannJsonAdapter record_adapter(record_json_);
      parser.populateSchema(record_adapter, record_);
      valijson::adapters::NlohmannJsonAdapter note_adapter(note_json_);
      // The note schema refers to record.schema.json; hand it the embedded copy.
      auto fetch = [this](const std::string& uri) -> const json* {
        if (uri.size() >= 18 && uri.compare(uri.size() - 18, 18, "record.schema.json") == 0)
          return &record_json_;
        return nullptr;
      };
      auto free_doc = [](const json*) {};
      parser.populateSchema(note_adapter, note_, fetch, free_doc);
    } catch (const std::exception& e) {
      load_error_ = std::string("BUG: the embedded JSON Schemas do not load: ") + e.what();
    }
  }
  json record_json_, note_json_;
  valijson::Schema note_, record_;
  std::string load_error_;
};

std::vector<json> AllRecords(const NoteResult& note) {
  bool valid = note.report.ok();
  auto failed = FailedBySubject(note.report);
  std::vector<json> out;
  for (const Table& t : note.extraction.tables)
    for (const Record& r : t.records) out.push_back(RecordJson(r, note.path, valid, failed));
  for (const Record& r : note.extraction.facts) out.push_back(RecordJson(r, note.path, valid, failed));
  return out;
}

Result<std::vector<json>> CheckedRecords(const NoteResult& note) {
  std::vector<json> records = AllRecords(note);
  const Schemas& schemas = Schemas::Get();
  for (const json& r : records) {
    Result<void> ok = schemas.Check(schemas.record(), r, "record");
    if (!ok) return std::unexpected(ok.error());
  }
  return records;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string ScalarText(const json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

}  // namespace

Result<std::string> NoteJson(const NoteResult& note) {
  json pages = json::array();
  for (const Page& p : note.document.pages)
    pages.push_back({{"number", p.number},
                     {"text_source", p.text_source},
                     {"why", p.text_source_why},
                     {"lines", p.lines.size()}});
  bool valid = note.report.ok();
  auto failed = FailedBySubject(note.report);
  json tables = json::array();
  for (const Table& t : note.extraction.tables) {
    json records = json::array();
    for (const Record& r : t.records) records.push_back(RecordJson(r, note.path, valid, failed));
    json unread = json::array();
    for (const Table::UnreadCell& u : t.unread)
      unread.push_back({{"period", u.period},
                        {"region", u.region ? json(*u.region) : json(nullptr)},
                        {"text", u.text},
                        {"source", RefJson(u.source)}});
    tables.push_back({{"number", t.number},
                      {"caption", t.caption},
                      {"source", RefJson(t.source)},
                      {"records", records},
                      {"unread", unread}});
  }
  json facts = json::array();
  for (const Record& r : note.extraction.facts) facts.push_back(RecordJson(r, note.path, valid, failed));
  json checks = json::array();
  for (const Check& c : note.report.checks) {
    json sources = json::array();
    for (const SourceRef& s : c.sources) sources.push_back(RefJson(s));
    checks.push_back({{"name", c.name},
                      {"status", StatusName(c.status)},
                      {"expected", c.expected},
                      {"actual", c.actual},
                      {"message", c.message},
                      {"sources", sources}});
  }
  auto corrections = [](const std::vector<Correction>& list) {
    json out = json::array();
    for (const Correction& c : list) out.push_back(CorrectionJson(c));
    return out;
  };
  json doc = {
      {"notat_version", kVersion},
      {"source",
       {{"path", note.path},
        {"sha256", note.document.sha256},
        {"kind", note.document.kind},
        {"pages", pages}}},
      {"note", note.extraction.note_period},
      {"title", note.extraction.title},
      {"valid", valid},
      {"tables", tables},
      {"facts", facts},
      {"checks", checks},
      {"corrections", corrections(note.repaired.corrections)},
      {"undecided", corrections(note.repaired.undecided)},
      {"digit_fixes", corrections(note.extraction.digit_fixes)},
      {"problems", note.extraction.problems},
  };
  const Schemas& schemas = Schemas::Get();
  Result<void> ok = schemas.Check(schemas.note(), doc, "note document");
  if (!ok) return std::unexpected(ok.error());
  return doc.dump(2);
}

Result<std::string> RecordsJsonl(const NoteResult& note) {
  Result<std::vector<json>> records = CheckedRecords(note);
  if (!records) return std::unexpected(records.error());
  std::string out;
  for (const json& r : *records) out += r.dump() + "\n";
  return out;
}

namespace {
constexpr const char* kCsvColumns[] = {
    "note", "table", "name", "period", "period_start", "period_end", "region", "value", "unit",
    "file", "page", "line", "box", "confidence", "flags", "valid", "checks_failed", "text"};
}  // namespace

std::string CsvHeader() {
  std::string out;
  for (const char* c : kCsvColumns) out += std::string(out.empty() ? "" : ",") + c;
  return out + "\r\n";
}

Result<std::string> RecordsCsv(const NoteResult& note) {
  Result<std::vector<json>> records = CheckedRecords(note);
  if (!records) return std::unexpected(records.error());
  std::string out;
  auto join = [](const json& list, const char* sep) {
    std::string s;
    for (const json& v : list) s += (s.empty() ? "" : sep) + ScalarText(v);
    return s;
  };
  for (const json& r : *records) {
    const json& src = r["source"];
    std::vector<std::string> fields = {
        ScalarText(r["note"]),   ScalarText(r["table"]),        ScalarText(r["name"]),
        ScalarText(r["period"]), ScalarText(r["period_start"]), ScalarText(r["period_end"]),
        ScalarText(r["region"]), ScalarText(r["value"]),        ScalarText(r["unit"]),
        ScalarText(src["file"]), ScalarText(src["page"]),       ScalarText(src["line"]),
        src["box"].is_null() ? "" : join(src["box"], " "),
        ScalarText(src["confidence"]),
        join(r["flags"], ";"),   r["valid"].get<bool>() ? "true" : "false",
        join(r["checks_failed"], ";"), ScalarText(src["text"])};
    std::string line;
    for (size_t i = 0; i < fields.size(); ++i) line += (i ? "," : "") + CsvField(fields[i]);
    out += line + "\r\n";
  }
  return out;
}

namespace {

json SeriesFigure(const LatestFigure& f) {
  return json{{"table", f.key.table ? json(*f.key.table) : json(nullptr)},
              {"name", f.key.name},
              {"period", f.key.period},
              {"period_start", f.period_start},
              {"region", f.key.region ? json(*f.key.region) : json(nullptr)},
              {"value", ValueJson(f.value)},
              {"unit", f.unit},
              {"note", f.note},
              {"revision", f.revision}};
}

}  // namespace

std::string SeriesJsonl(const std::vector<LatestFigure>& figures) {
  std::string out;
  for (const LatestFigure& f : figures) out += SeriesFigure(f).dump() + "\n";
  return out;
}

std::string SeriesCsv(const std::vector<LatestFigure>& figures) {
  static const char* const kFields[] = {"table", "name", "period", "period_start", "region",
                                        "value", "unit", "note",   "revision"};
  std::string out;
  for (size_t i = 0; i < std::size(kFields); ++i) out += (i ? "," : "") + std::string(kFields[i]);
  out += "\r\n";
  for (const LatestFigure& f : figures) {
    json j = SeriesFigure(f);
    for (size_t i = 0; i < std::size(kFields); ++i) out += (i ? "," : "") + CsvField(ScalarText(j[kFields[i]]));
    out += "\r\n";
  }
  return out;
}

}  // namespace notat
