#pragma once
// Savitzky-Golay smoothing with scipy's savgol_filter conventions (mode 'interp'): interior points
// from a least-squares polynomial over the window (for an even window scipy's convolution
// evaluates it half a sample after the point, and so do we), the first and last window/2 points from polynomials
// fitted to the first and last windows.
#include <vector>

namespace lqs {

std::vector<double> savitzkyGolay(const std::vector<double>& values, int window, int order);

}  // namespace lqs
