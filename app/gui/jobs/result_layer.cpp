#include "app/gui/jobs/result_layer.hpp"

namespace lqs::gui {

std::unique_ptr<ImageLayer> resultLayer(const StepResult& step, std::size_t index, const std::string& name) {
  const Output& output = step.report.result.outputs.at(index);
  auto layer = std::make_unique<ImageLayer>(name, std::make_shared<const Stack>(std::get<Stack>(output.data)));
  if (output.name.find("error") != std::string::npos) {
    layer->colormap = Colormap::named("coolwarm");
    layer->opacity = 0.7f;
  } else {
    layer->colormap = Colormap::named("magma");
  }
  if (index == 0) layer->values.assign(step.report.result.values.begin(), step.report.result.values.end());
  layer->provenance = layerProvenance(step.record, output.name);
  return layer;
}

}  // namespace lqs::gui
