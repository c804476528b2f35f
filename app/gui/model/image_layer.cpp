#include "app/gui/model/image_layer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <vector>

namespace lqs::gui {

ImageLayer::ImageLayer(std::string layerName, std::shared_ptr<const Stack> data)
    : name(std::move(layerName)), data_(std::move(data)) {
  if (!data_ || data_->empty()) throw std::invalid_argument("layer \"" + name + "\" has no pixels");
  autoContrast();
}

void ImageLayer::setCurrentFrame(std::size_t frame) { frame_ = std::min(frame, data_->frames() - 1); }

float percentile(std::span<const float> values, double percent) {
  std::vector<float> finite;
  finite.reserve(values.size());
  for (float v : values)
    if (std::isfinite(v)) finite.push_back(v);
  if (finite.empty()) return 0;
  const auto rank = std::size_t(std::clamp(percent, 0.0, 100.0) / 100.0 * double(finite.size() - 1) + 0.5);
  std::nth_element(finite.begin(), finite.begin() + std::ptrdiff_t(rank), finite.end());
  return finite[rank];
}

void ImageLayer::autoContrast() {
  const auto frame = data_->frame(frame_);
  contrast = {percentile(frame, 0.5), percentile(frame, 99.5)};
  if (!(contrast.high > contrast.low)) contrast.high = contrast.low + 1;  // a flat frame still shows
}

float ImageLayer::normalized(float value) const {
  const float span = contrast.high - contrast.low;
  const float linear = span > 0 ? std::clamp((value - contrast.low) / span, 0.0f, 1.0f) : 0.0f;
  return gamma == 1 ? linear : std::pow(linear, gamma);
}

bool ImageLayer::contains(double x, double y) const { return x >= 0 && y >= 0 && x < width() && y < height(); }

float ImageLayer::valueAt(double x, double y) const {
  const auto col = std::min(std::size_t(x / scale()), data_->cols() - 1);
  const auto row = std::min(std::size_t(y / scale()), data_->rows() - 1);
  return data_->at(frame_, row, col);
}

std::string ImageLayer::valuesText(const std::string& separator) const {
  std::string text;
  for (const auto& [name, value] : values) {
    char number[32];
    std::snprintf(number, sizeof number, "%.4g", value);
    text += (text.empty() ? "" : separator) + name + " = " + number;
  }
  return text;
}

}  // namespace lqs::gui
