// The table extractors notat knows, and the inventory of every RE2 pattern the
// extractors use. Adding a table costs one extractor file and one line in
// registry.cc.
//
//   for (const TableExtractor& x : TableExtractors()) ...
#ifndef NOTAT_EXTRACTORS_REGISTRY_H_
#define NOTAT_EXTRACTORS_REGISTRY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/types.h"

namespace notat {

struct TableBlock;
struct Period;

// What a table extractor gets besides its block.
struct TableContext {
  const Period* note_period = nullptr;  // null when the note's period is unknown
};

// What a table extractor returns. `table` is set only when the table was
// read completely; otherwise `problems` says what and where.
struct TableResult {
  std::optional<Table> table;
  std::vector<std::string> problems;
  std::vector<Correction> digit_fixes;
};

struct TableExtractor {
  int number = 0;           // 1, 2, 3: Record::table of its records
  std::string_view name;    // Record::name of its records
  std::string_view what;    // for messages, e.g. "yearly inquiries"
  // True when a caption (text after "Tabel N.") names this table.
  bool (*matches_caption)(std::string_view caption) = nullptr;
  TableResult (*extract)(const TableBlock& block, const TableContext& ctx) = nullptr;
};

// In table number order. Never empty.
const std::vector<TableExtractor>& TableExtractors();

// One RE2 pattern and whether it compiled.
struct PatternStatus {
  std::string name;     // "<file>.<what>", e.g. "period.half_year"
  std::string pattern;
  bool ok = false;
  std::string error;    // RE2's reason when !ok
};

// Every pattern of every extractor file (compiling each on first use).
std::vector<PatternStatus> AllPatterns();

}  // namespace notat

#endif  // NOTAT_EXTRACTORS_REGISTRY_H_
