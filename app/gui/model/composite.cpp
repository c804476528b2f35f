// TBB before any Qt header: its profiling.h has a member named `emit`, which Qt defines as a macro.
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "app/gui/model/composite.hpp"

#include <algorithm>
#include <cmath>

namespace lqs::gui {

namespace {

void blendLayer(const ImageLayer& layer, RgbImage& image, std::vector<float>& rgb) {
  const float alpha = std::clamp(layer.opacity, 0.0f, 1.0f);
  // The layer's column under each output column, found once rather than per pixel.
  std::vector<std::ptrdiff_t> layerCols(image.cols);
  for (std::size_t c = 0; c < image.cols; ++c) layerCols[c] = layer.pixelAt((double(c) + 0.5) * image.pixelSize, layer.cols());
  const std::span<const float> frame = layer.shownFrame();
  // Rows in parallel: scrubbing through 2048 x 2048 frames should not wait on one core.
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, image.rows), [&](const tbb::blocked_range<std::size_t>& rows) {
    for (std::size_t r = rows.begin(); r < rows.end(); ++r) {
      const std::ptrdiff_t layerRow = layer.pixelAt((double(r) + 0.5) * image.pixelSize, layer.rows());
      if (layerRow < 0) continue;
      const float* values = frame.data() + std::size_t(layerRow) * layer.cols();
      for (std::size_t c = 0; c < image.cols; ++c) {
        if (layerCols[c] < 0) continue;
        const Rgb colour = layer.colour(values[layerCols[c]]);
        float* out = &rgb[(r * image.cols + c) * 3];
        const float in[3] = {colour.r, colour.g, colour.b};
        for (int k = 0; k < 3; ++k)
          out[k] = layer.blending == Blending::Additive ? std::min(1.0f, out[k] + alpha * in[k])
                                                        : out[k] * (1 - alpha) + alpha * in[k];
      }
    }
  });
}

}  // namespace

RgbImage composite(const LayerList& layers, std::size_t maxEdge) {
  RgbImage image;
  double finest = 0;
  for (std::size_t i = 0; i < layers.size(); ++i)
    if (layers.at(i).visible) finest = finest == 0 ? layers.at(i).scale() : std::min(finest, layers.at(i).scale());
  if (finest == 0) return image;
  const double width = layers.width(), height = layers.height();
  image.pixelSize = std::max(finest, std::max(width, height) / double(maxEdge));
  image.cols = std::size_t(std::ceil(width / image.pixelSize - 1e-9));
  image.rows = std::size_t(std::ceil(height / image.pixelSize - 1e-9));
  std::vector<float> rgb(image.rows * image.cols * 3, 0.0f);
  for (std::size_t i = 0; i < layers.size(); ++i)
    if (layers.at(i).visible) blendLayer(layers.at(i), image, rgb);
  image.pixels.resize(rgb.size());
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, rgb.size()), [&](const tbb::blocked_range<std::size_t>& range) {
    for (std::size_t i = range.begin(); i < range.end(); ++i)
      image.pixels[i] = std::uint8_t(std::clamp(rgb[i], 0.0f, 1.0f) * 255.0f + 0.5f);  // rounded: values are >= 0
  });
  return image;
}

}  // namespace lqs::gui
