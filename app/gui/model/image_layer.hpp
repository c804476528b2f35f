#pragma once
// One image layer of the viewer (napari's Image layer): a stack and how it is drawn. No widgets.
// A stack too large to hold (a 2048 x 2048 x 10,000 acquisition is 168 GB) stays in its TIFF file:
// the layer reads only the frame it shows.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/gui/model/colormap.hpp"
#include "core/stack.hpp"
#include "core/tiff.hpp"

namespace lqs::gui {

enum class Blending { Translucent, Additive };

struct ContrastLimits {
  float low = 0, high = 1;
};

class ImageLayer {
 public:
  ImageLayer(std::string name, std::shared_ptr<const Stack> data);
  // Left on disk: reads the shape now and one frame at a time (of channel `channel`, from 1, when
  // the file interleaves channels). Throws InputError.
  ImageLayer(std::string name, std::filesystem::path file, std::optional<std::size_t> channel = std::nullopt);
  // A TIFF as layers, one per channel as napari's channel_axis gives (NAME ch1, NAME ch2 ... in
  // green, magenta, cyan, blended additively), or one: read whole when its float32 frames take at
  // most `inMemoryBytes`, else left on disk; each keeps the file as its source (and its channel) and
  // the file's provenance record. Throws InputError.
  static constexpr double kInMemoryBytes = 1 << 30;
  static std::vector<std::unique_ptr<ImageLayer>> open(std::string name, const std::filesystem::path& file,
                                                       double inMemoryBytes = kInMemoryBytes);

  std::string name;
  Colormap colormap = Colormap::named("gray");
  ContrastLimits contrast;
  float gamma = 1;
  float opacity = 1;
  Blending blending = Blending::Translucent;
  bool visible = true;
  // The TIFF whose pixels these are (opened from or saved to); empty for a layer computed in this
  // session and never saved, or the sample. A run's provenance record names its inputs by this file.
  std::filesystem::path source;
  // The channel (from 1) of `source` these pixels are, when the file interleaves channels.
  std::optional<std::size_t> channel;
  // What made the pixels: the record of app/cli/provenance.hpp as one line of JSON (a run's, or the
  // one an opened TIFF carried), written again when the layer is saved; empty when unknown.
  std::string provenance;
  // Values the method reported with this layer (RSE and RSP of a SQUIRREL error map), shown beside it.
  std::vector<std::pair<std::string, double>> values;
  // "rse = 1.23, rsp = 0.987" (with the default separator); empty without values.
  std::string valuesText(const std::string& separator = ", ") const;

  std::size_t frames() const { return info_.frames; }
  std::size_t rows() const { return info_.rows; }
  std::size_t cols() const { return info_.cols; }
  const PixelSize& pixelSize() const { return info_.pixelSize; }
  bool onDisk() const { return !data_; }

  // The whole stack, for methods and saving; read from the file for a layer on disk (InputError
  // when it would take more than half of this machine's memory).
  std::shared_ptr<const Stack> stack() const;

  std::size_t currentFrame() const { return frame_; }
  void setCurrentFrame(std::size_t frame);  // clamped to the stack

  // Physical edge length of one pixel: a x5 reconstruction has a fifth of its input's scale, so
  // both cover the same field of view.
  double scale() const { return info_.pixelSize.value > 0 ? info_.pixelSize.value : 1.0; }
  double width() const { return double(cols()) * scale(); }
  double height() const { return double(rows()) * scale(); }

  // Contrast limits from the 0.5th and 99.5th percentiles of the current frame (NaN ignored).
  void autoContrast();
  // Value -> [0, 1] through the contrast limits and gamma.
  float normalized(float value) const;
  Rgb colour(float value) const { return colormap.at(normalized(value)); }

  // The current frame's values, row by row (what the canvas shows).
  std::span<const float> shownFrame() const { return data_ ? data_->frame(frame_) : shown_.frame(0); }
  // The pixel index along an axis of `pixels` at physical position `position`, -1 outside.
  std::ptrdiff_t pixelAt(double position, std::size_t pixels) const;

  // The pixel under physical position (x right, y down) of the current frame, if inside.
  bool contains(double x, double y) const;
  float valueAt(double x, double y) const;  // call only where contains(x, y)

 private:
  std::shared_ptr<const Stack> data_;  // the whole stack, or null when it stays on disk
  std::filesystem::path file_;         // on disk: the TIFF, and the frame read from it
  std::size_t fileChannel_ = 0,
              fileChannels_ = 1;  // on disk: frame f is the file's fileChannel_ + fileChannels_ f
  Stack shown_;
  TiffInfo info_;                      // the shape, in memory or not
  std::size_t frame_ = 0;
};

// Percentile (0..100) of a frame's finite values; 0 when it has none.
float percentile(std::span<const float> values, double percent);

}  // namespace lqs::gui
