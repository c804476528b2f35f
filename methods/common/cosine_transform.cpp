#include "methods/common/cosine_transform.hpp"

#include <cmath>
#include <complex>

#include "methods/common/fftw_plans.hpp"

namespace lqs {

namespace {

using fftw::PlanKind;

// FFTW's real-input transforms in double and in single precision.
template <class T>
struct RealFft;

template <>
struct RealFft<double> {
  static void forward(int rows, int cols, double* in, std::complex<double>* out) {
    auto* plan = static_cast<fftw_plan>(fftw::cachedPlan(rows, cols, PlanKind::RealForward, [&] {
      return static_cast<void*>(
          fftw_plan_dft_r2c_2d(rows, cols, in, reinterpret_cast<fftw_complex*>(out), fftw::kPlanFlags));
    }));
    fftw_execute_dft_r2c(plan, in, reinterpret_cast<fftw_complex*>(out));
  }
  // destroys `in`
  static void inverse(int rows, int cols, std::complex<double>* in, double* out) {
    auto* plan = static_cast<fftw_plan>(fftw::cachedPlan(rows, cols, PlanKind::RealInverse, [&] {
      std::vector<std::complex<double>> scratch(std::size_t(rows) * (cols / 2 + 1));
      return static_cast<void*>(fftw_plan_dft_c2r_2d(
          rows, cols, reinterpret_cast<fftw_complex*>(scratch.data()), out, fftw::kPlanFlags));
    }));
    fftw_execute_dft_c2r(plan, reinterpret_cast<fftw_complex*>(in), out);
  }
};

template <>
struct RealFft<float> {
  static void inverse(int rows, int cols, std::complex<float>* in, float* out) {
    auto* plan = static_cast<fftwf_plan>(fftw::cachedPlan(rows, cols, PlanKind::RealInverseFloat, [&] {
      std::vector<std::complex<float>> scratch(std::size_t(rows) * (cols / 2 + 1));
      return static_cast<void*>(fftwf_plan_dft_c2r_2d(
          rows, cols, reinterpret_cast<fftwf_complex*>(scratch.data()), out, fftw::kPlanFlags));
    }));
    fftwf_execute_dft_c2r(plan, reinterpret_cast<fftwf_complex*>(in), out);
  }
};

// Makhoul's order along an axis of n: place m holds pixel 2m for m < ceil(n / 2), and pixel 2m + 1
// sits at place n - 1 - m.
std::vector<int> evenOddOrder(int n) {
  std::vector<int> pixel(n);
  for (int m = 0; m < (n + 1) / 2; ++m) pixel[m] = 2 * m;
  for (int m = 0; m < n / 2; ++m) pixel[n - 1 - m] = 2 * m + 1;
  return pixel;
}

// a * b written out: std::complex's operator* checks for NaN and infinities (C99 Annex G) through a
// library call, which made it a third of this file's time.
inline std::complex<double> times(std::complex<double> a, std::complex<double> b) {
  return {a.real() * b.real() - a.imag() * b.imag(), a.real() * b.imag() + a.imag() * b.real()};
}

// exp(-i pi k / 2n) for k in [0, n).
std::vector<std::complex<double>> quarterTurns(int n) {
  std::vector<std::complex<double>> t(n);
  for (int k = 0; k < n; ++k) t[k] = std::polar(1.0, -M_PI * k / (2.0 * n));
  return t;
}

template <class T>
void inverseCosine(T* coefficients, int rows, int cols) {
  const int half = cols / 2 + 1;
  const auto t1 = quarterTurns(rows), t2 = quarterTurns(cols);
  const double norm = 0.25 / (double(rows) * cols);  // c2r is unnormalised
  const std::vector<T> zeros(cols);                  // row -0 (index rows) stands for zero coefficients
  std::vector<std::complex<T>> spectrum(std::size_t(rows) * half);
  for (int k1 = 0; k1 < rows; ++k1) {
    const T* x = coefficients + std::size_t(k1) * cols;                                  // X[k1][.]
    const T* mirror = k1 ? coefficients + std::size_t(rows - k1) * cols : zeros.data();  // X[-k1][.]
    const std::complex<double> turn = norm * std::conj(t1[k1]);  // a real times a complex: no library call
    std::complex<T>* out = spectrum.data() + std::size_t(k1) * half;
    // V = turn conj(t2) ((X[k1][k2] - X[-k1][-k2]) - i (X[-k1][k2] + X[k1][-k2])); column -0 is zero
    out[0] = std::complex<T>(times(turn, {double(x[0]), -double(mirror[0])}));
    for (int k2 = 1; k2 < half; ++k2) {
      const std::complex<double> w(double(x[k2]) - mirror[cols - k2], -(double(mirror[k2]) + x[cols - k2]));
      out[k2] = std::complex<T>(times(times(turn, std::conj(t2[k2])), w));
    }
  }
  std::vector<T> ordered(std::size_t(rows) * cols);
  RealFft<T>::inverse(rows, cols, spectrum.data(), ordered.data());
  const auto p1 = evenOddOrder(rows), p2 = evenOddOrder(cols);
  for (int m1 = 0; m1 < rows; ++m1) {
    T* row = coefficients + std::size_t(p1[m1]) * cols;
    const T* from = ordered.data() + std::size_t(m1) * cols;
    for (int m2 = 0; m2 < cols; ++m2) row[p2[m2]] = from[m2];
  }
}

}  // namespace

std::vector<double> cosineTransform(const double* image, int rows, int cols) {
  const int half = cols / 2 + 1;
  const auto p1 = evenOddOrder(rows), p2 = evenOddOrder(cols);
  std::vector<double> ordered(std::size_t(rows) * cols);
  for (int m1 = 0; m1 < rows; ++m1)
    for (int m2 = 0; m2 < cols; ++m2)
      ordered[std::size_t(m1) * cols + m2] = image[std::size_t(p1[m1]) * cols + p2[m2]];
  std::vector<std::complex<double>> spectrum(std::size_t(rows) * half);
  RealFft<double>::forward(rows, cols, ordered.data(), spectrum.data());
  // V at columns past the stored half from Hermitian symmetry
  const auto at = [&](int k1, int k2) {
    return k2 < half ? spectrum[std::size_t(k1) * half + k2]
                     : std::conj(spectrum[std::size_t(k1 ? rows - k1 : 0) * half + (cols - k2)]);
  };
  const auto t1 = quarterTurns(rows), t2 = quarterTurns(cols);
  std::vector<double> out(std::size_t(rows) * cols);
  for (int k1 = 0; k1 < rows; ++k1)
    for (int k2 = 0; k2 < cols; ++k2)
      out[std::size_t(k1) * cols + k2] =
          2 * std::real(times(
                  t1[k1], times(t2[k2], at(k1, k2)) + times(std::conj(t2[k2]), at(k1, k2 ? cols - k2 : 0))));
  return out;
}

void inverseCosineTransform(double* coefficients, int rows, int cols) {
  inverseCosine(coefficients, rows, cols);
}
void inverseCosineTransform(float* coefficients, int rows, int cols) {
  inverseCosine(coefficients, rows, cols);
}

}  // namespace lqs
