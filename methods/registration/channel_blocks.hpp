#pragma once
// The measuring half of channel registration: reference and channel are cut into
// blocks_per_axis x blocks_per_axis blocks of (rows / n) x (cols / n) pixels from the top-left corner
// (NanoPyx's layout; the remainder rows and columns belong to no block) and each block's sub-pixel
// translation comes from FFT cross-correlation (cross_correlation.hpp).
#include <string>
#include <vector>

#include "core/stack.hpp"
#include "methods/common/cpu.hpp"

namespace lqs {

struct BlockShift {
  double dy = 0, dx = 0;  // translation that moves the channel's block onto the reference's
  double similarity = 0;  // normalised correlation at the peak (0..1)
  bool used = false;      // similarity reached min_similarity; otherwise dy, dx are refilled
};

struct BlockGrid {
  int perAxis = 0;
  int blockRows = 0, blockCols = 0;
  std::vector<BlockShift> blocks;  // row-major, perAxis x perAxis
  double searchRadius = 0;         // max_shift, limited to what a block's correlation map holds

  // Block (i, j)'s centre in pixel coordinates (pixel k spans [k, k + 1)).
  double centreRow(int i) const { return (i + 0.5) * blockRows; }
  double centreCol(int j) const { return (j + 0.5) * blockCols; }
  int used() const;
};

// Smallest block side: below it a correlation map has too few pixels for a sub-pixel peak.
constexpr int kMinBlockSide = 8;

// Checks the sizes (InputError for mismatched or too small images, ParameterError for too many
// blocks), then measures every block. `reference` and `channel` are single frames of equal size.
BlockGrid measureBlockShifts(const Stack& reference, const Stack& channel, int perAxis, double maxShift,
                             double minSimilarity, CpuSchedule schedule, const Job& job);

// A normalised residual test after Westerweel and Scarano's (PIV): a used block whose shift lies
// more than twice the typical misfit (plus 0.1 px) from the plane through its used neighbours, in
// either component, is marked unused. Small blocks that see a spot half in, half out of their window
// correlate well at a wrong shift; this catches them. Returns how many were marked.
int rejectOutliers(BlockGrid& grid);

// Unused blocks take the inverse-distance-weighted mean of the used ones (NanoPyx's
// weight (1/d - 1/D)^2, d = distance + 1, D = image diagonal); with none used, every block is 0.
void refillUnusedBlocks(BlockGrid& grid);

}  // namespace lqs
