#pragma once
// One output row of a frame's eSRRF map with the radial gradient convergence vectorised across
// pixels (cpu:simd). The output pixels of a row that share a sub-position sx (cM = sx + mag q) read
// the same table slice, and their lattice points lie two lattice columns apart, so a neighbour is
// one stride-2 load for all of them instead of a gather per pixel; each pixel still adds its terms
// in the table's order, as lqs_esrrf_pixel does. Compiled for AVX-512, AVX2 and baseline x86-64,
// the processor's best chosen when the program starts (GCC target clones).
#include "methods/srrf/esrrf_frame.hpp"

namespace lqs {

// Lattice row a of the unit gradients (lqs_lattice_gradient for every b into nx[b], ny[b]): the
// points of one column phase share their Catmull-Rom weights, so they are sampled as a row.
void latticeRowSimd(const float* gradCol, const float* gradRow, int rows, int cols, int magnification, int a,
                    float* nx, float* ny);

// nx, ny: the unit gradients on the (2 rows + 1) x (2 cols + 1) lattice; out: colsM floats of row rM.
void esrrfRowSimd(const float* frame, int rows, int cols, const float* nx, const float* ny,
                  const EsrrfSettings& settings, const RgcTable& table, int rM, float* out);

}  // namespace lqs
