// magnify, shift-magnify and shift-scale-rotate: NanoPyx's geometric mappings (methods.md).
#include <cmath>

#include "core/errors.hpp"
#include "methods/families.hpp"
#include "methods/interpolation/geometric_transform.hpp"

namespace lqs {

namespace {

ParamSpec real(const std::string& name, const std::string& value, double min, double max, const std::string& help) {
  ParamSpec spec{name, ParamType::Real, value, min, max};
  spec.help = help;
  return spec;
}

std::size_t scaledSize(std::size_t size, double magnification, const char* axis) {
  const double scaled = std::floor(double(size) * magnification);
  if (scaled < 1)
    throw ParameterError("magnification " + std::to_string(magnification) + " leaves no " + axis +
                         " of a " + std::to_string(size) + "-pixel image");
  if (scaled > 1e6) throw ParameterError(std::string("magnified ") + axis + " would exceed 1,000,000 pixels");
  return static_cast<std::size_t>(scaled);
}

// Output pixel (i, j) samples the input at (i / mag - shift); no half-pixel offset on the output side.
Stack shiftMagnify(const Stack& in, double shiftRow, double shiftCol, double magRow, double magCol,
                   const std::string& interpolation, CpuSchedule schedule, const Job& job) {
  const auto rows = scaledSize(in.rows(), magRow, "rows"), cols = scaledSize(in.cols(), magCol, "columns");
  const float mr = float(magRow), mc = float(magCol), sr = float(shiftRow), sc = float(shiftCol);
  Stack out = resample(
      in, rows, cols, [=](int i, int j) { return std::pair{float(i) / mr - sr, float(j) / mc - sc}; },
      interpolatorKind(interpolation), schedule, job);
  out.pixelSize.value = in.pixelSize.value / magCol;
  return out;
}

Output stackOutput(Stack stack) { return Output{"image", std::move(stack)}; }

Method magnifyMethod(const Device& cpu) {
  MethodSpec spec{"magnify", "Magnify an image by an interpolation kernel", {{"image", DataKind::Stack, "image or stack"}},
                  {{"image", DataKind::Stack, "magnified stack"}},
                  {real("magnification", "2", 0.01, 100, "scale factor for rows and columns"), interpolationParam()}};
  return {spec, cpuImplementations(cpu, [](const RunContext& c, CpuSchedule s) {
            const double m = c.params.real("magnification");
            return Result{{stackOutput(shiftMagnify(c.stack(0), 0, 0, m, m, c.params.choice("interpolation"), s, c.job))}};
          })};
}

Method shiftMagnifyMethod(const Device& cpu) {
  MethodSpec spec{"shift-magnify", "Shift then magnify an image", {{"image", DataKind::Stack, "image or stack"}},
                  {{"image", DataKind::Stack, "shifted, magnified stack"}},
                  {real("shift_row", "0", -1e6, 1e6, "shift along rows in input pixels"),
                   real("shift_col", "0", -1e6, 1e6, "shift along columns in input pixels"),
                   real("magnification_row", "2", 0.01, 100, "scale factor for rows"),
                   real("magnification_col", "2", 0.01, 100, "scale factor for columns"), interpolationParam()}};
  return {spec, cpuImplementations(cpu, [](const RunContext& c, CpuSchedule s) {
            const auto& p = c.params;
            return Result{{stackOutput(shiftMagnify(c.stack(0), p.real("shift_row"), p.real("shift_col"),
                                                    p.real("magnification_row"), p.real("magnification_col"),
                                                    p.choice("interpolation"), s, c.job))}};
          })};
}

// Inverse map about the image centre (rows/2, cols/2, true division on every back end).
Stack shiftScaleRotate(const Stack& in, const ParamValues& p, CpuSchedule schedule, const Job& job) {
  const double angle = p.real("angle"), scaleRow = p.real("scale_row"), scaleCol = p.real("scale_col");
  const float a = float(std::cos(angle) / scaleCol), b = float(-std::sin(angle) / scaleCol);
  const float c = float(std::sin(angle) / scaleRow), d = float(std::cos(angle) / scaleRow);
  const float centreRow = float(in.rows()) / 2.0f, centreCol = float(in.cols()) / 2.0f;
  const float shiftRow = float(p.real("shift_row")), shiftCol = float(p.real("shift_col"));
  return resample(
      in, in.rows(), in.cols(),
      [=](int i, int j) {
        const float x = float(j) - centreCol - shiftCol, y = float(i) - centreRow - shiftRow;
        return std::pair{c * x + d * y + centreRow, a * x + b * y + centreCol};
      },
      interpolatorKind(p.choice("interpolation")), schedule, job);
}

Method shiftScaleRotateMethod(const Device& cpu) {
  MethodSpec spec{"shift-scale-rotate", "Shift, scale and rotate an image about its centre",
                  {{"image", DataKind::Stack, "image or stack"}}, {{"image", DataKind::Stack, "transformed stack"}},
                  {real("shift_row", "0", -1e6, 1e6, "shift along rows in pixels"),
                   real("shift_col", "0", -1e6, 1e6, "shift along columns in pixels"),
                   real("scale_row", "1", 1e-3, 1e3, "scale along rows (> 1 magnifies)"),
                   real("scale_col", "1", 1e-3, 1e3, "scale along columns (> 1 magnifies)"),
                   real("angle", "0", -100, 100, "rotation in radians"), interpolationParam()}};
  return {spec, cpuImplementations(cpu, [](const RunContext& c, CpuSchedule s) {
            return Result{{stackOutput(shiftScaleRotate(c.stack(0), c.params, s, c.job))}};
          })};
}

}  // namespace

void registerInterpolation(Registry& registry, const std::vector<Device>& devices) {
  const Device& cpu = cpuOf(devices);
  registry.add(magnifyMethod(cpu));
  registry.add(shiftMagnifyMethod(cpu));
  registry.add(shiftScaleRotateMethod(cpu));
}

}  // namespace lqs
