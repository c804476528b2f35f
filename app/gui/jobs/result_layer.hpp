#pragma once
// A finished step's image output as a new layer, with what the window shows beside it and what
// Save layer writes with it.
#include <memory>
#include <string>

#include "app/gui/engine_thread.hpp"
#include "app/gui/model/image_layer.hpp"

namespace lqs::gui {

// Output `index` (a stack) of `step` as the layer `name`: error maps get the diverging map,
// reconstructions magma; the primary output carries the step's values (RSE, RSP) and every layer the
// run's provenance record for its output.
std::unique_ptr<ImageLayer> resultLayer(const StepResult& step, std::size_t index, const std::string& name);

}  // namespace lqs::gui
