// OpenCL implementations of shift-magnify and shift-scale-rotate (gpu/kernels/resample.cl).
#include "methods/interpolation/opencl_resample.hpp"

#ifdef LQS_HAVE_OPENCL
namespace lqs {

Stack openclShiftMagnify(gpu::OpenclDevice& gpu, const Stack& in, std::size_t outRows, std::size_t outCols,
                         float magRow, float magCol, float shiftRow, float shiftCol, int kind, const Job& job) {
  cl::Kernel kernel = gpu.kernel("resample.cl", "lqs_shift_magnify_frames");
  return openclFrames(
      gpu, in, outRows, outCols, job, [&](const auto& source, const auto& target, std::size_t n) {
        gpu.launch(kernel, frameGrid(outRows, outCols, n), source, target, int(in.rows()), int(in.cols()),
                   int(outRows), int(outCols), magRow, magCol, shiftRow, shiftCol, kind);
      });
}

Stack openclShiftScaleRotate(gpu::OpenclDevice& gpu, const Stack& in, const AffineCoefficients& m, int kind,
                             const Job& job) {
  cl::Kernel kernel = gpu.kernel("resample.cl", "lqs_shift_scale_rotate_frames");
  return openclFrames(
      gpu, in, in.rows(), in.cols(), job, [&](const auto& source, const auto& target, std::size_t n) {
        gpu.launch(kernel, frameGrid(in.rows(), in.cols(), n), source, target, int(in.rows()), int(in.cols()),
                   m.a, m.b, m.c, m.d, m.centreRow, m.centreCol, m.shiftRow, m.shiftCol, kind);
      });
}

}  // namespace lqs
#endif
