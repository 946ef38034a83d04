// The records the 2025-H1 sample note must give, in whatever input form, as
// "table1 2018 186", "table2 Region Sjælland 54", "fact inquiries_total 2024 827".
#ifndef NOTAT_TESTS_SEED_RECORDS_H_
#define NOTAT_TESTS_SEED_RECORDS_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace notat {

inline const std::vector<std::string> kSeedTableRecords = {
    "table1 2018 186",   "table1 2019 286", "table1 2020 313", "table1 2021 395",
    "table1 2022 522",   "table1 2023 631", "table1 2024 827", "table1 2025-H1 502",
    "table2 Region Hovedstaden 146", "table2 Region Midtjylland 142", "table2 Region Nordjylland 44",
    "table2 Region Sjælland 54",     "table2 Region Syddanmark 116",  "table2 Total 502",
    "table3 2021 46", "table3 2022 41", "table3 2023 64", "table3 2024 52", "table3 2025-H1 28"};

inline const std::vector<std::string> kSeedFacts = {
    "fact inquiries_total 2025-H1 502",   "fact inquiries_total 2024-H1 432",
    "fact inquiries_total 2024 827",      "fact share_under_18_pct 2025-H1 45",
    "fact share_under_18_pct 2024-H1 36", "fact trips_abroad_new 2025-H1 28",
    "fact trips_abroad_new 2024-H1 22",   "fact inquiries_in_denmark 2025-H1 102",
    "fact inquiries_in_denmark 2024-H1 56", "fact consultants_employed 2025-H1 12",
    "fact grant_additional_mio_kr 2025 7", "fact grant_total_mio_kr 2025 10.9"};

// The key of one JSONL record, as in the lists above.
inline std::string RecordKey(const nlohmann::json& r) {
  std::string value = r["value"].dump();
  if (r["table"].is_null())
    return "fact " + r["name"].get<std::string>() + " " + r["period"].get<std::string>() + " " + value;
  std::string k = "table" + r["table"].dump() + " ";
  k += r["region"].is_null() ? r["period"].get<std::string>() : r["region"].get<std::string>();
  return k + " " + value;
}

}  // namespace notat

#endif  // NOTAT_TESTS_SEED_RECORDS_H_
