#pragma once
// FFTs through FFTW in double precision, as numpy computes them. FFTW's planner is not thread-safe: plans are made under a
// lock; executing them is safe from any thread.
#include <complex>
#include <vector>

namespace lqs {

using Spectrum = std::vector<std::complex<double>>;

// Full 2-D forward transform of a real image (rows x cols, row-major), zero frequency at [0].
Spectrum forwardFft(const float* image, int rows, int cols);
Spectrum forwardFft(const double* image, int rows, int cols);
// Inverse 2-D transform, scaled by 1/(rows*cols) like numpy's ifft2.
Spectrum inverseFft(const Spectrum& spectrum, int rows, int cols);
// Moves the zero frequency to (rows/2, cols/2) like numpy's fftshift.
Spectrum fftShift(const Spectrum& spectrum, int rows, int cols);
// Undoes fftShift (numpy's ifftshift; differs from fftShift for odd sizes).
Spectrum inverseFftShift(const Spectrum& spectrum, int rows, int cols);

}  // namespace lqs
