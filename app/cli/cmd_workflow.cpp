#include <nlohmann/json.hpp>

#include "app/cli/commands.hpp"
#include "app/cli/data_files.hpp"
#include "app/cli/progress_bar.hpp"
#include "app/cli/provenance.hpp"
#include "app/cli/workflow_batch.hpp"
#include "core/errors.hpp"

namespace lqs::cli {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct Args {
  std::string file;
  std::vector<std::string> each;
  std::string out = "results";
  bool json = false;
};

// Runs every step, writing each step's outputs with their provenance; `finished` sees each step's
// JSON entry. Returns the steps' entries.
json runSteps(const Workflow& workflow, const fs::path& workflowFile, Session& session, Job& job,
              const std::function<void(const StepOutcome&, const json&)>& finished) {
  json steps = json::array();
  runWorkflow(
      workflow, session.engine(), job, [&](const std::string& name) { return readData(workflow.resolve(name)); },
      [&](const StepOutcome& outcome) {
        const RunReport& report = outcome.report;
        std::vector<std::string> written;
        if (!outcome.step.output.empty() && !report.result.outputs.empty()) {
          std::vector<fs::path> inputFiles;
          for (const auto& name : outcome.step.inputs) inputFiles.push_back(workflow.resolve(name));
          const RunRequest request{outcome.step.method, {}, outcome.step.params, std::nullopt};
          Provenance record = describeRun(session.registry(), request, report, inputFiles);
          record.workflow = fs::absolute(workflowFile).lexically_normal().string();
          written = writeOutputs(report.result, workflow.resolve(outcome.step.output), provenanceWriter(record));
        }
        json values = json::object();
        for (const auto& [name, value] : report.result.values) values[name] = value;
        steps.push_back({{"method", outcome.step.method}, {"implementation", report.implementation},
                         {"seconds", report.seconds}, {"outputs", written}, {"values", values},
                         {"warnings", report.warnings}, {"notes", report.result.notes}});
        finished(outcome, steps.back());
      });
  return steps;
}

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

void runSingle(const Args& args, Session& session, Job& job) {
  const Workflow workflow = readWorkflow(args.file);
  const json steps = runSteps(workflow, args.file, session, job, [&](const StepOutcome&, const json& step) {
    printDiagnostics(step);
    if (!args.json) printStep(step);
  });
  if (args.json) std::cout << json{{"workflow", args.file}, {"steps", steps}}.dump() << "\n";
}

// Every method and parameter checked once, so a typo fails at once (exit 2), not once per file.
void checkSteps(const Workflow& workflow, Session& session) {
  for (const auto& step : workflow.steps) {
    const Method& method = session.registry().find(step.method);
    resolveParameters(method.spec.params, step.params, method.spec.name);
  }
}

void runEach(const Args& args, Session& session, Job& job) {
  const Workflow workflow = readWorkflow(args.file);
  checkSteps(workflow, session);
  const std::vector<fs::path> inputs = expandInputs(args.each);
  std::error_code ec;
  fs::create_directories(args.out, ec);
  if (!fs::is_directory(args.out)) throw InputError("cannot create the output folder " + args.out);

  ProgressBar bar;
  json files = json::array();
  std::vector<std::string> failures;
  std::size_t done = 0, skipped = 0;
  const double total = double(inputs.size());
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const fs::path& input = inputs[i];
    const std::string counter = "[" + std::to_string(i + 1) + "/" + std::to_string(inputs.size()) + "] ";
    const Workflow perInput = workflowForInput(workflow, input, args.out);
    json entry{{"input", input.string()}, {"outputs", (fs::path(args.out) / input.stem()).string()}};
    if (outputsUpToDate(perInput, {input, args.file})) {
      ++skipped;
      entry["status"] = "skipped";
      if (!args.json) bar.print(counter + input.string() + ": up to date, skipped");
      files.push_back(entry);
      continue;
    }
    bar.show(double(i) / total, counter + input.filename().string());
    std::size_t step = 0;
    try {
      for (const auto& s : perInput.steps)
        if (!s.output.empty()) fs::create_directories(fs::path(s.output).parent_path());
      entry["steps"] = runSteps(perInput, args.file, session, job, [&](const StepOutcome& outcome, const json&) {
        ++step;
        bar.show((double(i) + double(step) / double(perInput.steps.size())) / total,
                 counter + input.filename().string() + ": step " + std::to_string(step) + "/" +
                     std::to_string(perInput.steps.size()) + " (" + outcome.step.method + ") done");
      });
      ++done;
      entry["status"] = "done";
      if (!args.json) bar.print(counter + input.string() + ": done -> " + entry["outputs"].get<std::string>());
    } catch (const Cancelled&) {
      throw;
    } catch (const std::exception& e) {
      failures.push_back(input.string() + ": " + e.what());
      entry["status"] = "failed";
      entry["error"] = e.what();
      bar.clear();
      std::cerr << counter << input.string() << ": FAILED: " << e.what() << "\n";
    }
    files.push_back(entry);
  }
  bar.clear();
  if (args.json) {
    std::cout << json{{"workflow", args.file}, {"files", files}, {"done", done}, {"skipped", skipped},
                      {"failed", failures.size()}}
                     .dump()
              << "\n";
  } else {
    std::cout << inputs.size() << " files: " << done << " done, " << skipped << " skipped (up to date), "
              << failures.size() << " failed\n";
  }
  if (failures.empty()) return;
  std::cerr << "failed:\n";
  for (const auto& failure : failures) std::cerr << "  " << failure << "\n";
  throw RunError(std::to_string(failures.size()) + " of " + std::to_string(inputs.size()) + " files failed");
}

}  // namespace

void addWorkflowCommand(CLI::App& app, Session& session, Job& job) {
  auto* cmd = app.add_subcommand("workflow", "Run a chain of steps from a workflow JSON file");
  auto args = std::make_shared<Args>();
  cmd->add_option("FILE", args->file, "Workflow JSON (format in the README)")->required();
  cmd->add_option("--each", args->each,
                  "Run once per file matching these glob patterns (quote them); each file replaces the first "
                  "input of the first step")
      ->expected(1, -1);
  auto* out = cmd->add_option("--out", args->out, "With --each: outputs go to OUT/STEM/ (default: results)");
  cmd->add_flag("--json", args->json, "Print one JSON object on stdout");
  cmd->callback([&session, &job, args, out] {
    if (args->each.empty() && out->count() > 0) throw ParameterError("--out goes with --each");
    if (args->each.empty()) {
      runSingle(*args, session, job);
    } else {
      runEach(*args, session, job);
    }
  });
}

}  // namespace lqs::cli
