// roberts-cross and central-difference on a ramp, where NanoPyx's gradients are known exactly
// (methods.md, nanopyx-details-a.md section 4), on every implementation.
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>

#include "core/errors.hpp"
#include "tests/support/method_runner.hpp"

using namespace lqs;
using namespace lqs::test;

namespace {

constexpr float kColSlope = 3, kRowSlope = 5;  // frame t is (t + 1) * (3 col + 5 row)

Stack ramp(std::size_t frames, std::size_t rows, std::size_t cols) {
  Stack image(frames, rows, cols);
  for (std::size_t t = 0; t < frames; ++t)
    for (std::size_t r = 0; r < rows; ++r)
      for (std::size_t c = 0; c < cols; ++c)
        image.at(t, r, c) = float(t + 1) * (kColSlope * c + kRowSlope * r);
  return image;
}

// The expected output for each component from the gradient (along columns, along rows) at (r, c)
// of a unit-scale ramp.
using Gradient = std::function<std::pair<float, float>(int r, int c, int rows, int cols)>;

void checkOnEveryImplementation(const std::string& method, const Gradient& gradient) {
  MethodRunner runner;
  const Stack image = ramp(2, 6, 9);
  for (const auto& [component, index] : {std::pair{"col", 0}, {"row", 1}, {"magnitude", 2}}) {
    Stack expected(image.frames(), image.rows(), image.cols());
    for (std::size_t t = 0; t < image.frames(); ++t)
      for (int r = 0; r < int(image.rows()); ++r)
        for (int c = 0; c < int(image.cols()); ++c) {
          const auto [col, row] = gradient(r, c, int(image.rows()), int(image.cols()));
          const float values[] = {col, row, std::sqrt(col * col + row * row)};
          expected.at(t, r, c) = float(t + 1) * values[index];
        }
    for (const std::string& impl : runner.implementations(method)) {
      INFO(method << " component=" << component << " on " << impl);
      CHECK(maxAbsDifference(runner.stack(method, {image}, {{"component", component}}, impl), expected) <=
            1e-5);
    }
  }
}

}  // namespace

TEST_CASE("roberts-cross of a ramp is twice its slopes, with the clamped top row and left column") {
  // Clamping repeats row 0 / column 0, so the difference across that border is 0.
  checkOnEveryImplementation("roberts-cross", [](int r, int c, int, int) {
    return std::pair{c > 0 ? 2 * kColSlope : 0.0f, r > 0 ? 2 * kRowSlope : 0.0f};
  });
}

TEST_CASE("central-difference of a ramp is twice its slopes inside and 0 on the border") {
  checkOnEveryImplementation("central-difference", [](int r, int c, int rows, int cols) {
    const bool inside = r >= 1 && c >= 1 && r <= rows - 2 && c <= cols - 2;
    return inside ? std::pair{2 * kColSlope, 2 * kRowSlope} : std::pair{0.0f, 0.0f};
  });
}

TEST_CASE("the gradient methods refuse an unknown component") {
  MethodRunner runner;
  CHECK_THROWS_AS(runner.stack("roberts-cross", {ramp(1, 3, 3)}, {{"component", "diagonal"}}),
                  ParameterError);
}
