#include "methods/quality/squirrel_fit.hpp"

#include <algorithm>
#include <cmath>

#include "core/errors.hpp"
#include "methods/quality/brent_minimize.hpp"

namespace lqs {

namespace {

// The centred reference's sums the fit needs (the plain sum is ~0, kept for exactness).
struct ReferenceSums {
  double sum = 0, squares = 0;
};

ReferenceSums referenceSums(const std::vector<double>& centred) {
  ReferenceSums s;
  for (const double r : centred) s.sum += r, s.squares += r * r;
  return s;
}

// Least squares of the centred reference on the blurred centred frame, from the sums alone.
struct Fit {
  double slope = 0, intercept = 0, rms = 0;
};

Fit fitFromSums(const BlurSums& s, const ReferenceSums& r, double n) {
  const double sxx = s.bb - s.b * s.b / n, sxy = s.br - s.b * r.sum / n;
  if (!(sxx > 0)) throw InputError("squirrel: the super-resolved image is constant; no intensity scaling can be fitted");
  const double syy = r.squares - r.sum * r.sum / n;
  const double slope = sxy / sxx;
  return {slope, (r.sum - slope * s.b) / n, std::sqrt(std::max(0.0, syy - slope * sxy) / n)};
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

}  // namespace

BlurSums blurSums(const std::vector<double>& blurred, const std::vector<double>& centredReference) {
  BlurSums s;
  for (std::size_t i = 0; i < blurred.size(); ++i)
    s.b += blurred[i], s.bb += blurred[i] * blurred[i], s.br += blurred[i] * centredReference[i];
  return s;
}

SquirrelFrame fitSquirrelFrame(const std::vector<double>& centredReference, double referenceMean, double frameMean,
                               const FrameBlur& blur, double maxSigma) {
  const double n = double(centredReference.size());
  const ReferenceSums r = referenceSums(centredReference);
  const Minimum best = brentMinimize([&](double sigma) { return fitFromSums(blur.sums(sigma), r, n).rms; }, 0, maxSigma);

  std::vector<double> scaled = blur.image(best.x);
  const Fit fit = fitFromSums(blurSums(scaled, centredReference), r, n);
  for (auto& value : scaled) value = fit.slope * value + fit.intercept;
  // Brent may leave the bracket to negative sigma; the blur depends on |sigma| only
  SquirrelFrame frame{std::fabs(best.x), fit.slope, fit.intercept + referenceMean - fit.slope * frameMean,
                      rms(scaled, centredReference), pearson(scaled, centredReference),
                      std::fabs(best.x - maxSigma) < 1e-4, std::vector<float>(scaled.size())};
  for (std::size_t i = 0; i < scaled.size(); ++i) frame.errorMap[i] = float(std::fabs(scaled[i] - centredReference[i]));
  return frame;
}

}  // namespace lqs
