#pragma once
// Drift estimation and correction. The drift of frame t (dx along columns, dy along rows, pixels)
// is where its content sits relative to frame 0; correcting moves it back by (-dy, -dx).
#include <functional>
#include <vector>

#include "engine/registry.hpp"
#include "methods/common/cpu.hpp"
#include "methods/registration/cross_correlation.hpp"

namespace lqs {

struct DriftEstimate {
  std::vector<double> dx, dy;
  std::vector<std::string> warnings;
};

// reference: "first" (every block against the first) or "previous" (against the previous block,
// accumulated). Frames are averaged in blocks of `timeAveraging`; block shifts are interpolated to
// frames. `maxDrift` bounds the movement between consecutive blocks.
DriftEstimate estimateDrift(const Stack& stack, const std::string& reference, int timeAveraging,
                            double maxDrift, CpuSchedule schedule, const Job& job);

// The steps shared by every back end: the stack averaged in blocks of `timeAveraging` frames
// (clamped to [1, frames / 2]), each block mean-free;
struct DriftBlocks {
  std::vector<std::vector<double>> images;
  std::size_t average = 1;
  int rows = 0, cols = 0;
};
DriftBlocks driftBlocks(const Stack& stack, int timeAveraging, CpuSchedule schedule);

// then locate(b, centre), block b's shift against block 0 searched within max_drift of `centre` (the
// previous block's shift), or with "previous" against block b - 1 around 0, spread to every frame.
using BlockLocator = std::function<Shift(std::size_t block, Shift centre)>;
DriftEstimate driftFromBlocks(const DriftBlocks& blocks, bool previous, double maxDrift, std::size_t frames,
                              const BlockLocator& locate, const Job& job);

Stack applyDrift(const Stack& stack, const std::vector<double>& dx, const std::vector<double>& dy,
                 const std::string& interpolation, CpuSchedule schedule, const Job& job);

#ifdef LQS_HAVE_CUDA
// estimateDrift with the correlations on CUDA device `device` (drift_cuda.cpp).
DriftEstimate estimateDriftCuda(const Stack& stack, const std::string& reference, int timeAveraging,
                                double maxDrift, int device, const Job& job);
#endif

Table driftTable(const DriftEstimate& drift);

void registerDriftMethods(Registry& registry, const std::vector<Device>& devices);

}  // namespace lqs
