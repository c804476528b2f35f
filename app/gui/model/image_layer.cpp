#include "app/gui/model/image_layer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <unistd.h>
#include <vector>

#include "core/errors.hpp"

namespace lqs::gui {

ImageLayer::ImageLayer(std::string layerName, std::shared_ptr<const Stack> data)
    : name(std::move(layerName)), data_(std::move(data)) {
  if (!data_ || data_->empty()) throw std::invalid_argument("layer \"" + name + "\" has no pixels");
  info_.frames = data_->frames();
  info_.rows = data_->rows();
  info_.cols = data_->cols();
  info_.pixelSize = data_->pixelSize;
  autoContrast();
}

ImageLayer::ImageLayer(std::string layerName, std::filesystem::path file, std::optional<std::size_t> channel)
    : name(std::move(layerName)), file_(std::move(file)), info_(readTiffInfo(file_)) {
  if (channel) {
    fileChannel_ = *channel - 1, fileChannels_ = info_.channels;
    if (fileChannel_ >= fileChannels_)
      throw InputError(file_.string() + " has no channel " + std::to_string(*channel));
    info_.frames /= fileChannels_;
  }
  shown_ = readTiff(file_, fileChannel_, 1);
  autoContrast();
}

std::vector<std::unique_ptr<ImageLayer>> ImageLayer::open(std::string name, const std::filesystem::path& file,
                                                          double inMemoryBytes) {
  const TiffInfo info = readTiffInfo(file);
  const std::size_t channels = info.channels;
  const double bytes = double(info.frames / channels) * double(info.rows) * double(info.cols) * sizeof(float);
  const bool inMemory = bytes <= inMemoryBytes;
  static const char* const kChannelColours[] = {"green", "magenta", "cyan", "gray"};
  std::vector<std::unique_ptr<ImageLayer>> layers;
  for (std::size_t c = 0; c < channels; ++c) {
    const std::optional<std::size_t> channel =
        channels > 1 ? std::optional<std::size_t>(c + 1) : std::nullopt;
    std::string layerName = channels > 1 ? name + " ch" + std::to_string(c + 1) : name;
    auto layer =
        !inMemory ? std::make_unique<ImageLayer>(std::move(layerName), file, channel)
                  : std::make_unique<ImageLayer>(
                        std::move(layerName),
                        std::make_shared<const Stack>(channel ? readTiffChannel(file, c) : readTiff(file)));
    layer->source = std::filesystem::absolute(file);
    layer->channel = channel;
    layer->provenance = info.provenance;
    if (channel) {
      layer->colormap = Colormap::named(kChannelColours[c % std::size(kChannelColours)]);
      layer->blending = Blending::Additive;
    }
    layers.push_back(std::move(layer));
  }
  return layers;
}

void ImageLayer::setCurrentFrame(std::size_t frame) {
  frame = std::min(frame, frames() - 1);
  if (!data_ && frame != frame_) shown_ = readTiff(file_, fileChannel_ + fileChannels_ * frame, 1);
  frame_ = frame;
}

std::shared_ptr<const Stack> ImageLayer::stack() const {
  if (data_) return data_;
  const double bytes = double(frames()) * double(rows()) * double(cols()) * sizeof(float);
  const double memory = double(sysconf(_SC_PHYS_PAGES)) * double(sysconf(_SC_PAGE_SIZE));
  if (bytes > memory / 2)
    throw InputError(file_.string() + " is " + std::to_string(int(bytes / 1e9)) +
                     " GB as float32, more than half of this machine's memory: run lqs on the file instead");
  return std::make_shared<const Stack>(fileChannels_ > 1 ? readTiffChannel(file_, fileChannel_)
                                                         : readTiff(file_));
}

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
  const auto frame = shownFrame();
  contrast = {percentile(frame, 0.5), percentile(frame, 99.5)};
  if (!(contrast.high > contrast.low)) contrast.high = contrast.low + 1;  // a flat frame still shows
}

float ImageLayer::normalized(float value) const {
  const float span = contrast.high - contrast.low;
  const float linear = span > 0 ? std::clamp((value - contrast.low) / span, 0.0f, 1.0f) : 0.0f;
  return gamma == 1 ? linear : std::pow(linear, gamma);
}

std::ptrdiff_t ImageLayer::pixelAt(double position, std::size_t pixels) const {
  if (position < 0 || position >= double(pixels) * scale()) return -1;
  return std::ptrdiff_t(std::min(std::size_t(position / scale()), pixels - 1));
}

bool ImageLayer::contains(double x, double y) const { return pixelAt(x, cols()) >= 0 && pixelAt(y, rows()) >= 0; }

float ImageLayer::valueAt(double x, double y) const {
  return shownFrame()[std::size_t(pixelAt(y, rows())) * cols() + std::size_t(pixelAt(x, cols()))];
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
