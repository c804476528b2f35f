#include "methods/common/cuda.hpp"
#include "methods/families.hpp"
#include "methods/srrf/esrrf.hpp"
#include "methods/srrf/esrrf3d.hpp"
#include "methods/srrf/srrf.hpp"
#include "methods/srrf/sweep.hpp"

namespace lqs {

void registerSuperResolution(Registry& registry, const std::vector<Device>& devices) {
  Method esrrf{esrrfSpec(), cpuImplementations(cpuOf(devices), runEsrrf)};
  esrrf.implementations.push_back(simdImplementation(cpuOf(devices), runEsrrf));
  Method srrf{srrfSpec(), cpuImplementations(cpuOf(devices), runSrrf)};
  srrf.implementations.push_back(simdImplementation(cpuOf(devices), runSrrf));
  Method esrrf3d{esrrf3dSpec(), cpuImplementations(cpuOf(devices), runEsrrf3d)};
#ifdef LQS_HAVE_OPENCL
  append(esrrf.implementations, openclImplementations(devices, runEsrrfOpencl));
  append(srrf.implementations, openclImplementations(devices, runSrrfOpencl));
  append(esrrf3d.implementations, openclImplementations(devices, runEsrrf3dOpencl));
#endif
#ifdef LQS_HAVE_CUDA
  append(esrrf.implementations, cudaImplementations(devices, runEsrrfCuda));
  append(srrf.implementations, cudaImplementations(devices, runSrrfCuda));
  append(esrrf3d.implementations, cudaImplementations(devices, runEsrrf3dCuda));
#endif
  registry.add(std::move(esrrf));
  registry.add(std::move(srrf));
  registry.add(std::move(esrrf3d));

  registry.add(Method{esrrfSweepSpec(), cpuImplementations(cpuOf(devices), runEsrrfSweep)});
}

}  // namespace lqs
