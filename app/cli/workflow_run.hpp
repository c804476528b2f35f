#pragma once
// Runs a workflow's steps through the engine and writes each step's outputs with their provenance
// records: what `lqs workflow` does for one workflow, and for each file of `--each`.
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>

#include "app/cli/session.hpp"
#include "engine/workflow.hpp"

namespace lqs::cli {

// `finished` sees each step and its JSON entry (method, implementation, seconds, outputs, values,
// warnings, notes). Returns the entries.
nlohmann::json runWorkflowSteps(const Workflow& workflow, const std::filesystem::path& workflowFile, Session& session,
                                Job& job, const std::function<void(const StepOutcome&, const nlohmann::json&)>& finished);

}  // namespace lqs::cli
