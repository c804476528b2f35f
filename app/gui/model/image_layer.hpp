#pragma once
// One image layer of the viewer (napari's Image layer): a stack and how it is drawn. No widgets.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "app/gui/model/colormap.hpp"
#include "core/stack.hpp"

namespace lqs::gui {

enum class Blending { Translucent, Additive };

struct ContrastLimits {
  float low = 0, high = 1;
};

class ImageLayer {
 public:
  ImageLayer(std::string name, std::shared_ptr<const Stack> data);

  std::string name;
  Colormap colormap = Colormap::named("gray");
  ContrastLimits contrast;
  float gamma = 1;
  float opacity = 1;
  Blending blending = Blending::Translucent;
  bool visible = true;
  // Values the method reported with this layer (RSE and RSP of a SQUIRREL error map), shown beside it.
  std::vector<std::pair<std::string, double>> values;
  // "rse = 1.23, rsp = 0.987" (with the default separator); empty without values.
  std::string valuesText(const std::string& separator = ", ") const;

  const Stack& data() const { return *data_; }
  std::shared_ptr<const Stack> sharedData() const { return data_; }

  std::size_t currentFrame() const { return frame_; }
  void setCurrentFrame(std::size_t frame);  // clamped to the stack

  // Physical edge length of one pixel: a x5 reconstruction has a fifth of its input's scale, so
  // both cover the same field of view.
  double scale() const { return data_->pixelSize.value > 0 ? data_->pixelSize.value : 1.0; }
  double width() const { return double(data_->cols()) * scale(); }
  double height() const { return double(data_->rows()) * scale(); }

  // Contrast limits from the 0.5th and 99.5th percentiles of the current frame (NaN ignored).
  void autoContrast();
  // Value -> [0, 1] through the contrast limits and gamma.
  float normalized(float value) const;
  Rgb colour(float value) const { return colormap.at(normalized(value)); }

  // The pixel under physical position (x right, y down) of the current frame, if inside.
  bool contains(double x, double y) const;
  float valueAt(double x, double y) const;  // call only where contains(x, y)

 private:
  std::shared_ptr<const Stack> data_;
  std::size_t frame_ = 0;
};

// Percentile (0..100) of a frame's finite values; 0 when it has none.
float percentile(std::span<const float> values, double percent);

}  // namespace lqs::gui
