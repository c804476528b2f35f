// The per-pixel methods, one entry each: the kernel gpu/kernels/pixel/<kernel>.h, the name, a
// one-line summary and the parameters (handed to the kernel as floats, in this order).
#include "methods/pixel/pixel_method.hpp"

namespace lqs {

// NanoPyx's gradient classes return both components; a per-pixel method returns one of them.
static ParamSpec gradientComponent() {
  return choiceParam("component", "magnitude", {"col", "row", "magnitude"},
                     "col: along columns (x), row: along rows (y), magnitude: sqrt(col^2 + row^2)");
}

const std::vector<PixelMethod>& pixelMethods() {
  static const std::vector<PixelMethod> methods{
      {"roberts_cross",
       "roberts-cross",
       "eSRRF's Roberts cross gradient, unnormalised (a unit ramp gives 2), top row and left column clamped",
       {gradientComponent()}},
      {"central_difference",
       "central-difference",
       "SRRF's gradient: central differences without the 1/2 (a unit ramp gives 2), 0 on the border",
       {gradientComponent()}},
  };
  return methods;
}

}  // namespace lqs
