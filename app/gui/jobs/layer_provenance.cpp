#include "app/gui/jobs/layer_provenance.hpp"

#include "app/gui/model/layer_list.hpp"
#include "core/errors.hpp"
#include "core/output_guard.hpp"
#include "core/tiff.hpp"

namespace lqs::gui {

namespace fs = std::filesystem;

namespace {

// Not a path: no file is found under it, so `lqs rerun` reports this text as the input that is gone.
cli::InputRecord unsavedLayer(const std::string& name) { return {"", "unsaved LiquidScope layer \"" + name + "\"", ""}; }

// The record to write into `file`; one this version cannot read is kept as it came rather than lost.
std::string recordFor(const ImageLayer& layer, const fs::path& file) {
  if (layer.provenance.empty()) return {};
  try {
    const cli::Provenance record = cli::provenanceFromJson(layer.provenance, layer.name);
    return cli::provenanceWriter(record)(record.output, file);
  } catch (const InputError&) {
    return layer.provenance;
  }
}

}  // namespace

InputOrigin originOf(const LayerList& layers, const std::string& name) {
  if (const ImageLayer* layer = layers.find(name)) return {name, layer->source, layer->channel};
  return {name, name, std::nullopt};
}

cli::Provenance describeGuiRun(const Registry& registry, const RunRequest& request, const RunReport& report,
                               const std::vector<InputOrigin>& inputs) {
  std::vector<bool> onFile;
  std::vector<fs::path> files;
  for (const auto& input : inputs) {
    std::error_code error;
    onFile.push_back(!input.file.empty() && fs::is_regular_file(input.file, error));
    if (onFile.back()) files.push_back(input.file);
  }
  cli::Provenance record = cli::describeRun(registry, request, report, files);
  // describeRun records the files; the unsaved layers go back in their places among them.
  const std::vector<cli::InputRecord> described = std::move(record.inputs);
  record.inputs.clear();
  auto next = described.begin();
  for (std::size_t i = 0; i < inputs.size(); ++i) record.inputs.push_back(onFile[i] ? *next++ : unsavedLayer(inputs[i].name));
  for (const auto& input : inputs)  // `lqs rerun` takes this channel of every input, as the layers were
    if (input.channel) record.channel = input.channel;
  return record;
}

std::string layerProvenance(cli::Provenance run, const std::string& output) {
  run.output = output;
  return cli::provenanceToJson(run);
}

void refuseSavingOverSources(const LayerList& layers, const ImageLayer& layer, const fs::path& file) {
  for (std::size_t i = 0; i < layers.size(); ++i) {
    const ImageLayer& open = layers.at(i);
    if (open.source.empty() || (&open == &layer && !layer.provenance.empty())) continue;
    if (outputReplacesInput(file, open.source))
      throw ParameterError("cannot save over " + file.string() + ": it holds the pixels of the layer \"" +
                           open.name + "\" as read from disk; choose another file");
  }
}

void saveLayer(ImageLayer& layer, const fs::path& file) {
  writeTiff(*layer.stack(), file, recordFor(layer, file));
  layer.source = fs::absolute(file);
}

}  // namespace lqs::gui
