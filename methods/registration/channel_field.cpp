#include "methods/registration/channel_field.hpp"

#include <algorithm>
#include <cmath>

#include "core/errors.hpp"
#include "gpu/kernels/interpolation.h"
#include "methods/interpolation/geometric_transform.hpp"

namespace lqs {

namespace {

// Ghost nodes on each side of the block grid: Catmull-Rom's four taps reach two nodes past the
// outer centres, and pixels of the remainder rows and columns sit up to one more block out.
constexpr int kGhosts = 3;
// Passes that measure what is left after registering with the field so far (channel_field.hpp).
constexpr int kRefinements = 2;

// One component of the block shifts on a grid padded with kGhosts linearly extrapolated nodes per side.
std::vector<float> paddedGrid(const BlockGrid& grid, double BlockShift::*component) {
  const int n = grid.perAxis, side = n + 2 * kGhosts;
  std::vector<float> padded(std::size_t(side) * side);
  auto at = [&](int i, int j) -> float& { return padded[std::size_t(i + kGhosts) * side + (j + kGhosts)]; };
  // node k of a line of nodes: linear from the nearest two, constant for a single node
  auto extend = [n](auto&& value, int k) {
    if (n == 1) return value(0);
    if (k < 0) return value(0) + float(k) * (value(1) - value(0));
    return value(n - 1) + float(k - n + 1) * (value(n - 1) - value(n - 2));
  };
  for (int i = 0; i < n; ++i)
    for (int j = -kGhosts; j < n + kGhosts; ++j)
      at(i, j) = j >= 0 && j < n ? float(grid.blocks[std::size_t(i) * n + j].*component)
                                 : extend([&](int c) { return float(grid.blocks[std::size_t(i) * n + c].*component); }, j);
  for (int i = -kGhosts; i < n + kGhosts; ++i)
    if (i < 0 || i >= n)
      for (int j = -kGhosts; j < n + kGhosts; ++j) at(i, j) = extend([&](int r) { return at(r, j); }, i);
  return padded;
}

Stack interpolateField(const BlockGrid& grid, std::size_t rows, std::size_t cols, CpuSchedule schedule) {
  const int side = grid.perAxis + 2 * kGhosts;
  const std::vector<float> dy = paddedGrid(grid, &BlockShift::dy), dx = paddedGrid(grid, &BlockShift::dx);
  Stack field(2, rows, cols);
  forRange(schedule, rows, [&](std::size_t begin, std::size_t end) {
    for (std::size_t y = begin; y < end; ++y) {
      // node k's centre is at k + 0.5 for the sampler
      const float row = float((double(y) + 0.5 - grid.centreRow(0)) / grid.blockRows + kGhosts + 0.5);
      for (std::size_t x = 0; x < cols; ++x) {
        const float col = float((double(x) + 0.5 - grid.centreCol(0)) / grid.blockCols + kGhosts + 0.5);
        field.at(0, y, x) = sampleAt(dy.data(), row, col, side, side, LQS_CATMULL_ROM);
        field.at(1, y, x) = sampleAt(dx.data(), row, col, side, side, LQS_CATMULL_ROM);
      }
    }
  });
  return field;
}

void checkField(const Stack& channel, const Stack& field) {
  if (field.frames() != 2 || field.rows() != channel.rows() || field.cols() != channel.cols())
    throw InputError("the translation field must be 2 frames (dy, dx) of " + std::to_string(channel.rows()) + "x" +
                     std::to_string(channel.cols()) + " pixels like the channel; it is " +
                     std::to_string(field.frames()) + " of " + std::to_string(field.rows()) + "x" +
                     std::to_string(field.cols()));
  const auto bad = std::find_if(field.data(), field.data() + field.size(), [](float v) { return !std::isfinite(v); });
  if (bad != field.data() + field.size())
    throw InputError("the translation field has a non-finite value at element " +
                     std::to_string(bad - field.data()));
}

void notesOnBlocks(const BlockGrid& grid, const ChannelFieldOptions& options, ChannelField& result) {
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
    result.notes.push_back(std::to_string(result.blocks - result.blocksUsed) +
                           " block(s) below min_similarity took their neighbours' shifts");
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

ChannelField estimateChannelField(const Stack& reference, const Stack& channel, const ChannelFieldOptions& options,
                                  CpuSchedule schedule, const Job& job) {
  ChannelField result;
  const Stack ref = singleImage(reference, "reference", result.notes);
  const Stack moving = singleImage(channel, "channel", result.notes);
  auto measure = [&](const Stack& image) {
    return measureBlockShifts(ref, image, options.blocksPerAxis, options.maxShift, options.minSimilarity, schedule,
                              job);
  };
  BlockGrid grid = measure(moving);
  result.blocks = int(grid.blocks.size());
  result.blocksUsed = grid.used();
  notesOnBlocks(grid, options, result);
  refillUnusedBlocks(grid);
  result.field = interpolateField(grid, ref.rows(), ref.cols(), schedule);
  for (int pass = 1; pass <= kRefinements && result.blocksUsed > 0; ++pass) {
    job.progress(double(pass) / (kRefinements + 1), "field");
    BlockGrid residual = measure(applyChannelField(moving, result.field, LQS_CATMULL_ROM, schedule, job));
    for (std::size_t b = 0; b < grid.blocks.size(); ++b) residual.blocks[b].used = grid.blocks[b].used;
    refillUnusedBlocks(residual);
    for (std::size_t b = 0; b < grid.blocks.size(); ++b)
      grid.blocks[b].dy += residual.blocks[b].dy, grid.blocks[b].dx += residual.blocks[b].dx;
    result.field = interpolateField(grid, ref.rows(), ref.cols(), schedule);
  }
  result.field.pixelSize = ref.pixelSize;
  return result;
}

Stack applyChannelField(const Stack& channel, const Stack& field, int kind, CpuSchedule schedule, const Job& job) {
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
