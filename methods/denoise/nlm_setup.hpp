#pragma once
// What both NLM strategies share: parameters and the mirror padding.
#include <functional>
#include <span>
#include <vector>

#include "core/stack.hpp"
#include "engine/method.hpp"
#include "methods/denoise/nlm_settings.hpp"

namespace lqs {

MethodSpec nlmSpec();

NlmSettings nlmSettings(const ParamValues& params);

// The input stack, refused with an InputError if it holds NaN or Inf: one such pixel would poison
// every patch distance it enters (and, through the integral images, whole regions of a frame).
const Stack& finiteInput(const RunContext& context);

// The frame padded by `pad` on each side, mirrored without repeating the edge pixel.
std::vector<float> reflectPad(std::span<const float> frame, int rows, int cols, int pad);

// The NLM frame driver of the CPU and CUDA implementations: each frame of the (finite) input,
// mirrored by the settings' pad, denoised into its output frame by `denoise(padded, out)`, with
// cancel and progress between frames. (The OpenCL ones batch frames through openclFrames.)
using DenoiseFrame = std::function<void(const std::vector<float>& padded, float* out)>;
Result denoiseFrames(const RunContext& context, const DenoiseFrame& denoise);

}  // namespace lqs
