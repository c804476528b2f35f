#pragma once
// NLM's settings as every strategy and back end receives them: plain data, so the CUDA session
// (nlm_cuda_session.hpp) takes them as they are.

namespace lqs {

struct NlmSettings {
  int offset = 3;     // patch / 2; an even patch_size grows by one, as the original does
  int distance = 11;  // search half-width
  float h2s2 = 0;     // patch^2 h^2
  float variance2 = 0;  // 2 sigma^2
  int pad() const { return offset + distance + 1; }
};

}  // namespace lqs
