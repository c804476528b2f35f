// Channel registration against known warps: the field must come back within 0.1 px and the
// registered channel must match the reference.
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>

#include "core/errors.hpp"
#include "core/sample.hpp"
#include "methods/interpolation/geometric_transform.hpp"
#include "methods/registration/channel_blocks.hpp"
#include "tests/support/method_runner.hpp"

using namespace lqs;
using namespace lqs::test;

namespace {

constexpr std::size_t kSide = 160;  // 5 blocks of 32 pixels with the default blocks_per_axis
constexpr std::size_t kPad = 16;    // the scene is simulated this much larger on every side

using Displacement = std::function<std::pair<double, double>(double row, double col)>;  // {dy, dx}

// Dense spots, blinking averaged away: every block holds structure in every direction (a block
// crossed by a single straight filament cannot tell a shift along it).
Stack scene() {
  SampleOptions options;
  options.frames = 8, options.rows = kSide + 2 * kPad, options.cols = kSide + 2 * kPad, options.seed = 11;
  options.structure = SampleOptions::Structure::Points;
  options.pOn = 0.9, options.pOff = 0.02, options.pBleach = 0;
  const Stack stack = simulateBlinking(options);
  Stack mean(1, stack.rows(), stack.cols());
  for (std::size_t t = 0; t < stack.frames(); ++t)
    for (std::size_t i = 0; i < mean.size(); ++i) mean.data()[i] += stack.frame(t)[i] / float(stack.frames());
  return mean;
}

// The central kSide x kSide of the scene seen through a displacement u (in the view's coordinates):
// view(p) = scene(p - u(p)), so the content at p moves by about u. No border is left empty.
Stack view(const Stack& scene, const Displacement& u) {
  return resample(
      scene, kSide, kSide,
      [&](int i, int j) {
        const auto [dy, dx] = u(i + 0.5, j + 0.5);
        return std::pair{float(i + 0.5 + kPad - dy), float(j + 0.5 + kPad - dx)};
      },
      interpolatorKind("catmull-rom"), CpuSchedule::Serial, Job());
}

Stack view(const Stack& scene) {
  return view(scene, [](double, double) { return std::pair{0.0, 0.0}; });
}

// The view and the same view with its content moved by whole pixels (no interpolation).
std::pair<Stack, Stack> movedByWholePixels(const Stack& scene, int rows, int cols) {
  Stack reference(1, kSide, kSide), channel(1, kSide, kSide);
  for (std::size_t r = 0; r < kSide; ++r)
    for (std::size_t c = 0; c < kSide; ++c) {
      reference.at(0, r, c) = scene.at(0, r + kPad, c + kPad);
      channel.at(0, r, c) = scene.at(0, r + kPad - rows, c + kPad - cols);
    }
  return {reference, channel};
}

Stack withNoise(const Stack& image, std::uint64_t seed, float amplitude) {
  Stack noisy = randomStack(1, image.rows(), image.cols(), seed, -amplitude, amplitude);
  for (std::size_t i = 0; i < noisy.size(); ++i) noisy.data()[i] += image.data()[i];
  return noisy;
}

float peak(const Stack& image) {
  return *std::max_element(image.data(), image.data() + image.size());
}

// The true field d solves channel(p - d) = image(p), i.e. d = -u(p - d) (a fixed point for small u').
std::pair<double, double> trueField(const Displacement& u, double row, double col) {
  double dy = 0, dx = 0;
  for (int k = 0; k < 20; ++k) {
    const auto [uy, ux] = u(row - dy, col - dx);
    dy = -uy, dx = -ux;
  }
  return {dy, dx};
}

// RMS of the field error over pixels at least `margin` from the border.
double fieldError(const Stack& field, const Displacement& u, std::size_t margin) {
  double sum = 0;
  std::size_t count = 0;
  for (std::size_t r = margin; r + margin < kSide; ++r)
    for (std::size_t c = margin; c + margin < kSide; ++c) {
      const auto [dy, dx] = trueField(u, r + 0.5, c + 0.5);
      sum += std::pow(field.at(0, r, c) - dy, 2) + std::pow(field.at(1, r, c) - dx, 2);
      ++count;
    }
  return std::sqrt(sum / double(count));
}

Stack trueFieldStack(const Displacement& u) {
  Stack field(2, kSide, kSide);
  for (std::size_t r = 0; r < kSide; ++r)
    for (std::size_t c = 0; c < kSide; ++c)
      std::tie(field.at(0, r, c), field.at(1, r, c)) = trueField(u, r + 0.5, c + 0.5);
  return field;
}

Stack interior(const Stack& image, std::size_t margin) {
  Stack out(image.frames(), kSide - 2 * margin, kSide - 2 * margin);
  for (std::size_t t = 0; t < image.frames(); ++t)
    for (std::size_t r = 0; r < out.rows(); ++r)
      for (std::size_t c = 0; c < out.cols(); ++c) out.at(t, r, c) = image.at(t, r + margin, c + margin);
  return out;
}

// Relative L2 difference of the interiors, the background (the reference's median level) removed
// so that the comparison weighs the structure.
double contrastError(const Stack& image, const Stack& reference, std::size_t margin) {
  Stack a = interior(image, margin), b = interior(reference, margin);
  std::vector<float> sorted(b.data(), b.data() + b.size());
  std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
  const float background = sorted[sorted.size() / 2];
  for (std::size_t i = 0; i < a.size(); ++i) a.data()[i] -= background, b.data()[i] -= background;
  return relativeL2(a, b);
}

struct Registration {
  Stack registered, field;
  RunReport report;
};

Registration registerChannel(MethodRunner& runner, const Stack& reference, const Stack& channel,
                             const std::string& implementation = "") {
  RunReport report = runner.report("channel-register", {reference, channel}, {}, implementation);
  return {std::get<Stack>(report.result.outputs.at(0).data),
          std::get<Stack>(report.result.outputs.at(1).data), std::move(report)};
}

}  // namespace

