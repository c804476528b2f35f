// `frc-map`: NanoJ-SQUIRREL's block-wise FRC resolution map, painted on the image's own grid with the
// input's pixel size so it overlays the reconstruction; NaN marks tiles without a threshold crossing.
#include <algorithm>
#include <cmath>

#include "core/errors.hpp"
#include "methods/quality/frc_input.hpp"
#include "methods/quality/frc_map.hpp"
#include "methods/quality/quality_methods.hpp"

namespace lqs {

namespace {

// NanoJ-SQUIRREL's default: 10 blocks along the width (here square tiles, at least 16 pixels and,
// for a wide strip, no taller than the image).
int automaticTile(int rows, int cols) { return std::max(16, std::min(cols / 10, rows)); }

double median(std::vector<double> values) {
  const std::size_t middle = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + middle, values.end());
  if (values.size() % 2) return values[middle];
  return (values[middle] + *std::max_element(values.begin(), values.begin() + middle)) / 2;
}

void summarise(const std::vector<double>& resolutions, Result& result) {
  std::vector<double> found;
  for (const double value : resolutions)
    if (!std::isnan(value)) found.push_back(value);
  result.values["tiles"] = double(resolutions.size());
  result.values["tiles_without_crossing"] = double(resolutions.size() - found.size());
  if (found.empty()) {
    result.notes.push_back("no tile's FRC curve crosses the 1/7 threshold: the map holds only NaN");
    return;
  }
  if (found.size() < resolutions.size())
    result.notes.push_back(std::to_string(resolutions.size() - found.size()) +
                           " tiles never cross the 1/7 threshold (or hold no structure): NaN in the map");
  double sum = 0;
  for (const double value : found) sum += value;
  result.values["mean_resolution"] = sum / double(found.size());
  result.values["median_resolution"] = median(found);
  result.values["min_resolution"] = *std::min_element(found.begin(), found.end());
  result.values["max_resolution"] = *std::max_element(found.begin(), found.end());
}

}  // namespace

MethodSpec frcMapSpec() {
  return {"frc-map",
          "Block-wise FRC resolution map (NanoJ-SQUIRREL), painted over the image",
          frcInputPorts(),
          {{"map", DataKind::Stack, "each pixel: its tile's FRC resolution (NaN: no threshold crossing)"},
           {"tiles", DataKind::Table, "top, left, size and resolution of every tile"}},
          {integerParam("tile_size", "0", 0, 1e6, "tile edge in pixels; 0: a tenth of the width (NanoJ-SQUIRREL's 10 blocks per axis), at least 16"),
           integerParam("overlap", "0", 0, 1e6, "pixels shared by neighbouring tiles (NanoJ-SQUIRREL's do not overlap)"),
           realParam("pixel_size", "1", 1e-9, 1e9, "pixel size; the resolutions are in its unit")}};
}

Result runFrcMap(const RunContext& c, CpuSchedule schedule) {
  const auto [a, b] = frcHalves(c, "frc-map");
  const int rows = int(a.rows()), cols = int(a.cols());
  const int tile = c.params.integer("tile_size") == 0 ? automaticTile(rows, cols) : c.params.integer("tile_size");
  const FrcTiling tiling = frcTiling(rows, cols, tile, c.params.integer("overlap"));
  const auto resolutions =
      tileResolutions(tiling, a.frame(0), b.frame(0), cols, c.params.real("pixel_size"), schedule, c.job);

  Stack map = paintTiles(tiling, resolutions, rows, cols);
  map.pixelSize = c.stack(0).pixelSize;
  Table tiles{{"top", "left", "size", "resolution"}, {}};
  for (int i = 0; i < tiling.count(); ++i)
    tiles.rows.push_back({double(tiling.top(i)), double(tiling.left(i)), double(tile), resolutions[i]});
  Result result{{Output{"map", std::move(map)}, Output{"tiles", std::move(tiles)}}};
  summarise(resolutions, result);
  return result;
}

}  // namespace lqs
