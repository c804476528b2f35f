#pragma once
// A stack of contiguous float32 frames, time x rows x cols, with its physical pixel size.
#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace lqs {

struct PixelSize {
  double value = 1.0;       // edge length of one pixel
  std::string unit = "px";  // "px" when the file carries no calibration
  double depth = 0;         // spacing of a volume's planes in `unit`; 0 when not known
};

// Allocates floats without zeroing them, for outputs whose every pixel is written: a zeroed
// gigabyte is a second of page faults on one thread before the threads that fill it start.
template <class T>
struct UninitialisedAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = UninitialisedAllocator<U>;
  };
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    if constexpr (sizeof...(Args) == 0) {
      ::new (static_cast<void*>(p)) U;
    } else {
      ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
  }
};

class Stack {
 public:
  struct Uninitialised {};  // every pixel is written before it is read

  Stack() = default;
  Stack(std::size_t frames, std::size_t rows, std::size_t cols);  // zero-filled
  Stack(std::size_t frames, std::size_t rows, std::size_t cols, Uninitialised);

  std::size_t frames() const { return frames_; }
  std::size_t rows() const { return rows_; }
  std::size_t cols() const { return cols_; }
  std::size_t frameSize() const { return rows_ * cols_; }
  std::size_t size() const { return data_.size(); }
  bool empty() const { return data_.empty(); }

  float* data() { return data_.data(); }
  const float* data() const { return data_.data(); }
  std::span<float> frame(std::size_t t) { return {data_.data() + t * frameSize(), frameSize()}; }
  std::span<const float> frame(std::size_t t) const {
    return {data_.data() + t * frameSize(), frameSize()};
  }
  float& at(std::size_t t, std::size_t r, std::size_t c) { return data_[(t * rows_ + r) * cols_ + c]; }
  float at(std::size_t t, std::size_t r, std::size_t c) const {
    return data_[(t * rows_ + r) * cols_ + c];
  }

  // Frames [first, first + count) as a new stack with the same calibration (and planes, when the
  // range is whole volumes).
  Stack frameRange(std::size_t first, std::size_t count) const;
  // The frames of channel `channel` (0-based) as a stack of one channel with these planes;
  // ParameterError when there is no such channel.
  Stack channel(std::size_t channel) const;

  PixelSize pixelSize;
  // Planes (Z) per volume when the frames are time points x planes, as an ImageJ hyperstack's
  // slices; 1 for a plain series of frames.
  std::size_t planes = 1;
  // Channels interleaved in the frames, in ImageJ's order (frame = channel + channels x (plane +
  // planes x time)); methods over time series take one (docs/reliability.md).
  std::size_t channels = 1;

 private:
  std::size_t frames_ = 0, rows_ = 0, cols_ = 0;
  std::vector<float, UninitialisedAllocator<float>> data_;
};

// The planes per volume of frames [first, first + count) of a stack of `planes`-plane volumes:
// `planes` when the range is whole volumes, else 1 (a plain series).
std::size_t planesOfRange(std::size_t planes, std::size_t first, std::size_t count);

// Sets `range`'s channels and planes for frames [first, first + count) of a stack of `channels`
// interleaved channels and `planes`-plane volumes: kept when the range is whole channel groups
// (and whole volumes, for the planes), else 1.
void setAxesOfRange(Stack& range, std::size_t channels, std::size_t planes, std::size_t first,
                    std::size_t count);

}  // namespace lqs
