#pragma once
// The taps of scipy.ndimage.gaussian_filter: kernel truncated at int(4 sigma + 0.5) and normalised;
// sigma <= 1e-15 leaves the image unchanged. The CPU applies them in the cosine basis
// (reflect_blur.hpp), the GPUs as two passes with 'reflect' borders (gpu/kernels/gaussian_blur.h).
#include <vector>

namespace lqs {

// The 2 * radius + 1 normalised taps for sigma ({1} for sigma <= 1e-15).
std::vector<double> gaussianWeights(double sigma);

}  // namespace lqs
