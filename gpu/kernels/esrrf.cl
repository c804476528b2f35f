/* eSRRF on OpenCL: the same per-pixel functions as the CPU loops (gradients.h, rgc.h,
 * esrrf_temporal.h); the temporal sums stay on the device. */
#include "esrrf_temporal.h"
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

/* The frame's convergence at every output pixel, folded into the pixel's temporal state. */
__kernel void converge_accumulate(__global const float* frame, __global const float* latticeCol,
                                  __global const float* latticeRow, __global lqs_temporal_state* states, int mode,
                                  int frameIndex, int rows, int cols, int magnification, __global const float* table,
                                  __global const int* first, __global const int* count,
                                  __global const int* latticeOffset, int margin, float sensitivity,
                                  int intensityWeighting) {
  const int rM = get_global_id(0), cM = get_global_id(1), i = rM * get_global_size(1) + cM;
  const float value = lqs_esrrf_pixel(frame, rows, cols, latticeCol, latticeRow, magnification, table, first, count,
                                      latticeOffset, margin, sensitivity, intensityWeighting, rM, cM);
  lqs_temporal_state state = states[i];
  lqs_temporal_add(&state, mode, frameIndex, value);
  states[i] = state;
}

__kernel void temporal_result(__global const lqs_temporal_state* states, __global float* out, int mode, int frames) {
  const int i = get_global_id(0) * get_global_size(1) + get_global_id(1);
  const lqs_temporal_state state = states[i];
  out[i] = lqs_temporal_result(&state, mode, frames);
}
