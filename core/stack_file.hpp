#pragma once
// A TIFF stack left on disk and read in blocks of frames: how a stack larger than the memory a run
// may use is reduced (eSRRF, SRRF) without ever being loaded whole.
#include <filesystem>

#include "core/tiff.hpp"

namespace lqs {

class StackFile {
 public:
  // Reads the shape only; throws InputError. Blocks of frames are read `blockBytes` at a time.
  explicit StackFile(std::filesystem::path path, std::size_t blockBytes = std::size_t(64) << 20);

  const std::filesystem::path& path() const { return path_; }
  std::size_t frames() const { return info_.frames; }
  std::size_t rows() const { return info_.rows; }
  std::size_t cols() const { return info_.cols; }
  std::size_t frameSize() const { return info_.rows * info_.cols; }
  const PixelSize& pixelSize() const { return info_.pixelSize; }
  std::size_t planes() const { return info_.planes; }
  std::size_t channels() const { return info_.channels; }
  std::size_t blockBytes() const { return blockBytes_; }

  Stack read(std::size_t first, std::size_t count) const { return readTiff(path_, first, count); }

 private:
  std::filesystem::path path_;
  TiffInfo info_;
  std::size_t blockBytes_;
};

}  // namespace lqs
