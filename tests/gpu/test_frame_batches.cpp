// The OpenCL frame-batching helper every per-frame method runs through: frames land in order in
// batches of the size asked, staged frames are used, progress arrives between batches, and a cancel
// thrown there stops the run. On PoCL in CI.
#include <catch2/catch.hpp>
#include <numeric>
#include <stdexcept>

#include "gpu/devices.hpp"
#include "tests/support/skip.hpp"
#ifdef LQS_HAVE_OPENCL
#include "gpu/opencl/frame_batches.hpp"
#endif

using namespace lqs;

#ifdef LQS_HAVE_OPENCL
namespace {

// out = 2 in + the frame's index within its batch, so a frame landing in the wrong place shows.
constexpr const char* kSource =
    "__kernel void twice(__global const float* in, __global float* out) {\n"
    "  const size_t at = (get_global_id(2) * get_global_size(0) + get_global_id(0)) * get_global_size(1) + "
    "get_global_id(1);\n"
    "  out[at] = 2.0f * in[at] + (float)get_global_id(2);\n"
    "}\n";

}  // namespace

TEST_CASE("frames go through an OpenCL device in batches, in order, with progress between batches") {
  const auto devices = gpu::openclDevices();
  if (devices.empty()) LQS_SKIP("no OpenCL device");
  gpu::OpenclDevice& device = gpu::openclDevice(devices[0]);
  cl::Kernel kernel(device.program("test/twice", [] { return std::string(kSource); }), "twice");
  const std::size_t frames = 10, rows = 3, cols = 5, frame = rows * cols;
  std::vector<float> in(frames * frame), out(frames * frame, -1.0f);
  std::iota(in.begin(), in.end(), 0.0f);
  gpu::FrameTransfer transfer;
  transfer.frames = frames, transfer.inFrame = frame, transfer.outFrame = frame, transfer.in = in.data(),
  transfer.out = out.data(), transfer.batchLimit = 4;
  CHECK(gpu::framesPerBatch(device, transfer) == 4);
  std::vector<std::size_t> progress, counts;
  const auto launch = [&](const gpu::Buffer<float>& source, const gpu::Buffer<float>& target, std::size_t n) {
    counts.push_back(n);
    device.launch(kernel, {rows, cols, n}, source, target);
  };
  SECTION("from host frames") {
    gpu::inFrameBatches(device, transfer, launch, [&](std::size_t done) { progress.push_back(done); });
    for (std::size_t i = 0; i < in.size(); ++i) CHECK(out[i] == 2 * in[i] + float(i / frame % 4));
  }
  SECTION("from staged frames") {
    transfer.in = nullptr;
    transfer.stage = [&](std::size_t t, float* destination) {
      for (std::size_t i = 0; i < frame; ++i) destination[i] = float(t);
    };
    gpu::inFrameBatches(device, transfer, launch, [&](std::size_t done) { progress.push_back(done); });
    for (std::size_t i = 0; i < in.size(); ++i) CHECK(out[i] == 2 * float(i / frame) + float(i / frame % 4));
  }
  CHECK(counts == std::vector<std::size_t>{4, 4, 2});
  CHECK(progress == std::vector<std::size_t>{4, 8, 10});
}

TEST_CASE("a cancel between batches stops the frames that follow") {
  const auto devices = gpu::openclDevices();
  if (devices.empty()) LQS_SKIP("no OpenCL device");
  gpu::OpenclDevice& device = gpu::openclDevice(devices[0]);
  cl::Kernel kernel(device.program("test/twice", [] { return std::string(kSource); }), "twice");
  std::vector<float> in(6 * 4, 1.0f), out(6 * 4, -1.0f);
  gpu::FrameTransfer transfer;
  transfer.frames = 6, transfer.inFrame = 4, transfer.outFrame = 4, transfer.in = in.data(),
  transfer.out = out.data(), transfer.batchLimit = 2;
  std::size_t launches = 0;
  const auto launch = [&](const gpu::Buffer<float>& source, const gpu::Buffer<float>& target, std::size_t n) {
    ++launches;
    device.launch(kernel, {2, 2, n}, source, target);
  };
  CHECK_THROWS_AS(
      gpu::inFrameBatches(device, transfer, launch, [](std::size_t) { throw std::runtime_error("cancel"); }),
      std::runtime_error);
  CHECK(launches == 1);
  CHECK(out[2 * 4] == -1.0f);
}

TEST_CASE("a batch never exceeds one allocation or the memory budget, and holds at least one frame") {
  const auto devices = gpu::openclDevices();
  if (devices.empty()) LQS_SKIP("no OpenCL device");
  gpu::OpenclDevice& device = gpu::openclDevice(devices[0]);
  gpu::FrameTransfer transfer;
  transfer.frames = 100000, transfer.inFrame = 1 << 20, transfer.outFrame = 1 << 20;  // 4 MiB frames
  const std::size_t batch = gpu::framesPerBatch(device, transfer);
  CHECK(batch >= 1);
  CHECK(batch * (8u << 20) <= std::max<std::size_t>(256u << 20, 8u << 20));
  transfer.frames = 3;
  CHECK(gpu::framesPerBatch(device, transfer) <= 3);
  transfer.inFrame = std::size_t(device.maxAllocation());  // one frame larger than any allocation
  CHECK(gpu::framesPerBatch(device, transfer) == 1);
}
#endif
