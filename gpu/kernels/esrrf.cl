/* eSRRF on OpenCL: the same per-pixel functions as the CPU loops (gradients.h, rgc.h). */
#include "gradients.h"
#include "rgc.h"

__kernel void roberts_cross(__global const float* frame, __global float* gradCol, __global float* gradRow) {
  const int r = get_global_id(0), c = get_global_id(1), cols = get_global_size(1);
  float gc, gr;
  lqs_roberts_cross(frame, cols, r, c, &gc, &gr);
  gradCol[r * cols + c] = gc;
  gradRow[r * cols + c] = gr;
}

__kernel void gradient_lattice(__global const float* gradCol, __global const float* gradRow, __global float* latticeCol,
                               __global float* latticeRow, int rows, int cols, int magnification) {
  const int a = get_global_id(0), b = get_global_id(1), latticeCols = get_global_size(1);
  float nx, ny;
  lqs_lattice_gradient(gradCol, gradRow, rows, cols, magnification, a, b, &nx, &ny);
  latticeCol[a * latticeCols + b] = nx;
  latticeRow[a * latticeCols + b] = ny;
}

__kernel void radial_convergence(__global const float* frame, __global const float* latticeCol,
                                 __global const float* latticeRow, __global float* out, int rows, int cols,
                                 int magnification, __global const float* table, __global const int* first,
                                 __global const int* count, __global const int* latticeOffset, int margin,
                                 float sensitivity, int intensityWeighting) {
  const int rM = get_global_id(0), cM = get_global_id(1), colsM = get_global_size(1);
  out[rM * colsM + cM] = lqs_esrrf_pixel(frame, rows, cols, latticeCol, latticeRow, magnification, table, first, count,
                                        latticeOffset, margin, sensitivity, intensityWeighting, rM, cM);
}
