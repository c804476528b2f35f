// SRRF on a CUDA device: radiality per frame on the device; correction and temporal orders on the host.
#include "methods/srrf/srrf.hpp"

#ifdef LQS_HAVE_CUDA
#include "methods/srrf/srrf_cuda_session.hpp"

namespace lqs {

Result runSrrfCuda(const RunContext& c, int device) {
  const FrameBlocks in(c.inputs.at(0));
  const SrrfPlan plan = planSrrf(c);
  gpu::cuda::SrrfSession session(device, int(in.rows()), int(in.cols()), plan.settings);
  return Result::of("image", plan.reconstruct(c, [&](const float* frame, float* map) {
                          session.frame(frame, map);
                        }));
}

}  // namespace lqs
#endif
