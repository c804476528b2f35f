#pragma once
// Axis-aligned resampling (magnify, shift-magnify): output row i samples input row coordinate
// rowCoords[i] and output column j column coordinate colCoords[j], so the interpolation kernel
// separates. Per-axis tap tables are built once; on the CPU every output row costs one pass along
// the input row taps plus one along the column taps: the same sums as lqs_sample, in the same order.
#include <array>
#include <cstddef>
#include <vector>

#include "core/stack.hpp"
#include "methods/common/cpu.hpp"
#ifdef LQS_HAVE_CUDA
#include "gpu/cuda/cuda_kernels.hpp"
#endif

namespace lqs {

constexpr int kMaxTaps = 5;  // Lanczos

// The taps of one axis, structure of arrays over the output index. A tap outside the image gets
// weight 0 and the index of the nearest tap inside (lqs_sample skips such taps; adding 0 times a
// pixel the sum already contains changes nothing), so every output index has exactly `count` taps
// and the inner loops have no branches. The CUDA implementation uses the same tables.
struct AxisTaps {
  int count = 0;
  std::vector<int> first;  // input index of tap 0
  std::vector<std::array<double, kMaxTaps>> weight;
  std::vector<double> weightSum;  // of the taps inside the image
  std::vector<char> inside;       // the coordinate lies in [0, size); else the output is 0
};
AxisTaps axisTaps(const std::vector<float>& coords, int size, int kind);
#ifdef LQS_HAVE_CUDA
// The tables as the CUDA back end takes them (a view: `taps` must outlive it).
gpu::cuda::AxisTable tableView(const AxisTaps& taps);
#endif

// Resamples every frame with the tap tables of its rows and columns (axisTaps of the same kind).
Stack resampleSeparable(const Stack& in, const AxisTaps& rowTaps, const AxisTaps& colTaps, int kind,
                        CpuSchedule schedule, const Job& job);

}  // namespace lqs
