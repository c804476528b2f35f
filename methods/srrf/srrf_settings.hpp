#pragma once
// SRRF's settings as every implementation receives them: plain data, so the CUDA session
// (srrf_cuda_session.hpp) takes them as they are.
#include <vector>

namespace lqs {

struct SrrfSettings {
  int magnification = 5, border = 0;
  float ringRadius = 2.5f;  // in magnified pixels (ring_radius * magnification)
  bool positive = true, intensityWeighting = true;
  std::vector<float> ringCol, ringRow;  // the ring's offsets, magnified pixels
  std::vector<float> taps;              // lqs_ring_taps per sub-position and ring point
};

}  // namespace lqs
