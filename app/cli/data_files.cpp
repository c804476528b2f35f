#include "app/cli/data_files.hpp"

#include "core/tiff.hpp"

namespace lqs::cli {

namespace fs = std::filesystem;

static bool isCsv(const fs::path& path) {
  std::string ext = path.extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".csv";
}

Data readData(const fs::path& path) {
  if (isCsv(path)) return readCsv(path);
  return readTiff(path);
}

static void writeData(const Data& data, const fs::path& path) {
  if (const auto* stack = std::get_if<Stack>(&data)) {
    writeTiff(*stack, path);
  } else {
    writeCsv(std::get<Table>(data), path);
  }
}

static const char* extensionFor(const Data& data) {
  return std::holds_alternative<Stack>(data) ? ".tif" : ".csv";
}

std::vector<std::string> writeOutputs(const Result& result, const fs::path& primary) {
  std::vector<std::string> written;
  for (std::size_t i = 0; i < result.outputs.size(); ++i) {
    const Output& output = result.outputs[i];
    const fs::path path = i == 0 ? primary
                                 : primary.parent_path() / (primary.stem().string() + "_" + output.name +
                                                            extensionFor(output.data));
    writeData(output.data, path);
    written.push_back(path.string());
  }
  return written;
}

fs::path defaultOutputPath(const fs::path& firstInput, const std::string& method, const Result& result) {
  const char* ext = result.outputs.empty() ? ".tif" : extensionFor(result.outputs.front().data);
  return firstInput.stem().string() + "_" + method + ext;
}

}  // namespace lqs::cli
