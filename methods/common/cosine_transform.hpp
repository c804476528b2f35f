#pragma once
// 2-D cosine transforms through real FFTs of the same size (Makhoul 1980, docs/quality.md): FFTW's own
// two-dimensional REDFT plans take 3-4 times as long as its real FFT here.
#include <vector>

namespace lqs {

// The DCT-II along both axes, unnormalised like FFTW's REDFT10: along an axis of n,
// X_k = 2 sum_j x_j cos(pi k (2j + 1) / 2n).
std::vector<double> cosineTransform(const double* image, int rows, int cols);

// Its inverse, in place: x from X (FFTW's REDFT01 along both axes divided by 4 rows cols).
void inverseCosineTransform(double* coefficients, int rows, int cols);
void inverseCosineTransform(float* coefficients, int rows, int cols);

}  // namespace lqs
