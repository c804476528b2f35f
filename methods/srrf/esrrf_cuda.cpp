// eSRRF on a CUDA device: one session keeps the weight table and buffers on the device; each
// frame's map comes back for the temporal accumulation.
#include "methods/srrf/esrrf.hpp"

#ifdef LQS_HAVE_CUDA
#include "gpu/cuda/cuda_kernels.hpp"

namespace lqs {

Result runEsrrfCuda(const RunContext& c, int device) {
  const Stack& in = c.stack(0);
  const EsrrfPlan plan = planEsrrf(c);
  const int mag = plan.settings.magnification;
  const RgcTable table = makeRgcTable(mag, plan.settings.radius);
  gpu::cuda::EsrrfSession session(device, int(in.rows()), int(in.cols()), mag, table.entries.data(),
                                  table.entries.size(), table.first.data(), table.count.data(),
                                  table.latticeRowOf.data(), table.margin, plan.settings.sensitivity,
                                  plan.settings.intensityWeighting);
  return Result{{Output{"image", plan.reconstruct(c, [&](std::size_t t, float* map) {
                          session.frame(in.frame(t).data(), map);
                        })}}};
}

}  // namespace lqs
#endif
