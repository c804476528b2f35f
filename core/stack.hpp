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

  PixelSize pixelSize;
  // Planes (Z) per volume when the frames are time points x planes, as an ImageJ hyperstack's
  // slices; 1 for a plain series of frames.
  std::size_t planes = 1;

 private:
  std::size_t frames_ = 0, rows_ = 0, cols_ = 0;
  std::vector<float, UninitialisedAllocator<float>> data_;
};

// The planes per volume of frames [first, first + count) of a stack of `planes`-plane volumes:
// `planes` when the range is whole volumes, else 1 (a plain series).
std::size_t planesOfRange(std::size_t planes, std::size_t first, std::size_t count);

}  // namespace lqs
