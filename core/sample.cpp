#include "core/sample.hpp"

#include <tbb/parallel_for.h>

#include <cmath>
#include <vector>

#include "core/errors.hpp"

namespace lqs {

namespace {

// SplitMix64: tiny, fast, and the same numbers on every platform and standard library.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
  double normal() {  // Box-Muller
    const double u = 1.0 - uniform(), v = uniform();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(2 * M_PI * v);
  }
  double poisson(double mean) {
    if (mean <= 0) return 0;
    if (mean > 30) return std::max(0.0, std::round(mean + std::sqrt(mean) * normal()));
    const double limit = std::exp(-mean);
    double product = uniform();
    int count = 0;
    while (product > limit) product *= uniform(), ++count;
    return count;
  }

 private:
  std::uint64_t state_;
};

struct Emitter {
  double row, col;
};

std::vector<Emitter> filaments(const SampleOptions& o, Random& random) {
  const double size = double(std::min(o.rows, o.cols));
  const std::size_t count = std::max<std::size_t>(3, std::size_t(double(o.rows * o.cols) / 1200.0));
  const double spacing = 0.25;  // emitters per pixel of filament: 4
  std::vector<Emitter> emitters;
  for (std::size_t f = 0; f < count; ++f) {
    double row = random.uniform() * double(o.rows), col = random.uniform() * double(o.cols);
    double angle = random.uniform() * 2 * M_PI, bend = 0;
    const double length = size * (0.6 + 0.8 * random.uniform());
    for (double travelled = 0; travelled < length; travelled += spacing) {
      emitters.push_back({row, col});
      bend = 0.98 * bend + 0.02 * random.normal();  // smooth curvature
      angle += bend * 0.05;
      row += spacing * std::sin(angle);
      col += spacing * std::cos(angle);
    }
  }
  return emitters;
}

std::vector<Emitter> points(const SampleOptions& o, Random& random) {
  const std::size_t count = std::max<std::size_t>(1, o.rows * o.cols / 60);
  std::vector<Emitter> emitters;
  for (std::size_t i = 0; i < count; ++i)
    emitters.push_back({random.uniform() * double(o.rows), random.uniform() * double(o.cols)});
  return emitters;
}

// Fraction of a unit pixel [i, i + 1) covered by a Gaussian centred at x.
double pixelIntegral(int i, double x, double sigma) {
  const double s = 1.0 / (std::sqrt(2.0) * sigma);
  return 0.5 * (std::erf((i + 1 - x) * s) - std::erf((i - x) * s));
}

enum State : unsigned char { Off, On, Bleached };

}  // namespace

Stack simulateBlinking(const SampleOptions& o) {
  if (o.frames == 0 || o.rows == 0 || o.cols == 0) throw ParameterError("sample size must be at least 1x1x1");
  Random random(o.seed);
  std::vector<Emitter> emitters = o.structure == SampleOptions::Structure::Points ? points(o, random) : filaments(o, random);
  if (o.emitters > 0 && o.emitters < emitters.size()) emitters.resize(o.emitters);

  // switching is sequential in time; rendering each frame is independent
  std::vector<State> states(emitters.size() * o.frames);
  const double onFraction = o.pOn / (o.pOn + o.pOff);
  for (std::size_t e = 0; e < emitters.size(); ++e) {
    State s = random.uniform() < onFraction ? On : Off;
    for (std::size_t t = 0; t < o.frames; ++t) {
      if (s == On && random.uniform() < o.pBleach) s = Bleached;
      else if (s == On && random.uniform() < o.pOff) s = Off;
      else if (s == Off && random.uniform() < o.pOn) s = On;
      states[t * emitters.size() + e] = s;
    }
  }

  Stack stack(o.frames, o.rows, o.cols);
  stack.pixelSize = {o.pixelSizeNm / 1000.0, "um"};
  const int reach = int(std::ceil(4 * o.psfSigma)), span = 2 * reach + 1;
  tbb::parallel_for(std::size_t(0), o.frames, [&](std::size_t t) {
    std::vector<double> photons(stack.frameSize(), o.background), rowWeights(span), colWeights(span);
    const double driftRow = o.driftRowPerFrame * double(t), driftCol = o.driftColPerFrame * double(t);
    for (std::size_t e = 0; e < emitters.size(); ++e) {
      if (states[t * emitters.size() + e] != On) continue;
      const double row = emitters[e].row + driftRow, col = emitters[e].col + driftCol;
      const int r0 = int(std::floor(row)) - reach, c0 = int(std::floor(col)) - reach;
      // the integrated Gaussian is separable: one erf pair per row and per column
      for (int i = 0; i < span; ++i) {
        rowWeights[i] = o.photons * pixelIntegral(r0 + i, row, o.psfSigma);
        colWeights[i] = pixelIntegral(c0 + i, col, o.psfSigma);
      }
      const int cBegin = std::max(c0, 0), cEnd = std::min(c0 + span, int(o.cols));
      for (int r = std::max(r0, 0); r < std::min(r0 + span, int(o.rows)); ++r) {
        double* line = photons.data() + std::size_t(r) * o.cols;
        const double wr = rowWeights[r - r0];
        for (int c = cBegin; c < cEnd; ++c) line[c] += wr * colWeights[c - c0];
      }
    }
    // hashed, so that frames do not get the same sequence shifted by one pixel
    Random noise(Random(o.seed * 0xD1B54A32D192ED03ULL + t).next());
    float* frame = stack.frame(t).data();
    for (std::size_t i = 0; i < photons.size(); ++i)
      frame[i] = float(std::max(0.0, noise.poisson(photons[i]) + o.readNoise * noise.normal()));
  });
  return stack;
}

}  // namespace lqs
