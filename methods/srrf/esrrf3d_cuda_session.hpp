#pragma once
// eSRRF 3D on a CUDA device, callable from plain C++: buffers and the offset table stay on the device
// between volumes; each volume's map comes back for the temporal reduction on the host.
#include <memory>
#include <vector>

namespace lqs::gpu::cuda {

struct Esrrf3dCudaSettings {
  int device = 0, slices = 0, rows = 0, cols = 0, magXY = 2, magZ = 2;
  float radius = 1.5f, radiusZ = 1.05f, sensitivity = 1.0f;
  bool intensityWeighting = true;
  std::vector<float> offsets;  // Esrrf3dPlan::offsetTable()
};

class Esrrf3dSession {
 public:
  explicit Esrrf3dSession(const Esrrf3dCudaSettings& settings);
  ~Esrrf3dSession();
  void volume(const float* in, float* map);  // map: slices*magZ x rows*magXY x cols*magXY

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace lqs::gpu::cuda
