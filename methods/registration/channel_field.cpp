#include "methods/registration/channel_field.hpp"

#include <algorithm>
#include <cmath>

#include "core/errors.hpp"
#include "gpu/kernels/interpolation.h"
#include "methods/interpolation/geometric_transform.hpp"

namespace lqs {

namespace {

// Passes that measure what is left after registering with the field so far (channel_field.hpp).
constexpr int kRefinements = 2;

// The block grid padded with linearly extrapolated nodes on every side, as an image for the
// Catmull-Rom sampler (node k's centre at k + 0.5).
struct PaddedGrid {
  int ghosts, side;
  std::vector<float> dy, dx;
};

// One component along a line of n nodes, extended to node k < 0 or k >= n from the nearest end
// node with the least-squares slope of the whole line (exact for a linear field; one noisy end block
// does not tilt the border); constant for a single node.
template <class Value>
float extended(const Value& value, int n, int k) {
  if (n == 1) return value(0);
  const double middle = (n - 1) / 2.0;
  double mean = 0, covariance = 0, variance = 0;
  for (int i = 0; i < n; ++i) mean += value(i) / n;
  for (int i = 0; i < n; ++i)
    covariance += (i - middle) * (value(i) - mean), variance += (i - middle) * (i - middle);
  const double slope = covariance / variance;
  return float(k < 0 ? value(0) + k * slope : value(n - 1) + (k - n + 1) * slope);
}

std::vector<float> padded(const BlockGrid& grid, int ghosts, double BlockShift::*component) {
  const int n = grid.perAxis, side = n + 2 * ghosts;
  std::vector<float> out(std::size_t(side) * side);
  auto at = [&](int i, int j) -> float& { return out[std::size_t(i + ghosts) * side + (j + ghosts)]; };
  for (int i = 0; i < n; ++i) {
    auto node = [&](int j) { return float(grid.blocks[std::size_t(i) * n + j].*component); };
    for (int j = -ghosts; j < n + ghosts; ++j) at(i, j) = j >= 0 && j < n ? node(j) : extended(node, n, j);
  }
  for (int i = -ghosts; i < n + ghosts; ++i)
    if (i < 0 || i >= n)
      for (int j = -ghosts; j < n + ghosts; ++j) at(i, j) = extended([&](int r) { return at(r, j); }, n, i);
  return out;
}

PaddedGrid padGrid(const BlockGrid& grid, std::size_t rows, std::size_t cols) {
  // Catmull-Rom reaches two nodes past the outer centres; the remainder rows and columns that belong
  // to no block lie up to (remainder / block side) nodes further out
  const std::size_t n = std::size_t(grid.perAxis);
  const int ghosts =
      3 + int(std::max((rows % n) / std::size_t(grid.blockRows), (cols % n) / std::size_t(grid.blockCols)));
  return {ghosts, grid.perAxis + 2 * ghosts, padded(grid, ghosts, &BlockShift::dy),
          padded(grid, ghosts, &BlockShift::dx)};
}

Stack interpolateField(const BlockGrid& grid, std::size_t rows, std::size_t cols, CpuSchedule schedule) {
  const PaddedGrid padded = padGrid(grid, rows, cols);
  Stack field(2, rows, cols);
  forRange(schedule, rows, [&](std::size_t begin, std::size_t end) {
    for (std::size_t y = begin; y < end; ++y) {
      const float row = float((double(y) + 0.5 - grid.centreRow(0)) / grid.blockRows + padded.ghosts + 0.5);
      for (std::size_t x = 0; x < cols; ++x) {
        const float col = float((double(x) + 0.5 - grid.centreCol(0)) / grid.blockCols + padded.ghosts + 0.5);
        field.at(0, y, x) = sampleAt(padded.dy.data(), row, col, padded.side, padded.side, LQS_CATMULL_ROM);
        field.at(1, y, x) = sampleAt(padded.dx.data(), row, col, padded.side, padded.side, LQS_CATMULL_ROM);
      }
    }
  });
  return field;
}

void checkField(const Stack& channel, const Stack& field) {
  if (field.frames() != 2 || field.rows() != channel.rows() || field.cols() != channel.cols())
    throw InputError("the translation field must be 2 frames (dy, dx) of " + std::to_string(channel.rows()) +
                     "x" + std::to_string(channel.cols()) + " pixels like the channel; it is " +
                     std::to_string(field.frames()) + " of " + std::to_string(field.rows()) + "x" +
                     std::to_string(field.cols()));
  const auto bad =
      std::find_if(field.data(), field.data() + field.size(), [](float v) { return !std::isfinite(v); });
  if (bad != field.data() + field.size())
    throw InputError("the translation field has a non-finite value at element " +
                     std::to_string(bad - field.data()));
}

void notesOnBlocks(const BlockGrid& grid, const ChannelFieldOptions& options, int dissimilar, int outliers,
                   ChannelField& result) {
  if (grid.searchRadius < options.maxShift)
    result.notes.push_back("max_shift limited to " + std::to_string(int(grid.searchRadius)) +
                           " px by the block size");
  if (result.blocksUsed == 0) {
    double best = 0;
    for (const auto& b : grid.blocks) best = std::max(best, b.similarity);
    result.notes.push_back("no block reached min_similarity (best " + std::to_string(best) +
                           "); the field is zero. Featureless images cannot be registered; otherwise lower "
                           "min_similarity or use fewer blocks");
  } else if (result.blocksUsed < result.blocks) {
    result.notes.push_back(std::to_string(dissimilar) + " block(s) below min_similarity and " +
                           std::to_string(outliers) +
                           " disagreeing with their neighbours took the shifts of the others");
  }
}

}  // namespace

Stack singleImage(const Stack& stack, const std::string& role, std::vector<std::string>& notes) {
  if (stack.frames() == 1) return stack;
  Stack mean(1, stack.rows(), stack.cols());
  mean.pixelSize = stack.pixelSize;
  std::vector<double> sum(stack.frameSize(), 0.0);
  for (std::size_t t = 0; t < stack.frames(); ++t)
    for (std::size_t i = 0; i < sum.size(); ++i) sum[i] += stack.frame(t)[i];
  for (std::size_t i = 0; i < sum.size(); ++i) mean.data()[i] = float(sum[i] / double(stack.frames()));
  notes.push_back(role + ": the mean of its " + std::to_string(stack.frames()) + " frames was used");
  return mean;
}

ChannelField estimateChannelField(const Stack& reference, const Stack& channel,
                                  const ChannelFieldOptions& options, CpuSchedule schedule, const Job& job) {
  ChannelField result;
  const Stack ref = singleImage(reference, "reference", result.notes);
  const Stack moving = singleImage(channel, "channel", result.notes);
  auto measure = [&](const Stack& image) {
    return measureBlockShifts(ref, image, options.blocksPerAxis, options.maxShift, options.minSimilarity,
                              schedule, job);
  };
  BlockGrid grid = measure(moving);
  const int dissimilar = int(grid.blocks.size()) - grid.used();
  int outliers = rejectOutliers(grid);
  refillUnusedBlocks(grid);
  result.field = interpolateField(grid, ref.rows(), ref.cols(), schedule);
  const Job quiet;  // the warp reports its own progress; here it is a step of this one
  for (int pass = 1; pass <= kRefinements && grid.used() > 0; ++pass) {
    job.progress(double(pass) / (kRefinements + 1), "field");
    const BlockGrid residual =
        measure(applyChannelField(moving, result.field, LQS_CATMULL_ROM, schedule, quiet));
    for (std::size_t b = 0; b < grid.blocks.size(); ++b)
      grid.blocks[b].dy += residual.blocks[b].dy, grid.blocks[b].dx += residual.blocks[b].dx;
    // outliers are judged on the totals, which every pass makes more precise
    outliers += rejectOutliers(grid);
    refillUnusedBlocks(grid);
    result.field = interpolateField(grid, ref.rows(), ref.cols(), schedule);
  }
  result.blocks = int(grid.blocks.size());
  result.blocksUsed = grid.used();
  notesOnBlocks(grid, options, dissimilar, outliers, result);
  result.field.pixelSize = ref.pixelSize;
  return result;
}

Stack applyChannelField(const Stack& channel, const Stack& field, int kind, CpuSchedule schedule,
                        const Job& job) {
  checkField(channel, field);
  const std::size_t cols = channel.cols();
  const float* dy = field.frame(0).data();
  const float* dx = field.frame(1).data();
  return resample(
      channel, channel.rows(), cols,
      [=](int i, int j) {
        const std::size_t p = std::size_t(i) * cols + std::size_t(j);
        return std::pair{float(i) + 0.5f - dy[p], float(j) + 0.5f - dx[p]};
      },
      kind, schedule, job);
}

}  // namespace lqs
