#include "engine/frame_blocks.hpp"

#include <algorithm>

namespace lqs {

FrameBlocks::FrameBlocks(const Data& input)
    : memory_(std::get_if<Stack>(&input)), file_(std::get_if<StackFile>(&input)) {}

const float* FrameBlocks::read(std::size_t first, std::size_t count) {
  if (memory_) return memory_->frame(first).data();
  buffer_ = Stack();  // release the previous block first: one block in memory at a time
  buffer_ = file_->read(first, count);
  return buffer_.data();
}

std::size_t FrameBlocks::blockFrames() const {
  const std::size_t all = std::max<std::size_t>(frames(), 1);
  if (memory_) return all;
  const std::size_t frameBytes = std::max<std::size_t>(frameSize() * sizeof(float), 1);
  return std::clamp<std::size_t>(file_->blockBytes() / frameBytes, 1, all);
}

}  // namespace lqs
