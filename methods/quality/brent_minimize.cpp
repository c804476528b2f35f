#include "methods/quality/brent_minimize.hpp"

#include <cmath>
#include <utility>

namespace lqs {

namespace {

constexpr double kGold = 1.618034, kGrowLimit = 110.0, kTiny = 1e-21, kGoldenSection = 0.3819660;

struct Bracket {
  double a, b, c, fa, fb, fc;
};

// Walks downhill from (a, b) until f rises again, so that f(b) < f(a) and f(b) < f(c).
Bracket bracketMinimum(const std::function<double(double)>& f, double a, double b) {
  double fa = f(a), fb = f(b);
  if (fa < fb) std::swap(a, b), std::swap(fa, fb);
  double c = b + kGold * (b - a), fc = f(c);
  for (int iteration = 0; fc < fb && iteration < 1000; ++iteration) {
    const double t1 = (b - a) * (fb - fc), t2 = (b - c) * (fb - fa), value = t2 - t1;
    const double denominator = 2.0 * (std::fabs(value) < kTiny ? kTiny : value);
    double w = b - ((b - c) * t2 - (b - a) * t1) / denominator, fw;
    const double limit = b + kGrowLimit * (c - b);
    if ((w - c) * (b - w) > 0.0) {
      fw = f(w);
      if (fw < fc) return {b, w, c, fb, fw, fc};
      if (fw > fb) return {a, b, w, fa, fb, fw};
      w = c + kGold * (c - b);
      fw = f(w);
    } else if ((w - limit) * (limit - c) >= 0.0) {
      w = limit;
      fw = f(w);
    } else if ((w - limit) * (c - w) > 0.0) {
      fw = f(w);
      if (fw < fc) {
        b = c, c = w, w = c + kGold * (c - b);
        fb = fc, fc = fw, fw = f(w);
      }
    } else {
      w = c + kGold * (c - b);
      fw = f(w);
    }
    a = b, b = c, c = w;
    fa = fb, fb = fc, fc = fw;
  }
  return {a, b, c, fa, fb, fc};
}

}  // namespace

Minimum brentMinimize(const std::function<double(double)>& f, double a0, double b0, int maxIterations,
                      double tolerance) {
  const Bracket br = bracketMinimum(f, a0, b0);
  double a = std::min(br.a, br.c), b = std::max(br.a, br.c);
  double x = br.b, w = br.b, v = br.b, fx = br.fb, fw = br.fb, fv = br.fb;
  double d = 0.0, e = 0.0;
  int iteration = 0;
  for (; iteration < maxIterations; ++iteration) {
    const double tol1 = tolerance * std::fabs(x) + 1e-11, tol2 = 2.0 * tol1, middle = 0.5 * (a + b);
    if (std::fabs(x - middle) < tol2 - 0.5 * (b - a)) break;
    if (std::fabs(e) <= tol1) {
      e = x >= middle ? a - x : b - x;
      d = kGoldenSection * e;
    } else {
      double r = (x - w) * (fx - fv), q = (x - v) * (fx - fw), p = (x - v) * q - (x - w) * r;
      q = 2.0 * (q - r);
      if (q > 0.0) p = -p;
      q = std::fabs(q);
      const double previous = e;
      e = d;
      if (p > q * (a - x) && p < q * (b - x) && std::fabs(p) < std::fabs(0.5 * q * previous)) {
        d = p / q;
        const double u = x + d;
        if (u - a < tol2 || b - u < tol2) d = middle - x >= 0 ? tol1 : -tol1;
      } else {
        e = x >= middle ? a - x : b - x;
        d = kGoldenSection * e;
      }
    }
    const double u = std::fabs(d) < tol1 ? (d >= 0 ? x + tol1 : x - tol1) : x + d;
    const double fu = f(u);
    if (fu > fx) {
      (u < x ? a : b) = u;
      if (fu <= fw || w == x) v = w, fv = fw, w = u, fw = fu;
      else if (fu <= fv || v == x || v == w) v = u, fv = fu;
    } else {
      (u >= x ? a : b) = x;
      v = w, fv = fw, w = x, fw = fx, x = u, fx = fu;
    }
  }
  return {x, fx, iteration};
}

}  // namespace lqs
