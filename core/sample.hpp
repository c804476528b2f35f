#pragma once
// The blinking-fluorophore simulator behind `lqs sample`, File > Open Sample and the tests:
// filaments or points, Gaussian PSF, stochastic on/off switching, Poisson + Gaussian camera noise,
// optional linear drift. The same options and seed always give the same stack.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/stack.hpp"

namespace lqs {

struct SampleOptions {
  std::size_t frames = 100, rows = 64, cols = 64;
  std::uint64_t seed = 1;
  enum class Structure { Filaments, Points } structure = Structure::Filaments;
  std::size_t emitters = 0;      // 0: a density that suits the field size
  double psfSigma = 1.5;         // pixels
  double photons = 500;          // per emitter per frame when on
  double background = 100;       // photons per pixel per frame
  double readNoise = 2;          // camera noise std (counts)
  double pOn = 0.05, pOff = 0.5, pBleach = 0.002;  // per-frame switching probabilities
  double driftRowPerFrame = 0, driftColPerFrame = 0;  // pixels per frame
  double pixelSizeNm = 100;      // written as the stack's calibration
};

Stack simulateBlinking(const SampleOptions& options);

}  // namespace lqs