TEST_CASE("channel-estimate's field has the documented sign: an integer translation") {
  MethodRunner runner;
  const auto [reference, channel] = movedByWholePixels(scene(), 3, -2);  // 3 rows down, 2 columns left
  const Stack field = runner.stack("channel-estimate", {reference, channel}, {});
  REQUIRE(field.frames() == 2);
  CHECK(field.at(0, 80, 80) ==
        Approx(-3).margin(0.02));  // registered(p) = channel(p - d) = channel(p + (3, -2))
  CHECK(field.at(1, 80, 80) == Approx(2).margin(0.02));
}

TEST_CASE("channel-register recovers a sub-pixel translation and smooth warps within 0.1 px") {
  MethodRunner runner;
  const Stack full = scene();
  const float noise = 0.02f * peak(full);
  const Stack reference = withNoise(view(full), 21, noise);
  const std::size_t margin = 16;  // half a block: outside the outer block centres the field is extrapolated
  const std::vector<std::pair<std::string, Displacement>> cases = {
      {"translation",
       [](double, double) {
         return std::pair{0.37, -0.62};
       }},
      {"sinusoidal warp",
       [](double row, double col) {
         return std::pair{1.2 * std::sin(2 * M_PI * col / 320 + 0.3),
                          0.9 * std::cos(2 * M_PI * row / 320 - 0.5)};
       }},
      {"magnification 1.004", [](double row, double col) {
         return std::pair{0.004 * (row - 80), 0.004 * (col - 80)};
       }}};
  for (const auto& [name, u] : cases) {
    INFO(name);
    const Stack channel = withNoise(view(full, u), 22, noise);
    const Registration result = registerChannel(runner, reference, channel);
    CHECK(result.report.result.values.at("blocks_used") == 25);
    CHECK(fieldError(result.field, u, margin) < 0.1);
    // the noise-free channel registered with the estimated field, against the noise-free reference
    // and against the same channel registered with the true field (the interpolation's own floor)
    const Stack clean = view(full, u);
    const double before = contrastError(clean, view(full), margin);
    const double after =
        contrastError(runner.stack("channel-apply", {clean, result.field}, {}), view(full), margin);
    const double floor =
        contrastError(runner.stack("channel-apply", {clean, trueFieldStack(u)}, {}), view(full), margin);
    CHECK(after < floor + 0.005);
    CHECK(before > floor + 0.02);  // an unregistered channel would fail the check above
  }
}

TEST_CASE("channel-estimate keeps a linear field linear out to the borders") {
  MethodRunner runner;
  const Stack full = scene();
  const Displacement u = [](double row, double col) {
    return std::pair{0.004 * (row - 80), -0.003 * (col - 80)};
  };
  const Stack field = runner.stack("channel-estimate", {view(full), view(full, u)}, {});
  CHECK(fieldError(field, u, 0) < 0.1);
}

TEST_CASE("the rows and columns past the last block get the field too") {
  MethodRunner runner;
  // 18 blocks of 8 pixels leave 16 rows and columns, two blocks' worth, outside every block (such
  // small blocks measure less precisely: 0.1 px)
  const auto [reference, channel] = movedByWholePixels(scene(), 2, -1);
  const Stack field = runner.stack("channel-estimate", {reference, channel}, {{"blocks_per_axis", "18"}});
  for (std::size_t p : {std::size_t(0), kSide - 1}) {
    CHECK(field.at(0, p, p) == Approx(-2).margin(0.1));
    CHECK(field.at(1, p, p) == Approx(1).margin(0.1));
  }
}

