#pragma once
// The data-independent part of radial gradient convergence, computed once per call (see
// gpu/kernels/rgc.h): for each output pixel position inside its macro-pixel, the neighbours'
// lattice offsets, dx, dy, weight and weight/distance.
#include <vector>

namespace lqs {

struct RgcTable {
  int magnification = 1;
  int margin = 0;                  // output pixels on each side left at 0 (int(radius * mag))
  std::vector<float> entries;      // LQS_RGC_FIELDS floats per neighbour
  std::vector<int> first, count;   // per sub-position sy * mag + sx: slice of entries (in neighbours)
  std::vector<int> latticeRowOf;   // per sub-position row sy: int(2 * yc) - 2q, same for columns;
                                   // then one more value: the reach, max |lattice offset| (rgc.h)
};

RgcTable makeRgcTable(int magnification, float radius);

}  // namespace lqs
