// The CUDA correlation batch (see correlation_cuda.hpp). Double precision throughout, as the CPU
// path (FFTW, std::complex<double>) computes it, so that both find the same peaks.
#include <cuda_runtime.h>
#include <cufft.h>
#include <dlfcn.h>

#include <algorithm>
#include <string>

#include "gpu/cuda/cuda_support.cuh"
#include "methods/registration/correlation_cuda.hpp"

namespace lqs::gpu::cuda {

namespace {

// cuFFT is opened at run time: linked, its 280 MB library would be needed by every binary that links
// the methods, GPU or not. Without it this implementation fails with a DeviceError.
struct Cufft {
  decltype(&cufftPlanMany) planMany = nullptr;
  decltype(&cufftExecZ2Z) execZ2Z = nullptr;
  decltype(&cufftDestroy) destroy = nullptr;
};

const Cufft& cufft() {
  static const Cufft api = [] {
    Cufft a;
    // the loader's path first, then where the CUDA toolkit puts it (often not on that path)
    void* library = nullptr;
    for (const char* name : {"libcufft.so.12", "/usr/local/cuda/lib64/libcufft.so.12",
                             "/usr/local/cuda/targets/x86_64-linux/lib/libcufft.so.12"})
      if (!library) library = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (!library) return a;
    a.planMany = reinterpret_cast<decltype(a.planMany)>(dlsym(library, "cufftPlanMany"));
    a.execZ2Z = reinterpret_cast<decltype(a.execZ2Z)>(dlsym(library, "cufftExecZ2Z"));
    a.destroy = reinterpret_cast<decltype(a.destroy)>(dlsym(library, "cufftDestroy"));
    return a;
  }();
  if (!api.planMany || !api.execZ2Z || !api.destroy)
    throw DeviceError(
        "cuFFT (libcufft.so.12 of the CUDA toolkit) was not found; put its folder on LD_LIBRARY_PATH");
  return api;
}

void checkFft(cufftResult status, const char* what) {
  if (status != CUFFT_SUCCESS)
    throw DeviceError(std::string("cuFFT ") + what + " failed (cufftResult " + std::to_string(int(status)) +
                      ")");
}

__device__ double frequency(int k, int n) {
  return k <= n / 2 ? k : k - n;
}

__global__ void toComplexKernel(const double* in, cufftDoubleComplex* out, std::size_t n) {
  const std::size_t i = blockIdx.x * std::size_t(blockDim.x) + threadIdx.x;
  if (i < n) out[i] = make_cuDoubleComplex(in[i], 0);
}

// products[k] = spectra[k] * conj(reference of k): the fixed reference, or the image before k.
__global__ void crossPowerKernel(const cufftDoubleComplex* spectra, const cufftDoubleComplex* reference,
                                 const cufftDoubleComplex* before, cufftDoubleComplex* products,
                                 std::size_t count, std::size_t pixels, bool previous) {
  const std::size_t i = blockIdx.x * std::size_t(blockDim.x) + threadIdx.x;
  if (i >= count * pixels) return;
  const std::size_t k = i / pixels, p = i % pixels;
  const cufftDoubleComplex r = !previous ? reference[p] : k == 0 ? before[p] : spectra[i - pixels];
  products[i] = cuCmul(spectra[i], cuConj(r));
}

__global__ void realPartKernel(const cufftDoubleComplex* in, double* out, std::size_t n, double scale) {
  const std::size_t i = blockIdx.x * std::size_t(blockDim.x) + threadIdx.x;
  if (i < n) out[i] = cuCreal(in[i]) * scale;
}

// The separable upsampled DFT (cross_correlation.cpp's correlationGrid): first along rows,
// partial[i][kx] = sum_ky e^(2 pi i f(ky) y_i / rows) P[ky][kx] ...
__global__ void gridRowsKernel(const cufftDoubleComplex* product, cufftDoubleComplex* partial, int rows,
                               int cols, double y0, double step, int count) {
  const int kx = blockIdx.x * blockDim.x + threadIdx.x, i = blockIdx.y;
  if (kx >= cols || i >= count) return;
  const double y = y0 + i * step;
  double re = 0, im = 0;
  for (int ky = 0; ky < rows; ++ky) {
    double s, c;
    sincos(2 * M_PI * frequency(ky, rows) * y / rows, &s, &c);
    const cufftDoubleComplex v = product[std::size_t(ky) * cols + kx];
    re += c * v.x - s * v.y;
    im += c * v.y + s * v.x;
  }
  partial[std::size_t(i) * cols + kx] = make_cuDoubleComplex(re, im);
}

// ... then along columns, grid[i][j] = Re sum_kx e^(2 pi i f(kx) x_j / cols) partial[i][kx] / (rows cols).
__global__ void gridColumnsKernel(const cufftDoubleComplex* partial, double* grid, int rows, int cols,
                                  double x0, double step, int count) {
  const int j = blockIdx.x * blockDim.x + threadIdx.x, i = blockIdx.y;
  if (j >= count || i >= count) return;
  const double x = x0 + j * step;
  double re = 0;
  for (int kx = 0; kx < cols; ++kx) {
    double s, c;
    sincos(2 * M_PI * frequency(kx, cols) * x / cols, &s, &c);
    const cufftDoubleComplex v = partial[std::size_t(i) * cols + kx];
    re += c * v.x - s * v.y;
  }
  grid[std::size_t(i) * count + j] = re / (double(rows) * cols);
}

unsigned blocksFor(std::size_t n, unsigned threads) {
  return unsigned((n + threads - 1) / threads);
}

struct FftPlan {
  FftPlan(int rows, int cols, std::size_t batch) {
    int n[2] = {rows, cols};
    checkFft(cufft().planMany(&plan, 2, n, nullptr, 1, 0, nullptr, 1, 0, CUFFT_Z2Z, int(batch)), "plan");
  }
  ~FftPlan() { cufft().destroy(plan); }
  FftPlan(const FftPlan&) = delete;
  cufftHandle plan;
};

// Long stacks of large frames go through in chunks of at most chunkBytes of device memory.
std::size_t chunkCapacity(int rows, int cols, std::size_t images, std::size_t chunkBytes) {
  const std::size_t perImage = std::size_t(rows) * cols * (3 * sizeof(cufftDoubleComplex) + sizeof(double));
  return std::clamp<std::size_t>(chunkBytes / perImage, 1, std::max<std::size_t>(images, 1));
}

}  // namespace

struct CorrelationBatch::State {
  State(int device, int rows, int cols, std::size_t images, int gridPoints, std::size_t chunkBytes)
      : device(device),
        rows(rows),
        cols(cols),
        gridPoints(gridPoints),
        pixels(std::size_t(rows) * cols),
        capacity(chunkCapacity(rows, cols, images, chunkBytes)),
        real(capacity * pixels),
        scratch(capacity * pixels),
        spectra(capacity * pixels),
        products(capacity * pixels),
        reference(pixels),
        before(pixels),
        partial(std::size_t(gridPoints) * cols),
        grid(std::size_t(gridPoints) * gridPoints),
        batchPlan(rows, cols, capacity),
        singlePlan(rows, cols, 1),
        maps(capacity * pixels) {}

