#include "methods/denoise/nlm_runs.hpp"
#include "methods/denoise/nlm_setup.hpp"
#include "methods/common/cuda.hpp"
#include "methods/families.hpp"

namespace lqs {

void registerDenoise(Registry& registry, const std::vector<Device>& devices) {
  const Device& cpu = cpuOf(devices);
  Method nlm{nlmSpec(), cpuImplementations(cpu, runNlmPixelwise)};
  nlm.implementations.push_back(
      {"cpu:tbb-patchwise", cpu, [](const RunContext& c) { return runNlmPatchwise(c, CpuSchedule::Tbb); }, {}});
#ifdef LQS_HAVE_OPENCL
  for (auto& impl : openclImplementations(devices, runNlmOpencl)) nlm.implementations.push_back(std::move(impl));
  for (auto& impl : openclImplementations(devices, runNlmOpenclPatchwise, "opencl-patchwise"))
    nlm.implementations.push_back(std::move(impl));
#endif
#ifdef LQS_HAVE_CUDA
  for (auto& impl : cudaImplementations(devices, runNlmCuda)) nlm.implementations.push_back(std::move(impl));
  for (auto& impl : cudaImplementations(devices, runNlmCudaPatchwise)) {
    impl.name = "cuda-patchwise:" + impl.device.name;
    nlm.implementations.push_back(std::move(impl));
  }
#endif
  registry.add(std::move(nlm));
}

}  // namespace lqs
