#pragma once
// Frames arriving while a microscope acquires: a TIFF file that is still being written
// (core/growing_tiff.hpp) or a folder receiving single-frame TIFFs (core/frame_folder.hpp). Each
// poll returns only the frames completed since the previous one, without re-reading older frames;
// a half-written frame is left for a later poll, not read and not an error.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/stack.hpp"

namespace lqs {

class FrameSource {
 public:
  virtual ~FrameSource() = default;
  // Up to about `maxFrames` frames completed since the last call, in order (zero frames when none
  // yet). InputError when the source is malformed or its frames change size.
  virtual Stack poll(std::size_t maxFrames) = 0;
  virtual std::size_t framesRead() const = 0;
};

// A folder gives a FrameFolder, a file a GrowingTiff; a path that does not exist yet becomes
// either once it appears.
std::unique_ptr<FrameSource> openFrameSource(const std::filesystem::path& source);

// Frames gathered one at a time into a stack: what the sources return from a poll.
class FrameCollector {
 public:
  // The first frame fixes the shape; a later one of another shape is an InputError naming `where`.
  float* next(std::size_t rows, std::size_t cols, const std::string& where);
  std::size_t frames() const { return frames_; }
  Stack take(const PixelSize& pixelSize);  // the frames gathered since the last take

 private:
  std::size_t rows_ = 0, cols_ = 0, frames_ = 0;
  std::vector<float> pixels_;
};

}  // namespace lqs
