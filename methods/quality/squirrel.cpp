// `squirrel`: NanoPyx's error map (after NanoJ-SQUIRREL). The reference is upsampled to the
// super-resolved grid by Fourier interpolation, then each super-resolved frame is fitted
// (squirrel_fit.hpp): RSF width sigma, intensity scaling alpha and beta, error map, RSE and RSP.
#include "methods/quality/squirrel.hpp"

#include <memory>
#include <mutex>
#include <optional>

#include "core/errors.hpp"
#include "methods/quality/fourier_interpolation.hpp"
#include "methods/quality/quality_methods.hpp"
#include "methods/quality/reflect_blur.hpp"

namespace lqs {

namespace {

// A raw stack stands for its diffraction-limited average, as the original's sweeps use it.
Stack timeAverage(const Stack& stack) {
  Stack mean(1, stack.rows(), stack.cols());
  mean.pixelSize = stack.pixelSize;
  for (std::size_t t = 0; t < stack.frames(); ++t)
    for (std::size_t i = 0; i < stack.frameSize(); ++i) mean.data()[i] += stack.frame(t)[i] / float(stack.frames());
  return mean;
}

// The reference's transform, made for the first frame and shared by every frame after it.
struct SharedReference {
  std::once_flag made;
  std::optional<ReflectBlur> blur;
};

// Each frame transformed once; every Brent step is then a pass over its coefficients (reflect_blur.hpp).
FrameBlurMaker cpuBlur(CpuSchedule schedule) {
  auto shared = std::make_shared<SharedReference>();
  return [schedule, shared](const std::vector<double>& frame, const std::vector<double>& reference, int rows,
                            int cols) -> FrameBlur {
    std::call_once(shared->made, [&] { shared->blur.emplace(reference, rows, cols); });
    auto blur = std::make_shared<const ReflectBlur>(frame, rows, cols);
    return {[blur, shared, schedule](double sigma) {
              const ReflectBlur::Sums s = blur->sums(sigma, *shared->blur, schedule);
              return BlurSums{s.b, s.bb, s.bo};
            },
            [blur](double sigma) {
              std::vector<double> image;
              blur->image(sigma, image);
              return image;
            }};
  };
}

// `values` less their mean, and the mean.
std::pair<std::vector<double>, double> centred(std::vector<double> values) {
  double mean = 0;
  for (const double v : values) mean += v;
  mean /= double(values.size());
  for (auto& v : values) v -= mean;
  return {std::move(values), mean};
}

}  // namespace

MethodSpec squirrelSpec() {
  return {"squirrel",
          "SQUIRREL error map, RSE and RSP of a super-resolved image against a diffraction-limited reference",
          {{"reference", DataKind::Stack, "diffraction-limited image (a stack is averaged over time)"},
           {"super_resolved", DataKind::Stack, "super-resolved image or stack, an integer magnification larger"}},
          {{"error_map", DataKind::Stack, "absolute error per pixel, one map per super-resolved frame"},
           {"frames", DataKind::Table, "frame, sigma, alpha, beta, rse, rsp of every super-resolved frame"}},
          {}};
}

Result runSquirrelWith(const RunContext& c, const FrameBlurMaker& blurOf, CpuSchedule framesSchedule) {
  if (c.stack(0).empty() || c.stack(1).empty()) throw InputError("squirrel: an input image is empty");
  const Stack ref = timeAverage(c.stack(0));
  const Stack& sr = c.stack(1);
  requireFinite(ref, "squirrel reference");
  requireFinite(sr, "squirrel super-resolved image");
  requireStructure(ref, "squirrel: the reference");
  const std::size_t magnification = sr.rows() / ref.rows();
  if (magnification < 1 || sr.rows() != magnification * ref.rows() || sr.cols() != magnification * ref.cols())
    throw InputError("squirrel: the super-resolved image (" + std::to_string(sr.rows()) + "x" +
                     std::to_string(sr.cols()) + ") must be the reference (" + std::to_string(ref.rows()) + "x" +
                     std::to_string(ref.cols()) + ") magnified by the same integer factor along both axes");
  const int rows = int(sr.rows()), cols = int(sr.cols());
  const auto [reference, referenceMean] = centred(
      magnification > 1 ? fourierInterpolate(ref.frame(0).data(), int(ref.rows()), int(ref.cols()), int(magnification))
                        : std::vector<double>(ref.frame(0).begin(), ref.frame(0).end()));
  const double maxSigma = 4.0 / 2.35482 * double(magnification);

  std::vector<SquirrelFrame> fits(sr.frames());
  forRange(framesSchedule, sr.frames(), [&](std::size_t begin, std::size_t end) {
    for (std::size_t t = begin; t < end; ++t) {
      c.job.checkCancelled();
      const auto [frame, frameMean] = centred({sr.frame(t).begin(), sr.frame(t).end()});
      fits[t] = fitSquirrelFrame(reference, referenceMean, frameMean, blurOf(frame, reference, rows, cols), maxSigma);
    }
  });

  Stack maps(sr.frames(), sr.rows(), sr.cols());
  maps.pixelSize = sr.pixelSize;
  Result result;
  Table frames{{"frame", "sigma", "alpha", "beta", "rse", "rsp"}, {}};
  double rseSum = 0, rspSum = 0;
  for (std::size_t t = 0; t < fits.size(); ++t) {
    std::copy(fits[t].errorMap.begin(), fits[t].errorMap.end(), maps.frame(t).begin());
    frames.rows.push_back({double(t), fits[t].sigma, fits[t].alpha, fits[t].beta, fits[t].rse, fits[t].rsp});
    rseSum += fits[t].rse;
    rspSum += fits[t].rsp;
    if (fits[t].atBound)
      result.notes.push_back("frame " + std::to_string(t) + ": RSF constrained, no good minimum found below the bound");
  }
  result.values["alpha"] = fits[0].alpha;
  result.values["beta"] = fits[0].beta;
  result.values["sigma"] = fits[0].sigma;
  result.values["rse"] = rseSum / double(sr.frames());
  result.values["rsp"] = rspSum / double(sr.frames());
  result.outputs.push_back(Output{"error_map", std::move(maps)});
  result.outputs.push_back(Output{"frames", std::move(frames)});
  return result;
}

Result runSquirrel(const RunContext& c, CpuSchedule schedule) { return runSquirrelWith(c, cpuBlur(schedule), schedule); }

}  // namespace lqs
