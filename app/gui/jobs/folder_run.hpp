#pragma once
// Workflows > Run on a Folder of Files: one workflow run per TIFF of a folder. The workflow's one
// source input (the input no earlier step produces) becomes each file in turn; every output is
// written as <file stem>_<output> next to the file or into a chosen folder, with its provenance record.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "engine/workflow.hpp"

namespace lqs::gui {

struct FileOutcome {
  std::filesystem::path file;
  std::vector<std::string> written;  // output files
  std::vector<std::pair<std::string, double>> values;  // "frc resolution", "squirrel rse", ...
  std::string error;                 // empty when every step succeeded
};

// Inputs that no earlier step of the workflow produces, in order of first use, without repeats.
std::vector<std::string> sourceInputs(const Workflow& workflow);

// The TIFFs of `folder`, sorted by name, leaving out outputs an earlier run of `workflow` wrote
// there (<stem>_<output>), so running twice does not process results.
std::vector<std::filesystem::path> folderInputs(const std::filesystem::path& folder, const Workflow& workflow);

// The workflow for one file: its source input is `file`, outputs are <stem>_<output> in `outputFolder`.
// Throws ParameterError unless the workflow has exactly one source input.
Workflow workflowForFile(const Workflow& workflow, const std::filesystem::path& file,
                         const std::filesystem::path& outputFolder);

// Runs the workflow on every file; a file that fails is reported and the next one runs. Only
// cancelling stops the loop (Cancelled propagates). `outputFolder` (created if missing) empty: next
// to each file.
// `starting(index)` comes before each file, `finished(index, outcome)` after it.
void runOnFiles(const Workflow& workflow, const std::vector<std::filesystem::path>& files,
                const std::filesystem::path& outputFolder, Engine& engine, const Job& job,
                const std::function<void(std::size_t index)>& starting,
                const std::function<void(std::size_t index, const FileOutcome& outcome)>& finished);

}  // namespace lqs::gui
