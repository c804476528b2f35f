#pragma once
// Reading method inputs and writing method outputs: TIFF for stacks, CSV for tables.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "engine/method.hpp"

namespace lqs::cli {

// Half of this machine's memory.
std::uint64_t defaultMemoryLimit();
// .csv -> Table, anything else -> TIFF stack: in memory, or left on disk as a StackFile (read in
// blocks by the methods that can) when its float32 frames would take more than `maxMemoryBytes`.
Data readData(const std::filesystem::path& path, std::uint64_t maxMemoryBytes = defaultMemoryLimit());

// The provenance record (one line of JSON) to embed in the output `name` written to `path`.
using ProvenanceText = std::function<std::string(const std::string& name, const std::filesystem::path& path)>;

// Writes every output of `result`: the first to `primary`, the others beside it as
// STEM_NAME.EXT, each with its provenance record when `provenance` is given (TIFF: in the
// description; CSV: in the side-car provenanceSidecar(path)). Returns the paths written, in order.
std::vector<std::string> writeOutputs(const Result& result, const std::filesystem::path& primary,
                                      const ProvenanceText& provenance = {});

// Where a CSV output's provenance record lives: OUT.csv.provenance.json.
std::filesystem::path provenanceSidecar(const std::filesystem::path& csv);

// Where outputs go when -o is not given: METHOD output named after the first input.
std::filesystem::path defaultOutputPath(const std::filesystem::path& firstInput, const std::string& method,
                                        const Result& result);

}  // namespace lqs::cli
