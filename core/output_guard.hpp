#pragma once
// Raw data is never overwritten: an output that is one of the inputs (by path, or through a symbolic
// or hard link), or that lies inside an input folder (a live source), is refused before anything
// runs (docs/reliability.md).
#include <filesystem>
#include <string>
#include <vector>

namespace lqs {

// Whether writing `output` would replace `input` or land inside it (when it is a folder).
bool outputReplacesInput(const std::filesystem::path& output, const std::filesystem::path& input);

// Throws ParameterError (exit 2), naming both, when `output` would replace any of `inputs`.
void refuseOutputOverInputs(const std::filesystem::path& output,
                            const std::vector<std::filesystem::path>& inputs);

}  // namespace lqs
