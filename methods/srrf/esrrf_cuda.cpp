// eSRRF on a CUDA device: blocks of frames stream through the device pipeline, which keeps the
// temporal sums there; one reduced image per time point comes back.
#include "methods/srrf/esrrf.hpp"

#ifdef LQS_HAVE_CUDA

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "gpu/host_copy.hpp"
#include "gpu/kernels/rgc.h"
#include "methods/interpolation/separable_resample.hpp"
#include "methods/srrf/esrrf_cuda_pipeline.hpp"

namespace lqs {

namespace {

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

// Host-side time per phase of a call on stderr when LQS_CUDA_TIMING is set: where an end-to-end
// figure goes besides the kernels (docs/benchmarks.md).
class PhaseTimes {
 public:
  PhaseTimes() : enabled_(std::getenv("LQS_CUDA_TIMING") != nullptr) {}
  ~PhaseTimes() {
    if (!enabled_) return;
    std::fprintf(stderr, "esrrf cuda phases (ms): setup %.1f, staging %.1f, waiting for the device %.1f, "
                         "reduce and download %.1f, other host work %.1f, teardown %.1f\n",
                 setup, staging, waiting, finishing, total - setup - staging - waiting - finishing - teardown,
                 teardown);
  }
  // Runs `work` and adds its milliseconds to `into`.
  template <class Work>
  auto time(double& into, const Work& work) {
    const auto start = std::chrono::steady_clock::now();
    struct Add {
      double& into;
      std::chrono::steady_clock::time_point start;
      ~Add() { into += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count(); }
    } add{into, start};
    return work();
  }
  double setup = 0, staging = 0, waiting = 0, finishing = 0, teardown = 0, total = 0;

 private:
  bool enabled_;
};

}  // namespace

Result runEsrrfCuda(const RunContext& c, int device) {
  PhaseTimes times;
  return times.time(times.total, [&] {
    const FrameBlocks in(c.inputs.at(0));
    const EsrrfPlan plan = planEsrrf(c);
    const int mag = plan.settings.magnification;
    auto pipeline = times.time(times.setup, [&] {
      const RgcTable table = makeRgcTable(mag, plan.settings.radius);
      const AxisTaps rowTaps = intensityTaps(in.rows(), mag), colTaps = intensityTaps(in.cols(), mag);
      const AxisTaps latticeRowTaps = latticeTaps(in.rows(), mag), latticeColTaps = latticeTaps(in.cols(), mag);
      return std::make_unique<gpu::cuda::EsrrfPipeline>(
          gpu::cuda::EsrrfCudaSettings{device, int(in.rows()), int(in.cols()), plan.settings.sensitivity,
                                       plan.settings.intensityWeighting, int(plan.mode), tableView(rowTaps),
                                       tableView(colTaps), tableView(latticeRowTaps), tableView(latticeColTaps)},
          table);
    });
    const EsrrfPlan::Reducer reducer{
        pipeline->blockFrames(),
        [&](const float* frames, std::size_t count) {
          float* staging = times.time(times.waiting, [&] { return pipeline->stage(count); });
          times.time(times.staging, [&] { gpu::parallelCopy(frames, count * in.frameSize(), staging); });
          pipeline->submit(count);
        },
        [&](float* out) {
          times.time(times.finishing, [&] {
            pipeline->finish([&](const float* piece, std::size_t offset, std::size_t count) {
              gpu::parallelCopy(piece, count, out + offset);
            });
          });
        }};
    Stack image = plan.reconstruct(c, reducer);
    times.time(times.teardown, [&] { pipeline.reset(); });
    return Result::of("image", std::move(image));
  });
}

}  // namespace lqs
#endif