TEST_CASE("a block that disagrees with its neighbours is refilled; a steep smooth field is kept") {
  BlockGrid grid;
  grid.perAxis = 5, grid.blockRows = grid.blockCols = 32;
  for (int i = 0; i < 5; ++i)
    for (int j = 0; j < 5; ++j) grid.blocks.push_back({0.8 * i, -0.6 * j + 0.1 * i * j, 0.9, true});
  BlockGrid broken = grid;
  broken.blocks[7].dy += 1.5;  // a spot half inside one small block's window
  CHECK(rejectOutliers(grid) == 0);
  REQUIRE(rejectOutliers(broken) == 1);
  CHECK_FALSE(broken.blocks[7].used);
  refillUnusedBlocks(broken);
  CHECK(broken.blocks[7].dy == Approx(0.8).margin(0.3));  // from its neighbours
}

TEST_CASE("channel registration gives the same field and image on cpu:unthreaded and cpu:tbb") {
  MethodRunner runner;
  const Stack full = scene();
  const Stack channel = view(full, [](double, double) { return std::pair{0.3, 0.2}; });
  const Registration serial = registerChannel(runner, view(full), channel, "cpu:unthreaded");
  const Registration tbb = registerChannel(runner, view(full), channel, "cpu:tbb");
  CHECK(maxAbsDifference(serial.field, tbb.field) <= 1e-6);
  CHECK(maxAbsDifference(serial.registered, tbb.registered) <= 1e-6 * peak(full));
}

TEST_CASE("channel-register measures stacks by their mean and aligns every frame") {
  MethodRunner runner;
  const Stack full = scene();
  const Stack moved = view(full, [](double, double) { return std::pair{0.5, -0.5}; });
  Stack channel(3, kSide, kSide);
  for (std::size_t t = 0; t < 3; ++t)
    std::copy(moved.data(), moved.data() + moved.size(), channel.frame(t).data());
  const Registration result = registerChannel(runner, view(full), channel);
  REQUIRE(result.registered.frames() == 3);
  CHECK(maxAbsDifference(result.registered.frameRange(2, 1), result.registered.frameRange(0, 1)) == 0);
  CHECK(result.report.result.notes.size() == 1);  // says the mean was used
  CHECK(result.field.at(0, 80, 80) == Approx(-0.5).margin(0.02));
  CHECK(result.field.at(1, 80, 80) == Approx(0.5).margin(0.02));
}

TEST_CASE("channel-apply applies a uniform field as a plain shift") {
  MethodRunner runner;
  const Stack image = view(scene());
  Stack field(2, kSide, kSide);
  std::fill(field.data(), field.data() + field.frameSize(), 2.0f);  // dy = 2, dx = 0
  const Stack registered = runner.stack("channel-apply", {image, field}, {{"interpolation", "nearest"}});
  CHECK(registered.at(0, 50, 60) == image.at(0, 48, 60));
  CHECK(registered.at(0, 0, 60) == 0);  // reads row -1.5: outside the image
}

TEST_CASE("channel registration refuses or warns on bad input, never crashes") {
  MethodRunner runner;
  const Stack image = randomStack(1, 64, 64, 3);
  SECTION("images of different sizes") {
    CHECK_THROWS_AS(runner.report("channel-estimate", {image, randomStack(1, 64, 63, 3)}, {}), InputError);
  }
  SECTION("1xN and tiny images") {
    CHECK_THROWS_AS(
        runner.report("channel-estimate", {randomStack(1, 1, 64, 1), randomStack(1, 1, 64, 2)}, {}),
        InputError);
    CHECK_THROWS_AS(runner.report("channel-register", {randomStack(1, 6, 6, 1), randomStack(1, 6, 6, 2)}, {}),
                    InputError);
  }
  SECTION("more blocks than the image holds") {
    CHECK_THROWS_AS(runner.report("channel-estimate", {image, image}, {{"blocks_per_axis", "9"}}),
                    ParameterError);
  }
  SECTION("a featureless channel: zero field and a warning") {
    const Stack flat(1, 64, 64);
    const RunReport report = runner.report("channel-register", {image, flat}, {{"blocks_per_axis", "2"}});
    CHECK(report.result.values.at("blocks_used") == 0);
    CHECK(report.result.values.at("max_shift") == 0);
    CHECK_FALSE(report.result.notes.empty());
  }
  SECTION("a field of the wrong shape or with NaN") {
    CHECK_THROWS_AS(runner.report("channel-apply", {image, randomStack(1, 64, 64, 1)}, {}), InputError);
    Stack field(2, 64, 64);
    field.at(1, 5, 5) = std::nanf("");
    CHECK_THROWS_AS(runner.report("channel-apply", {image, field}, {}), InputError);
  }
}
