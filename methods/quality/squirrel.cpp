// `squirrel`: NanoPyx's error map (after NanoJ-SQUIRREL). The reference is upsampled to the
// super-resolved grid by Fourier interpolation; the RSF width sigma minimises the RMS error of
// blur(alpha * SR + beta, sigma) against it, alpha and beta from a least-squares fit of blur(SR).
#include <cmath>

#include "core/errors.hpp"
#include "methods/quality/brent_minimize.hpp"
#include "methods/quality/fourier_interpolation.hpp"
#include "methods/quality/gaussian_blur.hpp"
#include "methods/quality/quality_methods.hpp"

namespace lqs {

namespace {

struct LinearFit {
  double slope = 0, intercept = 0;
};

LinearFit leastSquares(const std::vector<double>& x, const std::vector<double>& y) {
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < x.size(); ++i) mx += x[i], my += y[i];
  mx /= double(x.size()), my /= double(y.size());
  double sxy = 0, sxx = 0;
  for (std::size_t i = 0; i < x.size(); ++i) sxy += (x[i] - mx) * (y[i] - my), sxx += (x[i] - mx) * (x[i] - mx);
  if (sxx == 0) throw InputError("squirrel: the super-resolved image is constant; no intensity scaling can be fitted");
  return {sxy / sxx, my - sxy / sxx * mx};
}

double pearson(const std::vector<double>& a, const std::vector<double>& b) {
  double ma = 0, mb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) ma += a[i], mb += b[i];
  ma /= double(a.size()), mb /= double(b.size());
  double sab = 0, saa = 0, sbb = 0;
  for (std::size_t i = 0; i < a.size(); ++i)
    sab += (a[i] - ma) * (b[i] - mb), saa += (a[i] - ma) * (a[i] - ma), sbb += (b[i] - mb) * (b[i] - mb);
  return sab / std::sqrt(saa * sbb);
}

struct ErrorMap {
  std::vector<double> scaledBlurred;
  LinearFit fit;
  double sigma = 0;
};

ErrorMap scaledBlur(const std::vector<double>& reference, const std::vector<double>& sr, int rows, int cols,
                    double sigma) {
  ErrorMap e;
  e.sigma = sigma;
  e.fit = leastSquares(gaussianBlur(sr, rows, cols, sigma), reference);
  std::vector<double> scaled(sr.size());
  for (std::size_t i = 0; i < sr.size(); ++i) scaled[i] = e.fit.slope * sr[i] + e.fit.intercept;
  e.scaledBlurred = gaussianBlur(scaled, rows, cols, sigma);
  return e;
}

double rms(const std::vector<double>& a, const std::vector<double>& b) {
  double s = 0;
  for (std::size_t i = 0; i < a.size(); ++i) s += (a[i] - b[i]) * (a[i] - b[i]);
  return std::sqrt(s / double(a.size()));
}

// A raw stack stands for its diffraction-limited average, as the original's sweeps use it.
Stack timeAverage(const Stack& stack) {
  Stack mean(1, stack.rows(), stack.cols());
  mean.pixelSize = stack.pixelSize;
  for (std::size_t t = 0; t < stack.frames(); ++t)
    for (std::size_t i = 0; i < stack.frameSize(); ++i) mean.data()[i] += stack.frame(t)[i] / float(stack.frames());
  return mean;
}

}  // namespace

MethodSpec squirrelSpec() {
  return {"squirrel",
          "SQUIRREL error map, RSE and RSP of a super-resolved image against a diffraction-limited reference",
          {{"reference", DataKind::Stack, "diffraction-limited image (a stack is averaged over time)"},
           {"super_resolved", DataKind::Stack, "super-resolved image or stack, an integer magnification larger"}},
          {{"error_map", DataKind::Stack, "absolute error per pixel, one map per super-resolved frame"}},
          {}};
}

Result runSquirrel(const RunContext& c, CpuSchedule) {
  const Stack ref = timeAverage(c.stack(0));
  const Stack& sr = c.stack(1);
  requireFinite(ref, "squirrel reference");
  requireFinite(sr, "squirrel super-resolved image");
  const int magnification = int(sr.rows() / ref.rows());
  if (magnification < 1 || int(sr.cols() / ref.cols()) != magnification)
    throw InputError("squirrel: the super-resolved image (" + std::to_string(sr.rows()) + "x" +
                     std::to_string(sr.cols()) + ") must be the reference (" + std::to_string(ref.rows()) + "x" +
                     std::to_string(ref.cols()) + ") magnified by the same integer factor along both axes");
  const int rows = int(sr.rows()), cols = int(sr.cols());
  const std::vector<double> reference =
      magnification > 1 ? fourierInterpolate(ref.frame(0).data(), int(ref.rows()), int(ref.cols()), magnification)
                        : std::vector<double>(ref.frame(0).begin(), ref.frame(0).end());
  const double maxSigma = 4.0 / 2.35482 * magnification;

  Stack maps(sr.frames(), sr.rows(), sr.cols());
  maps.pixelSize = sr.pixelSize;
  Result result;
  double rseSum = 0, rspSum = 0;
  for (std::size_t t = 0; t < sr.frames(); ++t) {
    c.job.checkCancelled();
    const std::vector<double> image(sr.frame(t).begin(), sr.frame(t).end());
    const Minimum best = brentMinimize(
        [&](double sigma) { return rms(scaledBlur(reference, image, rows, cols, sigma).scaledBlurred, reference); }, 0,
        maxSigma);
    const ErrorMap e = scaledBlur(reference, image, rows, cols, best.x);
    for (std::size_t i = 0; i < image.size(); ++i) maps.frame(t)[i] = float(std::fabs(e.scaledBlurred[i] - reference[i]));
    rseSum += rms(e.scaledBlurred, reference);
    rspSum += pearson(e.scaledBlurred, reference);
    if (t == 0) {
      result.values["alpha"] = e.fit.slope;
      result.values["beta"] = e.fit.intercept;
      result.values["sigma"] = best.x;
    }
    if (std::fabs(best.x - maxSigma) < 1e-4) result.notes.push_back("RSF constrained: no good minimum found below the bound");
  }
  result.values["rse"] = rseSum / double(sr.frames());
  result.values["rsp"] = rspSum / double(sr.frames());
  result.outputs.push_back(Output{"error_map", std::move(maps)});
  return result;
}

}  // namespace lqs
