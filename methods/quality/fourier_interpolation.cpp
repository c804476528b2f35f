#include "methods/quality/fourier_interpolation.hpp"

#include <algorithm>
#include <cmath>

#include "methods/common/fourier.hpp"

namespace lqs {

namespace {

int nextPowerOfTwo(int n) { return int(std::pow(2.0, std::ceil(std::log2(double(n))))); }

// Odd numbers of alternately mirrored copies per axis, centred, cropped to side x side.
std::vector<double> mirrorPadSquare(const float* image, int rows, int cols, int side) {
  auto copies = [side](int n) {
    int k = int(std::ceil(double(side) / n));
    return k % 2 == 0 ? k + 1 : k;
  };
  const int copiesRows = copies(rows), copiesCols = copies(cols);
  const int midRows = (copiesRows - 1) / 2, midCols = (copiesCols - 1) / 2;
  const int top = (copiesRows * rows - side) / 2, left = (copiesCols * cols - side) / 2;
  std::vector<double> out(std::size_t(side) * side);
  for (int y = 0; y < side; ++y) {
    const int py = y + top, tileRow = py / rows, j = py % rows;
    const int q = (tileRow - midRows) % 2 == 0 ? j : rows - 1 - j;
    for (int x = 0; x < side; ++x) {
      const int px = x + left, tileCol = px / cols, i = px % cols;
      const int p = (tileCol - midCols) % 2 == 0 ? i : cols - 1 - i;
      out[std::size_t(y) * side + x] = image[std::size_t(q) * cols + p];
    }
  }
  return out;
}

}  // namespace

std::vector<double> fourierInterpolate(const float* image, int rows, int cols, int magnification) {
  const int side = std::max(nextPowerOfTwo(rows), nextPowerOfTwo(cols)), big = side * magnification;
  const auto padded = mirrorPadSquare(image, rows, cols, side);
  const Spectrum shifted = fftShift(forwardFft(padded.data(), side, side), side, side);
  Spectrum enlarged(std::size_t(big) * big);
  const int offset = (big - side) / 2;
  for (int y = 0; y < side; ++y)
    for (int x = 0; x < side; ++x)
      enlarged[std::size_t(y + offset) * big + x + offset] = shifted[std::size_t(y) * side + x];
  const Spectrum result = inverseFft(inverseFftShift(enlarged, big, big), big, big);

  const auto [inMin, inMax] = std::minmax_element(image, image + std::size_t(rows) * cols);
  double outMin = result[0].real(), outMax = outMin;
  for (const auto& v : result) outMin = std::min(outMin, v.real()), outMax = std::max(outMax, v.real());
  const double scale = outMax != outMin ? (double(*inMax) - *inMin) / (outMax - outMin) : 1.0;
  const int outRows = rows * magnification, outCols = cols * magnification;
  const int top = (big - outRows) / 2, left = (big - outCols) / 2;
  std::vector<double> out(std::size_t(outRows) * outCols);
  for (int y = 0; y < outRows; ++y)
    for (int x = 0; x < outCols; ++x) {
      const double v = result[std::size_t(y + top) * big + x + left].real();
      out[std::size_t(y) * outCols + x] = outMax != outMin ? (v - outMin) * scale + *inMin : v;
    }
  return out;
}

}  // namespace lqs
