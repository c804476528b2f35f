#pragma once
// Block-wise FRC (NanoJ-SQUIRREL's FRC map): square tiles on a regular grid from the top-left
// corner, each tile's FRC resolution from frc.hpp. A tile whose curve never crosses the threshold,
// or which holds no structure (e.g. empty background), has no resolution: NaN.
#include <span>
#include <vector>

#include "core/stack.hpp"
#include "engine/job.hpp"
#include "methods/common/cpu.hpp"

namespace lqs {

struct FrcTiling {
  int tile = 0, step = 0;         // edge and distance between neighbouring tiles, in pixels
  int tileRows = 0, tileCols = 0;  // tiles down and across
  int count() const { return tileRows * tileCols; }
  int top(int index) const { return index / tileCols * step; }
  int left(int index) const { return index % tileCols * step; }
};

// ParameterError when `tile` is below 16 (too few rings to smooth), `overlap` is not below `tile`,
// or the image is smaller than one tile.
FrcTiling frcTiling(int rows, int cols, int tile, int overlap);

// The resolution (in pixelSize units) of every tile of the two images (row-major, `cols` wide, the
// size the tiling was made for), NaN where there is none; tiles in parallel with CpuSchedule::Tbb.
std::vector<double> tileResolutions(const FrcTiling& tiling, std::span<const float> first,
                                    std::span<const float> second, int cols, double pixelSize, CpuSchedule schedule,
                                    const Job& job);

// A rows x cols image where each pixel takes the value of the tile whose centre is nearest, as
// NanoJ-SQUIRREL paints the Voronoi cells of the tile centres; so it overlays the analysed image.
Stack paintTiles(const FrcTiling& tiling, const std::vector<double>& values, int rows, int cols);

}  // namespace lqs
