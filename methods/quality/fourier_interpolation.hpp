#pragma once
// Fourier ("FHT") interpolation as NanoPyx's error map uses it: mirror-pad to a power-of-two square,
// zero-pad the centred spectrum by the magnification, inverse transform, rescale to the input's
// min/max, crop the centre.
#include <vector>

namespace lqs {

std::vector<double> fourierInterpolate(const float* image, int rows, int cols, int magnification);

}  // namespace lqs
