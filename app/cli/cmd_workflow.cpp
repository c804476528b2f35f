#include <nlohmann/json.hpp>

#include "app/cli/commands.hpp"
#include "app/cli/workflow_each.hpp"
#include "app/cli/workflow_run.hpp"
#include "core/errors.hpp"

namespace lqs::cli {

using nlohmann::json;

namespace {

void printStep(const json& step) {
  std::cout << step["method"].get<std::string>() << " on " << step["implementation"].get<std::string>() << " in "
            << step["seconds"].get<double>() << " s\n";
  for (const auto& path : step["outputs"]) std::cout << "  wrote " << path.get<std::string>() << "\n";
  for (const auto& [name, value] : step["values"].items()) std::cout << "  " << name << " = " << value << "\n";
}

void printDiagnostics(const json& step) {
  for (const auto& warning : step["warnings"]) std::cerr << "warning: " << warning.get<std::string>() << "\n";
  for (const auto& note : step["notes"]) std::cerr << "note: " << note.get<std::string>() << "\n";
}

}  // namespace

void addWorkflowCommand(CLI::App& app, Session& session, Job& job) {
  auto* cmd = app.add_subcommand("workflow", "Run a chain of steps from a workflow JSON file");
  struct Args {
    std::string file;
    BatchOptions batch;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("FILE", args->file, "Workflow JSON (format in the README)")->required();
  cmd->add_option("--each", args->batch.patterns,
                  "Run once per file matching these glob patterns (quote them); each file replaces the first "
                  "input of the first step")
      ->expected(1, -1);
  auto* out = cmd->add_option("--out", args->batch.out, "With --each: outputs go to OUT/STEM/ (default: results)");
  cmd->add_flag("--json", args->json, "Print one JSON object on stdout");
  cmd->callback([&session, &job, args, out] {
    if (args->batch.patterns.empty() && out->count() > 0) throw ParameterError("--out goes with --each");
    if (!args->batch.patterns.empty()) {
      runWorkflowEach(args->file, args->batch, args->json, session, job);
      return;
    }
    const json steps = runWorkflowSteps(readWorkflow(args->file), args->file, session, job,
                                        [&](const StepOutcome&, const json& step) {
                                          printDiagnostics(step);
                                          if (!args->json) printStep(step);
                                        });
    if (args->json) std::cout << json{{"workflow", args->file}, {"steps", steps}}.dump() << "\n";
  });
}

}  // namespace lqs::cli
