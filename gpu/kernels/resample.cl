/* Entry points of the geometric resampling methods (interpolation.h does the work), built as
 * OpenCL C; shift-scale-rotate's also for CUDA (gpu/cuda/cuda_kernels.cu includes this file). */
#include "interpolation.h"

/* out(i, j) = in(i / magRow - shiftRow, j / magCol - shiftCol); CUDA uses tap tables instead */
LQS_KERNEL lqs_shift_magnify_frames(LQS_CONSTANT float* in, LQS_GLOBAL float* out, int rows, int cols,
                                    int outRows, int outCols, float magRow, float magCol, float shiftRow,
                                    float shiftCol, int kind) {
  LQS_FRAME_PIXEL(i, j, frame, outRows, outCols);
  const float row = (float)i / magRow - shiftRow, col = (float)j / magCol - shiftCol;
  out[frame * (size_t)outRows * outCols + i * outCols + j] =
      lqs_sample(in + frame * (size_t)rows * cols, row, col, rows, cols, kind);
}

LQS_KERNEL lqs_shift_scale_rotate_frames(LQS_CONSTANT float* in, LQS_GLOBAL float* out, int rows, int cols,
                                         float a, float b, float c, float d, float centreRow, float centreCol,
                                         float shiftRow, float shiftCol, int kind) {
  LQS_FRAME_PIXEL(i, j, frame, rows, cols);
  const size_t first = frame * (size_t)rows * cols;
  out[first + i * cols + j] = lqs_shift_scale_rotate_pixel(in + first, rows, cols, i, j, a, b, c, d,
                                                           centreRow, centreCol, shiftRow, shiftCol, kind);
}
