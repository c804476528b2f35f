// Patch-wise NLM on OpenCL: one search shift at a time (gpu/kernels/nlm.cl), the frame and its
// weight/sum accumulators staying on the device for all shifts of a frame.
#ifdef LQS_HAVE_OPENCL
#include "methods/denoise/nlm_runs.hpp"
#include "methods/denoise/nlm_setup.hpp"

namespace lqs {

Result runNlmOpenclPatchwise(const RunContext& c, gpu::OpenclDevice& gpu) {
  const Stack& in = finiteInput(c);
  const NlmSettings s = nlmSettings(c.params);
  const int rows = int(in.rows()), cols = int(in.cols()), pad = s.pad(), paddedCols = cols + 2 * pad;
  Stack out(in.frames(), in.rows(), in.cols());
  out.pixelSize = in.pixelSize;
  cl::Kernel columnsKernel = gpu.kernel("nlm.cl", "nlm_shift_columns");
  cl::Kernel accumulateKernel = gpu.kernel("nlm.cl", "nlm_shift_accumulate");
  cl::Kernel normaliseKernel = gpu.kernel("nlm.cl", "nlm_normalise");
  const std::vector<float> zeros(in.frameSize(), 0.0f);
  cl::Buffer columns = gpu.allocate(std::size_t(rows) * paddedCols), target = gpu.allocate(in.frameSize());
  for (std::size_t t = 0; t < in.frames(); ++t) {
    c.job.checkCancelled();
    const auto padded = reflectPad(in.frame(t), rows, cols, pad);
    const cl::Buffer source = gpu.upload(padded.data(), padded.size());
    cl::Buffer sum = gpu.upload(zeros.data(), zeros.size()), weight = gpu.upload(zeros.data(), zeros.size());
    for (int dr = -s.distance; dr <= s.distance; ++dr)
      for (int dc = -s.distance; dc <= s.distance; ++dc) {
        setArguments(columnsKernel, source, columns, paddedCols, pad, dr, dc, s.offset, s.variance2);
        gpu.run(columnsKernel, in.rows(), in.cols() + 2 * s.offset);
        setArguments(accumulateKernel, source, columns, sum, weight, paddedCols, pad, dr, dc, s.offset, s.h2s2);
        gpu.run(accumulateKernel, in.rows(), in.cols());
      }
    setArguments(normaliseKernel, sum, weight, target);
    gpu.run(normaliseKernel, in.rows(), in.cols());
    gpu.download(target, out.frame(t).data(), out.frameSize());
    c.job.progress(double(t + 1) / double(in.frames()), "nlm");
  }
  return Result::of("image", std::move(out));
}

}  // namespace lqs
#endif
