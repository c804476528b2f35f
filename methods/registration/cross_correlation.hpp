#pragma once
// Sub-pixel translation between two images by FFT cross-correlation: the integer peak inside a
// search window, then the correlation evaluated on finer and finer grids around it by a direct
// (matrix) DFT of the cross-power spectrum (Guizar-Sicairos' upsampling).
#include <vector>

#include "methods/common/cpu.hpp"
#include "methods/common/fourier.hpp"

namespace lqs {

struct Shift {
  double dy = 0, dx = 0;  // content of the moving image sits this far from the reference
  double peak = 0;        // normalised correlation at the peak (0..1)
};

class ReferenceSpectrum {
 public:
  ReferenceSpectrum(const std::vector<double>& image, int rows, int cols);
  // Displacement of `image` relative to the reference, searched within `radius` pixels of `centre`;
  // the refinement grids' rows are shared out with `schedule`.
  Shift locate(const std::vector<double>& image, Shift centre, double radius,
               CpuSchedule schedule = CpuSchedule::Serial) const;

 private:
  int rows_, cols_;
  Spectrum conjugate_;
  double energy_;
};

// Mean-subtracted copy (the DC term would otherwise dominate the correlation).
std::vector<double> withoutMean(const float* image, std::size_t size);

// The steps shared by every back end. The integer peak of a circular correlation map (real parts,
// rows x cols, shift (0, 0) at [0]) within `radius` of `centre`:
Shift integerPeak(const double* map, int rows, int cols, Shift centre, double radius);

// Then three levels, each evaluating the correlation on a kGridPoints x kGridPoints grid of spacing
// step (+-1.5 steps of the level before) around the best point so far; evaluate(y0, x0, step) returns
// the grid's values row-major, point (i, j) at (y0 + i step, x0 + j step).
constexpr int kGridPoints = 31;
template <class Evaluate>
Shift refinePeak(Shift best, const Evaluate& evaluate) {
  for (double step : {0.1, 0.1 / 15, 0.1 / 225}) {
    const double half = step * (kGridPoints - 1) / 2, y0 = best.dy - half, x0 = best.dx - half;
    const std::vector<double> grid = evaluate(y0, x0, step);
    std::size_t top = 0;
    for (std::size_t k = 1; k < grid.size(); ++k)
      if (grid[k] > grid[top]) top = k;
    best = Shift{y0 + double(top / kGridPoints) * step, x0 + double(top % kGridPoints) * step, grid[top]};
  }
  return best;
}

// Euclidean norm of an image, and the peak as a normalised correlation (0 for a blank image).
double imageNorm(const std::vector<double>& image);
inline double normalisedPeak(double peak, double normA, double normB) {
  return normA * normB > 0 ? peak / (normA * normB) : 0;
}

}  // namespace lqs
