#pragma once
// The kernels in gpu/kernels/pixel/*.h, found by name. The table is generated at build time
// (methods/pixel/CMakeLists.txt): a new header is a new entry without any code written here.
#include <cstddef>
#include <string_view>
#include <vector>

#include "gpu/frame_batching.hpp"

namespace lqs {

using PixelFunction = float (*)(const float* frame, int rows, int cols, int r, int c, const float* params);
// Runs a kernel over `frames` frames of rows x cols on a CUDA device (pixel_kernel.cu.in), in
// batches with `afterBatch` between them; CUDA errors become DeviceErrors.
using CudaPixelLaunch = void(int device, const float* in, std::size_t frames, int rows, int cols,
                             const float* params, int paramCount, float* out,
                             const gpu::AfterBatch& afterBatch);

struct PixelKernel {
  std::string_view name;  // gpu/kernels/pixel/<name>.h defines lqs_pixel_<name>
  PixelFunction cpu;
  CudaPixelLaunch* cuda;  // nullptr without CUDA in the build
};

const std::vector<PixelKernel>& pixelKernels();

}  // namespace lqs
