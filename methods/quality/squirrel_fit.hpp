#pragma once
// The per-frame SQUIRREL fit every back end shares (NanoPyx's error map): Brent's search for the RSF
// width sigma minimising RMS(alpha * blur(SR, sigma) + beta - reference), (alpha, beta) the
// least-squares fit of the reference on blur(SR, sigma). The kernel is linear and sums to 1, so this is
// NanoPyx's blur(alpha * SR + beta, sigma) with one blur per step, and the least-squares residual's RMS
// follows from three sums over the blurred frame: what a back end supplies per step. Frame and
// reference come centred (means subtracted), so those sums lose no digits to a large background.
#include <functional>
#include <vector>

namespace lqs {

// Sums over the frame of the blurred centred frame b: b, b^2 and b times the centred reference.
struct BlurSums {
  double b = 0, bb = 0, br = 0;
};

// A back end's blur of one centred super-resolved frame, with the centred reference.
struct FrameBlur {
  std::function<BlurSums(double sigma)> sums;              // every Brent step
  std::function<std::vector<double>(double sigma)> image;  // once, for the error map
};

struct SquirrelFrame {
  double sigma = 0, alpha = 0, beta = 0, rse = 0, rsp = 0;  // sigma >= 0, in super-resolved pixels
  bool atBound = false;         // sigma ended at the bracket's end: no good minimum below it
  std::vector<float> errorMap;  // |alpha * blur(SR, sigma) + beta - reference|
};

// The sums of a blurred centred frame against the centred reference (the CPU's; GPUs reduce rows).
BlurSums blurSums(const std::vector<double>& blurred, const std::vector<double>& centredReference);

// The reference on the super-resolved grid less its mean `referenceMean`; `frameMean` the mean taken
// off the frame (both only move beta). InputError when the blurred frame is constant.
SquirrelFrame fitSquirrelFrame(const std::vector<double>& centredReference, double referenceMean, double frameMean,
                               const FrameBlur& blur, double maxSigma);

}  // namespace lqs
