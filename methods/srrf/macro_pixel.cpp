#include "methods/srrf/macro_pixel.hpp"

#include <vector>

namespace lqs {

void correctMacroPixels(float* image, std::size_t rows, std::size_t cols, int magnification) {
  const std::size_t m = std::size_t(magnification), blockRows = rows / m, blockCols = cols / m;
  if (blockRows == 0 || blockCols == 0) return;
  std::vector<double> pattern(m * m, 0.0);
  for (std::size_t r = 0; r < blockRows * m; ++r)
    for (std::size_t c = 0; c < blockCols * m; ++c) pattern[(r % m) * m + c % m] += image[r * cols + c];
  for (auto& value : pattern) value /= double(blockRows * blockCols);
  for (std::size_t r = 0; r < rows; ++r)
    for (std::size_t c = 0; c < cols; ++c) {
      const double p = pattern[(r % m) * m + c % m];
      if (p != 0) image[r * cols + c] = float(image[r * cols + c] / p);
    }
}

}  // namespace lqs
