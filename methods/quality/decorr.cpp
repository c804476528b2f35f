// `decorr`: image decorrelation analysis (Descloux et al. 2019) with NanoPyx's conventions: edge
// apodisation, power-of-two canvas, normalised spectrum correlated within growing radii, high-pass
// filtered repeats in two refinement passes; resolution = 2 * pixel size / highest peak frequency.
#include <cmath>

#include "core/errors.hpp"
#include "methods/common/fourier.hpp"
#include "methods/quality/gaussian_blur.hpp"
#include "methods/quality/quality_methods.hpp"

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

struct SpectrumMaps {
  std::vector<float> real, imag, normReal, normImag;
  double norm = 0;  // sqrt of the power inside the inscribed disc
};

SpectrumMaps spectrumOf(const Image& image, int side, bool zeroCentre) {
  const Spectrum f = fftShift(forwardFft(image.data(), side, side), side, side);
  SpectrumMaps m;
  for (const auto& v : f) m.real.push_back(float(v.real())), m.imag.push_back(float(v.imag()));
  if (zeroCentre) m.real[std::size_t(side / 2) * side + side / 2] = m.imag[std::size_t(side / 2) * side + side / 2] = 0;
  for (std::size_t i = 0; i < m.real.size(); ++i) {
    const float magnitude = std::sqrt(m.real[i] * m.real[i] + m.imag[i] * m.imag[i]);
    m.normReal.push_back(magnitude != 0 ? m.real[i] / magnitude : 0);
    m.normImag.push_back(magnitude != 0 ? m.imag[i] / magnitude : 0);
  }
  const double radius = side * double(side) / 4;
  for (int y = 0; y < side; ++y)
    for (int x = 0; x < side; ++x)
      if ((y - side / 2.0) * (y - side / 2.0) + (x - side / 2.0) * (x - side / 2.0) < radius) {
        const std::size_t i = std::size_t(y) * side + x;
        m.norm += double(m.real[i]) * m.real[i] + double(m.imag[i]) * m.imag[i];
      }
  m.norm = std::sqrt(m.norm);
  return m;
}

// d(r) for nR radii between rMin and rMax (normalised frequency), over half of the spectrum.
std::vector<double> decorrelationCurve(const SpectrumMaps& m, int side, int nR, double rMin, double rMax) {
  std::vector<double> sums(2 * std::size_t(nR), 0.0);
  const int ox = int(side * (1 - rMax) / 2), width = int(side * rMax);
  for (int x = ox; x < ox + width; ++x)
    for (int y = ox; y < ox + width; ++y) {
      if (double(x) * side + y > side * double(side) / 2 + side / 2.0) goto done;  // the other half mirrors it
      {
        double dist = std::sqrt(4 * ((x - side / 2.0) * (x - side / 2.0) + (y - side / 2.0) * (y - side / 2.0)) /
                                (double(side) * side));
        if (dist > rMax) continue;
        dist = std::max(0.0, (dist - rMin) / (rMax - rMin) * (nR - 1));
        const int bin = int(std::round(dist));
        if (bin >= nR) continue;
        const std::size_t i = std::size_t(y) * side + x;
        sums[bin] += double(m.real[i]) * m.normReal[i] + double(m.imag[i]) * m.normImag[i];
        sums[bin + nR] += double(m.normReal[i]) * m.normReal[i] + double(m.normImag[i]) * m.normImag[i];
      }
    }
done:
  std::vector<double> d(nR);
  double numerator = 0, denominator = 0;
  for (int k = 0; k < nR; ++k) {
    numerator += sums[k];
    denominator += sums[k + nR];
    d[k] = m.norm == 0 || denominator == 0 ? NAN : std::sqrt(2.0) * numerator / (m.norm * std::sqrt(denominator));
  }
  if (std::isnan(d[0])) d[0] = 0;
  return d;
}

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

  const std::vector<double> d0 = decorrelationCurve(spectrumOf(reference, side, true), side, nR, rMin, rMax);
  const Peak first = curvePeak(d0, 0, 1);
  double gMax = first.frequency == 0 ? side / 2.0 : 2 / first.frequency, gMin = 0.14;
  double crMin = rMin, crMax = rMax;
  // every curve over [rmin, rmax] for plotting; the high-pass ones of the refined filter set
  Table curves{{"radius"}, {}};
  for (int r = 0; r < nR; ++r) curves.rows.push_back({rMin + (rMax - rMin) * r / (nR - 1)});
  addColumn(curves, "d0", d0);
  Best best;
  for (int refine = 0; refine < 2; ++refine) {
    std::vector<Peak> peaks;
    for (int k = 0; k < nG; ++k) {
      c.job.checkCancelled();
      const double sigma = std::exp(std::log(gMin) + (std::log(gMax) - std::log(gMin)) * (double(k) / (nG - 1)));
      const Image blurred = gaussianBlur(reference, side, side, sigma, schedule);
      Image highPass(reference.size());
      for (std::size_t i = 0; i < highPass.size(); ++i) highPass[i] = float(reference[i] - float(blurred[i]));
      const SpectrumMaps spectrum = spectrumOf(highPass, side, false);
      peaks.push_back(curvePeak(decorrelationCurve(spectrum, side, nR, crMin, crMax), crMin, crMax));
      if (refine == 1) addColumn(curves, "d_" + std::to_string(k), decorrelationCurve(spectrum, side, nR, rMin, rMax));
    }
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
