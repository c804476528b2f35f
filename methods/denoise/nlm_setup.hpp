#pragma once
// What both NLM strategies share: parameters, reflect padding, the Gaussian patch weights.
#include <vector>

#include "core/stack.hpp"
#include "engine/method.hpp"

namespace lqs {

MethodSpec nlmSpec();

struct NlmSettings {
  int patch = 7;      // odd: an even patch_size grows by one, as the original does
  int distance = 11;  // search half-width
  float h = 0.1f, variance2 = 0.0f;
  std::vector<float> gaussian1d;  // separable factor: weights(a, b) = g[a] * g[b]
  std::vector<float> weights;     // patch x patch, normalised by (sum * h^2)
};
NlmSettings nlmSettings(const ParamValues& params);

// The frame padded by patch/2 on each side, mirrored without repeating the edge pixel.
std::vector<float> reflectPad(std::span<const float> frame, int rows, int cols, int pad);

}  // namespace lqs
