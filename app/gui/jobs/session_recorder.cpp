#include "app/gui/jobs/session_recorder.hpp"

#include "core/atomic_file.hpp"

namespace lqs::gui {

namespace fs = std::filesystem;

void SessionRecorder::noteSource(const std::string& layer, const fs::path& file,
                                 std::optional<std::size_t> channel) {
  sources_[layer] = fs::absolute(file).lexically_normal();
  if (channel)
    sourceChannels_[layer] = *channel;
  else
    sourceChannels_.erase(layer);
  produced_.erase(layer);
}

void SessionRecorder::record(const std::string& method, const std::vector<std::string>& inputs,
                             const std::map<std::string, std::string>& params, const std::string& outputLayer,
                             bool tableOutput) {
  Step step{method, {}, params, {}};
  for (const auto& input : inputs) step.inputs.push_back(inputOf(input));
  if (!outputLayer.empty()) {
    step.output = outputLayer + ".tif";
    produced_[outputLayer] = step.output;
    sources_.erase(outputLayer);
  } else if (tableOutput) {
    // Named after the method, numbered when the method ran before, so no two steps share a file.
    std::size_t earlier = 0;
    for (const auto& other : steps_) earlier += other.method == method ? 1 : 0;
    step.output = method;
    if (earlier > 0) step.output += '_' + std::to_string(earlier + 1);
    step.output += ".csv";
  }
  steps_.push_back(std::move(step));
}

void SessionRecorder::beginWorkflow(const fs::path& folder) {
  workflowFolder_ = folder;
  workflowLayers_.clear();
}

void SessionRecorder::recordWorkflowStep(const WorkflowStep& step, const std::string& outputLayer, bool tableOutput,
                                         const std::function<bool(const std::string&)>& isLayer) {
  std::vector<std::string> inputs;
  for (const auto& name : step.inputs) {
    if (const auto made = workflowLayers_.find(name); made != workflowLayers_.end()) {
      inputs.push_back(made->second);
    } else if (isLayer(name)) {
      inputs.push_back(name);
    } else {
      const std::string file = (workflowFolder_ / name).string();
      noteSource(file, file);
      inputs.push_back(file);
    }
  }
  if (!outputLayer.empty()) workflowLayers_[step.output] = outputLayer;
  record(step.method, inputs, step.params, outputLayer, tableOutput);
}

void SessionRecorder::clear() {
  steps_.clear();
  produced_.clear();
}

SessionRecorder::Input SessionRecorder::inputOf(const std::string& layer) const {
  if (const auto made = produced_.find(layer); made != produced_.end()) return {made->second, false};
  if (const auto source = sources_.find(layer); source != sources_.end()) {
    const auto channel = sourceChannels_.find(layer);
    return {source->second.string(), true,
            channel != sourceChannels_.end() ? std::optional<std::size_t>(channel->second) : std::nullopt};
  }
  return {layer, false};  // a layer without a file (the sample), or a table path
}

Workflow SessionRecorder::workflow(const fs::path& folder) const {
  Workflow workflow{folder, {}};
  const fs::path base = fs::absolute(folder).lexically_normal();
  for (const Step& step : steps_) {
    WorkflowStep saved{step.method, {}, step.output, step.params};
    for (const auto& input : step.inputs) {
      const fs::path relative = fs::path(input.text).lexically_relative(base);
      const bool inside = input.sourceFile && !relative.empty() && *relative.begin() != "..";
      saved.inputs.push_back(inside ? relative.generic_string() : input.text);
      if (input.channel) saved.channel = input.channel;
    }
    workflow.steps.push_back(std::move(saved));
  }
  return workflow;
}

void SessionRecorder::save(const fs::path& file) const {
  AtomicFile out(file);
  out.writeText([&](std::ostream& stream) {
    stream << workflowToJson(workflow(file.has_parent_path() ? file.parent_path() : fs::path("."))) << "\n";
  });
  out.commit();
}

}  // namespace lqs::gui
