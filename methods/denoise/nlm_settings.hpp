#pragma once
// NLM's settings as every strategy and back end receives them: plain data, so the CUDA sessions
// (nlm_cuda_session.hpp) and the kernels (gpu/kernels/nlm.h) take them as they are.
#include "gpu/kernels/nlm.h"

namespace lqs {

struct NlmSettings {
  int offset = 3;     // patch / 2; an even patch_size grows by one, as the original does
  LqsNlmPatch patch;  // the filter: which patch rows, their weights, scale, cut-off, search clipping
  bool uniform = false;  // patch_weights=uniform: weights 1, cut-off 5, mirrored search
  int distance() const { return patch.distance; }
  int pad() const { return offset + patch.distance + 1; }
};

}  // namespace lqs
