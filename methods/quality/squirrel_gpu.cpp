// `squirrel` on OpenCL and CUDA devices: each Brent step's RSF blur (two passes of up to
// 2 * int(4 sigma + 0.5) + 1 taps per pixel) and the fit's row sums run on the device
// (gpu/kernels/gaussian_blur.h, squirrel.h), so a step moves 6 floats per row, not the image. The
// reference's Fourier upsampling and the final error map stay on the CPU.
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

// Row sums stored as (hi, lo) float pairs (gpu/kernels/squirrel.h), added up in double.
[[maybe_unused]] BlurSums addRows(const std::vector<float>& split) {
  BlurSums s;
  for (std::size_t i = 0; i < split.size(); i += 6) {
    s.b += double(split[i]) + split[i + 1];
    s.bb += double(split[i + 2]) + split[i + 3];
    s.br += double(split[i + 4]) + split[i + 5];
  }
  return s;
}

// A FrameBlur around a device session made per frame: `make(frame, reference, rows, cols)` returns a
// shared_ptr to anything with blur(taps), rowSums(out) and image(out) on float arrays.
template <class MakeSession>
FrameBlurMaker deviceBlur(MakeSession make) {
  return [make](const std::vector<double>& frame, const std::vector<double>& reference, int rows,
                int cols) -> FrameBlur {
    const std::vector<float> frameFloats(frame.begin(), frame.end()), referenceFloats(reference.begin(), reference.end());
    auto session = make(frameFloats.data(), referenceFloats.data(), rows, cols);
    const auto sums = [session, rows](double sigma) {
      session->blur(blurTaps(sigma));
      std::vector<float> split(6 * std::size_t(rows));
      session->rowSums(split.data());
      return addRows(split);
    };
    const auto image = [session, size = frame.size()](double sigma) {
      session->blur(blurTaps(sigma));
      std::vector<float> out(size);
      session->image(out.data());
      return std::vector<double>(out.begin(), out.end());
    };
    return {sums, image};
  };
}

#ifdef LQS_HAVE_OPENCL
// One centred frame and the centred reference held on an OpenCL device.
class OpenclBlurSession {
 public:
  OpenclBlurSession(gpu::OpenclDevice& gpu, const float* frame, const float* reference, int rows, int cols)
      : gpu_(gpu),
        rows_(rows),
        cols_(cols),
        frame_(gpu.upload(frame, size())),
        reference_(gpu.upload(reference, size())),
        along_(gpu.allocate<float>(size())),
        blurred_(gpu.allocate<float>(size())),
        sums_(gpu.allocate<float>(6 * std::size_t(rows))),
        pass_(gpu.kernel("squirrel.cl", "blur_pass")),
        rowSums_(gpu.kernel("squirrel.cl", "row_sums")) {}

  void blur(const std::vector<float>& taps) {
    const auto weights = gpu_.upload(taps.data(), taps.size());
    const int radius = int(taps.size() / 2);
    gpu_.launch(pass_, {std::size_t(rows_), std::size_t(cols_)}, frame_, along_, weights, radius, 0);
    gpu_.launch(pass_, {std::size_t(rows_), std::size_t(cols_)}, along_, blurred_, weights, radius, 1);
  }
  void rowSums(float* out) {
    gpu_.launch(rowSums_, {std::size_t(rows_), 1}, blurred_, reference_, sums_, cols_);
    gpu_.download(sums_, out, 6 * std::size_t(rows_));
  }
  void image(float* out) { gpu_.download(blurred_, out, size()); }

 private:
  std::size_t size() const { return std::size_t(rows_) * cols_; }
  gpu::OpenclDevice& gpu_;
  int rows_, cols_;
  gpu::Buffer<float> frame_, reference_, along_, blurred_, sums_;
  cl::Kernel pass_, rowSums_;
};
#endif

}  // namespace

// Frames one at a time on a device: its queue and kernel objects are not shared between threads.
std::vector<Implementation> squirrelGpuImplementations(const std::vector<Device>& devices) {
  std::vector<Implementation> implementations;
#ifdef LQS_HAVE_OPENCL
  append(implementations, openclImplementations(devices, [](const RunContext& c, gpu::OpenclDevice& gpu) {
           const auto make = [&gpu](const float* frame, const float* reference, int rows, int cols) {
             return std::make_shared<OpenclBlurSession>(gpu, frame, reference, rows, cols);
           };
           return runSquirrelWith(c, deviceBlur(make), CpuSchedule::Serial);
         }));
#endif
#ifdef LQS_HAVE_CUDA
  using gpu::cuda::BlurSession;
  append(implementations, cudaImplementations(devices, [](const RunContext& c, int device) {
           const auto make = [device](const float* frame, const float* reference, int rows, int cols) {
             return std::make_shared<BlurSession>(device, frame, reference, rows, cols);
           };
           return runSquirrelWith(c, deviceBlur(make), CpuSchedule::Serial);
         }));
#endif
  (void)devices;
  return implementations;
}

}  // namespace lqs
