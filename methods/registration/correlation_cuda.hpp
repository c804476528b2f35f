#pragma once
// Cross-correlation of many images on one CUDA device, callable from plain C++ (no CUDA headers).
// A chunk of images is transformed by one batched cuFFT call, multiplied by the conjugate spectrum of
// its reference (a fixed image, or the image before it), and transformed back; the maps come back
// for the integer peak search, and the upsampled-DFT grids of the sub-pixel refinement
// (cross_correlation.hpp) are evaluated on the device from the kept cross-power spectra.
// CUDA and cuFFT failures, out-of-memory included, become DeviceError.
#include <cstddef>
#include <memory>
#include <vector>

namespace lqs::gpu::cuda {

class CorrelationBatch {
 public:
  // Room for `images` images, or as many as fit in `chunkBytes` of device memory (56 bytes a pixel);
  // refinement grids of gridPoints x gridPoints (kGridPoints of cross_correlation.hpp).
  CorrelationBatch(int device, int rows, int cols, std::size_t images, int gridPoints,
                   std::size_t chunkBytes = std::size_t(1) << 30);
  ~CorrelationBatch();
  CorrelationBatch(const CorrelationBatch&) = delete;
  CorrelationBatch& operator=(const CorrelationBatch&) = delete;

  std::size_t capacity() const;  // images per chunk
  // The fixed reference; it is also the image before the first chunk's first image.
  void setReference(const double* image);
  // `count` (<= capacity) images, rows * cols each, contiguous: their cross-power spectra against the
  // reference, or with `previous` against the image before each, and the correlation maps.
  void correlate(const double* images, std::size_t count, bool previous);
  // Real part of image k's correlation map (shift (0, 0) at [0]), scaled by 1 / (rows * cols).
  const double* map(std::size_t k) const;
  // Image k's correlation on the grid at (y0 + i step, x0 + j step), row-major.
  std::vector<double> grid(std::size_t k, double y0, double x0, double step) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace lqs::gpu::cuda
