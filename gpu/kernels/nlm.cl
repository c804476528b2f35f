/* NLM's entry points, built as OpenCL C; the pixel-wise one also for CUDA (gpu/cuda/cuda_kernels.cu
 * includes this file). Every kernel runs over a frame in each grid layer, one layer per frame of a
 * batch; padded frames are (rows + 2 pad) x (cols + 2 pad), column sums rows x (cols + 2 pad). */
#include "nlm.h"

LQS_KERNEL lqs_nlm_pixelwise_frames(LQS_CONSTANT float* padded, LQS_GLOBAL float* out, int rows, int cols,
                                    int pad, int offset, int distance, float h2s2, float variance2) {
  LQS_FRAME_PIXEL(r, c, frame, rows, cols);
  const int paddedCols = cols + 2 * pad;
  padded += frame * (size_t)(rows + 2 * pad) * paddedCols;
  out[frame * (size_t)rows * cols + r * cols + c] =
      lqs_nlm_pixel(padded, paddedCols, r + pad, c + pad, offset, distance, h2s2, variance2);
}

/* Patch-wise (OpenCL): per shift, lqs_nlm_shift_columns_frames over rows x (cols + 2 offset), then
 * lqs_nlm_shift_accumulate_frames over rows x cols; lqs_nlm_normalise_frames at the end of a batch. */
LQS_KERNEL lqs_nlm_shift_columns_frames(LQS_CONSTANT float* padded, LQS_GLOBAL float* columns, int rows,
                                        int cols, int pad, int dr, int dc, int offset, float variance2) {
  LQS_FRAME_PIXEL(r, k, frame, rows, cols + 2 * offset);
  const int paddedCols = cols + 2 * pad, col = pad - offset + k;
  padded += frame * (size_t)(rows + 2 * pad) * paddedCols;
  columns += frame * (size_t)rows * paddedCols;
  columns[r * paddedCols + col] = lqs_nlm_shift_column(padded, paddedCols, pad, r, col, dr, dc, offset, variance2);
}

LQS_KERNEL lqs_nlm_shift_accumulate_frames(LQS_CONSTANT float* padded, LQS_CONSTANT float* columns,
                                           LQS_GLOBAL float* sum, LQS_GLOBAL float* weight, int rows,
                                           int cols, int pad, int dr, int dc, int offset, float h2s2) {
  LQS_FRAME_PIXEL(r, c, frame, rows, cols);
  const int paddedCols = cols + 2 * pad;
  const size_t first = frame * (size_t)rows * cols;
  padded += frame * (size_t)(rows + 2 * pad) * paddedCols;
  columns += frame * (size_t)rows * paddedCols;
  lqs_nlm_shift_accumulate(padded, columns, paddedCols, pad, r, c, dr, dc, offset, h2s2, sum + first,
                           weight + first, r * cols + c);
}

LQS_KERNEL lqs_nlm_normalise_frames(LQS_CONSTANT float* sum, LQS_CONSTANT float* weight,
                                    LQS_GLOBAL float* out, int rows, int cols) {
  LQS_FRAME_PIXEL(r, c, frame, rows, cols);
  const size_t at = frame * (size_t)rows * cols + r * cols + c;
  out[at] = sum[at] / weight[at];
}
