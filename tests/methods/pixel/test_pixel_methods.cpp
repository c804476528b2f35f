// Every declared per-pixel method (methods/pixel/declarations.cpp) on every implementation this
// machine offers, against cpu:unthreaded: a new declaration is tested here without new test code.
#include <algorithm>
#include <catch2/catch.hpp>
#include <tuple>

#include "gpu/devices.hpp"
#include "methods/pixel/pixel_kernels.hpp"
#include "methods/pixel/pixel_method.hpp"
#include "tests/support/method_runner.hpp"
#include "tests/support/skip.hpp"

using namespace lqs;
using namespace lqs::test;

namespace {

using Params = std::map<std::string, std::string>;

// The defaults, then every value of each choice and flag parameter with the others at their defaults.
std::vector<Params> parameterSets(const std::vector<ParamSpec>& specs) {
  std::vector<Params> sets{{}};
  for (const ParamSpec& spec : specs) {
    const std::vector<std::string> values =
        spec.type == ParamType::Boolean ? std::vector<std::string>{"false", "true"} : spec.choices;
    for (const std::string& value : values) sets.push_back({{spec.name, value}});
  }
  return sets;
}

}  // namespace

TEST_CASE("every per-pixel implementation equals cpu:unthreaded within 1e-6 on random frames") {
  MethodRunner runner;
  REQUIRE_FALSE(pixelMethods().empty());
  for (const PixelMethod& method : pixelMethods()) {
    for (const Params& params : parameterSets(method.params)) {
      for (const auto& [frames, rows, cols] :
           {std::tuple{1, 1, 1}, {1, 1, 37}, {1, 37, 1}, {1, 7, 13}, {1, 500, 300}, {5, 7, 13}}) {
        const Stack image = randomStack(frames, rows, cols, 11);
        const Stack expected = runner.stack(method.name, {image}, params, "cpu:unthreaded");
        REQUIRE((expected.frames() == image.frames() && expected.rows() == image.rows() &&
                 expected.cols() == image.cols()));
        for (const std::string& impl : runner.implementations(method.name)) {
          INFO(method.name << " on " << impl << ", " << frames << "x" << rows << "x" << cols << ", "
                           << (params.empty() ? "defaults"
                                              : params.begin()->first + "=" + params.begin()->second));
          CHECK(maxAbsDifference(runner.stack(method.name, {image}, params, impl), expected) <= 1e-6);
        }
      }
    }
  }
}

TEST_CASE("every kernel in gpu/kernels/pixel is declared as a method, and every declaration has its kernel") {
  for (const PixelKernel& kernel : pixelKernels()) {
    INFO(kernel.name);
    CHECK(std::any_of(pixelMethods().begin(), pixelMethods().end(),
                      [&](const PixelMethod& method) { return method.kernel == kernel.name; }));
  }
  for (const PixelMethod& method : pixelMethods()) {
    INFO(method.kernel);
    CHECK(std::any_of(pixelKernels().begin(), pixelKernels().end(),
                      [&](const PixelKernel& kernel) { return kernel.name == method.kernel; }));
  }
}

// On the GPU machine: the generated launchers reach the registry, so the comparison above covers CUDA.
TEST_CASE("every per-pixel method has one cuda implementation per CUDA device") {
  MethodRunner runner;
  const auto all = gpu::discoverDevices(gpu::disabledBackendsFromEnvironment());  // as the runner sees them
  const auto devices = std::size_t(std::count_if(
      all.begin(), all.end(), [](const Device& device) { return device.backend == Backend::Cuda; }));
  if (devices == 0) LQS_SKIP("no CUDA device");
  for (const PixelMethod& method : pixelMethods()) {
    const auto names = runner.implementations(method.name);
    INFO(method.name);
    CHECK(std::size_t(std::count_if(names.begin(), names.end(), [](const std::string& name) {
            return name.rfind("cuda:", 0) == 0;
          })) == devices);
  }
}

TEST_CASE("pixel methods hand the kernel numbers as they are, flags as 0/1 and choices as their index") {
  const std::vector<ParamSpec> specs{realParam("radius", "1.5", 0, 10, ""),
                                     integerParam("order", "3", 0, 9, ""), flagParam("weighted", "true", ""),
                                     choiceParam("mode", "b", {"a", "b", "c"}, "")};
  const ParamValues values = resolveParameters(specs, {{"mode", "c"}, {"weighted", "false"}}, "test");
  CHECK(pixelParameters(specs, values) == std::vector<float>{1.5f, 3.0f, 0.0f, 2.0f});
}
