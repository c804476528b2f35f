#pragma once
// One `cuda:<device>` implementation per CUDA device around the same run function (empty without
// CUDA in the build or a driver at run time).
#include <functional>
#include <vector>

#include "engine/method.hpp"

namespace lqs {

using CudaRun = std::function<Result(const RunContext&, int deviceIndex)>;
std::vector<Implementation> cudaImplementations(const std::vector<Device>& devices, const CudaRun& run);

}  // namespace lqs
