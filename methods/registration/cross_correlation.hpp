#pragma once
// Sub-pixel translation between two images by FFT cross-correlation: the integer peak inside a
// search window, then the correlation evaluated on finer and finer grids around it by a direct
// (matrix) DFT of the cross-power spectrum (Guizar-Sicairos' upsampling).
#include <vector>

#include "methods/common/fourier.hpp"

namespace lqs {

struct Shift {
  double dy = 0, dx = 0;  // content of the moving image sits this far from the reference
  double peak = 0;        // normalised correlation at the peak (0..1)
};

class ReferenceSpectrum {
 public:
  ReferenceSpectrum(const std::vector<double>& image, int rows, int cols);
  // Displacement of `image` relative to the reference, searched within `radius` pixels of `centre`.
  Shift locate(const std::vector<double>& image, Shift centre, double radius) const;

 private:
  int rows_, cols_;
  Spectrum conjugate_;
  double energy_;
};

// Mean-subtracted copy (the DC term would otherwise dominate the correlation).
std::vector<double> withoutMean(const float* image, std::size_t size);

}  // namespace lqs
