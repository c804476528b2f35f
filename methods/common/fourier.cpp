#include "methods/common/fourier.hpp"

#include "methods/common/fftw_plans.hpp"

namespace lqs {

using fftw::cachedPlan;
using fftw::kPlanFlags;
using fftw::PlanKind;

namespace {

Spectrum transform(Spectrum data, int rows, int cols, PlanKind kind) {
  auto* buffer = reinterpret_cast<fftw_complex*>(data.data());
  auto* plan = static_cast<fftw_plan>(cachedPlan(rows, cols, kind, [&] {
    Spectrum scratch(data.size());
    auto* s = reinterpret_cast<fftw_complex*>(scratch.data());
    return static_cast<void*>(fftw_plan_dft_2d(
        rows, cols, s, s, kind == PlanKind::Forward ? FFTW_FORWARD : FFTW_BACKWARD, kPlanFlags));
  }));
  fftw_execute_dft(plan, buffer, buffer);
  return data;
}

}  // namespace

Spectrum forwardFft(const float* image, int rows, int cols) {
  return transform(Spectrum(image, image + std::size_t(rows) * cols), rows, cols, PlanKind::Forward);
}

Spectrum forwardFft(const double* image, int rows, int cols) {
  return transform(Spectrum(image, image + std::size_t(rows) * cols), rows, cols, PlanKind::Forward);
}

Spectrum inverseFft(const Spectrum& spectrum, int rows, int cols) {
  Spectrum out = transform(spectrum, rows, cols, PlanKind::Backward);
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

HalfSpectrum::HalfSpectrum(const float* image, int rows, int cols)
    : rows_(rows), cols_(cols), halfCols_(cols / 2 + 1), half_(std::size_t(rows) * halfCols_) {
  assign(image);
}

void HalfSpectrum::assign(const float* image) {
  auto* plan = static_cast<fftwf_plan>(cachedPlan(rows_, cols_, PlanKind::RealForwardFloat, [&] {
    std::vector<float> in(std::size_t(rows_) * cols_);
    std::vector<std::complex<float>> out(half_.size());
    return static_cast<void*>(fftwf_plan_dft_r2c_2d(
        rows_, cols_, in.data(), reinterpret_cast<fftwf_complex*>(out.data()), kPlanFlags));
  }));
  // an r2c transform out of place leaves its input untouched
  fftwf_execute_dft_r2c(plan, const_cast<float*>(image), reinterpret_cast<fftwf_complex*>(half_.data()));
}

}  // namespace lqs
