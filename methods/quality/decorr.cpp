// `decorr`: image decorrelation analysis (Descloux et al. 2019) with NanoPyx's conventions: edge
// apodisation, power-of-two canvas, normalised spectrum correlated within growing radii, high-pass
// filtered repeats in two refinement passes; resolution = 2 * pixel size / highest peak frequency.
#include <tbb/enumerable_thread_specific.h>

#include <cmath>
#include <cstdint>
#include <optional>

#include "core/errors.hpp"
#include "methods/common/fourier.hpp"
#include "methods/quality/quality_methods.hpp"
#include "methods/quality/reflect_blur.hpp"

namespace lqs {

namespace {

using Image = std::vector<double>;

// Cosine roll-off over 20 pixels at the borders towards the mean of the pixels outside the inscribed disc.
Image apodizeEdges(const float* image, int rows, int cols) {
  const int offset = 20;
  const double radius = cols / 2.0 - offset;
  double edgeMean = 0;
  int count = 0;
  for (int y = 0; y < rows; ++y)
    for (int x = 0; x < cols; ++x)
      if ((y - rows / 2.0) * (y - rows / 2.0) + (x - cols / 2.0) * (x - cols / 2.0) > radius * radius)
        edgeMean += image[y * cols + x], ++count;
  edgeMean = count ? edgeMean / count : 0;
  Image out(image, image + std::size_t(rows) * cols);
  for (int y = 0; y < rows; ++y)
    for (int x = 0; x < cols; ++x) {
      const double x0 = std::fabs(x - cols / 2.0), y0 = std::fabs(y - rows / 2.0);
      const double dx = std::fabs(x0 - cols / 2.0), dy = std::fabs(y0 - rows / 2.0);
      if (dx <= offset || dy <= offset) {
        const double c = (std::cos(std::min(dx, dy) * M_PI / offset - M_PI) + 1) / 2;
        out[std::size_t(y) * cols + x] = float(c * (out[std::size_t(y) * cols + x] - edgeMean)) + edgeMean;
      }
    }
  return out;
}

// A power-of-two square canvas filled with the first pixel's value, the image at the top, centred
// horizontally (the original applies no vertical offset).
Image powerOfTwoCanvas(const Image& image, int rows, int cols, int& side) {
  side = int(std::pow(2.0, std::ceil(std::log2(double(std::max(rows, cols))))));
  Image out(std::size_t(side) * side, image[0]);
  const int left = (side - cols) / 2;
  for (int y = 0; y < rows; ++y)
    for (int x = 0; x < cols; ++x) out[std::size_t(y) * side + x + left] = image[std::size_t(y) * cols + x];
  return out;
}

// sqrt of the power inside the inscribed disc, from the real-input half: the disc is symmetric
// through zero frequency, so every stored column but the first counts twice (the last, side / 2,
// lies outside it).
double discNorm(const HalfSpectrum& f, int side, bool zeroCentre) {
  const double radius2 = side * double(side) / 4;
  double power = 0;
  for (int ky = 0; ky < side; ++ky) {
    const double fy = ky < side / 2 ? ky : ky - side;
    for (int kx = 0; kx <= side / 2; ++kx) {
      if (fy * fy + double(kx) * kx >= radius2 || (zeroCentre && ky == 0 && kx == 0)) continue;
      const std::complex<float> v = f.stored(ky, kx);
      power += (kx == 0 ? 1 : 2) * (double(v.real()) * v.real() + double(v.imag()) * v.imag());
    }
  }
  return std::sqrt(power);
}

// The pixels the curve over [rMin, rMax] reads and their radius bins: the half of the shifted
// spectrum left of and up to the centre (the rest mirrors it), each as the storage place of its
// mirror through zero frequency. A pixel adds Re(F conj(F/|F|)) and |F/|F||^2, both unchanged by
// conjugation, so the mirror serves.
struct RingBins {
  std::vector<std::size_t> place;
  std::vector<int> bin;
  std::size_t centre = SIZE_MAX;  // where zero frequency is in the list, if it is
};

RingBins ringBins(const HalfSpectrum& layout, int side, int nR, double rMin, double rMax) {
  RingBins rings;
  const int ox = int(side * (1 - rMax) / 2), width = int(side * rMax);
  const double last = side * double(side) / 2 + side / 2.0;
  for (int y = ox; y < ox + width; ++y) {
    const int ky = y <= side / 2 ? side / 2 - y : side + side / 2 - y;  // (-fy) mod side
    for (int x = ox; x < ox + width && x <= side / 2; ++x) {
      if (double(x) * side + y > last) continue;
      double dist =
          std::sqrt(4 * ((x - side / 2.0) * (x - side / 2.0) + (y - side / 2.0) * (y - side / 2.0)) /
                    (double(side) * side));
      if (dist > rMax) continue;
      dist = std::max(0.0, (dist - rMin) / (rMax - rMin) * (nR - 1));
      const int bin = int(std::round(dist));
      if (bin >= nR) continue;
      if (x == side / 2 && y == side / 2) rings.centre = rings.place.size();
      rings.place.push_back(layout.index(ky, side / 2 - x));
      rings.bin.push_back(bin);
    }
  }
  return rings;
}

// d(r) for the radii of `rings`; `norm` from discNorm.
std::vector<double> decorrelationCurve(const HalfSpectrum& f, bool zeroCentre, double norm,
                                       const RingBins& rings, int nR) {
  std::vector<double> sums(2 * std::size_t(nR), 0.0);
  for (std::size_t p = 0; p < rings.place.size(); ++p) {
    const std::complex<float> v = zeroCentre && p == rings.centre ? std::complex<float>() : f[rings.place[p]];
    const float re = v.real(), im = v.imag(), magnitude = std::sqrt(re * re + im * im);
    const float normRe = magnitude != 0 ? re / magnitude : 0, normIm = magnitude != 0 ? im / magnitude : 0;
    sums[rings.bin[p]] += double(re) * normRe + double(im) * normIm;
    sums[rings.bin[p] + nR] += double(normRe) * normRe + double(normIm) * normIm;
  }
  std::vector<double> d(nR);
  double numerator = 0, denominator = 0;
  for (int k = 0; k < nR; ++k) {
    numerator += sums[k];
    denominator += sums[k + nR];
    d[k] = norm == 0 || denominator == 0 ? NAN : std::sqrt(2.0) * numerator / (norm * std::sqrt(denominator));
  }
  if (std::isnan(d[0])) d[0] = 0;
  return d;
}

// What one worker reuses from filter to filter: page-faulting fresh images cost a quarter of the time.
struct FilterWorkspace {
  std::vector<float> pixels;
  std::optional<HalfSpectrum> spectrum;
};

struct Peak {
  double frequency = 0, amplitude = 0;
};

// Highest local maximum of d, ignoring a maximum at the last radius unless it stands out by 0.001.
Peak curvePeak(const std::vector<double>& d, double r1, double r2) {
  const int n = int(d.size());
  std::vector<double> t = d;
  auto argmax = [&](int from, int to) {
    int best = from;
    for (int k = from; k < to; ++k)
      if (t[k] > t[best]) best = k;
    return best;
  };
  auto minimum = [&](int from, int to) {
    double best = t[from];
    for (int k = from; k < to; ++k) best = std::min(best, t[k]);
    return best;
  };
  int index = argmax(0, n);
  double amplitude = t[index];
  int length = n;
  while (index == length - 1) {
    t[length - 1] = 0;
    if (--length == 0) {
      index = 0, amplitude = 0;
      break;
    }
    index = argmax(0, n);
    amplitude = t[index];
    const double low = minimum(index, length - 1);
    if (t[index] - low > 0.001) break;
    t[index] = low;
    index = length - 1;
  }
  return {r1 + (r2 - r1) * index / (n - 1), amplitude};
}

struct Best {
  Peak peak;
  int index = 0;
};

Best bestBy(const std::vector<Peak>& peaks, bool byProduct) {
  Best best;
  double top = 0;
  for (std::size_t k = 0; k < peaks.size(); ++k) {
    const double score = byProduct ? peaks[k].frequency * peaks[k].amplitude : peaks[k].frequency;
    if (score > top) top = score, best = {peaks[k], int(k)};
  }
  return best;
}

void addColumn(Table& table, const std::string& name, const std::vector<double>& values) {
  table.columns.push_back(name);
  for (std::size_t r = 0; r < values.size(); ++r) table.rows[r].push_back(values[r]);
}

}  // namespace

MethodSpec decorrSpec() {
  return {"decorr",
          "Image decorrelation analysis: resolution from a single image",
          {{"image", DataKind::Stack, "image (first frame used)"}},
          {{"curves", DataKind::Table, "radius, d0 and the refined high-pass curves d_k over [rmin, rmax]"}},
          {realParam("rmin", "0", 0, 1, "smallest normalised frequency"), realParam("rmax", "1", 0.01, 1, "largest normalised frequency"),
           integerParam("n_r", "50", 4, 1000, "number of radii"), integerParam("n_g", "10", 2, 100, "number of high-pass filters"),
           realParam("pixel_size", "1", 1e-9, 1e9, "pixel size; the resolution is in its unit")}};
}

Result runDecorr(const RunContext& c, CpuSchedule schedule) {
  const Stack& input = c.stack(0);
  requireFinite(input, "decorr input");
  requireStructure(input.frameRange(0, 1), "decorr: the image");
  const double rMin = c.params.real("rmin"), rMax = c.params.real("rmax");
  if (rMin >= rMax) throw ParameterError("decorr: rmin must be below rmax");
  const int nR = c.params.integer("n_r"), nG = c.params.integer("n_g"), rows = int(input.rows()), cols = int(input.cols());
  if (rows < 16 || cols < 16) throw InputError("decorr needs an image of at least 16 x 16 pixels");
  int side = 0;
  const Image reference = powerOfTwoCanvas(apodizeEdges(input.frame(0).data(), rows, cols), rows, cols, side);
  const std::vector<float> referencePixels(reference.begin(), reference.end());
  const HalfSpectrum referenceSpectrum(referencePixels.data(), side, side);
  const RingBins fullRange = ringBins(referenceSpectrum, side, nR, rMin, rMax);

  const std::vector<double> d0 =
      decorrelationCurve(referenceSpectrum, true, discNorm(referenceSpectrum, side, true), fullRange, nR);
  const Peak first = curvePeak(d0, 0, 1);
  double gMax = first.frequency == 0 ? side / 2.0 : 2 / first.frequency, gMin = 0.14;
  double crMin = rMin, crMax = rMax;
  // every curve over [rmin, rmax] for plotting; the high-pass ones of the refined filter set
  Table curves{{"radius"}, {}};
  for (int r = 0; r < nR; ++r) curves.rows.push_back({rMin + (rMax - rMin) * r / (nR - 1)});
  addColumn(curves, "d0", d0);
  Best best;
  const ReflectBlur blurs(reference, side, side);
  tbb::enumerable_thread_specific<FilterWorkspace> workspaces;
  for (int refine = 0; refine < 2; ++refine) {
    const RingBins refinedRange =
        refine == 0 ? RingBins{} : ringBins(referenceSpectrum, side, nR, crMin, crMax);
    const RingBins& searched = refine == 0 ? fullRange : refinedRange;
    // the filters of a pass are independent: in parallel, each one inverse and one forward transform
    std::vector<Peak> peaks(nG);
    std::vector<std::vector<double>> refined(nG);
    forRange(schedule, std::size_t(nG), [&](std::size_t begin, std::size_t end) {
      FilterWorkspace& w = workspaces.local();
      for (std::size_t k = begin; k < end; ++k) {
        c.job.checkCancelled();
        const double sigma =
            std::exp(std::log(gMin) + (std::log(gMax) - std::log(gMin)) * (double(k) / (nG - 1)));
        blurs.image(sigma, w.pixels);
        for (std::size_t i = 0; i < w.pixels.size(); ++i) w.pixels[i] = float(reference[i] - w.pixels[i]);
        if (w.spectrum)
          w.spectrum->assign(w.pixels.data());
        else
          w.spectrum.emplace(w.pixels.data(), side, side);
        const double norm = discNorm(*w.spectrum, side, false);
        peaks[k] = curvePeak(decorrelationCurve(*w.spectrum, false, norm, searched, nR), crMin, crMax);
        if (refine == 1) refined[k] = decorrelationCurve(*w.spectrum, false, norm, fullRange, nR);
      }
    });
    for (int k = 0; refine == 1 && k < nG; ++k) addColumn(curves, "d_" + std::to_string(k), refined[k]);
    if (refine == 1) {
      best = bestBy(peaks, false);
      break;
    }
    peaks.push_back(curvePeak(d0, crMin, crMax));
    const Best byProduct = bestBy(peaks, true), byFrequency = bestBy(peaks, false);
    crMin = std::max(rMin, std::min(byProduct.peak.frequency, byFrequency.peak.frequency) - 0.05);
    crMax = std::min(rMax, std::max(byProduct.peak.frequency, byFrequency.peak.frequency) + 0.3);
    const double low = std::min(byProduct.index, byFrequency.index) - 1, high = std::max(byProduct.index, byFrequency.index);
    if (high < nG) {
      const double gLow = std::exp(std::log(gMin) + (std::log(gMax) - std::log(gMin)) * (low / (nG - 1)));
      gMax = std::exp(std::log(gMin) + (std::log(gMax) - std::log(gMin)) * (high / (nG - 1)));
      gMin = gLow;
    } else {
      gMax = gMin;
      gMin = 2.0 / side;
    }
  }
  Result result{{Output{"curves", std::move(curves)}}};
  if (best.peak.frequency > 0) {
    result.values["resolution"] = 2 * c.params.real("pixel_size") / best.peak.frequency;
    result.values["resolution_px"] = 2 / best.peak.frequency;
    result.values["cutoff_frequency"] = best.peak.frequency;
  } else {
    result.notes.push_back("decorrelation analysis found no peak: the image has no resolvable structure");
  }
  return result;
}

}  // namespace lqs
