#pragma once
// A per-pixel method: the kernel gpu/kernels/pixel/<kernel>.h computes each output pixel from the
// input frame, so the output has the input's shape. Declared once in methods/pixel/declarations.cpp;
// register.cpp makes its cpu:unthreaded, cpu:tbb, opencl and cuda implementations.
#include <string>
#include <vector>

#include "engine/method.hpp"

namespace lqs {

struct PixelMethod {
  std::string kernel;             // gpu/kernels/pixel/<kernel>.h
  std::string name;               // as typed on the command line
  std::string summary;            // one line
  std::vector<ParamSpec> params;  // the kernel's params[], in this order (pixelParameters)
};

// Every declared per-pixel method (declarations.cpp).
const std::vector<PixelMethod>& pixelMethods();

// The ports every per-pixel method has: an image or stack in, the same shape out.
MethodSpec pixelMethodSpec(const PixelMethod& method);

// The values the kernel receives: numbers as they are, flags 0 or 1, a choice its index in the
// declared choices.
std::vector<float> pixelParameters(const std::vector<ParamSpec>& specs, const ParamValues& values);

}  // namespace lqs
