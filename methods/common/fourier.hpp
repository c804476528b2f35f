#pragma once
// FFTs through FFTW (plans cached per shape: fftw_plans.hpp): complex transforms in double
// precision as numpy computes them, real-input transforms in single precision.
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

// The forward transform of a real image in single precision, stored as its non-redundant half
// (cols / 2 + 1 columns); the other half is the complex conjugate mirrored through zero frequency.
class HalfSpectrum {
 public:
  HalfSpectrum(const float* image, int rows, int cols);
  // The transform of another image of the same shape, in the same storage.
  void assign(const float* image);
  // fft2(image)[ky][kx] for kx <= cols / 2, and the same through its place in the storage.
  std::size_t index(int ky, int kx) const { return std::size_t(ky) * halfCols_ + kx; }
  std::complex<float> operator[](std::size_t index) const { return half_[index]; }
  std::complex<float> stored(int ky, int kx) const { return half_[index(ky, kx)]; }
  // fftshift(fft2(image))[y][x]: zero frequency at (rows / 2, cols / 2).
  std::complex<float> shifted(int y, int x) const {
    const int ky = unshift(y, rows_), kx = unshift(x, cols_);
    if (kx <= cols_ / 2) return stored(ky, kx);
    return std::conj(stored(ky == 0 ? 0 : rows_ - ky, cols_ - kx));
  }

 private:
  static int unshift(int i, int n) {  // (i + ceil(n / 2)) mod n for i in [0, n), without a division
    i += (n + 1) / 2;
    return i >= n ? i - n : i;
  }
  int rows_, cols_, halfCols_;
  std::vector<std::complex<float>> half_;
};

}  // namespace lqs
