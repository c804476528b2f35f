// conv2d: NanoPyx's Convolution (a correlation with replicated borders), the paper's delay experiment.
#include <algorithm>
#include <cstring>

#include "core/errors.hpp"
#include "gpu/kernels/convolution.h"
#include "methods/common/cpu.hpp"
#include "methods/common/cuda.hpp"
#include "methods/common/opencl.hpp"
#ifdef LQS_HAVE_CUDA
#include "gpu/cuda/cuda_kernels.hpp"
#endif
#include "methods/families.hpp"

namespace lqs {

namespace {

// One frame of the correlation as the CPU variants see it.
struct FrameView {
  const float* src;
  int rows, cols;
  const float* weights;
  int kRows, kCols;
};

// The frame and row loop every CPU variant shares: `row(frame, r, out)` writes output row r.
template <class Row>
Stack correlateByRows(const Stack& image, const Stack& kernel, CpuSchedule schedule, const Job& job, const Row& row) {
  if (kernel.frames() != 1) throw InputError("conv2d: the kernel must be a single 2-D image");
  Stack out(image.frames(), image.rows(), image.cols());
  out.pixelSize = image.pixelSize;
  for (std::size_t t = 0; t < image.frames(); ++t) {
    job.checkCancelled();
    const FrameView frame{image.frame(t).data(), int(image.rows()), int(image.cols()),
                          kernel.data(),         int(kernel.rows()), int(kernel.cols())};
    float* dst = out.frame(t).data();
    forRange(schedule, image.rows(), [&](std::size_t begin, std::size_t end) {
      for (int r = int(begin); r < int(end); ++r) row(frame, r, dst + std::size_t(r) * frame.cols);
    });
  }
  return out;
}

float correlatePixel(const FrameView& f, int r, int c) {
  return lqs_correlate_pixel(f.src, f.rows, f.cols, f.weights, f.kRows, f.kCols, r, c);
}

Stack correlate(const Stack& image, const Stack& kernel, CpuSchedule schedule, const Job& job) {
  return correlateByRows(image, kernel, schedule, job, [](const FrameView& f, int r, float* out) {
    for (int c = 0; c < f.cols; ++c) out[c] = correlatePixel(f, r, c);
  });
}

// The same sums in the same order as lqs_correlate_pixel, but a whole row at a time: for each kernel
// tap the shifted source row is added to an accumulator row, which vectorises away from the borders.
Stack correlateRows(const Stack& image, const Stack& kernel, const Job& job) {
  return correlateByRows(image, kernel, CpuSchedule::Tbb, job, [](const FrameView& f, int r, float* acc) {
    const int cr = (f.kRows - 1) / 2, cc = (f.kCols - 1) / 2, cols = f.cols;
    std::fill(acc, acc + cols, 0.0f);
    for (int kr = 0; kr < f.kRows; ++kr) {
      const float* line = f.src + std::size_t(lqs_clamp_index(r + kr - cr, f.rows)) * cols;
      for (int kc = 0; kc < f.kCols; ++kc) {
        const float w = f.weights[kr * f.kCols + kc];
        const int shift = kc - cc, first = std::max(0, -shift), last = std::min(cols, cols - shift);
        for (int c = 0; c < std::min(first, cols); ++c) acc[c] += w * line[lqs_clamp_index(c + shift, cols)];
        for (int c = first; c < last; ++c) acc[c] += w * line[c + shift];
        for (int c = std::max(last, first); c < cols; ++c) acc[c] += w * line[lqs_clamp_index(c + shift, cols)];
      }
    }
  });
}

// With AVX2: interior output pixels in blocks of kBlock columns; the block's sums stay in ymm
// registers while all kernel taps are added, in lqs_correlate_pixel's order (so the results are
// identical), and every tap is one broadcast multiply-add over the block: 2x correlateRows. Without
// AVX2 the 8-wide vectors are emulated and 2x slower than it, so the implementation is only
// offered where the CPU has AVX2. Border pixels use lqs_correlate_pixel itself.
constexpr int kLanes = 8, kVectors = 4, kBlock = kLanes * kVectors;
typedef float Lanes __attribute__((vector_size(kLanes * sizeof(float))));

__attribute__((target("avx2"))) void correlateBlock(const FrameView& f, int r, int c0, float* out) {
  const int cr = (f.kRows - 1) / 2, cc = (f.kCols - 1) / 2;
  Lanes acc[kVectors] = {};
  for (int kr = 0; kr < f.kRows; ++kr) {
    const float* line = f.src + std::size_t(lqs_clamp_index(r + kr - cr, f.rows)) * f.cols + (c0 - cc);
    for (int kc = 0; kc < f.kCols; ++kc) {
      const float w = f.weights[kr * f.kCols + kc];
      for (int v = 0; v < kVectors; ++v) {
        Lanes x;
        std::memcpy(&x, line + kc + v * kLanes, sizeof x);
        acc[v] += w * x;
      }
    }
  }
  std::memcpy(out + c0, acc, sizeof acc);
}

Stack correlateBlocks(const Stack& image, const Stack& kernel, const Job& job) {
  return correlateByRows(image, kernel, CpuSchedule::Tbb, job, [](const FrameView& f, int r, float* out) {
    const int cc = (f.kCols - 1) / 2, interiorEnd = f.cols - (f.kCols - 1 - cc);  // columns needing no clamping
    int c = 0;
    for (; c < std::min(cc, f.cols); ++c) out[c] = correlatePixel(f, r, c);
    for (; c + kBlock <= interiorEnd; c += kBlock) correlateBlock(f, r, c, out);
    for (; c < f.cols; ++c) out[c] = correlatePixel(f, r, c);
  });
}

#ifdef LQS_HAVE_OPENCL
Stack openclCorrelate(gpu::OpenclDevice& gpu, const Stack& image, const Stack& kernel, const Job& job) {
  if (kernel.frames() != 1) throw InputError("conv2d: the kernel must be a single 2-D image");
  cl::Kernel correlateKernel = gpu.kernel("convolution.cl", "lqs_correlate_frames");
  const auto weights = gpu.upload(kernel.data(), kernel.size());
  return openclFrames(gpu, image, image.rows(), image.cols(), job,
                      [&](const auto& source, const auto& target, std::size_t n) {
                        gpu.launch(correlateKernel, frameGrid(image.rows(), image.cols(), n), source, target,
                                   weights, int(image.rows()), int(image.cols()), int(kernel.rows()),
                                   int(kernel.cols()));
                      });
}
#endif

}  // namespace

void registerConvolution(Registry& registry, const std::vector<Device>& devices) {
  MethodSpec spec{"conv2d", "2-D correlation with a kernel image, borders replicated",
                  {{"image", DataKind::Stack, "image or stack"}, {"kernel", DataKind::Stack, "2-D kernel image"}},
                  {{"image", DataKind::Stack, "filtered stack"}}, {}};
  spec.framesIndependent = true;
  Method method{spec, cpuImplementations(cpuOf(devices), [](const RunContext& c, CpuSchedule s) {
                  return Result::of("image", correlate(c.stack(0), c.stack(1), s, c.job));
                })};
  method.implementations.push_back({"cpu:tbb-rows", cpuOf(devices), [](const RunContext& c) {
                                       return Result::of("image", correlateRows(c.stack(0), c.stack(1), c.job));
                                     }});
  if (__builtin_cpu_supports("avx2"))
    method.implementations.push_back({"cpu:tbb-avx2", cpuOf(devices), [](const RunContext& c) {
                                         return Result::of("image", correlateBlocks(c.stack(0), c.stack(1), c.job));
                                       }});
#ifdef LQS_HAVE_OPENCL
  append(method.implementations, openclImplementations(devices, [](const RunContext& c, gpu::OpenclDevice& gpu) {
           return Result::of("image", openclCorrelate(gpu, c.stack(0), c.stack(1), c.job));
         }));
#endif
#ifdef LQS_HAVE_CUDA
  append(method.implementations, cudaImplementations(devices, [](const RunContext& c, int device) {
           const Stack& image = c.stack(0);
           const Stack& kernel = c.stack(1);
           if (kernel.frames() != 1) throw InputError("conv2d: the kernel must be a single 2-D image");
           Stack out(image.frames(), image.rows(), image.cols(), Stack::Uninitialised{});  // downloaded whole
           out.pixelSize = image.pixelSize;
           gpu::cuda::correlate(device, image.data(), image.frames(), int(image.rows()), int(image.cols()),
                                kernel.data(), int(kernel.rows()), int(kernel.cols()), out.data(),
                                c.job.afterBatches(image.frames()));
           return Result::of("image", std::move(out));
         }));
#endif
  registry.add(std::move(method));
}

}  // namespace lqs
