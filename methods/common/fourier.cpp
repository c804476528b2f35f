#include "methods/common/fourier.hpp"

#include <fftw3.h>

#include <map>
#include <memory>
#include <tuple>
#include <mutex>

#include "core/errors.hpp"

namespace lqs {

namespace {

std::mutex plannerLock;

struct PlanDeleter {
  void operator()(fftw_plan_s* plan) const {
    std::lock_guard lock(plannerLock);
    fftw_destroy_plan(plan);
  }
};

// One plan per shape and direction, made once under the lock and executed on any arrays
// (FFTW_UNALIGNED: std::vector storage need not be SIMD-aligned); fftw_execute_dft is thread-safe.
fftw_plan_s* cachedPlan(int rows, int cols, int direction) {
  static std::mutex cacheLock;
  static std::map<std::tuple<int, int, int>, std::unique_ptr<fftw_plan_s, PlanDeleter>> plans;
  std::lock_guard lock(cacheLock);
  auto& plan = plans[{rows, cols, direction}];
  if (!plan) {
    std::lock_guard planning(plannerLock);
    Spectrum scratch(std::size_t(rows) * cols);
    auto* buffer = reinterpret_cast<fftw_complex*>(scratch.data());
    plan.reset(fftw_plan_dft_2d(rows, cols, buffer, buffer, direction, FFTW_ESTIMATE | FFTW_UNALIGNED));
  }
  return plan.get();
}

Spectrum transform(Spectrum data, int rows, int cols, int direction) {
  auto* buffer = reinterpret_cast<fftw_complex*>(data.data());
  fftw_plan_s* plan = cachedPlan(rows, cols, direction);
  if (!plan) throw RunError("FFTW could not plan a " + std::to_string(rows) + "x" + std::to_string(cols) + " FFT");
  fftw_execute_dft(plan, buffer, buffer);
  return data;
}

}  // namespace

Spectrum forwardFft(const float* image, int rows, int cols) {
  return transform(Spectrum(image, image + std::size_t(rows) * cols), rows, cols, FFTW_FORWARD);
}

Spectrum forwardFft(const double* image, int rows, int cols) {
  return transform(Spectrum(image, image + std::size_t(rows) * cols), rows, cols, FFTW_FORWARD);
}

Spectrum inverseFft(const Spectrum& spectrum, int rows, int cols) {
  Spectrum out = transform(spectrum, rows, cols, FFTW_BACKWARD);
  const double scale = 1.0 / double(std::size_t(rows) * cols);
  for (auto& value : out) value *= scale;
  return out;
}

static Spectrum roll(const Spectrum& spectrum, int rows, int cols, int byRows, int byCols) {
  Spectrum out(spectrum.size());
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c)
      out[std::size_t((r + byRows) % rows) * cols + (c + byCols) % cols] = spectrum[std::size_t(r) * cols + c];
  return out;
}

Spectrum fftShift(const Spectrum& spectrum, int rows, int cols) { return roll(spectrum, rows, cols, rows / 2, cols / 2); }

Spectrum inverseFftShift(const Spectrum& spectrum, int rows, int cols) {
  return roll(spectrum, rows, cols, (rows + 1) / 2, (cols + 1) / 2);
}

}  // namespace lqs
