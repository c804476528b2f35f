#pragma once
// Workflows > Save Session as Workflow: the steps run in this session, in terms of layers, turned
// into the workflow JSON of interface.md. A layer made by a recorded step becomes that step's output
// file (<layer>.tif, or .csv for a table); a layer read from a file names that file; any other layer
// (the sample) keeps its name, which the GUI resolves to a layer when the workflow is run again.
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/workflow.hpp"

namespace lqs::gui {

class SessionRecorder {
 public:
  // The layer was read from `file` (its channel `channel`, from 1, when the file interleaves channels:
  // a saved step reading it then has "channel").
  void noteSource(const std::string& layer, const std::filesystem::path& file,
                  std::optional<std::size_t> channel = std::nullopt);
  // A finished step. `inputs`: layer names (or table file paths) in the method's input order;
  // `outputLayer`: the layer its primary output became, empty for a value-only step or a table
  // output (`tableOutput`, named after the method).
  void record(const std::string& method, const std::vector<std::string>& inputs,
              const std::map<std::string, std::string>& params, const std::string& outputLayer, bool tableOutput);

  // A workflow starts in `folder`: the inputs of its steps name its earlier outputs, layers, or files
  // relative to the folder.
  void beginWorkflow(const std::filesystem::path& folder);
  // A finished step of that workflow, inputs and output as written in it; `isLayer` tells a layer
  // name from a file name.
  void recordWorkflowStep(const WorkflowStep& step, const std::string& outputLayer, bool tableOutput,
                          const std::function<bool(const std::string&)>& isLayer);

  bool empty() const { return steps_.empty(); }
  void clear();
  // The recorded steps as a workflow saved in `folder` (source files inside it are written relative).
  Workflow workflow(const std::filesystem::path& folder) const;
  // Writes workflow(file's folder) as JSON, atomically. Throws InputError.
  void save(const std::filesystem::path& file) const;

 private:
  // An input as known when its step ran: an earlier step's output file, a source file (absolute,
  // made relative on saving), or a layer name.
  struct Input {
    std::string text;
    bool sourceFile = false;
    std::optional<std::size_t> channel;
  };
  struct Step {
    std::string method;
    std::vector<Input> inputs;
    std::map<std::string, std::string> params;
    std::string output;  // file name, may be empty
  };
  Input inputOf(const std::string& layer) const;

  std::vector<Step> steps_;
  std::map<std::string, std::filesystem::path> sources_;  // layer -> the file it was read from
  std::map<std::string, std::size_t> sourceChannels_;     // layer -> the channel of that file it is
  std::map<std::string, std::string> produced_;            // layer -> output file of the step that made it
  std::filesystem::path workflowFolder_;                    // of the workflow being run
  std::map<std::string, std::string> workflowLayers_;      // its outputs as written -> the layers they became
};

}  // namespace lqs::gui
