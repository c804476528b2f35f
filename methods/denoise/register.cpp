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
  append(nlm.implementations, openclImplementations(devices, runNlmOpencl));
  append(nlm.implementations, openclImplementations(devices, runNlmOpenclPatchwise, "opencl-patchwise"));
#endif
#ifdef LQS_HAVE_CUDA
  append(nlm.implementations, cudaImplementations(devices, runNlmCuda));
  append(nlm.implementations, cudaImplementations(devices, runNlmCudaPatchwise, "cuda-patchwise"));
#endif
  registry.add(std::move(nlm));
}

}  // namespace lqs
