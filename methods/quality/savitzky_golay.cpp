#include "methods/quality/savitzky_golay.hpp"

#include <cmath>

#include "core/errors.hpp"

namespace lqs {

namespace {

// Least-squares polynomial of `order` through values[start .. start+count), evaluated at `at`
// (absolute index). Normal equations in a centred variable keep them well conditioned.
double fitAndEvaluate(const std::vector<double>& values, int start, int count, int order, double at) {
  const int n = order + 1;
  const double centre = start + (count - 1) / 2.0;
  std::vector<double> matrix(n * n, 0.0), rhs(n, 0.0);
  for (int k = 0; k < count; ++k) {
    const double x = start + k - centre;
    std::vector<double> powers(2 * n - 1, 1.0);
    for (int p = 1; p < 2 * n - 1; ++p) powers[p] = powers[p - 1] * x;
    for (int i = 0; i < n; ++i) {
      rhs[i] += powers[i] * values[start + k];
      for (int j = 0; j < n; ++j) matrix[i * n + j] += powers[i + j];
    }
  }
  for (int col = 0; col < n; ++col) {  // Gaussian elimination with partial pivoting
    int pivot = col;
    for (int r = col + 1; r < n; ++r)
      if (std::fabs(matrix[r * n + col]) > std::fabs(matrix[pivot * n + col])) pivot = r;
    for (int j = 0; j < n; ++j) std::swap(matrix[col * n + j], matrix[pivot * n + j]);
    std::swap(rhs[col], rhs[pivot]);
    for (int r = col + 1; r < n; ++r) {
      const double f = matrix[r * n + col] / matrix[col * n + col];
      for (int j = col; j < n; ++j) matrix[r * n + j] -= f * matrix[col * n + j];
      rhs[r] -= f * rhs[col];
    }
  }
  std::vector<double> coefficient(n);
  for (int i = n - 1; i >= 0; --i) {
    double s = rhs[i];
    for (int j = i + 1; j < n; ++j) s -= matrix[i * n + j] * coefficient[j];
    coefficient[i] = s / matrix[i * n + i];
  }
  double result = 0, x = at - centre, power = 1;
  for (int i = 0; i < n; ++i, power *= x) result += coefficient[i] * power;
  return result;
}

}  // namespace

std::vector<double> savitzkyGolay(const std::vector<double>& values, int window, int order) {
  const int size = int(values.size());
  if (window > size) throw ParameterError("curve of " + std::to_string(size) + " points is too short to smooth");
  if (order >= window) throw ParameterError("Savitzky-Golay order must be below the window length");
  const int half = window / 2;
  std::vector<double> out(values.size());
  for (int i = half; i < size - half; ++i)
    out[i] = fitAndEvaluate(values, i - (window - 1) / 2, window, order, i - (window - 1) / 2 + (window - 1) / 2.0);
  for (int i = 0; i < half; ++i) out[i] = fitAndEvaluate(values, 0, window, order, i);
  for (int i = size - half; i < size; ++i) out[i] = fitAndEvaluate(values, size - window, window, order, i);
  return out;
}

}  // namespace lqs
