#pragma once
// One `<variant>:<device>` implementation (`cuda:<device>` by default) per CUDA device around the
// same run function (empty without CUDA in the build or a driver at run time).
#include <functional>
#include <string>
#include <vector>

#include "engine/method.hpp"

namespace lqs {

using CudaRun = std::function<Result(const RunContext&, int deviceIndex)>;
std::vector<Implementation> cudaImplementations(const std::vector<Device>& devices, const CudaRun& run,
                                                const std::string& variant = "cuda");

}  // namespace lqs
