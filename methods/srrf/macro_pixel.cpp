#include "methods/srrf/macro_pixel.hpp"

#include <algorithm>
#include <vector>

namespace lqs {

namespace {

// Rows per band of the pattern sum: the bands' partial patterns are added in band order, so the
// result does not depend on how many threads ran them.
constexpr std::size_t kBandRows = 64;

}  // namespace

void correctMacroPixels(float* image, std::size_t rows, std::size_t cols, int magnification,
                        CpuSchedule schedule) {
  const std::size_t m = std::size_t(magnification), usedRows = rows / m * m, usedCols = cols / m * m;
  if (usedRows == 0 || usedCols == 0) return;
  const std::size_t bands = (usedRows + kBandRows - 1) / kBandRows;
  std::vector<double> partial(bands * m * m, 0.0);
  forRange(schedule, bands, [&](std::size_t first, std::size_t last) {
    for (std::size_t band = first; band < last; ++band)
      for (std::size_t r = band * kBandRows; r < std::min(usedRows, (band + 1) * kBandRows); ++r) {
        double* sums = &partial[(band * m + r % m) * m];
        const float* row = image + r * cols;
        for (std::size_t c = 0, k = 0; c < usedCols; ++c, k = k + 1 == m ? 0 : k + 1) sums[k] += row[c];
      }
  });
  std::vector<double> pattern(m * m, 0.0);
  for (std::size_t band = 0; band < bands; ++band)
    for (std::size_t k = 0; k < m * m; ++k) pattern[k] += partial[band * m * m + k];
  for (auto& value : pattern) value /= double(usedRows / m * (usedCols / m));
  forRange(schedule, rows, [&](std::size_t first, std::size_t last) {
    for (std::size_t r = first; r < last; ++r) {
      const double* divisors = &pattern[(r % m) * m];
      float* row = image + r * cols;
      for (std::size_t c = 0, k = 0; c < cols; ++c, k = k + 1 == m ? 0 : k + 1)
        if (divisors[k] != 0) row[c] = float(row[c] / divisors[k]);
    }
  });
}

}  // namespace lqs
