#include "app/cli/workflow_run.hpp"

#include "app/cli/data_files.hpp"
#include "app/cli/provenance.hpp"

namespace lqs::cli {

namespace fs = std::filesystem;
using nlohmann::json;

json runWorkflowSteps(const Workflow& workflow, const fs::path& workflowFile, Session& session, Job& job,
                      const std::function<void(const StepOutcome&, const json&)>& finished) {
  json steps = json::array();
  runWorkflow(
      workflow, session.engine(), job, [&](const std::string& name) { return readData(workflow.resolve(name)); },
      [&](const StepOutcome& outcome) {
        const RunReport& report = outcome.report;
        std::vector<std::string> written;
        if (!outcome.step.output.empty() && !report.result.outputs.empty())
          written = writeStepOutputs(session.registry(), workflow, outcome, workflowFile);
        json values = json::object();
        for (const auto& [name, value] : report.result.values) values[name] = value;
        steps.push_back({{"method", outcome.step.method}, {"implementation", report.implementation},
                         {"seconds", report.seconds}, {"outputs", written}, {"values", values},
                         {"warnings", report.warnings}, {"notes", report.result.notes}});
        finished(outcome, steps.back());
      });
  return steps;
}

}  // namespace lqs::cli
