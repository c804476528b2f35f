// eSRRF 3D on a CUDA device: each volume's gradients, magnification and convergence on the device;
// the temporal reduction and macro-pixel correction on the host.
#include "methods/srrf/esrrf3d.hpp"

#ifdef LQS_HAVE_CUDA
#include "methods/srrf/esrrf3d_cuda_session.hpp"

namespace lqs {

Result runEsrrf3dCuda(const RunContext& c, int device) {
  const Esrrf3dPlan plan = planEsrrf3d(c);
  gpu::cuda::Esrrf3dSession session({device, plan.slices, plan.rows, plan.cols, plan.magXY, plan.magZ,
                                     plan.radius, plan.radiusZ, plan.sensitivity, plan.intensityWeighting,
                                     plan.offsetTable()});
  return Result::of(
      "image", plan.reconstruct(c, [&](const float* volume, float* map) { session.volume(volume, map); }));
}

}  // namespace lqs
#endif
