#include "methods/registration/channel_blocks.hpp"

#include <algorithm>
#include <cmath>

#include "core/errors.hpp"
#include "methods/registration/cross_correlation.hpp"

namespace lqs {

namespace {

std::string size(std::size_t rows, std::size_t cols) {
  return std::to_string(rows) + "x" + std::to_string(cols);
}

void checkSizes(const Stack& reference, const Stack& channel, int perAxis) {
  if (reference.rows() != channel.rows() || reference.cols() != channel.cols())
    throw InputError("the reference is " + size(reference.rows(), reference.cols()) +
                     " pixels but the channel " + size(channel.rows(), channel.cols()) +
                     "; channel registration needs images of one size");
  const std::size_t side = std::min(reference.rows(), reference.cols());
  if (side < std::size_t(kMinBlockSide))
    throw InputError("channel registration needs images of at least " + size(kMinBlockSide, kMinBlockSide) +
                     " pixels; these are " + size(reference.rows(), reference.cols()));
  if (side / std::size_t(perAxis) < std::size_t(kMinBlockSide))
    throw ParameterError("blocks_per_axis " + std::to_string(perAxis) + " cuts these " +
                         size(reference.rows(), reference.cols()) + " images into blocks of " +
                         size(reference.rows() / perAxis, reference.cols() / perAxis) +
                         " pixels; blocks need " + size(kMinBlockSide, kMinBlockSide) + ", so use at most " +
                         std::to_string(side / kMinBlockSide));
}

// Mean-free and tapered by a sine window: the correlation is circular, and without the taper the
// jump where a block's opposite edges meet pulls the peak towards zero shift.
std::vector<double> cutBlock(const Stack& image, int top, int left, int rows, int cols) {
  std::vector<float> block(std::size_t(rows) * cols);
  for (int r = 0; r < rows; ++r)
    std::copy_n(image.frame(0).data() + std::size_t(top + r) * image.cols() + left, cols,
                block.data() + std::size_t(r) * cols);
  std::vector<double> centred = withoutMean(block.data(), block.size());
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c)
      centred[std::size_t(r) * cols + c] *=
          std::sin(M_PI * (r + 0.5) / rows) * std::sin(M_PI * (c + 0.5) / cols);
  return centred;
}

double median(std::vector<double> values) {
  const auto middle = values.begin() + std::ptrdiff_t(values.size() / 2);
  std::nth_element(values.begin(), middle, values.end());
  if (values.size() % 2 == 1) return *middle;
  return (*middle + *std::max_element(values.begin(), middle)) / 2;
}

// How far block (i, j)'s component lies from the least-squares plane through the used blocks within
// two blocks of it, in units of their median distance from that plane plus 0.1 px; 0 when fewer than
// four or collinear neighbours cannot define a plane. (A plane, not their median as in PIV's test:
// the coarse block grid of a smooth field has steep steps from block to block.)
double planeResidual(const BlockGrid& grid, int i, int j, double BlockShift::*component) {
  const int kReach = 2;
  struct Sample {
    double r, c, v;
  };
  std::vector<Sample> neighbours;
  for (int r = std::max(i - kReach, 0); r <= std::min(i + kReach, grid.perAxis - 1); ++r)
    for (int c = std::max(j - kReach, 0); c <= std::min(j + kReach, grid.perAxis - 1); ++c) {
      const BlockShift& b = grid.blocks[std::size_t(r) * grid.perAxis + c];
      if ((r != i || c != j) && b.used) neighbours.push_back({double(r - i), double(c - j), b.*component});
    }
  if (neighbours.size() < 4) return 0;
  // normal equations of v = a + b r + c s, solved by Cramer's rule
  double n = 0, sr = 0, sc = 0, srr = 0, scc = 0, src = 0, sv = 0, srv = 0, scv = 0;
  for (const Sample& s : neighbours) {
    n += 1, sr += s.r, sc += s.c, srr += s.r * s.r, scc += s.c * s.c, src += s.r * s.c;
    sv += s.v, srv += s.r * s.v, scv += s.c * s.v;
  }
  auto det = [](double a, double b, double c, double d, double e, double f, double g, double h, double k) {
    return a * (e * k - f * h) - b * (d * k - f * g) + c * (d * h - e * g);
  };
  const double d = det(n, sr, sc, sr, srr, src, sc, src, scc);
  if (std::abs(d) < 1e-9) return 0;  // neighbours on one line
  const double a = det(sv, sr, sc, srv, srr, src, scv, src, scc) / d;
  const double b = det(n, sv, sc, sr, srv, src, sc, scv, scc) / d;
  const double c = det(n, sr, sv, sr, srr, srv, sc, src, scv) / d;
  std::vector<double> misfits;
  for (const Sample& s : neighbours) misfits.push_back(std::abs(s.v - (a + b * s.r + c * s.c)));
  const double noiseLevel = 0.1;  // pixels, so that neighbours on an exact plane do not make the test strict
  return std::abs(grid.blocks[std::size_t(i) * grid.perAxis + j].*component - a) /
         (median(misfits) + noiseLevel);
}

}  // namespace

