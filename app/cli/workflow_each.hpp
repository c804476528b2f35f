#pragma once
// `lqs workflow W.json --each PATTERN --out FOLDER`, the loop: per file (workflow_batch.hpp says
// how a file's run is laid out) run, skip or record the failure, with progress and a final report.
#include <filesystem>
#include <string>
#include <vector>

#include "app/cli/session.hpp"

namespace lqs::cli {

struct BatchOptions {
  std::vector<std::string> patterns;  // --each
  std::string out = "results";        // --out
};

// Runs the workflow for every input, skipping those up to date and going on past failures; prints
// one line per file (or one JSON summary), a progress bar on a terminal, and the failures at the
// end. Throws RunError (exit 4) when any file failed.
void runWorkflowEach(const std::filesystem::path& workflowFile, const BatchOptions& options, bool json,
                     Session& session, Job& job);

}  // namespace lqs::cli
