// SRRF radiality on CUDA: thin wrappers around the shared per-pixel functions of gpu/kernels.
#include "gpu/cuda/cuda_support.cuh"
#include "gpu/cuda/launch_grid.cuh"
#include "gpu/kernels/gradients.h"
#include "gpu/kernels/srrf_radiality.h"
#include "methods/srrf/srrf_cuda_session.hpp"

namespace lqs::gpu::cuda {

namespace {

__global__ void centralDifferenceKernel(const float* frame, float* gradCol, float* gradRow, int rows, int cols) {
  const int c = blockIdx.x * blockDim.x + threadIdx.x, r = blockIdx.y * blockDim.y + threadIdx.y;
  if (r >= rows || c >= cols) return;
  lqs_central_difference(frame, rows, cols, r, c, &gradCol[r * cols + c], &gradRow[r * cols + c]);
}

__global__ void radialityKernel(const float* frame, const float* gradCol, const float* gradRow, float* out, int rows,
                                int cols, int magnification, const float* ringCol, const float* ringRow,
                                const float* taps, float ringRadius, int border, int positive, int intensityWeighting) {
  const int cM = blockIdx.x * blockDim.x + threadIdx.x, rM = blockIdx.y * blockDim.y + threadIdx.y;
  const int colsM = cols * magnification;
  if (rM >= rows * magnification || cM >= colsM) return;
  out[std::size_t(rM) * colsM + cM] = lqs_srrf_pixel(frame, gradCol, gradRow, rows, cols, magnification, ringCol, ringRow,
                                                     taps, ringRadius, border, positive, intensityWeighting, rM, cM);
}

}  // namespace

struct SrrfSession::State {
  State(int device, int rows, int cols, const SrrfSettings& s)
      : device(device),
        rows(rows),
        cols(cols),
        settings(s),
        size(std::size_t(rows) * cols),
        ringCol(s.ringCol),
        ringRow(s.ringRow),
        taps(s.taps),
        frame(size),
        gradCol(size),
        gradRow(size),
        map(size * s.magnification * s.magnification) {}
  int device, rows, cols;
  SrrfSettings settings;
  std::size_t size;
  DeviceArray<float> ringCol, ringRow, taps, frame, gradCol, gradRow, map;
};

SrrfSession::SrrfSession(int device, int rows, int cols, const SrrfSettings& settings) {
  check(cudaSetDevice(device), "device selection");
  state_ = std::make_unique<State>(device, rows, cols, settings);
}

SrrfSession::~SrrfSession() = default;

void SrrfSession::frame(const float* in, float* map) {
  State& s = *state_;
  const SrrfSettings& c = s.settings;
  check(cudaSetDevice(s.device), "device selection");
  check(cudaMemcpy(s.frame.get(), in, s.size * sizeof(float), cudaMemcpyHostToDevice), "upload");
  const dim3 threads(32, 8);
  centralDifferenceKernel<<<gridFor(s.rows, s.cols, threads), threads>>>(s.frame.get(), s.gradCol.get(),
                                                                          s.gradRow.get(), s.rows, s.cols);
  radialityKernel<<<gridFor(s.rows * c.magnification, s.cols * c.magnification, threads), threads>>>(
      s.frame.get(), s.gradCol.get(), s.gradRow.get(), s.map.get(), s.rows, s.cols, c.magnification, s.ringCol.get(),
      s.ringRow.get(), s.taps.get(), c.ringRadius, c.border, c.positive ? 1 : 0, c.intensityWeighting ? 1 : 0);
  check(cudaGetLastError(), "kernel launch");
  check(cudaMemcpy(map, s.map.get(), s.size * c.magnification * c.magnification * sizeof(float),
                   cudaMemcpyDeviceToHost),
        "download");
}

}  // namespace lqs::gpu::cuda
