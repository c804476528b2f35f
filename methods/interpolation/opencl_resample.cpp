// OpenCL implementations of shift-magnify and shift-scale-rotate (gpu/kernels/resample.cl).
#include "methods/interpolation/opencl_resample.hpp"

#ifdef LQS_HAVE_OPENCL
namespace lqs {

Stack openclShiftMagnify(gpu::OpenclDevice& gpu, const Stack& in, std::size_t outRows, std::size_t outCols,
                         float magRow, float magCol, float shiftRow, float shiftCol, int kind, const Job& job) {
  Stack out(in.frames(), outRows, outCols);
  out.pixelSize = in.pixelSize;
  cl::Kernel kernel = gpu.kernel("resample.cl", "shift_magnify");
  cl::Buffer target = gpu.allocate(out.frameSize());
  for (std::size_t t = 0; t < in.frames(); ++t) {
    job.checkCancelled();
    cl::Buffer source = gpu.upload(in.frame(t).data(), in.frameSize());
    setArguments(kernel, source, target, int(in.rows()), int(in.cols()), magRow, magCol, shiftRow, shiftCol, kind);
    gpu.run(kernel, outRows, outCols);
    gpu.download(target, out.frame(t).data(), out.frameSize());
  }
  return out;
}

Stack openclShiftScaleRotate(gpu::OpenclDevice& gpu, const Stack& in, const AffineCoefficients& m, int kind,
                             const Job& job) {
  Stack out(in.frames(), in.rows(), in.cols());
  out.pixelSize = in.pixelSize;
  cl::Kernel kernel = gpu.kernel("resample.cl", "shift_scale_rotate");
  cl::Buffer target = gpu.allocate(out.frameSize());
  for (std::size_t t = 0; t < in.frames(); ++t) {
    job.checkCancelled();
    cl::Buffer source = gpu.upload(in.frame(t).data(), in.frameSize());
    setArguments(kernel, source, target, int(in.rows()), int(in.cols()), m.a, m.b, m.c, m.d, m.centreRow,
                 m.centreCol, m.shiftRow, m.shiftCol, kind);
    gpu.run(kernel, in.rows(), in.cols());
    gpu.download(target, out.frame(t).data(), out.frameSize());
  }
  return out;
}

}  // namespace lqs
#endif
