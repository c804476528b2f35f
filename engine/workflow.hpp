#pragma once
// Workflow files (interface.md): a chain of method steps, each run through the engine. Shared by
// `lqs workflow` and the GUI's Workflows menu, which differ only in where inputs come from (files
// or layers) and where outputs go.
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/engine.hpp"

namespace lqs {

struct WorkflowStep {
  std::string method;
  std::vector<std::string> inputs;  // as written in the file (paths or, in the GUI, layer names)
  std::string output;               // may be empty for value-only steps
  std::map<std::string, std::string> params;  // JSON values as text
  std::optional<std::string> implementation;  // "impl": where it runs (RunRequest::implementation)
  std::optional<std::size_t> channel;  // "channel": the one channel (from 1) of its inputs (oneChannel)
};

struct Workflow {
  std::filesystem::path folder;  // relative paths are relative to the workflow file's folder
  std::vector<WorkflowStep> steps;

  std::filesystem::path resolve(const std::string& path) const;
};

Workflow parseWorkflow(const std::string& jsonText, const std::filesystem::path& folder);
Workflow readWorkflow(const std::filesystem::path& file);  // throws InputError / ParameterError
std::string workflowToJson(const Workflow& workflow);

struct StepOutcome {
  const WorkflowStep& step;
  RunReport report;
};

// The inputs a workflow reads from disk: each step input that no earlier step writes, in step order.
struct FileInput {
  std::size_t step;
  std::string name;  // as written in the step
  std::filesystem::path path;
};
std::vector<FileInput> fileInputsOf(const Workflow& workflow);

// Refuses (ParameterError) before anything runs: a step output that would replace a file input of
// any step, and a step reading a file that only a later step writes (it would read a stale copy).
void checkWorkflowFiles(const Workflow& workflow);

// Runs every step in order, once checkWorkflowFiles passed. `input` turns a step's input name into
// data: an output of an earlier step (kept in memory under its resolved path) comes first, then
// `input(name)`. `finished` is called after each step, which is where callers write files or add
// layers.
void runWorkflow(const Workflow& workflow, Engine& engine, const Job& job,
                 const std::function<Data(const std::string& name)>& input,
                 const std::function<void(const StepOutcome&)>& finished);

}  // namespace lqs
