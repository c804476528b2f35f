#include "methods/pixel/pixel_method.hpp"

#include <algorithm>

namespace lqs {

MethodSpec pixelMethodSpec(const PixelMethod& method) {
  return {method.name,
          method.summary,
          {{"image", DataKind::Stack, "image or stack"}},
          {{"image", DataKind::Stack, "one value per input pixel, same shape"}},
          method.params,
          true};
}

static float kernelValue(const ParamSpec& spec, const ParamValues& values) {
  switch (spec.type) {
    case ParamType::Boolean:
      return values.flag(spec.name) ? 1.0f : 0.0f;
    case ParamType::Choice: {
      const auto& choices = spec.choices;
      return float(std::find(choices.begin(), choices.end(), values.choice(spec.name)) - choices.begin());
    }
    case ParamType::Integer:
    case ParamType::Real:
      break;
  }
  return float(values.real(spec.name));
}

std::vector<float> pixelParameters(const std::vector<ParamSpec>& specs, const ParamValues& values) {
  std::vector<float> kernelValues;
  for (const ParamSpec& spec : specs) kernelValues.push_back(kernelValue(spec, values));
  return kernelValues;
}

}  // namespace lqs
