#pragma once
// A host AxisTable (cuda_kernels.hpp) copied to the device, its weights stored as `Weight`: float
// where FP32 multiply-adds are accurate enough (magnify), double where a kernel must form the CPU's
// sums (eSRRF's intensity weight and gradient lattice).
#include <vector>

#include "gpu/cuda/cuda_kernels.hpp"
#include "gpu/cuda/cuda_support.cuh"

namespace lqs::gpu::cuda {

template <class Weight>
struct DeviceAxisTable {
  explicit DeviceAxisTable(const AxisTable& t)
      : first(std::vector<int>(t.first, t.first + t.size)),
        weight(std::vector<Weight>(t.weight, t.weight + t.size * t.stride)),
        weightSum(std::vector<Weight>(t.weightSum, t.weightSum + t.size)),
        inside(std::vector<char>(t.inside, t.inside + t.size)),
        size(t.size),
        count(t.count),
        stride(t.stride) {}
  DeviceArray<int> first;
  DeviceArray<Weight> weight, weightSum;
  DeviceArray<char> inside;
  std::size_t size;
  int count, stride;
};

}  // namespace lqs::gpu::cuda
