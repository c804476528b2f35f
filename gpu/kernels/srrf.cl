/* SRRF on OpenCL: the same per-pixel functions as the CPU loops (gradients.h, srrf_radiality.h). */
#include "gradients.h"
#include "srrf_radiality.h"

__kernel void central_difference(__global const float* frame, __global float* gradCol, __global float* gradRow) {
  const int r = get_global_id(0), c = get_global_id(1), rows = get_global_size(0), cols = get_global_size(1);
  float gc, gr;
  lqs_central_difference(frame, rows, cols, r, c, &gc, &gr);
  gradCol[r * cols + c] = gc;
  gradRow[r * cols + c] = gr;
}

__kernel void radiality(__global const float* frame, __global const float* gradCol, __global const float* gradRow,
                        __global float* out, int rows, int cols, int magnification, __global const float* ringCol,
                        __global const float* ringRow, __global const float* taps, float ringRadius, int border, int positive,
                        int intensityWeighting) {
  const int rM = get_global_id(0), cM = get_global_id(1), colsM = get_global_size(1);
  out[rM * colsM + cM] = lqs_srrf_pixel(frame, gradCol, gradRow, rows, cols, magnification, ringCol, ringRow,
                                        taps, ringRadius, border, positive, intensityWeighting, rM, cM);
}
