#pragma once
// Blends the current frames of the visible layers into one RGB picture for the canvas. Done on the
// CPU so translucent and additive blending, gamma and contrast are exact and testable without a
// window; only the shown frame of each stack is read.
#include <cstdint>
#include <vector>

#include "app/gui/model/layer_list.hpp"

namespace lqs::gui {

struct RgbImage {
  std::size_t rows = 0, cols = 0;
  double pixelSize = 1;               // physical edge of one output pixel
  std::vector<std::uint8_t> pixels;  // rows x cols x 3, row 0 at the top
};

// The grid is the finest visible layer's, capped at maxEdge pixels on the long side (coarser beyond).
RgbImage composite(const LayerList& layers, std::size_t maxEdge = 4096);

}  // namespace lqs::gui
