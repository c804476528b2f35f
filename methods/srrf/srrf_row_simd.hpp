#pragma once
// One output row of a frame's SRRF map with the radiality vectorised across pixels (cpu:simd). The
// pixels of a row that share a sub-position sx (cM = sx + mag q) share their ring taps and weights
// (lqs_ring_taps), and a ring point's 4x4 taps move by one input pixel per q, so every tap is one
// contiguous load for all of them; each pixel still adds its ring points in order, as
// lqs_radiality does. Ring points whose taps leave the image take the general sampler's sums, also
// across pixels: the gradients carry a border of zeros, and the sampler skipping a tap outside the
// image is adding one of those zeros. The result is cpu:tbb's to the last bit.
#include <vector>

#include "methods/srrf/srrf_settings.hpp"

namespace lqs {

// The central-difference gradients of a frame with `pad` zero pixels on every side.
struct PaddedGradients {
  int pad = 0, stride = 0;  // stride: cols + 2 pad
  std::vector<float> col, row;
};
void padGradients(const float* frame, int rows, int cols, int pad, PaddedGradients& out);
// The pad srrfRowSimd needs: the sampler's taps reach two pixels beyond the image.
constexpr int kSimdGradientPad = 2;

// out: cols * mag floats of row rM.
void srrfRowSimd(const float* frame, const PaddedGradients& gradients, int rows, int cols,
                 const SrrfSettings& settings, int rM, float* out);

}  // namespace lqs
