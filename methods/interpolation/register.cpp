// magnify, shift-magnify and shift-scale-rotate: NanoPyx's geometric mappings (methods.md).
#include <cmath>

#include "core/errors.hpp"
#include "methods/families.hpp"
#include "methods/interpolation/geometric_transform.hpp"
#include "methods/common/cuda.hpp"
#include "methods/interpolation/opencl_resample.hpp"
#include "methods/interpolation/separable_resample.hpp"
#include "gpu/kernels/interpolation.h"
#ifdef LQS_HAVE_CUDA
#include "gpu/cuda/cuda_kernels.hpp"
#endif

namespace lqs {

namespace {

std::size_t scaledSize(std::size_t size, double magnification, const char* axis) {
  const double scaled = std::floor(double(size) * magnification);
  if (scaled < 1)
    throw ParameterError("magnification " + std::to_string(magnification) + " leaves no " + axis +
                         " of a " + std::to_string(size) + "-pixel image");
  if (scaled > 1e6) throw ParameterError(std::string("magnified ") + axis + " would exceed 1,000,000 pixels");
  return static_cast<std::size_t>(scaled);
}

// Where the work runs: CPU threads, or an OpenCL device.
struct Backend {
  CpuSchedule schedule = CpuSchedule::Serial;
  int cuda = -1;  // CUDA device index when running there
#ifdef LQS_HAVE_OPENCL
  gpu::OpenclDevice* opencl = nullptr;
#endif
};

// Output pixel (i, j) samples the input at (i / mag - shift); no half-pixel offset on the output side.
Stack resampleShiftMagnify(const Stack& in, std::size_t rows, std::size_t cols, float mr, float mc, float sr, float sc,
                           int kind, const Backend& backend, const Job& job) {
#ifdef LQS_HAVE_OPENCL
  if (backend.opencl) return openclShiftMagnify(*backend.opencl, in, rows, cols, mr, mc, sr, sc, kind, job);
#endif
  std::vector<float> rowCoords(rows), colCoords(cols);
  for (std::size_t i = 0; i < rows; ++i) rowCoords[i] = float(i) / mr - sr;
  for (std::size_t j = 0; j < cols; ++j) colCoords[j] = float(j) / mc - sc;
  const AxisTaps rowTaps = axisTaps(rowCoords, int(in.rows()), kind), colTaps = axisTaps(colCoords, int(in.cols()), kind);
#ifdef LQS_HAVE_CUDA
  if (backend.cuda >= 0) {
    Stack out(in.frames(), rows, cols, Stack::Uninitialised{});  // every frame is downloaded into it
    gpu::cuda::resampleSeparable(backend.cuda, in.data(), in.frames(), int(in.rows()), int(in.cols()),
                                 out.data(), tableView(rowTaps), tableView(colTaps), lqs_tap_normalised(kind),
                                 job.afterBatches(in.frames()));
    return out;
  }
#endif
  return resampleSeparable(in, rowTaps, colTaps, kind, backend.schedule, job);
}

Stack shiftMagnify(const Stack& in, double shiftRow, double shiftCol, double magRow, double magCol,
                   const std::string& interpolation, const Backend& backend, const Job& job) {
  const auto rows = scaledSize(in.rows(), magRow, "rows"), cols = scaledSize(in.cols(), magCol, "columns");
  Stack out = resampleShiftMagnify(in, rows, cols, float(magRow), float(magCol), float(shiftRow), float(shiftCol),
                                   interpolatorKind(interpolation), backend, job);
  out.pixelSize = in.pixelSize;
  out.pixelSize.value = in.pixelSize.value / magCol;
  return out;
}

// `run(context, backend)` on cpu:unthreaded, cpu:tbb and every OpenCL device.
using BackendRun = std::function<Result(const RunContext&, const Backend&)>;
std::vector<Implementation> implementationsOf(const std::vector<Device>& devices, const BackendRun& run) {
  auto all = cpuImplementations(cpuOf(devices), [run](const RunContext& c, CpuSchedule s) { return run(c, Backend{s}); });
#ifdef LQS_HAVE_OPENCL
  append(all, openclImplementations(devices, [run](const RunContext& c, gpu::OpenclDevice& gpu) {
           Backend backend;
           backend.opencl = &gpu;
           return run(c, backend);
         }));
#endif
  append(all, cudaImplementations(devices, [run](const RunContext& c, int device) {
           Backend backend;
           backend.cuda = device;
           return run(c, backend);
         }));
  return all;
}

Method magnifyMethod(const std::vector<Device>& devices) {
  MethodSpec spec{"magnify",
                  "Magnify an image by an interpolation kernel",
                  {{"image", DataKind::Stack, "image or stack"}},
                  {{"image", DataKind::Stack, "magnified stack"}},
                  {realParam("magnification", "2", 0.01, 100, "scale factor for rows and columns"),
                   interpolationParam(), pixelCentresParam()}};
  spec.framesIndependent = true;
  return {spec, implementationsOf(devices, [](const RunContext& c, const Backend& s) {
            const double m = c.params.real("magnification"), shift = pixelCentresShift(c.params, m);
            return Result::of("image", shiftMagnify(c.stack(0), shift, shift, m, m,
                                                    c.params.choice("interpolation"), s, c.job));
          })};
}

Method shiftMagnifyMethod(const std::vector<Device>& devices) {
  MethodSpec spec{"shift-magnify",
                  "Shift then magnify an image",
                  {{"image", DataKind::Stack, "image or stack"}},
                  {{"image", DataKind::Stack, "shifted, magnified stack"}},
                  {realParam("shift_row", "0", -1e6, 1e6, "shift along rows in input pixels"),
                   realParam("shift_col", "0", -1e6, 1e6, "shift along columns in input pixels"),
                   realParam("magnification_row", "2", 0.01, 100, "scale factor for rows"),
                   realParam("magnification_col", "2", 0.01, 100, "scale factor for columns"),
                   interpolationParam(), pixelCentresParam()}};
  spec.framesIndependent = true;
  return {spec, implementationsOf(devices, [](const RunContext& c, const Backend& s) {
            const auto& p = c.params;
            const double magRow = p.real("magnification_row"), magCol = p.real("magnification_col");
            return Result::of("image",
                              shiftMagnify(c.stack(0), p.real("shift_row") + pixelCentresShift(p, magRow),
                                           p.real("shift_col") + pixelCentresShift(p, magCol), magRow, magCol,
                                           p.choice("interpolation"), s, c.job));
          })};
}

// Inverse map about the image centre (rows/2, cols/2, true division on every back end).
Stack shiftScaleRotate(const Stack& in, const ParamValues& p, const Backend& backend, const Job& job) {
  const double angle = p.real("angle"), scaleRow = p.real("scale_row"), scaleCol = p.real("scale_col");
  const AffineCoefficients m{float(std::cos(angle) / scaleCol),
                             float(-std::sin(angle) / scaleCol),
                             float(std::sin(angle) / scaleRow),
                             float(std::cos(angle) / scaleRow),
                             float(in.rows()) / 2.0f,
                             float(in.cols()) / 2.0f,
                             float(p.real("shift_row") + pixelCentresShift(p, 1)),
                             float(p.real("shift_col") + pixelCentresShift(p, 1))};
  const int kind = interpolatorKind(p.choice("interpolation"));
#ifdef LQS_HAVE_OPENCL
  if (backend.opencl) return openclShiftScaleRotate(*backend.opencl, in, m, kind, job);
#endif
#ifdef LQS_HAVE_CUDA
  if (backend.cuda >= 0) {
    Stack out(in.frames(), in.rows(), in.cols(),
              Stack::Uninitialised{});  // every frame is downloaded into it
    out.pixelSize = in.pixelSize;
    const float coefficients[] = {m.a, m.b, m.c, m.d, m.centreRow, m.centreCol, m.shiftRow, m.shiftCol};
    gpu::cuda::shiftScaleRotate(backend.cuda, in.data(), in.frames(), int(in.rows()), int(in.cols()),
                                out.data(), coefficients, kind, job.afterBatches(in.frames()));
    return out;
  }
#endif
  return resamplePixels(
      in, in.rows(), in.cols(),
      [=](const float* src, int rows, int cols, int i, int j) {
        return lqs_shift_scale_rotate_pixel(src, rows, cols, i, j, m.a, m.b, m.c, m.d, m.centreRow,
                                            m.centreCol, m.shiftRow, m.shiftCol, kind);
      },
      backend.schedule, job);
}

Method shiftScaleRotateMethod(const std::vector<Device>& devices) {
  MethodSpec spec{
      "shift-scale-rotate",
      "Shift, scale and rotate an image about its centre",
      {{"image", DataKind::Stack, "image or stack"}},
      {{"image", DataKind::Stack, "transformed stack"}},
      {realParam("shift_row", "0", -1e6, 1e6, "shift along rows in pixels"),
       realParam("shift_col", "0", -1e6, 1e6, "shift along columns in pixels"),
       realParam("scale_row", "1", 1e-3, 1e3, "scale along rows (> 1 magnifies)"),
       realParam("scale_col", "1", 1e-3, 1e3, "scale along columns (> 1 magnifies)"),
       realParam("angle", "0", -100, 100, "rotation in radians"), interpolationParam(), pixelCentresParam()}};
  spec.framesIndependent = true;
  return {spec, implementationsOf(devices, [](const RunContext& c, const Backend& s) {
            return Result::of("image", shiftScaleRotate(c.stack(0), c.params, s, c.job));
          })};
}

}  // namespace

void registerInterpolation(Registry& registry, const std::vector<Device>& devices) {
  registry.add(magnifyMethod(devices));
  registry.add(shiftMagnifyMethod(devices));
  registry.add(shiftScaleRotateMethod(devices));
}

}  // namespace lqs
