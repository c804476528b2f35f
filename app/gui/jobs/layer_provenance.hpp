#pragma once
// Layers carry the provenance record `lqs run` embeds in its outputs (app/cli/provenance.hpp): a GUI
// run names its inputs by the files behind their layers, each result layer keeps the run's record
// with its output's name, and Save layer writes it with the pixels, so `lqs provenance` and
// `lqs rerun` treat a file saved from the GUI like one written by `lqs run`.
#include <filesystem>
#include <string>
#include <vector>

#include "app/cli/provenance.hpp"
#include "app/gui/model/image_layer.hpp"

namespace lqs::gui {

class LayerList;

// An input of a GUI run: the layer (or table file) it names and the file behind its data; no file
// for a layer computed in this session and never saved.
struct InputOrigin {
  std::string name;
  std::filesystem::path file;
  std::optional<std::size_t> channel;  // of `file`, from 1, when the layer is one of its channels
};

// The origin of a run's input `name`: a layer's source, else (a table input) the file it names.
InputOrigin originOf(const LayerList& layers, const std::string& name);

// describeRun's record of a finished GUI run. An input without a file (or whose file is gone) has no
// SHA-256 and, for its path, the words `unsaved LiquidScope layer "NAME"`: `lqs provenance` shows
// them and `lqs rerun` stops with an InputError (exit 3) naming that input.
cli::Provenance describeGuiRun(const Registry& registry, const RunRequest& request, const RunReport& report,
                               const std::vector<InputOrigin>& inputs);

// The record a result layer keeps (ImageLayer::provenance): the run's, for its output `output`.
std::string layerProvenance(cli::Provenance run, const std::string& output);

// Save layer: the pixels as a float32 TIFF with the layer's record, its inputs named relative to
// `file` as `lqs run` names them (a layer without a record is saved without one); the file then is
// the layer's source. Throws InputError.
void saveLayer(ImageLayer& layer, const std::filesystem::path& file);

// Raw data is never replaced from the GUI either (core/output_guard.hpp): Save layer refuses, with a
// ParameterError, a file that another open layer was read from (through any link), and the file
// `layer` itself was opened from when it carries no LiquidScope record (raw data: saving would
// turn it into float32 and drop its own metadata). Re-saving a result over its earlier save passes.
void refuseSavingOverSources(const LayerList& layers, const ImageLayer& layer,
                             const std::filesystem::path& file);

}  // namespace lqs::gui
