/* OpenCL entry points for the geometric resampling methods (interpolation.h does the work). */
#include "interpolation.h"

/* out(i, j) = in(i / magRow - shiftRow, j / magCol - shiftCol) */
__kernel void shift_magnify(__global const float* in, __global float* out, int rows, int cols, float magRow,
                            float magCol, float shiftRow, float shiftCol, int kind) {
  const int i = get_global_id(0), j = get_global_id(1), outCols = get_global_size(1);
  const float row = (float)i / magRow - shiftRow, col = (float)j / magCol - shiftCol;
  out[i * outCols + j] = lqs_sample(in, row, col, rows, cols, kind);
}

/* inverse affine map about (centreRow, centreCol); see methods/interpolation/register.cpp */
__kernel void shift_scale_rotate(__global const float* in, __global float* out, int rows, int cols, float a, float b,
                                 float c, float d, float centreRow, float centreCol, float shiftRow, float shiftCol,
                                 int kind) {
  const int i = get_global_id(0), j = get_global_id(1);
  const float x = (float)j - centreCol - shiftCol, y = (float)i - centreRow - shiftRow;
  out[i * cols + j] = lqs_sample(in, c * x + d * y + centreRow, a * x + b * y + centreCol, rows, cols, kind);
}
