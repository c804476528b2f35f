#include "methods/quality/frc_map.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "core/errors.hpp"
#include "methods/quality/frc.hpp"

namespace lqs {

namespace {

constexpr int kSmallestTile = 16;

std::vector<float> crop(std::span<const float> image, int cols, int top, int left, int size) {
  std::vector<float> out(std::size_t(size) * size);
  for (int r = 0; r < size; ++r)
    std::copy_n(image.data() + std::size_t(top + r) * cols + left, size, out.data() + std::size_t(r) * size);
  return out;
}

// Index of the tile centre nearest to `pixel` along one axis.
int nearestTile(int pixel, const FrcTiling& tiling, int count) {
  const double position = (pixel + 0.5 - tiling.tile / 2.0) / tiling.step;
  return std::clamp(int(std::lround(position)), 0, count - 1);
}

}  // namespace

FrcTiling frcTiling(int rows, int cols, int tile, int overlap) {
  if (tile < kSmallestTile)
    throw ParameterError("frc-map: tiles must be at least " + std::to_string(kSmallestTile) +
                         " pixels wide for the ring binning (tile_size " + std::to_string(tile) + ")");
  if (overlap < 0 || overlap >= tile)
    throw ParameterError("frc-map: the overlap (" + std::to_string(overlap) + ") must be below the tile size (" +
                         std::to_string(tile) + ")");
  if (rows < tile || cols < tile)
    throw ParameterError("frc-map: the image (" + std::to_string(rows) + "x" + std::to_string(cols) +
                         ") is smaller than one tile (" + std::to_string(tile) + ")");
  const int step = tile - overlap;
  return {tile, step, (rows - tile) / step + 1, (cols - tile) / step + 1};
}

std::vector<double> tileResolutions(const FrcTiling& tiling, std::span<const float> first,
                                    std::span<const float> second, int cols, double pixelSize, CpuSchedule schedule,
                                    const Job& job) {
  std::vector<double> resolutions(tiling.count(), std::numeric_limits<double>::quiet_NaN());
  forRange(schedule, resolutions.size(), [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      job.checkCancelled();
      const int top = tiling.top(int(i)), left = tiling.left(int(i));
      const auto a = crop(first, cols, top, left, tiling.tile), b = crop(second, cols, top, left, tiling.tile);
      const FrcCurve curve = fourierRingCorrelation(a, b, tiling.tile, tiling.tile, pixelSize);
      if (curve.resolution) resolutions[i] = *curve.resolution;
    }
  });
  return resolutions;
}

Stack paintTiles(const FrcTiling& tiling, const std::vector<double>& values, int rows, int cols) {
  Stack map(1, rows, cols);
  std::vector<int> tileColumn(cols);
  for (int c = 0; c < cols; ++c) tileColumn[c] = nearestTile(c, tiling, tiling.tileCols);
  for (int r = 0; r < rows; ++r) {
    const int tileRow = nearestTile(r, tiling, tiling.tileRows);
    for (int c = 0; c < cols; ++c) map.at(0, r, c) = float(values[std::size_t(tileRow) * tiling.tileCols + tileColumn[c]]);
  }
  return map;
}

}  // namespace lqs