  void select() const { check(cudaSetDevice(device), "device selection"); }
  // Images in `real` (count of them) to spectra at `out`.
  void forward(std::size_t count, cufftHandle plan, cufftDoubleComplex* out) {
    toComplexKernel<<<blocksFor(count * pixels, 256), 256>>>(real.get(), scratch.get(), count * pixels);
    check(cudaGetLastError(), "conversion kernel");
    checkFft(cufft().execZ2Z(plan, scratch.get(), out, CUFFT_FORWARD), "forward transform");
  }

  int device, rows, cols, gridPoints;
  std::size_t pixels, capacity;
  DeviceArray<double> real;
  DeviceArray<cufftDoubleComplex> scratch, spectra, products, reference, before, partial;
  DeviceArray<double> grid;
  FftPlan batchPlan, singlePlan;
  std::vector<double> maps;
};

CorrelationBatch::CorrelationBatch(int device, int rows, int cols, std::size_t images, int gridPoints,
                                   std::size_t chunkBytes) {
  check(cudaSetDevice(device), "device selection");
  state_ = std::make_unique<State>(device, rows, cols, images, gridPoints, chunkBytes);
}

CorrelationBatch::~CorrelationBatch() = default;

std::size_t CorrelationBatch::capacity() const {
  return state_->capacity;
}

void CorrelationBatch::setReference(const double* image) {
  State& s = *state_;
  s.select();
  check(cudaMemcpy(s.real.get(), image, s.pixels * sizeof(double), cudaMemcpyHostToDevice), "upload");
  s.forward(1, s.singlePlan.plan, s.reference.get());
  check(cudaMemcpy(s.before.get(), s.reference.get(), s.pixels * sizeof(cufftDoubleComplex),
                   cudaMemcpyDeviceToDevice),
        "copy");
}

void CorrelationBatch::correlate(const double* images, std::size_t count, bool previous) {
  State& s = *state_;
  s.select();
  const std::size_t n = count * s.pixels;
  check(cudaMemcpy(s.real.get(), images, n * sizeof(double), cudaMemcpyHostToDevice), "upload");
  // the batched plan transforms the whole chunk: blank the unused tail
  check(cudaMemset(s.real.get() + n, 0, (s.capacity * s.pixels - n) * sizeof(double)), "clear");
  s.forward(s.capacity, s.batchPlan.plan, s.spectra.get());
  crossPowerKernel<<<blocksFor(n, 256), 256>>>(s.spectra.get(), s.reference.get(), s.before.get(),
                                               s.products.get(), count, s.pixels, previous);
  check(cudaGetLastError(), "cross-power kernel");
  check(cudaMemcpy(s.before.get(), s.spectra.get() + n - s.pixels, s.pixels * sizeof(cufftDoubleComplex),
                   cudaMemcpyDeviceToDevice),
        "copy");
  checkFft(cufft().execZ2Z(s.batchPlan.plan, s.products.get(), s.scratch.get(), CUFFT_INVERSE),
           "inverse transform");
  realPartKernel<<<blocksFor(n, 256), 256>>>(s.scratch.get(), s.real.get(), n, 1.0 / double(s.pixels));
  check(cudaMemcpy(s.maps.data(), s.real.get(), n * sizeof(double), cudaMemcpyDeviceToHost), "download");
}

const double* CorrelationBatch::map(std::size_t k) const {
  return state_->maps.data() + k * state_->pixels;
}

std::vector<double> CorrelationBatch::grid(std::size_t k, double y0, double x0, double step) const {
  const State& s = *state_;
  s.select();
  gridRowsKernel<<<dim3(blocksFor(std::size_t(s.cols), 128), s.gridPoints), 128>>>(
      s.products.get() + k * s.pixels, s.partial.get(), s.rows, s.cols, y0, step, s.gridPoints);
  gridColumnsKernel<<<dim3(blocksFor(std::size_t(s.gridPoints), 32), s.gridPoints), 32>>>(
      s.partial.get(), s.grid.get(), s.rows, s.cols, x0, step, s.gridPoints);
  check(cudaGetLastError(), "grid kernels");
  std::vector<double> values(std::size_t(s.gridPoints) * s.gridPoints);
  check(cudaMemcpy(values.data(), s.grid.get(), values.size() * sizeof(double), cudaMemcpyDeviceToHost),
        "download");
  return values;
}

}  // namespace lqs::gpu::cuda
