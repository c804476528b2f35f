#pragma once
// scipy.ndimage.gaussian_filter with 'reflect' borders (gaussian_blur.hpp's taps) as a product in
// the DCT-II basis. 'reflect' extends an axis of n pixels evenly with period 2n, the extension the
// DCT-II assumes, so a symmetric kernel w multiplies coefficient k of that axis by
// g(k) = w_0 + 2 sum_m w_m cos(pi k m / n), exactly and for any radius (docs/quality.md). One
// transform of an image then serves every sigma: a blurred image costs one inverse transform, and
// sums over blurred images cost none (the coefficients are kept orthonormal, so Parseval holds).
#include <vector>

#include "methods/common/cpu.hpp"

namespace lqs {

class ReflectBlur {
 public:
  ReflectBlur(const std::vector<double>& image, int rows, int cols);

  // gaussian_filter(image, sigma, mode='reflect', truncate=4) into `out` (resized): in double, or in
  // single precision where the caller rounds the result to float anyway.
  void image(double sigma, std::vector<double>& out) const;
  void image(double sigma, std::vector<float>& out) const;

  // Sums over the blurred image b of b, b^2 and b * o, o the unblurred image of `other` (same shape).
  struct Sums {
    double b = 0, bb = 0, bo = 0;
  };
  Sums sums(double sigma, const ReflectBlur& other, CpuSchedule schedule) const;

 private:
  template <class T>
  void blurInto(double sigma, std::vector<T>& out) const;

  int rows_, cols_;
  std::vector<double> coefficients_;  // orthonormal DCT-II
};

}  // namespace lqs
