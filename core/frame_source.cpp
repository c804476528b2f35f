#include "core/frame_source.hpp"

#include <algorithm>

#include "core/errors.hpp"
#include "core/frame_folder.hpp"
#include "core/growing_tiff.hpp"

namespace lqs {

namespace {

// A path that does not exist yet: whether it becomes a folder or a file is only known once the
// acquisition software creates it (choosing a file early would poll a folder as a TIFF forever).
class AwaitedFrameSource : public FrameSource {
 public:
  explicit AwaitedFrameSource(std::filesystem::path path) : path_(std::move(path)) {}
  Stack poll(std::size_t maxFrames) override {
    if (!source_) {
      std::error_code ec;
      if (!std::filesystem::exists(path_, ec)) return Stack();
      source_ = openFrameSource(path_);
    }
    return source_->poll(maxFrames);
  }
  std::size_t framesRead() const override { return source_ ? source_->framesRead() : 0; }

 private:
  std::filesystem::path path_;
  std::unique_ptr<FrameSource> source_;
};

}  // namespace

std::unique_ptr<FrameSource> openFrameSource(const std::filesystem::path& source) {
  std::error_code ec;
  if (std::filesystem::is_directory(source, ec)) return std::make_unique<FrameFolder>(source);
  if (!std::filesystem::exists(source, ec)) return std::make_unique<AwaitedFrameSource>(source);
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
