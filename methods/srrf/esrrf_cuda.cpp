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
  Stack out = plan.output(in);
  std::vector<float> map(out.frameSize());
  std::size_t done = 0;
  for (std::size_t b = 0; b < plan.blocks.size(); ++b) {
    TemporalAccumulator accumulator(plan.mode, map.size());
    for (std::size_t t = plan.blocks[b].first; t < plan.blocks[b].first + plan.blocks[b].second; ++t) {
      c.job.checkCancelled();
      session.frame(in.frame(t).data(), map.data());
      accumulator.add(map.data());
      c.job.progress(double(++done) / double(in.frames()), "esrrf");
    }
    plan.finish(accumulator, out, b);
  }
  return Result{{Output{"image", std::move(out)}}};
}

}  // namespace lqs
#endif
