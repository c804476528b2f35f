// `squirrel` on OpenCL and CUDA devices: the RSF blur of each Brent evaluation (the heavy part, two
// passes of up to 2 * int(4 sigma + 0.5) + 1 taps per pixel) runs on the device from
// gpu/kernels/gaussian_blur.h; the reference's Fourier upsampling and the fit's sums stay on the CPU.
#include <memory>

#include "methods/common/cuda.hpp"
#include "methods/common/opencl.hpp"
#include "methods/quality/gaussian_blur.hpp"
#include "methods/quality/quality_methods.hpp"
#include "methods/quality/squirrel.hpp"
#ifdef LQS_HAVE_CUDA
#include "methods/quality/squirrel_cuda_blur.hpp"
#endif

namespace lqs {

namespace {

[[maybe_unused]] std::vector<float> blurTaps(double sigma) {
  const std::vector<double> weights = gaussianWeights(sigma);
  return {weights.begin(), weights.end()};
}

// A FrameBlur around a device session made per frame (a shared_ptr to anything with
// blur(taps, out)).
template <class MakeSession>
FrameBlurMaker deviceBlur(MakeSession make) {
  return [make](std::span<const float> frame, int rows, int cols) -> FrameBlur {
    auto session = make(frame, rows, cols);
    return [session, size = frame.size()](double sigma) {
      std::vector<float> out(size);
      session->blur(blurTaps(sigma), out.data());
      return std::vector<double>(out.begin(), out.end());
    };
  };
}

#ifdef LQS_HAVE_OPENCL
// One super-resolved frame held on an OpenCL device.
class OpenclBlurSession {
 public:
  OpenclBlurSession(gpu::OpenclDevice& gpu, std::span<const float> frame, int rows, int cols)
      : gpu_(gpu), rows_(rows), cols_(cols), frame_(gpu.upload(frame.data(), frame.size())),
        along_(gpu.allocate(frame.size())), blurred_(gpu.allocate(frame.size())),
        pass_(gpu.kernel("squirrel.cl", "blur_pass")) {}

  void blur(const std::vector<float>& taps, float* out) {
    const cl::Buffer weights = gpu_.upload(taps.data(), taps.size());
    const int radius = int(taps.size() / 2);
    setArguments(pass_, frame_, along_, weights, radius, 0);
    gpu_.run(pass_, rows_, cols_);
    setArguments(pass_, along_, blurred_, weights, radius, 1);
    gpu_.run(pass_, rows_, cols_);
    gpu_.download(blurred_, out, std::size_t(rows_) * cols_);
  }

 private:
  gpu::OpenclDevice& gpu_;
  int rows_, cols_;
  cl::Buffer frame_, along_, blurred_;
  cl::Kernel pass_;
};
#endif

}  // namespace

// Frames one at a time on a device: its queue and kernel objects are not shared between threads.
std::vector<Implementation> squirrelGpuImplementations(const std::vector<Device>& devices) {
  std::vector<Implementation> implementations;
#ifdef LQS_HAVE_OPENCL
  for (auto& implementation : openclImplementations(devices, [](const RunContext& c, gpu::OpenclDevice& gpu) {
         const auto make = [&gpu](std::span<const float> frame, int rows, int cols) {
           return std::make_shared<OpenclBlurSession>(gpu, frame, rows, cols);
         };
         return runSquirrelWith(c, deviceBlur(make), CpuSchedule::Serial);
       }))
    implementations.push_back(std::move(implementation));
#endif
#ifdef LQS_HAVE_CUDA
  using gpu::cuda::BlurSession;
  for (auto& implementation : cudaImplementations(devices, [](const RunContext& c, int device) {
         const auto make = [device](std::span<const float> frame, int rows, int cols) {
           return std::make_shared<BlurSession>(device, frame.data(), rows, cols);
         };
         return runSquirrelWith(c, deviceBlur(make), CpuSchedule::Serial);
       }))
    implementations.push_back(std::move(implementation));
#endif
  (void)devices;
  return implementations;
}

}  // namespace lqs
