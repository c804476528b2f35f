#include "core/frame_source.hpp"

#include <algorithm>

#include "core/errors.hpp"
#include "core/frame_folder.hpp"
#include "core/growing_tiff.hpp"

namespace lqs {

std::unique_ptr<FrameSource> openFrameSource(const std::filesystem::path& source) {
  std::error_code ec;
  if (std::filesystem::is_directory(source, ec)) return std::make_unique<FrameFolder>(source);
  return std::make_unique<GrowingTiff>(source);
}

float* FrameCollector::next(std::size_t rows, std::size_t cols, const std::string& where) {
  if (rows_ == 0) rows_ = rows, cols_ = cols;
  if (rows != rows_ || cols != cols_)
    throw InputError(where + ": frame size " + std::to_string(rows) + "x" + std::to_string(cols) +
                     " differs from the first frame's " + std::to_string(rows_) + "x" + std::to_string(cols_));
  pixels_.resize(pixels_.size() + rows * cols);
  ++frames_;
  return pixels_.data() + pixels_.size() - rows * cols;
}

Stack FrameCollector::take(const PixelSize& pixelSize) {
  Stack stack(frames_, rows_, cols_);
  std::copy(pixels_.begin(), pixels_.end(), stack.data());
  stack.pixelSize = pixelSize;
  pixels_.clear();
  frames_ = 0;
  return stack;
}

}  // namespace lqs
