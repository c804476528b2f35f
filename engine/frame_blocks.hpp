#pragma once
// The frames of a stack input in blocks, read the same way whether the stack is in memory or left
// on disk (StackFile), so that reductions over frames (eSRRF, SRRF) run in bounded memory.
#include <cstddef>

#include "core/stack.hpp"
#include "core/stack_file.hpp"
#include "engine/method.hpp"

namespace lqs {

class FrameBlocks {
 public:
  explicit FrameBlocks(const Data& input);  // a Stack or a StackFile

  std::size_t frames() const { return memory_ ? memory_->frames() : file_->frames(); }
  std::size_t rows() const { return memory_ ? memory_->rows() : file_->rows(); }
  std::size_t cols() const { return memory_ ? memory_->cols() : file_->cols(); }
  std::size_t frameSize() const { return rows() * cols(); }
  const PixelSize& pixelSize() const { return memory_ ? memory_->pixelSize : file_->pixelSize(); }
  std::size_t planes() const { return memory_ ? memory_->planes : file_->planes(); }
  std::size_t channels() const { return memory_ ? memory_->channels : file_->channels(); }
  bool onDisk() const { return file_ != nullptr; }

  // Frames [first, first + count), contiguous; valid until the next call.
  const float* read(std::size_t first, std::size_t count);

  // Frames per read of a stack on disk (its StackFile's block size; at least 1, at most all);
  // all frames for a stack in memory, which is never copied.
  std::size_t blockFrames() const;

 private:
  const Stack* memory_ = nullptr;
  const StackFile* file_ = nullptr;
  Stack buffer_;
};

}  // namespace lqs
