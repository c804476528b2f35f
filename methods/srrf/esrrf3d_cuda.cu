// eSRRF 3D on CUDA: thin wrappers around the shared per-voxel functions of gpu/kernels/esrrf3d.h.
#include "gpu/cuda/cuda_support.cuh"
#include "gpu/cuda/launch_grid.cuh"
#include "gpu/kernels/esrrf3d.h"
#include "methods/srrf/esrrf3d_cuda_session.hpp"

namespace lqs::gpu::cuda {

namespace {

// Volumes are addressed as (line = slice * rows + row, col), as in esrrf3d.cl.
__global__ void gradient3dKernel(const float* volume, float* gc, float* gr, float* gs, int slices, int rows,
                                 int cols) {
  const int c = blockIdx.x * blockDim.x + threadIdx.x, line = blockIdx.y * blockDim.y + threadIdx.y;
  if (line >= slices * rows || c >= cols) return;
  const std::size_t i = std::size_t(line) * cols + c;
  lqs_gradient_3d(volume, slices, rows, cols, line / rows, line % rows, c, &gc[i], &gr[i], &gs[i]);
}

__global__ void magnify3dKernel(const float* gc, const float* gr, const float* gs, const float* volume,
                                float* magnified, std::size_t nM, int slices, int rows, int cols, int mxy,
                                int mz) {
  const int colsM = cols * mxy, rowsM = rows * mxy;
  const int cM = blockIdx.x * blockDim.x + threadIdx.x, line = blockIdx.y * blockDim.y + threadIdx.y;
  if (line >= slices * mz * rowsM || cM >= colsM) return;
  const std::size_t i = std::size_t(line) * colsM + cM;
  const float* sources[4] = {gc, gr, gs, volume};
  for (int v = 0; v < 4; ++v)
    magnified[v * nM + i] = lqs_magnified_3d(sources[v], rows, cols, mxy, mz, line / rowsM, line % rowsM, cM);
  lqs_unit_gradient(&magnified[i], &magnified[nM + i], &magnified[2 * nM + i]);
}

__global__ void converge3dKernel(const float* magnified, std::size_t nM, const float* offsets, float* out,
                                 int slices, int rows, int cols, int mxy, int mz, float radius, float radiusZ,
                                 float sensitivity, int intensityWeighting) {
  const int colsM = cols * mxy, rowsM = rows * mxy;
  const int cM = blockIdx.x * blockDim.x + threadIdx.x, line = blockIdx.y * blockDim.y + threadIdx.y;
  if (line >= slices * mz * rowsM || cM >= colsM) return;
  const std::size_t i = std::size_t(line) * colsM + cM;
  const float rgc =
      lqs_esrrf3d_voxel(magnified, magnified + nM, magnified + 2 * nM, offsets, slices, rows, cols, mxy, mz,
                        radius, radiusZ, sensitivity, line / rowsM, line % rowsM, cM);
  out[i] = intensityWeighting ? rgc * magnified[3 * nM + i] : rgc;
}

}  // namespace

struct Esrrf3dSession::State {
  explicit State(const Esrrf3dCudaSettings& s)
      : settings(s),
        n(std::size_t(s.slices) * s.rows * s.cols),
        nM(n * s.magZ * s.magXY * s.magXY),
        offsets(s.offsets),
        volume(n),
        gradients(3 * n),
        magnified(4 * nM),
        map(nM) {}
  Esrrf3dCudaSettings settings;
  std::size_t n, nM;
  DeviceArray<float> offsets, volume, gradients, magnified, map;
};

Esrrf3dSession::Esrrf3dSession(const Esrrf3dCudaSettings& settings) {
  check(cudaSetDevice(settings.device), "device selection");
  state_ = std::make_unique<State>(settings);
}

Esrrf3dSession::~Esrrf3dSession() = default;

void Esrrf3dSession::volume(const float* in, float* map) {
  State& s = *state_;
  const Esrrf3dCudaSettings& c = s.settings;
  check(cudaSetDevice(c.device), "device selection");
  check(cudaMemcpy(s.volume.get(), in, s.n * sizeof(float), cudaMemcpyHostToDevice), "upload");
  const dim3 threads(32, 8);
  float* g = s.gradients.get();
  gradient3dKernel<<<gridFor(c.slices * c.rows, c.cols, threads), threads>>>(
      s.volume.get(), g, g + s.n, g + 2 * s.n, c.slices, c.rows, c.cols);
  const int linesM = c.slices * c.magZ * c.rows * c.magXY, colsM = c.cols * c.magXY;
  magnify3dKernel<<<gridFor(linesM, colsM, threads), threads>>>(g, g + s.n, g + 2 * s.n, s.volume.get(),
                                                                s.magnified.get(), s.nM, c.slices, c.rows,
                                                                c.cols, c.magXY, c.magZ);
  converge3dKernel<<<gridFor(linesM, colsM, threads), threads>>>(
      s.magnified.get(), s.nM, s.offsets.get(), s.map.get(), c.slices, c.rows, c.cols, c.magXY, c.magZ,
      c.radius, c.radiusZ, c.sensitivity, c.intensityWeighting ? 1 : 0);
  check(cudaGetLastError(), "kernel launch");
  check(cudaMemcpy(map, s.map.get(), s.nM * sizeof(float), cudaMemcpyDeviceToHost), "download");
}

}  // namespace lqs::gpu::cuda
