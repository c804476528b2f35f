#include "engine/workflow.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/errors.hpp"
#include "core/output_guard.hpp"

namespace lqs {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path Workflow::resolve(const std::string& path) const {
  const fs::path p(path);
  return p.is_absolute() ? p : folder / p;
}

static std::string paramText(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number()) return value.dump();
  throw ParameterError("workflow parameter values must be numbers, strings or booleans, got " + value.dump());
}

Workflow parseWorkflow(const std::string& jsonText, const fs::path& folder) {
  json document;
  try {
    document = json::parse(jsonText);
  } catch (const json::exception& e) {  // parse errors, and numbers beyond a double (out_of_range)
    throw InputError(std::string("workflow is not valid JSON: ") + e.what());
  }
  if (!document.is_object() || !document.contains("steps") || !document["steps"].is_array())
    throw InputError("workflow must be an object with a \"steps\" array");
  for (const auto& [key, value] : document.items())
    if (key != "steps")
      throw ParameterError("workflow has an unknown key \"" + key + "\"; it takes \"steps\" only");
  Workflow workflow{folder, {}};
  for (const auto& entry : document["steps"]) {
    const std::string where = "workflow step " + std::to_string(workflow.steps.size() + 1);
    if (!entry.is_object() || !entry.contains("method") || !entry["method"].is_string())
      throw InputError(where + " needs a \"method\" name");
    for (const auto& [key, value] : entry.items())
      if (key != "method" && key != "inputs" && key != "output" && key != "impl" && key != "params" &&
          key != "channel")
        throw ParameterError(where + " has an unknown key \"" + key +
                             "\"; a step takes method, inputs, output, impl, channel and params");
    WorkflowStep step;
    step.method = entry["method"].get<std::string>();
    if (entry.contains("inputs")) {
      if (!entry["inputs"].is_array()) throw InputError(where + ": \"inputs\" must be an array of names");
      for (const auto& name : entry["inputs"]) {
        if (!name.is_string()) throw InputError(where + ": every input must be a string");
        step.inputs.push_back(name.get<std::string>());
      }
    }
    if (entry.contains("output")) {
      if (!entry["output"].is_string()) throw InputError(where + ": \"output\" must be a file name");
      step.output = entry["output"].get<std::string>();
    }
    if (entry.contains("impl")) {
      if (!entry["impl"].is_string())
        throw InputError(where + ": \"impl\" must be an implementation, back end or device name");
      step.implementation = entry["impl"].get<std::string>();
    }
    if (entry.contains("channel")) {
      if (!entry["channel"].is_number_unsigned() || entry["channel"].get<std::size_t>() == 0)
        throw InputError(where + ": \"channel\" must be a channel number, from 1");
      step.channel = entry["channel"].get<std::size_t>();
    }
    if (entry.contains("params")) {
      if (!entry["params"].is_object()) throw InputError(where + ": \"params\" must be an object");
      for (const auto& [name, value] : entry["params"].items()) step.params[name] = paramText(value);
    }
    workflow.steps.push_back(std::move(step));
  }
  if (workflow.steps.empty()) throw InputError("workflow has no steps");
  return workflow;
}

Workflow readWorkflow(const fs::path& file) {
  std::ifstream in(file);
  if (!in) throw InputError("cannot open workflow " + file.string());
  std::stringstream text;
  text << in.rdbuf();
  return parseWorkflow(text.str(), file.has_parent_path() ? file.parent_path() : fs::path("."));
}

std::string workflowToJson(const Workflow& workflow) {
  json steps = json::array();
  for (const auto& step : workflow.steps) {
    json entry{{"method", step.method}, {"inputs", step.inputs}};
    if (!step.output.empty()) entry["output"] = step.output;
    if (!step.params.empty()) entry["params"] = step.params;
    if (step.implementation) entry["impl"] = *step.implementation;
    if (step.channel) entry["channel"] = *step.channel;
    steps.push_back(entry);
  }
  return json{{"steps", steps}}.dump(2);
}

std::vector<FileInput> fileInputsOf(const Workflow& workflow) {
  std::vector<FileInput> inputs;
  std::set<fs::path> made;
  for (std::size_t i = 0; i < workflow.steps.size(); ++i) {
    for (const auto& name : workflow.steps[i].inputs)
      if (const fs::path input = workflow.resolve(name); !made.count(input))
        inputs.push_back({i, name, input});
    if (!workflow.steps[i].output.empty()) made.insert(workflow.resolve(workflow.steps[i].output));
  }
  return inputs;
}

void checkWorkflowFiles(const Workflow& workflow) {
  const std::vector<FileInput> inputs = fileInputsOf(workflow);
  std::vector<fs::path> fileInputs;
  for (const FileInput& input : inputs) {
    for (std::size_t later = input.step + 1; later < workflow.steps.size(); ++later)
      if (!workflow.steps[later].output.empty() &&
          workflow.resolve(workflow.steps[later].output) == input.path)
        throw ParameterError("workflow step " + std::to_string(input.step + 1) + " reads " + input.name +
                             ", which step " + std::to_string(later + 1) +
                             " writes only later: put that step first");
    fileInputs.push_back(input.path);
  }
  for (std::size_t i = 0; i < workflow.steps.size(); ++i)
    if (!workflow.steps[i].output.empty())
      refuseOutputOverInputs(workflow.resolve(workflow.steps[i].output), fileInputs);
}

void runWorkflow(const Workflow& workflow, Engine& engine, const Job& job,
                 const std::function<Data(const std::string& name)>& input,
                 const std::function<void(const StepOutcome&)>& finished) {
  checkWorkflowFiles(workflow);
  for (const auto& step : workflow.steps)  // every caller (CLI, GUI, --each), before any step runs
    if (!step.output.empty())
      checkOutputName(engine.registry().find(step.method).spec, workflow.resolve(step.output));
  std::map<std::string, Data> produced;  // resolved output path -> primary output
  for (std::size_t i = 0; i < workflow.steps.size(); ++i) {
    const WorkflowStep& step = workflow.steps[i];
    job.checkCancelled();
    RunRequest request{step.method, {}, step.params, step.implementation};
    for (const auto& name : step.inputs) {
      const auto it = produced.find(workflow.resolve(name).string());
      request.inputs.push_back(oneChannel(it != produced.end() ? it->second : input(name), step.channel));
    }
    job.progress(double(i) / double(workflow.steps.size()), step.method);
    StepOutcome outcome{step, engine.run(request, job)};
    if (!step.output.empty() && !outcome.report.result.outputs.empty())
      produced[workflow.resolve(step.output).string()] = outcome.report.result.outputs.front().data;
    finished(outcome);
  }
  job.progress(1.0, "done");
}

}  // namespace lqs
