// drift-estimate on CUDA against cpu:tbb: the same peak search on maps and grids computed by cuFFT
// and device kernels instead of FFTW and the CPU loops. Skipped (with a warning) without a CUDA device.
#include <catch2/catch.hpp>

#include "core/random_stack.hpp"
#include "core/sample.hpp"
#include "gpu/devices.hpp"
#include "tests/support/method_runner.hpp"
#include "tests/support/skip.hpp"

#ifdef LQS_HAVE_CUDA
#include "methods/registration/correlation_cuda.hpp"
#include "methods/registration/cross_correlation.hpp"
#endif

using namespace lqs;
using namespace lqs::test;

namespace {

double largestDifference(const Table& a, const Table& b) {
  double largest = 0;
  for (const char* column : {"dx", "dy"})
    for (std::size_t t = 0; t < a.rows.size(); ++t)
      largest = std::max(largest, std::abs(a.rows[t][a.column(column)] - b.rows[t][b.column(column)]));
  return largest;
}

std::vector<std::string> cudaImplementations(const MethodRunner& runner) {
  std::vector<std::string> names;
  for (const auto& name : runner.implementations("drift-estimate"))
    if (name.rfind("cuda:", 0) == 0) names.push_back(name);
  return names;
}

}  // namespace

TEST_CASE("drift-estimate on CUDA finds the shifts cpu:tbb finds") {
  MethodRunner runner;
  if (cudaImplementations(runner).empty()) LQS_SKIP("no CUDA device");
  SampleOptions options;
  options.frames = 30, options.rows = 96, options.cols = 80,
  options.seed = 9;  // not square, not a power of 2
  options.structure = SampleOptions::Structure::Points;
  options.pOn = 0.9, options.pOff = 0.02, options.driftRowPerFrame = 0.13, options.driftColPerFrame = -0.21;
  const Stack simulated = simulateBlinking(options);
  for (const std::string& cuda : cudaImplementations(runner))
    for (const Stack& stack : {loadRef("drift_stack.tif"), simulated})
      for (const std::string reference : {"first", "previous"}) {
        INFO(cuda << ", reference " << reference << ", " << stack.rows() << "x" << stack.cols());
        const std::map<std::string, std::string> params{{"reference", reference}, {"time_averaging", "1"}};
        const RunReport gpu = runner.report("drift-estimate", {stack}, params, cuda);
        const RunReport cpu = runner.report("drift-estimate", {stack}, params, "cpu:tbb");
        // the finest refinement step is 0.1 / 225 px: a tie broken the other way moves a shift by one
        CHECK(largestDifference(std::get<Table>(gpu.result.outputs.at(0).data),
                                std::get<Table>(cpu.result.outputs.at(0).data)) < 1e-3);
        CHECK(gpu.result.values.at("max_drift") == Approx(cpu.result.values.at("max_drift")).margin(1e-3));
      }
}

#ifdef LQS_HAVE_CUDA
TEST_CASE("the CUDA correlation batch gives the same maps in chunks as in one piece") {
  const auto devices = gpu::cudaDevices();
  if (devices.empty()) LQS_SKIP("no CUDA device");
  const int rows = 24, cols = 20, images = 7;
  const Stack stack = randomStack(images + 1, rows, cols, 4);
  std::vector<std::vector<double>> image;
  for (int k = 0; k <= images; ++k) image.push_back(withoutMean(stack.frame(k).data(), stack.frameSize()));
  std::vector<double> all;
  for (int k = 1; k <= images; ++k) all.insert(all.end(), image[k].begin(), image[k].end());
  const std::size_t pixels = std::size_t(rows) * cols, chunkBytes = 3 * pixels * 56;  // 3 images a chunk
  for (bool previous : {false, true}) {
    INFO("previous " << previous);
    gpu::cuda::CorrelationBatch whole(devices[0].deviceIndex, rows, cols, images, kGridPoints);
    gpu::cuda::CorrelationBatch chunked(devices[0].deviceIndex, rows, cols, images, kGridPoints, chunkBytes);
    REQUIRE(chunked.capacity() == 3);
    whole.setReference(image[0].data());
    chunked.setReference(image[0].data());
    whole.correlate(all.data(), images, previous);
    for (int first = 0; first < images; first += 3) {
      const int count = std::min(3, images - first);
      chunked.correlate(all.data() + first * pixels, count, previous);
      for (int k = 0; k < count; ++k) {
        double largest = 0;
        for (std::size_t p = 0; p < pixels; ++p)
          largest = std::max(largest, std::abs(chunked.map(k)[p] - whole.map(first + k)[p]));
        CHECK(largest < 1e-9);
        const auto a = chunked.grid(k, 0.3, -0.2, 0.1), b = whole.grid(first + k, 0.3, -0.2, 0.1);
        largest = 0;
        for (std::size_t g = 0; g < a.size(); ++g) largest = std::max(largest, std::abs(a[g] - b[g]));
        CHECK(largest < 1e-9);
      }
    }
  }
}
#endif
