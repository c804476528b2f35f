// Every per-pixel method (declarations.cpp) on every back end: each implementation only runs the
// method's kernel over every pixel of every frame.
#include <iterator>
#include <stdexcept>

#include "gpu/kernel_sources.hpp"
#include "methods/common/cpu.hpp"
#include "methods/common/cuda.hpp"
#include "methods/common/opencl.hpp"
#include "methods/families.hpp"
#include "methods/pixel/pixel_kernels.hpp"
#include "methods/pixel/pixel_method.hpp"

namespace lqs {

namespace {

const PixelKernel& kernelNamed(const std::string& name) {
  for (const PixelKernel& kernel : pixelKernels())
    if (kernel.name == name) return kernel;
  throw std::logic_error("no per-pixel kernel gpu/kernels/pixel/" + name + ".h");
}

// Not zeroed: every implementation writes every pixel (a zero fill is a gigabyte of page faults on
// one thread for a large stack).
Stack sameShape(const Stack& image) {
  Stack out(image.frames(), image.rows(), image.cols(), Stack::Uninitialised{});
  out.pixelSize = image.pixelSize;
  return out;
}

Stack runOnCpu(PixelFunction pixel, const Stack& image, const std::vector<float>& params,
               CpuSchedule schedule, const Job& job) {
  Stack out = sameShape(image);
  const int rows = int(image.rows()), cols = int(image.cols());
  for (std::size_t t = 0; t < image.frames(); ++t) {
    job.checkCancelled();
    const float* source = image.frame(t).data();
    float* target = out.frame(t).data();
    forRange(schedule, image.rows(), [&](std::size_t begin, std::size_t end) {
      for (int r = int(begin); r < int(end); ++r)
        for (int c = 0; c < cols; ++c)
          target[std::size_t(r) * cols + c] = pixel(source, rows, cols, r, c, params.data());
    });
  }
  return out;
}

#ifdef LQS_HAVE_OPENCL
// The method's header and the shared entry point (gpu/kernels/pixel_entry.cl) calling its function.
std::string openclSource(const std::string& name) {
  return gpu::expandedKernelSource("pixel/" + name + ".h") + "#define LQS_PIXEL_FUNCTION lqs_pixel_" + name +
         "\n" + std::string(gpu::kernelSource("pixel_entry.cl"));
}

Stack runOnOpencl(gpu::OpenclDevice& gpu, const std::string& name, const Stack& image,
                  const std::vector<float>& params, const Job& job) {
  cl::Kernel kernel;
  gpu::withOpencl("kernel pixel/" + name, [&] {
    kernel = cl::Kernel(gpu.program("pixel/" + name, [&] { return openclSource(name); }), "lqs_pixel_frames");
  });
  const auto kernelParams = gpu.upload(params.data(), params.size());
  return openclFrames(gpu, image, image.rows(), image.cols(), job,
                      [&](const auto& source, const auto& target, std::size_t n) {
                        gpu.launch(kernel, frameGrid(image.rows(), image.cols(), n), source, target,
                                   int(image.rows()), int(image.cols()), kernelParams);
                      });
}
#endif

Stack runOnCuda(CudaPixelLaunch* launch, int device, const Stack& image, const std::vector<float>& params,
                const Job& job) {
  Stack out = sameShape(image);
  launch(device, image.data(), image.frames(), int(image.rows()), int(image.cols()), params.data(),
         int(params.size()), out.data(), job.afterBatches(image.frames()));
  return out;
}

Method pixelMethod(const PixelMethod& declared, const std::vector<Device>& devices) {
  const PixelKernel kernel = kernelNamed(declared.kernel);
  const auto params = [specs = declared.params](const RunContext& c) {
    return pixelParameters(specs, c.params);
  };
  Method method{pixelMethodSpec(declared),
                cpuImplementations(cpuOf(devices), [=](const RunContext& c, CpuSchedule s) {
                  return Result::of("image", runOnCpu(kernel.cpu, c.stack(0), params(c), s, c.job));
                })};
#ifdef LQS_HAVE_OPENCL
  append(method.implementations,
         openclImplementations(
             devices, [=, name = declared.kernel](const RunContext& c, gpu::OpenclDevice& gpu) {
               return Result::of("image", runOnOpencl(gpu, name, c.stack(0), params(c), c.job));
             }));
#endif
  if (kernel.cuda)
    append(method.implementations, cudaImplementations(devices, [=](const RunContext& c, int device) {
             return Result::of("image", runOnCuda(kernel.cuda, device, c.stack(0), params(c), c.job));
           }));
  return method;
}

}  // namespace

void registerPixel(Registry& registry, const std::vector<Device>& devices) {
  for (const PixelMethod& declared : pixelMethods()) registry.add(pixelMethod(declared, devices));
}

}  // namespace lqs
