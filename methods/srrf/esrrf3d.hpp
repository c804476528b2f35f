#pragma once
// eSRRF 3D: volumes (the frames of the input are T x Z planes) reconstructed per voxel
// (gpu/kernels/esrrf3d.h), reduced over each time point by a temporal correlation, then macro-pixel
// corrected slice by slice. Output: per time point Z*mag_z planes of (Y*mag_xy) x (X*mag_xy).
#include <functional>

#include "engine/method.hpp"
#include "methods/common/cpu.hpp"
#include "methods/common/opencl.hpp"
#include "methods/srrf/temporal.hpp"
#include "methods/srrf/timepoint_reader.hpp"

namespace lqs {

MethodSpec esrrf3dSpec();
Result runEsrrf3d(const RunContext& context, CpuSchedule schedule);
Result runEsrrf3dCuda(const RunContext& context, int device);
#ifdef LQS_HAVE_OPENCL
Result runEsrrf3dOpencl(const RunContext& context, gpu::OpenclDevice& gpu);
#endif

struct Esrrf3dPlan {
  int slices = 0, rows = 0, cols = 0;  // of one input volume
  int magXY = 2, magZ = 2;
  float radius = 1.5f, radiusZ = 1.05f, sensitivity = 1.0f;
  bool intensityWeighting = true, macroPixelCorrection = true;
  TemporalCorrelation mode = TemporalCorrelation::Avg;
  Timepoints timepoints;  // in planes: whole volumes per time point
  CpuSchedule schedule = CpuSchedule::Tbb;  // of the temporal sums: Serial for cpu:unthreaded

  std::size_t volumeSize() const { return std::size_t(slices) * rows * cols; }
  std::size_t magnifiedSize() const { return volumeSize() * std::size_t(magZ) * magXY * magXY; }
  // The convergence's data-independent table (gpu/kernels/esrrf3d.h, lqs_esrrf3d_offset).
  std::vector<float> offsetTable() const;

  // For each volume `volumeMap(volume, map)` writes its magnified, intensity-weighted convergence;
  // the maps of a time point are reduced on the host and macro-pixel corrected.
  Stack reconstruct(const RunContext& context,
                    const std::function<void(const float*, float*)>& volumeMap) const;
};
Esrrf3dPlan planEsrrf3d(const RunContext& context);  // ParameterError/InputError for impossible requests

}  // namespace lqs
