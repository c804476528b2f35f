#include "methods/quality/squirrel_fit.hpp"

#include <cmath>

#include "core/errors.hpp"
#include "methods/quality/brent_minimize.hpp"

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

double rms(const std::vector<double>& a, const std::vector<double>& b) {
  double s = 0;
  for (std::size_t i = 0; i < a.size(); ++i) s += (a[i] - b[i]) * (a[i] - b[i]);
  return std::sqrt(s / double(a.size()));
}

// alpha * blur(SR, sigma) + beta with the least-squares (alpha, beta).
std::vector<double> scaledBlur(const std::vector<double>& reference, const FrameBlur& blur, double sigma,
                               LinearFit& fit) {
  std::vector<double> blurred = blur(sigma);
  fit = leastSquares(blurred, reference);
  for (auto& value : blurred) value = fit.slope * value + fit.intercept;
  return blurred;
}

}  // namespace

SquirrelFrame fitSquirrelFrame(const std::vector<double>& reference, const FrameBlur& blur, double maxSigma) {
  LinearFit fit;
  const Minimum best = brentMinimize(
      [&](double sigma) { return rms(scaledBlur(reference, blur, sigma, fit), reference); }, 0, maxSigma);
  const std::vector<double> scaled = scaledBlur(reference, blur, best.x, fit);
  // Brent may leave the bracket to negative sigma; the blur depends on |sigma| only
  SquirrelFrame frame{std::fabs(best.x), fit.slope, fit.intercept, rms(scaled, reference), pearson(scaled, reference),
                      std::fabs(best.x - maxSigma) < 1e-4, std::vector<float>(scaled.size())};
  for (std::size_t i = 0; i < scaled.size(); ++i) frame.errorMap[i] = float(std::fabs(scaled[i] - reference[i]));
  return frame;
}

}  // namespace lqs
