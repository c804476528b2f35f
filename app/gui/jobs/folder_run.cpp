#include "app/gui/jobs/folder_run.hpp"

#include <algorithm>
#include <set>

#include "app/cli/data_files.hpp"
#include "app/cli/provenance.hpp"
#include "core/errors.hpp"

namespace lqs::gui {

namespace fs = std::filesystem;

namespace {

bool isTiff(const fs::path& file) {
  std::string extension = file.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return extension == ".tif" || extension == ".tiff";
}

std::string prefixed(const std::string& stem, const std::string& output) {
  return stem + "_" + fs::path(output).filename().string();
}

}  // namespace

std::vector<std::string> sourceInputs(const Workflow& workflow) {
  std::set<std::string> produced;
  std::vector<std::string> sources;
  for (const auto& step : workflow.steps) {
    for (const auto& name : step.inputs) {
      const std::string resolved = workflow.resolve(name).string();
      if (!produced.contains(resolved) && std::find(sources.begin(), sources.end(), name) == sources.end())
        sources.push_back(name);
    }
    if (!step.output.empty()) produced.insert(workflow.resolve(step.output).string());
  }
  return sources;
}

std::vector<fs::path> folderInputs(const fs::path& folder, const Workflow& workflow) {
  std::error_code error;
  fs::directory_iterator entries(folder, error);
  if (error) throw InputError("cannot list the folder " + folder.string() + ": " + error.message());
  std::vector<std::string> outputNames;
  for (const auto& step : workflow.steps)
    if (!step.output.empty()) outputNames.push_back("_" + fs::path(step.output).filename().string());
  std::vector<fs::path> files;
  for (const auto& entry : entries) {
    if (!entry.is_regular_file() || !isTiff(entry.path())) continue;
    const std::string name = entry.path().filename().string();
    const bool isOutput = std::any_of(outputNames.begin(), outputNames.end(),
                                      [&](const std::string& suffix) { return name.ends_with(suffix); });
    if (!isOutput) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

Workflow workflowForFile(const Workflow& workflow, const fs::path& file, const fs::path& outputFolder) {
  const std::vector<std::string> sources = sourceInputs(workflow);
  if (sources.size() != 1)
    throw ParameterError("a folder run needs a workflow with exactly one input file (the one each file replaces); this one has " +
                         std::to_string(sources.size()));
  const std::string stem = file.stem().string();
  Workflow single{outputFolder, {}};
  for (WorkflowStep step : workflow.steps) {
    for (auto& name : step.inputs)
      name = name == sources.front() ? fs::absolute(file).string() : prefixed(stem, name);
    if (!step.output.empty()) step.output = prefixed(stem, step.output);
    single.steps.push_back(std::move(step));
  }
  return single;
}

void runOnFiles(const Workflow& workflow, const std::vector<fs::path>& files, const fs::path& outputFolder,
                Engine& engine, const Job& job, const std::function<void(std::size_t)>& starting,
                const std::function<void(std::size_t, const FileOutcome&)>& finished) {
  if (!outputFolder.empty()) fs::create_directories(outputFolder);
  for (std::size_t i = 0; i < files.size(); ++i) {
    job.checkCancelled();
    starting(i);
    FileOutcome outcome{files[i], {}, {}};
    try {
      const Workflow single = workflowForFile(workflow, files[i], outputFolder.empty() ? files[i].parent_path() : outputFolder);
      lqs::runWorkflow(
          single, engine, job, [&](const std::string& name) { return cli::readData(single.resolve(name)); },
          [&](const StepOutcome& step) {
            for (const auto& [name, value] : step.report.result.values) outcome.values.emplace_back(step.step.method + " " + name, value);
            if (step.step.output.empty() || step.report.result.outputs.empty()) return;
            for (auto& path : cli::writeStepOutputs(engine.registry(), single, step))  // its inputs are all files
              outcome.written.push_back(std::move(path));
          });
    } catch (const Cancelled&) {
      throw;
    } catch (const std::exception& error) {
      outcome.error = error.what();
    }
    finished(i, outcome);
  }
}

}  // namespace lqs::gui
