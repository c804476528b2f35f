#include "methods/srrf/srrf_temporal.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "core/errors.hpp"

namespace lqs {

namespace {
template <class Body>
void forPixels(std::size_t pixels, const Body& body) {
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, pixels, 1 << 14), [&](const auto& range) {
    for (std::size_t i = range.begin(); i < range.end(); ++i) body(i);
  });
}
}  // namespace

SrrfTemporal::SrrfTemporal(int order, std::size_t pixels) : order_(order), pixels_(pixels) {
  if (order < -1 || order > 4) throw ParameterError("srrf: order must be -1, 0, 1, 2, 3 or 4");
  if (order == 0) maximum_.assign(pixels, -INFINITY);
  if (order == 1 || order == -1) sum_.assign(pixels, 0.0);
  if (order == -1) sumSquares_.assign(pixels, 0.0);
}

void SrrfTemporal::add(const float* map) {
  ++frames_;
  if (order_ >= 2) {
    kept_.insert(kept_.end(), map, map + pixels_);
    return;
  }
  forPixels(pixels_, [&](std::size_t i) {
    if (order_ == 0) maximum_[i] = std::max(maximum_[i], map[i]);
    if (order_ == 1) sum_[i] += map[i];
    if (order_ == -1) {
      const double positive = std::max(map[i], 0.0f);
      sum_[i] += positive;
      sumSquares_[i] += positive * positive;
    }
  });
}

std::vector<float> SrrfTemporal::result() const {
  if (frames_ == 0) throw ParameterError("srrf: a time point without frames");
  if (order_ == 0) return maximum_;
  if (order_ >= 2) return cumulant();
  std::vector<float> out(pixels_);
  const double T = double(frames_);
  forPixels(pixels_, [&](std::size_t i) {
    // sum_{t0<=t1} a_t0 a_t1 = ((sum a)^2 + sum a^2) / 2 over T (T + 1) / 2 pairs
    out[i] = order_ == 1 ? float(sum_[i] / T) : float((sum_[i] * sum_[i] + sumSquares_[i]) / (T * (T + 1)));
  });
  return out;
}

std::vector<float> SrrfTemporal::cumulant() const {
  const std::size_t T = frames_, n = pixels_, windows = T > std::size_t(order_) ? T - std::size_t(order_) : 0;
  if (windows == 0)
    throw ParameterError("srrf: order " + std::to_string(order_) + " needs more than " + std::to_string(order_) +
                         " frames per time point (got " + std::to_string(T) + ")");
  std::vector<float> out(n);
  forPixels(n, [&](std::size_t i) {
    double mean = 0;
    for (std::size_t t = 0; t < T; ++t) mean += kept_[t * n + i];
    mean /= double(T);
    const auto d = [&](std::size_t t) { return double(kept_[t * n + i]) - mean; };
    double ab = 0, abc = 0, abcd = 0, cd = 0, ac = 0, bd = 0, ad = 0, bc = 0;
    for (std::size_t t = 0; t < windows; ++t) {
      const double a = d(t), b = d(t + 1);
      ab += a * b;
      if (order_ == 3) abc += a * b * d(t + 2);
      if (order_ == 4) {
        const double c = d(t + 2), e = d(t + 3);
        abcd += a * b * c * e;
        cd += c * e;
        ac += a * c;
        bd += b * e;
        ad += a * e;
        bc += b * c;
      }
    }
    const double value = order_ == 2 ? ab : order_ == 3 ? abc : abcd - ab * cd - ac * bd - ad * bc;
    out[i] = float(std::fabs(value) / double(T));
  });
  return out;
}

}  // namespace lqs
