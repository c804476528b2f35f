#include "app/cli/data_files.hpp"

#include <algorithm>
#include <optional>

#include "core/atomic_file.hpp"
#include "core/memory.hpp"
#include "core/stack_file.hpp"
#include "core/tiff.hpp"

namespace lqs::cli {

namespace fs = std::filesystem;

static bool isCsv(const fs::path& path) {
  return lowercaseExtension(path) == ".csv";
}

std::uint64_t defaultMemoryLimit() { return physicalMemoryBytes() / 2; }

Data readData(const fs::path& path, std::uint64_t maxMemoryBytes) {
  if (isCsv(path)) return readCsv(path);
  // an eighth of the limit per block leaves room for the runtime, the method's buffers and its output
  StackFile file(path, std::max<std::size_t>(maxMemoryBytes / 8, 1));
  if (std::uint64_t(file.frames()) * file.frameSize() * sizeof(float) > maxMemoryBytes) return file;
  return readTiff(path);
}

fs::path provenanceSidecar(const fs::path& csv) { return csv.string() + ".provenance.json"; }

// A CSV and its provenance side-car are both written whole before either replaces a file, and the
// old side-car goes before the new CSV lands: a failed write leaves the old pair as it was, a crash
// between the renames a CSV without a record, never a record describing another run.
static void writeTableWithRecord(const Table& table, const fs::path& path, const std::string& provenance) {
  AtomicFile csv(path);
  csv.writeText([&](std::ostream& out) { printCsv(table, out); });
  const fs::path sidecar = provenanceSidecar(path);
  std::optional<AtomicFile> record;
  if (!provenance.empty()) {
    record.emplace(sidecar);
    record->writeText([&](std::ostream& out) { out << provenance << "\n"; });
  }
  std::error_code ignored;
  fs::remove(sidecar, ignored);
  csv.commit();
  if (record) record->commit();
}

static void writeData(const Data& data, const fs::path& path, const std::string& provenance) {
  if (const auto* stack = std::get_if<Stack>(&data))
    writeTiff(*stack, path, provenance);
  else
    writeTableWithRecord(std::get<Table>(data), path, provenance);
}

static const char* extensionFor(const Data& data) {
  return std::holds_alternative<Stack>(data) ? ".tif" : ".csv";
}

std::vector<std::string> writeOutputs(const Result& result, const fs::path& primary, const ProvenanceText& provenance) {
  std::vector<std::string> written;
  for (std::size_t i = 0; i < result.outputs.size(); ++i) {
    const Output& output = result.outputs[i];
    const fs::path path = i == 0 ? primary
                                 : primary.parent_path() / (primary.stem().string() + "_" + output.name +
                                                            extensionFor(output.data));
    writeData(output.data, path, provenance ? provenance(output.name, path) : std::string());
    written.push_back(path.string());
  }
  return written;
}

fs::path defaultOutputPath(const fs::path& firstInput, const std::string& method, const Result& result) {
  const char* ext = result.outputs.empty() ? ".tif" : extensionFor(result.outputs.front().data);
  return firstInput.stem().string() + "_" + method + ext;
}

}  // namespace lqs::cli
