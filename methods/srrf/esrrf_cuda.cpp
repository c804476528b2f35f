// eSRRF on a CUDA device: blocks of frames stream through the device pipeline, which keeps the
// temporal sums there; one reduced image per time point comes back.
#include "methods/srrf/esrrf.hpp"

#ifdef LQS_HAVE_CUDA
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cstring>

#include "gpu/kernels/rgc.h"
#include "methods/interpolation/separable_resample.hpp"
#include "methods/srrf/esrrf_cuda_pipeline.hpp"

namespace lqs {

namespace {

// Copies into the pinned staging buffer on all cores: one core's memcpy (~6 GB/s) would take as
// long per 2048x2048 frame as the device's whole reconstruction of it.
void parallelCopy(const float* from, std::size_t count, float* to) {
  constexpr std::size_t kChunk = std::size_t(1) << 18;  // floats: 1 MiB
  tbb::parallel_for(std::size_t(0), (count + kChunk - 1) / kChunk, [&](std::size_t chunk) {
    const std::size_t begin = chunk * kChunk;
    std::memcpy(to + begin, from + begin, std::min(kChunk, count - begin) * sizeof(float));
  });
}

// The Catmull-Rom taps of the coordinates lqs_esrrf_intensity samples (output index / mag) along
// an axis of `size` input pixels.
AxisTaps intensityTaps(std::size_t size, int magnification) {
  std::vector<float> coords(size * std::size_t(magnification));
  for (std::size_t i = 0; i < coords.size(); ++i) coords[i] = float(i) / float(magnification);
  return axisTaps(coords, int(size), LQS_CATMULL_ROM);
}

// The same for the gradient lattice's points (lqs_lattice_gradient).
AxisTaps latticeTaps(std::size_t size, int magnification) {
  std::vector<float> coords(2 * size + 1);
  for (std::size_t a = 0; a < coords.size(); ++a) coords[a] = lqs_lattice_coordinate(int(a), int(size), magnification);
  return axisTaps(coords, int(size), LQS_CATMULL_ROM);
}

}  // namespace

Result runEsrrfCuda(const RunContext& c, int device) {
  const FrameBlocks in(c.inputs.at(0));
  const EsrrfPlan plan = planEsrrf(c);
  const RgcTable table = makeRgcTable(plan.settings.magnification, plan.settings.radius);
  const int mag = plan.settings.magnification;
  const AxisTaps rowTaps = intensityTaps(in.rows(), mag), colTaps = intensityTaps(in.cols(), mag);
  const AxisTaps latticeRowTaps = latticeTaps(in.rows(), mag), latticeColTaps = latticeTaps(in.cols(), mag);
  gpu::cuda::EsrrfPipeline pipeline({device, int(in.rows()), int(in.cols()), plan.settings.sensitivity,
                                     plan.settings.intensityWeighting, int(plan.mode), tableView(rowTaps),
                                     tableView(colTaps), tableView(latticeRowTaps), tableView(latticeColTaps)},
                                    table);
  return Result::of("image", plan.reconstruct(c, EsrrfPlan::Reducer{pipeline.blockFrames(),
                                                                       [&](const float* frames, std::size_t count) {
                                                                         parallelCopy(frames, count * in.frameSize(),
                                                                                      pipeline.stage(count));
                                                                         pipeline.submit(count);
                                                                       },
                                                                       [&](float* out) { pipeline.finish(out); }}));
}

}  // namespace lqs
#endif
