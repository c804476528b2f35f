#include <catch2/catch.hpp>
#include <cmath>

#include "core/errors.hpp"
#include "core/random_stack.hpp"
#include "tests/support/method_runner.hpp"

using namespace lqs;
using namespace lqs::test;

namespace {

using Map = std::vector<double>;

// NanoPyx's SRRF written out plainly in double precision, as an independent check.
double catmullRom(double v) {
  v = std::fabs(v);
  if (v < 1) return v * v * (1.5 * v - 2.5) + 1;
  if (v < 2) return v * (v * (-0.5 * v + 2.5) - 4) + 2;
  return 0;
}

double sampleCr(const Map& img, int rows, int cols, double row, double col) {
  if (row < 0 || row >= rows || col < 0 || col >= cols) return 0;
  double sum = 0;
  for (int r = int(std::floor(row - 0.5)) - 1; r <= int(std::floor(row - 0.5)) + 2; ++r)
    for (int c = int(std::floor(col - 0.5)) - 1; c <= int(std::floor(col - 0.5)) + 2; ++c)
      if (r >= 0 && r < rows && c >= 0 && c < cols)
        sum += img[r * cols + c] * catmullRom(row - r - 0.5) * catmullRom(col - c - 0.5);
  return sum;
}

Map radialityMap(const Stack& s, std::size_t t, int mag, double ringRadius, bool weighting) {
  const int rows = int(s.rows()), cols = int(s.cols());
  Map img(s.frame(t).begin(), s.frame(t).end()), gc(img.size(), 0.0), gr(img.size(), 0.0);
  for (int r = 1; r < rows - 1; ++r)
    for (int c = 1; c < cols - 1; ++c) {
      gc[r * cols + c] = img[r * cols + c + 1] - img[r * cols + c - 1];
      gr[r * cols + c] = img[(r + 1) * cols + c] - img[(r - 1) * cols + c];
    }
  const double R = ringRadius * mag;
  Map out(std::size_t(rows * mag) * cols * mag, 0.0);
  for (int j = mag; j < (rows - 1) * mag; ++j)
    for (int i = mag; i < (cols - 1) * mag; ++i) {
      double divergence = 0;
      for (int k = 0; k < 12; ++k) {
        const double xr = std::cos(k * M_PI / 6) * R, yr = std::sin(k * M_PI / 6) * R;
        const double x0 = i + 0.5 + xr, y0 = j + 0.5 + yr;
        const double gx = sampleCr(gc, rows, cols, y0 / mag, x0 / mag), gy = sampleCr(gr, rows, cols, y0 / mag, x0 / mag);
        const double g = std::hypot(gx, gy);
        const double dk = g == 0 ? 0 : std::pow(1 - std::fabs(gy * -xr - gx * -yr) / g / R, 2);
        divergence += gx * xr + gy * yr > 0 ? -dk : dk;
      }
      const double value = std::max(divergence / 12, 0.0);
      out[std::size_t(j) * cols * mag + i] =
          weighting ? value * sampleCr(img, rows, cols, double(j) / mag, double(i) / mag) : value;
    }
  return out;
}

void correct(Map& m, int rowsM, int colsM, int mag) {
  Map pattern(mag * mag, 0.0);
  for (int r = 0; r < rowsM; ++r)
    for (int c = 0; c < colsM; ++c) pattern[(r % mag) * mag + c % mag] += m[r * colsM + c];
  for (int r = 0; r < rowsM; ++r)
    for (int c = 0; c < colsM; ++c)
      if (double p = pattern[(r % mag) * mag + c % mag] / (rowsM / mag * (colsM / mag)); p != 0) m[r * colsM + c] /= p;
}

double temporal(const std::vector<Map>& maps, std::size_t i, int order) {
  const std::size_t T = maps.size();
  double mean = 0, best = -INFINITY, pairs = 0;
  for (const auto& m : maps) mean += m[i] / double(T), best = std::max(best, m[i]);
  for (std::size_t a = 0; a < T; ++a)
    for (std::size_t b = a; b < T; ++b) pairs += std::max(maps[a][i], 0.0) * std::max(maps[b][i], 0.0);
  const auto d = [&](std::size_t t) { return maps[t][i] - mean; };
  double ab = 0, abc = 0, abcd = 0, cd = 0, ac = 0, bd = 0, ad = 0, bc = 0;
  for (std::size_t t = 0; t + order < T && order >= 2; ++t) {
    ab += d(t) * d(t + 1);
    if (order == 3) abc += d(t) * d(t + 1) * d(t + 2);
    if (order == 4) {
      abcd += d(t) * d(t + 1) * d(t + 2) * d(t + 3);
      cd += d(t + 2) * d(t + 3), ac += d(t) * d(t + 2), bd += d(t + 1) * d(t + 3);
      ad += d(t) * d(t + 3), bc += d(t + 1) * d(t + 2);
    }
  }
  switch (order) {
    case 0: return best;
    case 1: return mean;
    case -1: return pairs / (double(T) * (T + 1) / 2);
    case 2: return std::fabs(ab) / double(T);
    case 3: return std::fabs(abc) / double(T);
    default: return std::fabs(abcd - ab * cd - ac * bd - ad * bc) / double(T);
  }
}

Stack naiveSrrf(const Stack& s, int mag, double ringRadius, int order, bool mpc = true, bool weighting = true) {
  const int rowsM = int(s.rows()) * mag, colsM = int(s.cols()) * mag;
  std::vector<Map> maps;
  for (std::size_t t = 0; t < s.frames(); ++t) {
    maps.push_back(radialityMap(s, t, mag, ringRadius, weighting));
    if (mpc) correct(maps.back(), rowsM, colsM, mag);
  }
  Stack out(1, std::size_t(rowsM), std::size_t(colsM));
  for (std::size_t i = 0; i < out.size(); ++i) out.data()[i] = float(temporal(maps, i, order));
  return out;
}

}  // namespace

