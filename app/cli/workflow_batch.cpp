#include "app/cli/workflow_batch.hpp"

#include <glob.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/errors.hpp"

namespace lqs::cli {

namespace fs = std::filesystem;

static std::vector<fs::path> globbed(const std::string& pattern) {
  glob_t matches{};
  const int status = ::glob(pattern.c_str(), 0, nullptr, &matches);
  std::vector<fs::path> files;
  if (status == 0)
    for (std::size_t i = 0; i < matches.gl_pathc; ++i) files.emplace_back(matches.gl_pathv[i]);
  ::globfree(&matches);
  return files;
}

std::vector<fs::path> expandInputs(const std::vector<std::string>& patterns) {
  std::set<fs::path> files;
  for (const auto& pattern : patterns) {
    std::vector<fs::path> matched;
    std::error_code ec;
    for (const auto& file : globbed(pattern))
      if (fs::is_regular_file(file, ec)) matched.push_back(file);
    if (matched.empty()) throw ParameterError("--each '" + pattern + "' matches no file");
    files.insert(matched.begin(), matched.end());
  }
  std::map<std::string, fs::path> byStem;
  for (const auto& file : files) {
    const auto [it, fresh] = byStem.emplace(file.stem().string(), file);
    if (!fresh)
      throw ParameterError("--each: " + it->second.string() + " and " + file.string() +
                           " would share the output folder " + file.stem().string() + "/; rename one");
  }
  return {files.begin(), files.end()};
}

Workflow workflowForInput(const Workflow& workflow, const fs::path& input, const fs::path& out) {
  if (workflow.steps.empty() || workflow.steps.front().inputs.empty())
    throw ParameterError("--each needs a workflow whose first step has an input: the file each run replaces");
  const fs::path primary = workflow.resolve(workflow.steps.front().inputs.front()).lexically_normal();
  const fs::path folder = fs::absolute(out / input.stem());
  std::map<fs::path, std::string> moved;  // an output as the workflow names it -> where it goes now
  Workflow perInput = workflow;
  for (auto& step : perInput.steps) {
    for (auto& name : step.inputs) {
      const fs::path resolved = workflow.resolve(name).lexically_normal();
      if (resolved == primary) {
        name = fs::absolute(input).string();
      } else if (const auto it = moved.find(resolved); it != moved.end()) {
        name = it->second;
      }
    }
    if (step.output.empty()) continue;
    const fs::path written = fs::path(step.output).is_absolute() ? folder / fs::path(step.output).filename()
                                                                 : folder / step.output;
    moved[workflow.resolve(step.output).lexically_normal()] = written.lexically_normal().string();
    step.output = written.lexically_normal().string();
  }
  return perInput;
}

bool outputsUpToDate(const Workflow& perInput, const std::vector<fs::path>& sources) {
  std::error_code ec;
  fs::file_time_type newestSource = fs::file_time_type::min();
  const auto consider = [&](const fs::path& source) {
    const auto changed = fs::last_write_time(source, ec);
    if (!ec) newestSource = std::max(newestSource, changed);
  };
  for (const auto& source : sources) consider(source);
  for (const FileInput& input : fileInputsOf(perInput))
    consider(input.path);  // earlier steps' outputs are outputs
  bool any = false;
  for (const auto& step : perInput.steps) {
    if (step.output.empty()) continue;
    const fs::path output(step.output);
    const auto written = fs::last_write_time(output, ec);
    if (ec || written <= newestSource) return false;
    any = true;
  }
  return any;
}

}  // namespace lqs::cli
