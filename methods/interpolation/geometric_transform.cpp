#include "methods/interpolation/geometric_transform.hpp"

#include "core/errors.hpp"
#include "gpu/kernels/interpolation.h"

namespace lqs {

static const char* const kInterpolatorNames[] = {"nearest", "bilinear", "bicubic", "catmull-rom", "lanczos"};

int interpolatorKind(const std::string& name) {
  for (int kind = 0; kind < 5; ++kind)
    if (name == kInterpolatorNames[kind]) return kind;
  throw ParameterError("unknown interpolation '" + name + "'");
}

ParamSpec pixelCentresParam() {
  return choiceParam(
      "pixel_centers", "nanopyx", {"nanopyx", "aligned"},
      "nanopyx: output pixel i samples the input at i / magnification, with pixel centres at "
      "k + 0.5, so the image moves by half a pixel as in NanoPyx; aligned: output pixel centres "
      "fall on input pixel centres (magnification 1 and no shift give the input back)");
}

double pixelCentresShift(const ParamValues& params, double magnification) {
  return params.choice("pixel_centers") == "aligned" ? -0.5 / magnification : 0.0;
}

ParamSpec interpolationParam() {
  ParamSpec spec{"interpolation", ParamType::Choice, "catmull-rom"};
  spec.choices.assign(std::begin(kInterpolatorNames), std::end(kInterpolatorNames));
  spec.help = "interpolator: nearest, bilinear, bicubic, catmull-rom or lanczos";
  return spec;
}

float sampleAt(const float* img, float row, float col, int rows, int cols, int kind) {
  return lqs_sample(img, row, col, rows, cols, kind);
}

}  // namespace lqs
