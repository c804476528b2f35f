#pragma once
// SRRF (radiality): per-frame radiality maps on the magnified grid (NanoPyx's SRRF workflow:
// Catmull-Rom magnified intensity, central-difference gradients, 12-point ring), macro-pixel
// correction of each frame's map (as the workflow does, before any temporal analysis), then the
// temporal order over each time point. Output: time points x rows*mag x cols*mag.
#include <functional>
#include <span>
#include <vector>

#include "engine/method.hpp"
#include "methods/common/cpu.hpp"
#include "methods/common/opencl.hpp"
#include "methods/srrf/srrf_row_simd.hpp"
#include "methods/srrf/srrf_settings.hpp"
#include "methods/srrf/timepoint_reader.hpp"

namespace lqs {

struct SrrfPlan {
  SrrfSettings settings;
  int order = 1;
  bool macroPixelCorrection = true;
  Timepoints blocks;

  // Calls `frameMap(frame, map)` for every frame (the implementation's part), corrects, reduces each
  // time point; progress and cancel per frame.
  Stack reconstruct(const RunContext& context, const std::function<void(const float*, float*)>& frameMap) const;
};
SrrfPlan planSrrf(const RunContext& context);  // throws ParameterError for impossible requests

MethodSpec srrfSpec();
Result runSrrf(const RunContext& context, CpuSchedule schedule);
Result runSrrfCuda(const RunContext& context, int device);
#ifdef LQS_HAVE_OPENCL
Result runSrrfOpencl(const RunContext& context, gpu::OpenclDevice& gpu);
#endif

// One frame's radiality map (rows*mag x cols*mag) on the CPU; `gradients` is reused scratch
// (padded for cpu:simd).
void srrfFrame(std::span<const float> frame, int rows, int cols, const SrrfSettings& settings,
               CpuSchedule schedule, PaddedGradients& gradients, float* out);

}  // namespace lqs
