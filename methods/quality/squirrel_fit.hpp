#pragma once
// The per-frame SQUIRREL fit every back end shares (NanoPyx's error map): Brent's search for the RSF
// width sigma minimising RMS(alpha * blur(SR, sigma) + beta - reference), (alpha, beta) the
// least-squares fit of the reference on blur(SR, sigma). The kernel is linear and sums to 1, so this is
// NanoPyx's blur(alpha * SR + beta, sigma) with one blur per evaluation, the part a back end supplies.
#include <functional>
#include <vector>

namespace lqs {

// The super-resolved frame blurred with a Gaussian of width sigma (gaussian_blur.hpp's conventions).
using FrameBlur = std::function<std::vector<double>(double sigma)>;

struct SquirrelFrame {
  double sigma = 0, alpha = 0, beta = 0, rse = 0, rsp = 0;  // sigma >= 0, in super-resolved pixels
  bool atBound = false;         // sigma ended at the bracket's end: no good minimum below it
  std::vector<float> errorMap;  // |alpha * blur(SR, sigma) + beta - reference|
};

// InputError when the blurred frame is constant (no intensity scaling can be fitted).
SquirrelFrame fitSquirrelFrame(const std::vector<double>& reference, const FrameBlur& blur, double maxSigma);

}  // namespace lqs
