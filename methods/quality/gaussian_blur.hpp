#pragma once
// Gaussian blur as scipy.ndimage.gaussian_filter: separable, 'reflect' borders (edge pixel
// repeated), kernel truncated at int(4 sigma + 0.5); sigma <= 1e-15 leaves the image unchanged.
#include <vector>

namespace lqs {

std::vector<double> gaussianBlur(const std::vector<double>& image, int rows, int cols, double sigma);

}  // namespace lqs
