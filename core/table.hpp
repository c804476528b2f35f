#pragma once
// A numeric table with named columns, read from and written to CSV (drift tables, FRC curves).
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace lqs {

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<double>> rows;  // each row has columns.size() values

  // Index of a column by name; throws InputError when absent.
  std::size_t column(const std::string& name) const;
};

Table readCsv(const std::filesystem::path& path);
// Atomic: written to a temporary name in the same folder, then renamed.
void writeCsv(const Table& table, const std::filesystem::path& path);
// The CSV text alone (for writers that place it themselves).
void printCsv(const Table& table, std::ostream& out);

}  // namespace lqs