TEST_CASE("srrf matches a plain double-precision transcription of NanoPyx for every order") {
  MethodRunner runner;
  const Stack stack = randomStack(6, 11, 9, 5, 10, 200);
  for (const int order : {1, 0, -1, 2, 3, 4}) {
    INFO("order " << order);
    const Stack out = runner.stack("srrf", {stack}, {{"order", std::to_string(order)}}, "cpu:unthreaded");
    CHECK(relativeL2(out, naiveSrrf(stack, 5, 0.5, order)) <= 1e-4);
  }
  const Stack plain = runner.stack(
      "srrf", {stack}, {{"magnification", "3"}, {"ring_radius", "1.2"}, {"macro_pixel_correction", "false"},
                        {"intensity_weighting", "false"}});
  CHECK(relativeL2(plain, naiveSrrf(stack, 3, 1.2, 1, false, false)) <= 1e-4);
}

TEST_CASE("srrf implementations agree on small odd stacks") {
  MethodRunner runner;
  for (const auto& [frames, rows, cols] : {std::tuple{1, 1, 1}, {3, 1, 9}, {4, 7, 13}, {2, 16, 11}}) {
    const Stack stack = randomStack(frames, rows, cols, 17, 10, 100);
    for (const std::string mag : {"1", "2", "5"}) {
      const std::map<std::string, std::string> params{{"magnification", mag}, {"order", "-1"}};
      const Stack expected = runner.stack("srrf", {stack}, params, "cpu:unthreaded");
      REQUIRE(expected.rows() == std::size_t(rows * std::stoi(mag)));
      for (std::size_t i = 0; i < expected.size(); ++i) REQUIRE(std::isfinite(expected.data()[i]));
      for (const auto& impl : runner.implementations("srrf")) {
        INFO(frames << "x" << rows << "x" << cols << " mag " << mag << " " << impl);
        CHECK(relativeL2(runner.stack("srrf", {stack}, params, impl), expected) <= 1e-5);
      }
    }
  }
}

TEST_CASE(
    "srrf cpu:simd equals cpu:tbb within 1e-5: odd sizes, ring radius, magnification and border edges") {
  MethodRunner runner;
  struct Case {
    int rows, cols;
    std::string magnification, ringRadius, border, weighting, positive;
  };
  const Case cases[] = {
      {1, 1, "5", "0.5", "0", "true", "true"},     {1, 40, "3", "0.5", "0", "true", "true"},
      {37, 1, "2", "0.5", "0", "false", "true"},   {41, 33, "5", "0.5", "0", "true", "true"},
      {41, 33, "1", "0.05", "0", "true", "false"}, {41, 33, "1", "10", "0", "true", "true"},
      {29, 35, "20", "0.05", "0", "true", "true"}, {29, 35, "2", "10", "3", "false", "false"},
      {50, 47, "4", "2.5", "2", "true", "true"},   {31, 64, "7", "1.3", "0", "true", "false"}};
  for (const Case& c : cases) {
    const Stack stack = randomStack(2, c.rows, c.cols, 23, 10, 100);
    const std::map<std::string, std::string> params{{"magnification", c.magnification},
                                                    {"ring_radius", c.ringRadius},
                                                    {"border", c.border},
                                                    {"intensity_weighting", c.weighting},
                                                    {"radiality_positivity_constraint", c.positive}};
    INFO(c.rows << "x" << c.cols << " mag " << c.magnification << " ring " << c.ringRadius << " border "
                << c.border << " weighting " << c.weighting << " positive " << c.positive);
    const Stack expected = runner.stack("srrf", {stack}, params, "cpu:tbb");
    const Stack simd = runner.stack("srrf", {stack}, params, "cpu:simd");
    CHECK(relativeL2(simd, expected) <= 1e-5);
    CHECK(maxRelativeDifference(simd, expected) <= 1e-5);
  }
}

TEST_CASE("srrf time points, border, edges and bad input") {
  MethodRunner runner;
  const Stack stack = randomStack(7, 12, 10, 3, 0, 50);
  const Stack out = runner.stack("srrf", {stack}, {{"frames_per_timepoint", "3"}, {"magnification", "2"}});
  REQUIRE(out.frames() == 3);
  CHECK(maxAbsDifference(out.frameRange(2, 1),
                         runner.stack("srrf", {stack.frameRange(6, 1)}, {{"magnification", "2"}})) <= 1e-6);

  const Stack bordered = runner.stack("srrf", {stack}, {{"border", "2"}, {"magnification", "2"}});
  CHECK(bordered.at(0, 5, 10) == 0.0f);
  CHECK(bordered.at(0, 12, 10) != 0.0f);
  CHECK_NOTHROW(runner.stack("srrf", {stack}, {{"border", "50"}, {"ring_radius", "10"}, {"magnification", "1"}}));

  CHECK_THROWS_AS(runner.stack("srrf", {stack}, {{"order", "4"}, {"frames_per_timepoint", "4"}}), ParameterError);
  CHECK_THROWS_AS(runner.stack("srrf", {stack}, {{"order", "5"}}), ParameterError);
  Stack withNan = stack;
  withNan.at(2, 4, 4) = std::nanf("");
  for (const auto& impl : runner.implementations("srrf")) {
    INFO(impl);
    CHECK_THROWS_WITH(
        runner.stack("srrf", {withNan}, {{"magnification", "2"}}, impl),
        Catch::Contains("1 pixel is NaN or Inf") && Catch::Contains("frame 2, row 4, column 4"));
  }
}
