#include <nlohmann/json.hpp>

#include "app/cli/commands.hpp"
#include "app/cli/data_files.hpp"
#include "engine/workflow.hpp"

namespace lqs::cli {

void addWorkflowCommand(CLI::App& app, Session& session, Job& job) {
  auto* cmd = app.add_subcommand("workflow", "Run a chain of steps from a workflow JSON file");
  struct Args {
    std::string file;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("FILE", args->file, "Workflow JSON (format in the README)")->required();
  cmd->add_flag("--json", args->json, "Print one JSON object on stdout");
  cmd->callback([&session, &job, args] {
    const Workflow workflow = readWorkflow(args->file);
    nlohmann::json steps = nlohmann::json::array();
    runWorkflow(
        workflow, session.engine(), job, [&](const std::string& name) { return readData(workflow.resolve(name)); },
        [&](const StepOutcome& outcome) {
          const RunReport& report = outcome.report;
          std::vector<std::string> written;
          if (!outcome.step.output.empty() && !report.result.outputs.empty())
            written = writeOutputs(report.result, workflow.resolve(outcome.step.output));
          for (const auto& warning : report.warnings) std::cerr << "warning: " << warning << "\n";
          for (const auto& note : report.result.notes) std::cerr << "note: " << note << "\n";
          nlohmann::json values = nlohmann::json::object();
          for (const auto& [name, value] : report.result.values) values[name] = value;
          steps.push_back({{"method", outcome.step.method}, {"implementation", report.implementation},
                           {"seconds", report.seconds}, {"outputs", written}, {"values", values}});
          if (args->json) return;
          std::cout << outcome.step.method << " on " << report.implementation << " in " << report.seconds << " s\n";
          for (const auto& path : written) std::cout << "  wrote " << path << "\n";
          for (const auto& [name, value] : report.result.values) std::cout << "  " << name << " = " << value << "\n";
        });
    if (args->json) std::cout << nlohmann::json{{"workflow", args->file}, {"steps", steps}}.dump() << "\n";
  });
}

}  // namespace lqs::cli
