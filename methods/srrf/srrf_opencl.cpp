// SRRF on an OpenCL device: gradients and radiality stay on the device; each frame's map comes
// back for the macro-pixel correction and the temporal analysis.
#include "methods/srrf/srrf.hpp"

#ifdef LQS_HAVE_OPENCL
#include "core/errors.hpp"
#include "gpu/kernels/srrf_radiality.h"

namespace lqs {

Result runSrrfOpencl(const RunContext& c, gpu::OpenclDevice& gpu) {
  const FrameBlocks in(c.inputs.at(0));
  const SrrfPlan plan = planSrrf(c);
  const auto& s = plan.settings;
  const int rows = int(in.rows()), cols = int(in.cols());
  const std::size_t mapSize = in.frameSize() * std::size_t(s.magnification * s.magnification);
  if (mapSize * sizeof(float) > gpu.maxAllocation())
    throw DeviceError("a " + std::to_string(rows * s.magnification) + "x" + std::to_string(cols * s.magnification) +
                      " reconstruction does not fit in one device allocation");
  const auto ringCol = gpu.upload(s.ringCol.data(), s.ringCol.size());
  const auto ringRow = gpu.upload(s.ringRow.data(), s.ringRow.size());
  const auto taps = gpu.upload(s.taps.data(), s.taps.size());
  gpu::Buffer<float> gradCol = gpu.allocate<float>(in.frameSize()),
                     gradRow = gpu.allocate<float>(in.frameSize()), map = gpu.allocate<float>(mapSize);
  cl::Kernel gradients = gpu.kernel("srrf.cl", "central_difference");
  cl::Kernel radiality = gpu.kernel("srrf.cl", "radiality");
  return Result::of("image", plan.reconstruct(c, [&](const float* source, float* host) {
    const auto frame = gpu.upload(source, in.frameSize());
    gpu.launch(gradients, {in.rows(), in.cols()}, frame, gradCol, gradRow);
    gpu.launch(radiality,
               {in.rows() * std::size_t(s.magnification), in.cols() * std::size_t(s.magnification)}, frame,
               gradCol, gradRow, map, rows, cols, s.magnification, ringCol, ringRow, taps, s.ringRadius,
               s.border, s.positive ? 1 : 0, s.intensityWeighting ? 1 : 0);
    gpu.download(map, host, mapSize);
  }));
}

}  // namespace lqs
#endif