int BlockGrid::used() const {
  return int(std::count_if(blocks.begin(), blocks.end(), [](const BlockShift& b) { return b.used; }));
}

BlockGrid measureBlockShifts(const Stack& reference, const Stack& channel, int perAxis, double maxShift,
                             double minSimilarity, CpuSchedule schedule, const Job& job) {
  checkSizes(reference, channel, perAxis);
  BlockGrid grid;
  grid.perAxis = perAxis;
  grid.blockRows = int(reference.rows()) / perAxis;
  grid.blockCols = int(reference.cols()) / perAxis;
  // a wider window would wrap around the circular correlation map and alias shifts
  grid.searchRadius = std::min(maxShift, double((std::min(grid.blockRows, grid.blockCols) - 1) / 2));
  grid.blocks.resize(std::size_t(perAxis) * perAxis);
  forRange(schedule, grid.blocks.size(), [&](std::size_t begin, std::size_t end) {
    for (std::size_t b = begin; b < end; ++b) {
      job.checkCancelled();
      const int top = int(b) / perAxis * grid.blockRows, left = int(b) % perAxis * grid.blockCols;
      const ReferenceSpectrum spectrum(cutBlock(reference, top, left, grid.blockRows, grid.blockCols),
                                       grid.blockRows, grid.blockCols);
      const Shift shift = spectrum.locate(cutBlock(channel, top, left, grid.blockRows, grid.blockCols), {},
                                          grid.searchRadius);
      // locate gives where the channel's content sits; the field moves it back
      grid.blocks[b] = {-shift.dy, -shift.dx, shift.peak, shift.peak >= minSimilarity};
    }
  });
  return grid;
}

int rejectOutliers(BlockGrid& grid) {
  std::vector<std::size_t> outliers;
  for (int i = 0; i < grid.perAxis; ++i)
    for (int j = 0; j < grid.perAxis; ++j) {
      const std::size_t b = std::size_t(i) * grid.perAxis + j;
      if (grid.blocks[b].used && std::max(planeResidual(grid, i, j, &BlockShift::dy),
                                          planeResidual(grid, i, j, &BlockShift::dx)) > 2)
        outliers.push_back(b);
    }
  for (std::size_t b : outliers)
    grid.blocks[b].used = false;  // after the test, so that the order does not matter
  return int(outliers.size());
}

void refillUnusedBlocks(BlockGrid& grid) {
  const double diagonal =
      std::hypot(double(grid.perAxis * grid.blockRows), double(grid.perAxis * grid.blockCols));
  auto centre = [&](int b) {
    return std::pair{grid.centreRow(b / grid.perAxis), grid.centreCol(b % grid.perAxis)};
  };
  const int count = int(grid.blocks.size());
  for (int b = 0; b < count; ++b) {
    if (grid.blocks[b].used) continue;
    double dy = 0, dx = 0, weights = 0;
    for (int other = 0; other < count; ++other) {
      if (!grid.blocks[other].used) continue;
      const auto [r0, c0] = centre(b);
      const auto [r1, c1] = centre(other);
      const double d = std::hypot(r1 - r0, c1 - c0) + 1;
      const double w = std::pow(1 / d - 1 / diagonal, 2);
      dy += w * grid.blocks[other].dy, dx += w * grid.blocks[other].dx, weights += w;
    }
    grid.blocks[b].dy = weights > 0 ? dy / weights : 0;
    grid.blocks[b].dx = weights > 0 ? dx / weights : 0;
  }
}

}  // namespace lqs
