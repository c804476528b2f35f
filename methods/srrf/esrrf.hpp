#pragma once
// eSRRF (2D): per-frame radial gradient convergence reduced over each time point by a temporal
// correlation, then macro-pixel correction. Output: time points x rows*mag x cols*mag.
#include <functional>

#include "engine/method.hpp"
#include "methods/common/cpu.hpp"
#include "methods/common/opencl.hpp"
#include "methods/srrf/esrrf_frame.hpp"
#include "methods/srrf/temporal.hpp"
#include "methods/srrf/timepoint_reader.hpp"

namespace lqs {

MethodSpec esrrfSpec();
Result runEsrrf(const RunContext& context, CpuSchedule schedule);
Result runEsrrfCuda(const RunContext& context, int device);
#ifdef LQS_HAVE_OPENCL
Result runEsrrfOpencl(const RunContext& context, gpu::OpenclDevice& gpu);
#endif

// What every implementation shares: validated settings, time points, and the finishing steps.
struct EsrrfPlan {
  EsrrfSettings settings;
  TemporalCorrelation mode;
  Timepoints blocks;
  bool macroPixelCorrection = true;
  // The host's own share (temporal sums, allocating the output beside the first frames): Serial
  // keeps cpu:unthreaded on one thread.
  CpuSchedule schedule = CpuSchedule::Tbb;

  // The one time-point loop of every implementation: for each time point, `add(frames, count)` for
  // its frames in blocks of at most `blockFrames`, then `finish(out)` writes the reduced map, which
  // gets macro-pixel correction here. Progress and cancel per block.
  struct Reducer {
    std::size_t blockFrames = 1;
    std::function<void(const float* frames, std::size_t count)> add;
    std::function<void(float* out)> finish;
  };
  Stack reconstruct(const RunContext& context, const Reducer& reducer) const;
  // For implementations that produce one frame's RGC map at a time (`frameMap(frame, map)`): the
  // temporal reduction runs on the host.
  Stack reconstruct(const RunContext& context, const std::function<void(const float*, float*)>& frameMap) const;
};
EsrrfPlan planEsrrf(const RunContext& context);  // throws ParameterError for impossible requests

}  // namespace lqs
