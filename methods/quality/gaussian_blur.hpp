#pragma once
// Gaussian blur as scipy.ndimage.gaussian_filter: separable, 'reflect' borders (edge pixel
// repeated), kernel truncated at int(4 sigma + 0.5) and normalised; sigma <= 1e-15 leaves the image
// unchanged. The GPUs run the same passes from gpu/kernels/gaussian_blur.h with these weights.
#include <vector>

#include "methods/common/cpu.hpp"

namespace lqs {

// The 2 * radius + 1 normalised taps for sigma ({1} for sigma <= 1e-15).
std::vector<double> gaussianWeights(double sigma);

// Rows of each pass in parallel with CpuSchedule::Tbb.
std::vector<double> gaussianBlur(const std::vector<double>& image, int rows, int cols, double sigma,
                                 CpuSchedule schedule = CpuSchedule::Serial);

}  // namespace lqs
