// libFuzzer target: `--set NAME=VALUE` lines (one per input line) resolved against declarations of
// every parameter type; every value that passes must be within its declaration.
#include <cstdint>
#include <cstdlib>
#include <map>
#include <sstream>
#include <string>

#include "core/errors.hpp"
#include "engine/parameters.hpp"

namespace {

const std::vector<lqs::ParamSpec>& specs() {
  static const std::vector<lqs::ParamSpec> all{
      lqs::realParam("sigma", "1.5", 0, 100, "a real"),
      lqs::realParam("offset", "0", -1e300, 1e300, "an unbounded real"),
      lqs::integerParam("magnification", "5", 1, 20, "an integer"),
      lqs::integerParam("frames", "0", 0, 1e9, "a large integer"),
      lqs::flagParam("do_intensity_weighting", "true", "a flag"),
      lqs::choiceParam("interpolation", "catmull-rom", {"nearest", "bicubic", "catmull-rom"}, "a choice")};
  return all;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream lines(std::string(reinterpret_cast<const char*>(data), size));
  std::map<std::string, std::string> given;
  try {
    for (std::string line; std::getline(lines, line);) given.insert(lqs::parseAssignment(line));
    const lqs::ParamValues values = lqs::resolveParameters(specs(), given, "fuzz");
    for (const auto& spec : specs()) {
      switch (spec.type) {
        case lqs::ParamType::Integer: {
          const int v = values.integer(spec.name);
          if (v < spec.min || v > spec.max) std::abort();
          break;
        }
        case lqs::ParamType::Real: {
          const double v = values.real(spec.name);
          if (!(v >= spec.min && v <= spec.max)) std::abort();
          break;
        }
        case lqs::ParamType::Boolean: values.flag(spec.name); break;
        case lqs::ParamType::Choice: values.choice(spec.name); break;
      }
      lqs::ParamValues::text(values.all().at(spec.name));
    }
  } catch (const lqs::ParameterError&) {
  }
  return 0;
}
