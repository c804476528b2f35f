/* NLM's entry points, built as OpenCL C; the pixel-wise one also for CUDA (gpu/cuda/cuda_kernels.cu
 * includes this file). Every kernel runs over a frame in each grid layer, one layer per frame of a
 * batch; padded frames are (rows + 2 pad) x (cols + 2 pad), column sums rows x (cols + 2 pad). */
#include "nlm.h"

LQS_KERNEL lqs_nlm_pixelwise_frames(LQS_CONSTANT float* padded, LQS_GLOBAL float* out, int rows, int cols,
                                    int pad, LqsNlmPatch patch) {
  LQS_FRAME_PIXEL(r, c, frame, rows, cols);
  padded += frame * (size_t)(rows + 2 * pad) * (cols + 2 * pad);
  out[frame * (size_t)rows * cols + r * cols + c] = lqs_nlm_pixel(padded, rows, cols, pad, r, c, patch);
}

/* Patch-wise (OpenCL): per shift, lqs_nlm_shift_columns_frames over rows x (cols + extent - 1),
 * then lqs_nlm_shift_accumulate_frames over rows x cols; lqs_nlm_normalise_frames at the end of a
 * batch. */
LQS_KERNEL lqs_nlm_shift_columns_frames(LQS_CONSTANT float* padded, LQS_GLOBAL float* columns, int rows,
                                        int cols, int pad, int dr, int dc, LqsNlmPatch patch) {
  LQS_FRAME_PIXEL(r, k, frame, rows, cols + (patch.extent > 0 ? patch.extent - 1 : 0));
  const int paddedCols = cols + 2 * pad, col = pad + patch.first + k;
  padded += frame * (size_t)(rows + 2 * pad) * paddedCols;
  columns += frame * (size_t)rows * paddedCols;
  columns[r * paddedCols + col] = lqs_nlm_shift_column(padded, paddedCols, pad, r, col, dr, dc, patch);
}

LQS_KERNEL lqs_nlm_shift_accumulate_frames(LQS_CONSTANT float* padded, LQS_CONSTANT float* columns,
                                           LQS_GLOBAL float* sum, LQS_GLOBAL float* weight, int rows,
                                           int cols, int pad, int dr, int dc, LqsNlmPatch patch) {
  LQS_FRAME_PIXEL(r, c, frame, rows, cols);
  const size_t first = frame * (size_t)rows * cols;
  padded += frame * (size_t)(rows + 2 * pad) * (cols + 2 * pad);
  columns += frame * (size_t)rows * (cols + 2 * pad);
  lqs_nlm_shift_accumulate(padded, columns, rows, cols, pad, r, c, dr, dc, patch, sum + first, weight + first,
                           r * cols + c);
}

LQS_KERNEL lqs_nlm_normalise_frames(LQS_CONSTANT float* sum, LQS_CONSTANT float* weight,
                                    LQS_GLOBAL float* out, int rows, int cols) {
  LQS_FRAME_PIXEL(r, c, frame, rows, cols);
  const size_t at = frame * (size_t)rows * cols + r * cols + c;
  out[at] = sum[at] / weight[at];
}
