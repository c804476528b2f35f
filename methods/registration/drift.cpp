#include "methods/registration/drift.hpp"

#include <cmath>

#include "core/errors.hpp"
#include "methods/interpolation/geometric_transform.hpp"
#include "methods/registration/cross_correlation.hpp"

namespace lqs {

namespace {

std::vector<double> blockMean(const Stack& stack, std::size_t first, std::size_t count) {
  std::vector<double> mean(stack.frameSize(), 0.0);
  for (std::size_t t = first; t < first + count; ++t)
    for (std::size_t i = 0; i < mean.size(); ++i) mean[i] += stack.frame(t)[i];
  std::vector<float> averaged(mean.size());
  for (std::size_t i = 0; i < mean.size(); ++i) averaged[i] = float(mean[i] / double(count));
  return withoutMean(averaged.data(), averaged.size());
}

// Piecewise-linear interpolation of block shifts (at block centres) to every frame, extended
// linearly beyond the first and last centres.
std::vector<double> toFrames(const std::vector<double>& centres, const std::vector<double>& values,
                             std::size_t frames) {
  std::vector<double> out(frames);
  for (std::size_t t = 0; t < frames; ++t) {
    if (values.size() == 1) {
      out[t] = values[0];
      continue;
    }
    std::size_t k = 1;
    while (k + 1 < centres.size() && centres[k] < double(t)) ++k;
    const double f = (double(t) - centres[k - 1]) / (centres[k] - centres[k - 1]);
    out[t] = values[k - 1] + f * (values[k] - values[k - 1]);
  }
  return out;
}

}  // namespace

DriftBlocks driftBlocks(const Stack& stack, int timeAveraging, CpuSchedule schedule) {
  if (stack.frames() < 2) throw InputError("drift estimation needs a stack of at least 2 frames");
  DriftBlocks blocks;
  blocks.average = std::clamp<std::size_t>(std::size_t(timeAveraging), 1, stack.frames() / 2);
  blocks.images.resize(stack.frames() / blocks.average);
  blocks.rows = int(stack.rows()), blocks.cols = int(stack.cols());
  forRange(schedule, blocks.images.size(), [&](std::size_t begin, std::size_t end) {
    for (std::size_t b = begin; b < end; ++b)
      blocks.images[b] = blockMean(stack, b * blocks.average, blocks.average);
  });
  return blocks;
}

DriftEstimate driftFromBlocks(const DriftBlocks& blocks, bool previous, double maxDrift, std::size_t frames,
                              const BlockLocator& locate, const Job& job) {
  const std::size_t average = blocks.average, count = blocks.images.size();
  DriftEstimate drift;
  std::vector<double> centres, bx{0.0}, by{0.0};
  centres.push_back((double(average) - 1) / 2);
  double lowestPeak = 1;
  for (std::size_t b = 1; b < count; ++b) {
    job.checkCancelled();
    const Shift found = locate(b, previous ? Shift{} : Shift{by.back(), bx.back(), 0});
    const Shift shift = previous ? Shift{by.back() + found.dy, bx.back() + found.dx, found.peak} : found;
    if (std::hypot(shift.dy - by.back(), shift.dx - bx.back()) > maxDrift - 0.5)
      drift.warnings.push_back("block " + std::to_string(b) +
                               " moved close to max_drift; the estimate may be wrong");
    lowestPeak = std::min(lowestPeak, shift.peak);
    centres.push_back(double(b * average) + (double(average) - 1) / 2);
    bx.push_back(shift.dx);
    by.push_back(shift.dy);
    job.progress(double(b) / double(count), "drift");
  }
  if (lowestPeak < 0.2)
    drift.warnings.push_back("frames correlate weakly with the reference (lowest peak " +
                             std::to_string(lowestPeak) +
                             "); featureless or very noisy frames give unreliable drift");
  drift.dx = toFrames(centres, bx, frames);
  drift.dy = toFrames(centres, by, frames);
  const double x0 = drift.dx[0], y0 = drift.dy[0];  // relative to frame 0
  for (std::size_t t = 0; t < frames; ++t) drift.dx[t] -= x0, drift.dy[t] -= y0;
  return drift;
}

DriftEstimate estimateDrift(const Stack& stack, const std::string& reference, int timeAveraging,
                            double maxDrift, CpuSchedule schedule, const Job& job) {
  const DriftBlocks blocks = driftBlocks(stack, timeAveraging, schedule);
  const auto count = blocks.images.size();
  if (reference == "previous") {
    // every block against the one before, around 0: independent, so the blocks share out the work
    std::vector<Shift> steps(count);
    forRange(schedule, count - 1, [&](std::size_t begin, std::size_t end) {
      for (std::size_t b = begin + 1; b < end + 1; ++b) {
        job.checkCancelled();
        steps[b] = ReferenceSpectrum(blocks.images[b - 1], blocks.rows, blocks.cols)
                       .locate(blocks.images[b], {}, maxDrift);
      }
    });
    return driftFromBlocks(
        blocks, true, maxDrift, stack.frames(), [&](std::size_t b, Shift) { return steps[b]; }, job);
  }
  // each window is centred on the block before's shift: blocks in order, each one's grids shared out
  const ReferenceSpectrum first(blocks.images[0], blocks.rows, blocks.cols);
  return driftFromBlocks(
      blocks, false, maxDrift, stack.frames(),
      [&](std::size_t b, Shift centre) { return first.locate(blocks.images[b], centre, maxDrift, schedule); },
      job);
}

Stack applyDrift(const Stack& stack, const std::vector<double>& dx, const std::vector<double>& dy,
                 const std::string& interpolation, CpuSchedule schedule, const Job& job) {
  if (dx.size() != stack.frames())
    throw InputError("the drift table has " + std::to_string(dx.size()) + " rows but the stack " +
                     std::to_string(stack.frames()) + " frames");
  Stack out(stack.frames(), stack.rows(), stack.cols());
  out.pixelSize = stack.pixelSize;
  const int kind = interpolatorKind(interpolation);
  for (std::size_t t = 0; t < stack.frames(); ++t) {
    job.checkCancelled();
    // output pixel centre (i + 0.5) shows input coordinate (i + 0.5) + drift
    const float sy = float(dy[t]), sx = float(dx[t]);
    const Stack frame = stack.frameRange(t, 1);
    const Stack moved = resample(
        frame, stack.rows(), stack.cols(),
        [=](int i, int j) {
          return std::pair{float(i) + 0.5f + sy, float(j) + 0.5f + sx};
        },
        kind, schedule, job);
    std::copy(moved.data(), moved.data() + moved.size(), out.frame(t).data());
  }
  return out;
}

Table driftTable(const DriftEstimate& drift) {
  Table table{{"frame", "dx", "dy", "magnitude"}, {}};
  for (std::size_t t = 0; t < drift.dx.size(); ++t)
    table.rows.push_back({double(t), drift.dx[t], drift.dy[t], std::hypot(drift.dx[t], drift.dy[t])});
  return table;
}

}  // namespace lqs
