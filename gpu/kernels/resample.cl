/* OpenCL entry points for the geometric resampling methods (interpolation.h does the work); one
 * work-item per output pixel, the third axis is the frame of a batch. */
#include "interpolation.h"

/* out(i, j) = in(i / magRow - shiftRow, j / magCol - shiftCol) */
__kernel void shift_magnify(__global const float* in, __global float* out, int rows, int cols, float magRow,
                            float magCol, float shiftRow, float shiftCol, int kind) {
  const int i = get_global_id(0), j = get_global_id(1), outCols = get_global_size(1);
  const size_t frame = get_global_id(2);
  const float row = (float)i / magRow - shiftRow, col = (float)j / magCol - shiftCol;
  out[frame * get_global_size(0) * outCols + i * outCols + j] =
      lqs_sample(in + frame * rows * cols, row, col, rows, cols, kind);
}

__kernel void shift_scale_rotate(__global const float* in, __global float* out, int rows, int cols, float a, float b,
                                 float c, float d, float centreRow, float centreCol, float shiftRow, float shiftCol,
                                 int kind) {
  const int i = get_global_id(0), j = get_global_id(1);
  const size_t frame = get_global_id(2) * (size_t)rows * cols;
  out[frame + i * cols + j] = lqs_shift_scale_rotate_pixel(in + frame, rows, cols, i, j, a, b, c, d, centreRow,
                                                           centreCol, shiftRow, shiftCol, kind);
}
