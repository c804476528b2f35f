#pragma once
// The body of a "has its CUDA implementations" test case: skipped without a CUDA device, else
// `method` offers every variant ("cuda", "cuda-patchwise") on every CUDA device.
#include <algorithm>
#include <string>
#include <vector>

#include "gpu/devices.hpp"
#include "tests/support/method_runner.hpp"
#include "tests/support/skip.hpp"

namespace lqs::test {

inline void checkCudaVariants(const std::string& method,
                              const std::vector<std::string>& variants = {"cuda"}) {
  const auto cuda = gpu::cudaDevices();
  if (cuda.empty()) LQS_SKIP("no CUDA device");
  MethodRunner runner;
  const auto names = runner.implementations(method);
  for (const Device& device : cuda)
    for (const std::string& variant : variants) {
      INFO(method << " on " << device.name);
      CHECK(std::find(names.begin(), names.end(), variant + ":" + device.name) != names.end());
    }
}

}  // namespace lqs::test
