#pragma once
// Reading method inputs and writing method outputs: TIFF for stacks, CSV for tables.
#include <filesystem>
#include <string>
#include <vector>

#include "engine/method.hpp"

namespace lqs::cli {

Data readData(const std::filesystem::path& path);  // .csv -> Table, anything else -> TIFF stack

// Writes every output of `result`: the first to `primary`, the others beside it as
// STEM_NAME.EXT. Returns the paths written, in order.
std::vector<std::string> writeOutputs(const Result& result, const std::filesystem::path& primary);

// Where outputs go when -o is not given: METHOD output named after the first input.
std::filesystem::path defaultOutputPath(const std::filesystem::path& firstInput, const std::string& method,
                                        const Result& result);

}  // namespace lqs::cli
