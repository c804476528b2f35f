#include "core/table.hpp"

#include <charconv>
#include <fstream>
#include <iomanip>
#include <sstream>

#include "core/atomic_file.hpp"
#include "core/errors.hpp"

namespace lqs {

std::size_t Table::column(const std::string& name) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == name) return i;
  throw InputError("table has no column '" + name + "'");
}

static std::vector<std::string> splitCsvLine(const std::string& line) {
  std::vector<std::string> cells;
  std::stringstream stream(line);
  std::string cell;
  while (std::getline(stream, cell, ',')) {
    while (!cell.empty() && (cell.back() == '\r' || cell.back() == ' ')) cell.pop_back();
    while (!cell.empty() && cell.front() == ' ') cell.erase(cell.begin());
    cells.push_back(cell);
  }
  return cells;
}

Table readCsv(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw InputError("cannot open " + path.string());
  Table table;
  std::string line;
  if (!std::getline(in, line)) throw InputError(path.string() + " is empty; expected a CSV header");
  table.columns = splitCsvLine(line);
  std::size_t lineNumber = 1;
  while (std::getline(in, line)) {
    ++lineNumber;
    if (line.empty() || line == "\r") continue;
    const auto cells = splitCsvLine(line);
    if (cells.size() != table.columns.size())
      throw InputError(path.string() + ":" + std::to_string(lineNumber) + ": expected " +
                       std::to_string(table.columns.size()) + " values");
    std::vector<double> row;
    for (const auto& cell : cells) {
      double value = 0;
      const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
      if (ec != std::errc() || end != cell.data() + cell.size())
        throw InputError(path.string() + ":" + std::to_string(lineNumber) + ": '" + cell +
                         "' is not a number");
      row.push_back(value);
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

void printCsv(const Table& table, std::ostream& out) {
  for (std::size_t i = 0; i < table.columns.size(); ++i) out << (i ? "," : "") << table.columns[i];
  out << '\n' << std::setprecision(9);
  for (const auto& row : table.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << row[i];
    out << '\n';
  }
}

void writeCsv(const Table& table, const std::filesystem::path& path) {
  AtomicFile file(path);
  file.writeText([&](std::ostream& out) { printCsv(table, out); });
  file.commit();
}

}  // namespace lqs
