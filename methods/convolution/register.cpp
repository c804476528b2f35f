// conv2d: NanoPyx's Convolution (a correlation with replicated borders), the paper's delay experiment.
#include "core/errors.hpp"
#include "gpu/kernels/convolution.h"
#include "methods/common/cpu.hpp"
#include "methods/families.hpp"

namespace lqs {

namespace {

Stack correlate(const Stack& image, const Stack& kernel, CpuSchedule schedule, const Job& job) {
  if (kernel.frames() != 1) throw InputError("conv2d: the kernel must be a single 2-D image");
  Stack out(image.frames(), image.rows(), image.cols());
  out.pixelSize = image.pixelSize;
  const int rows = int(image.rows()), cols = int(image.cols()), kRows = int(kernel.rows()), kCols = int(kernel.cols());
  for (std::size_t t = 0; t < image.frames(); ++t) {
    job.checkCancelled();
    const float* src = image.frame(t).data();
    float* dst = out.frame(t).data();
    forRange(schedule, image.rows(), [&](std::size_t begin, std::size_t end) {
      for (std::size_t r = begin; r < end; ++r)
        for (int c = 0; c < cols; ++c)
          dst[r * cols + c] = lqs_correlate_pixel(src, rows, cols, kernel.data(), kRows, kCols, int(r), c);
    });
  }
  return out;
}

}  // namespace

void registerConvolution(Registry& registry, const std::vector<Device>& devices) {
  MethodSpec spec{"conv2d", "2-D correlation with a kernel image, borders replicated",
                  {{"image", DataKind::Stack, "image or stack"}, {"kernel", DataKind::Stack, "2-D kernel image"}},
                  {{"image", DataKind::Stack, "filtered stack"}}, {}};
  registry.add({spec, cpuImplementations(cpuOf(devices), [](const RunContext& c, CpuSchedule s) {
                  return Result{{Output{"image", correlate(c.stack(0), c.stack(1), s, c.job)}}};
                })});
}

}  // namespace lqs
