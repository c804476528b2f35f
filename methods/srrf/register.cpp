#include "methods/common/cuda.hpp"
#include "methods/families.hpp"
#include "methods/srrf/esrrf.hpp"
#include "methods/srrf/esrrf3d.hpp"
#include "methods/srrf/srrf.hpp"
#include "methods/srrf/sweep.hpp"

namespace lqs {

void registerSuperResolution(Registry& registry, const std::vector<Device>& devices) {
  Method esrrf{esrrfSpec(), cpuImplementations(cpuOf(devices), runEsrrf)};
#ifdef LQS_HAVE_OPENCL
  for (auto& impl : openclImplementations(devices, runEsrrfOpencl)) esrrf.implementations.push_back(std::move(impl));
#endif
#ifdef LQS_HAVE_CUDA
  for (auto& impl : cudaImplementations(devices, runEsrrfCuda)) esrrf.implementations.push_back(std::move(impl));
#endif
  registry.add(std::move(esrrf));

  Method srrf{srrfSpec(), cpuImplementations(cpuOf(devices), runSrrf)};
#ifdef LQS_HAVE_OPENCL
  for (auto& impl : openclImplementations(devices, runSrrfOpencl)) srrf.implementations.push_back(std::move(impl));
#endif
#ifdef LQS_HAVE_CUDA
  for (auto& impl : cudaImplementations(devices, runSrrfCuda)) srrf.implementations.push_back(std::move(impl));
#endif
  registry.add(std::move(srrf));

  Method esrrf3d{esrrf3dSpec(), cpuImplementations(cpuOf(devices), runEsrrf3d)};
#ifdef LQS_HAVE_OPENCL
  for (auto& impl : openclImplementations(devices, runEsrrf3dOpencl)) esrrf3d.implementations.push_back(std::move(impl));
#endif
#ifdef LQS_HAVE_CUDA
  for (auto& impl : cudaImplementations(devices, runEsrrf3dCuda)) esrrf3d.implementations.push_back(std::move(impl));
#endif
  registry.add(std::move(esrrf3d));

  registry.add(Method{esrrfSweepSpec(), cpuImplementations(cpuOf(devices), runEsrrfSweep)});
}

}  // namespace lqs
