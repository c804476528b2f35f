// eSRRF on a CUDA device: blocks of frames stream through the device pipeline, which keeps the
// temporal sums there; one reduced image per time point comes back.
#include "methods/srrf/esrrf.hpp"

#ifdef LQS_HAVE_CUDA
#include "methods/srrf/esrrf_cuda_pipeline.hpp"

namespace lqs {

Result runEsrrfCuda(const RunContext& c, int device) {
  const FrameBlocks in(c.inputs.at(0));
  const EsrrfPlan plan = planEsrrf(c);
  const RgcTable table = makeRgcTable(plan.settings.magnification, plan.settings.radius);
  gpu::cuda::EsrrfPipeline pipeline({device, int(in.rows()), int(in.cols()), plan.settings.sensitivity,
                                     plan.settings.intensityWeighting, int(plan.mode)},
                                    table);
  return Result::of("image", plan.reconstruct(c, EsrrfPlan::Reducer{pipeline.blockFrames(),
                                                                       [&](const float* frames, std::size_t count) {
                                                                         pipeline.add(frames, count);
                                                                       },
                                                                       [&](float* out) { pipeline.finish(out); }}));
}

}  // namespace lqs
#endif
