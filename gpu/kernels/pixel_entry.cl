/* The entry point of every per-pixel method (methods/pixel): LQS_PIXEL_FUNCTION, defined before
 * this file is included, names the method's lqs_pixel_<name>. Built as OpenCL C
 * (methods/pixel/register.cpp) and for CUDA (methods/pixel/pixel_kernel.cu.in). */
LQS_KERNEL lqs_pixel_frames(LQS_CONSTANT float* in, LQS_GLOBAL float* out, int rows, int cols,
                            LQS_CONSTANT float* params) {
  LQS_FRAME_PIXEL(r, c, frame, rows, cols);
  const size_t first = frame * (size_t)rows * cols;
  out[first + r * cols + c] = LQS_PIXEL_FUNCTION(in + first, rows, cols, r, c, params);
}
