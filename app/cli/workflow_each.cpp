#include "app/cli/workflow_each.hpp"

#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/progress_bar.hpp"
#include "app/cli/workflow_batch.hpp"
#include "app/cli/workflow_run.hpp"
#include "core/errors.hpp"

namespace lqs::cli {

namespace fs = std::filesystem;

namespace {

// Every method and parameter checked once, so a typo fails at once (exit 2), not once per file.
void checkSteps(const Workflow& workflow, Session& session) {
  for (const auto& step : workflow.steps) {
    const Method& method = session.registry().find(step.method);
    resolveParameters(method.spec.params, step.params, method.spec.name);
  }
}

struct Batch {
  const fs::path& workflowFile;
  const Workflow& workflow;
  const BatchOptions& options;
  bool json;
  Session& session;
  Job& job;
  ProgressBar bar;
  std::vector<std::string> failures;
  std::size_t done = 0, skipped = 0;
};

// One input: skipped, done or failed (the failure is recorded, not thrown; Ctrl-C still stops all).
nlohmann::json runOneInput(Batch& batch, const fs::path& input, std::size_t index, std::size_t count) {
  // appended rather than `"[" + ...`, which GCC 12 misreports under -Wrestrict
  std::string counter = "[";
  counter.append(std::to_string(index + 1)).append("/").append(std::to_string(count)).append("] ");
  const Workflow perInput = workflowForInput(batch.workflow, input, batch.options.out);
  nlohmann::json entry{{"input", input.string()}, {"outputs", (fs::path(batch.options.out) / input.stem()).string()}};
  if (outputsUpToDate(perInput, {input, batch.workflowFile})) {
    ++batch.skipped;
    if (!batch.json) batch.bar.print(counter + input.string() + ": up to date, skipped");
    entry["status"] = "skipped";
    return entry;
  }
  const std::string name = counter + input.filename().string();
  const double steps = double(perInput.steps.size());
  batch.bar.show(double(index) / double(count), name);
  std::size_t step = 0;
  try {
    for (const auto& s : perInput.steps)
      if (!s.output.empty()) fs::create_directories(fs::path(s.output).parent_path());
    entry["steps"] = runWorkflowSteps(perInput, batch.workflowFile, batch.session, batch.job,
                                      [&](const StepOutcome& outcome, const nlohmann::json&) {
                                        ++step;
                                        batch.bar.show((double(index) + double(step) / steps) / double(count),
                                                       name + ": step " + std::to_string(step) + "/" +
                                                           std::to_string(perInput.steps.size()) + " (" +
                                                           outcome.step.method + ") done");
                                      });
    ++batch.done;
    entry["status"] = "done";
    if (!batch.json) batch.bar.print(counter + input.string() + ": done -> " + entry["outputs"].get<std::string>());
  } catch (const Cancelled&) {
    throw;
  } catch (const std::exception& e) {
    batch.failures.push_back(input.string() + ": " + e.what());
    entry["status"] = "failed";
    entry["error"] = e.what();
    batch.bar.clear();
    std::cerr << counter << input.string() << ": FAILED: " << e.what() << "\n";
  }
  return entry;
}

}  // namespace

void runWorkflowEach(const fs::path& workflowFile, const BatchOptions& options, bool json, Session& session,
                     Job& job) {
  const Workflow workflow = readWorkflow(workflowFile);
  checkSteps(workflow, session);
  const std::vector<fs::path> inputs = expandInputs(options.patterns);
  std::error_code ec;
  fs::create_directories(options.out, ec);
  if (!fs::is_directory(options.out)) throw InputError("cannot create the output folder " + options.out);

  Batch batch{workflowFile, workflow, options, json, session, job};
  nlohmann::json files = nlohmann::json::array();
  for (std::size_t i = 0; i < inputs.size(); ++i) files.push_back(runOneInput(batch, inputs[i], i, inputs.size()));
  batch.bar.clear();
  if (json) {
    std::cout << nlohmann::json{{"workflow", workflowFile.string()}, {"files", files}, {"done", batch.done},
                                {"skipped", batch.skipped}, {"failed", batch.failures.size()}}
                     .dump()
              << "\n";
  } else {
    std::cout << inputs.size() << " files: " << batch.done << " done, " << batch.skipped << " skipped (up to date), "
              << batch.failures.size() << " failed\n";
  }
  if (batch.failures.empty()) return;
  std::cerr << "failed:\n";
  for (const auto& failure : batch.failures) std::cerr << "  " << failure << "\n";
  throw RunError(std::to_string(batch.failures.size()) + " of " + std::to_string(inputs.size()) + " files failed");
}

}  // namespace lqs::cli
