// drift-estimate on a CUDA device: the block images' correlation maps come from batched cuFFT
// transforms (correlation_cuda.hpp); the peak search and the drift table are the CPU path's own
// (drift.hpp, cross_correlation.hpp), so both back ends find the same shifts.
#include "methods/registration/drift.hpp"

#ifdef LQS_HAVE_CUDA
#include <algorithm>

#include "methods/registration/correlation_cuda.hpp"

namespace lqs {

DriftEstimate estimateDriftCuda(const Stack& stack, const std::string& reference, int timeAveraging,
                                double maxDrift, int device, const Job& job) {
  const DriftBlocks blocks = driftBlocks(stack, timeAveraging, CpuSchedule::Tbb);
  const bool previous = reference == "previous";
  gpu::cuda::CorrelationBatch batch(device, blocks.rows, blocks.cols, blocks.images.size() - 1, kGridPoints);
  batch.setReference(blocks.images[0].data());
  std::vector<double> norms(blocks.images.size()), chunk;
  std::transform(blocks.images.begin(), blocks.images.end(), norms.begin(), imageNorm);
  std::size_t first = 0, count = 0;  // blocks in the batch now: [first, first + count)
  return driftFromBlocks(
      blocks, previous, maxDrift, stack.frames(),
      [&](std::size_t b, Shift centre) {
        if (b >= first + count) {  // driftFromBlocks asks for blocks 1, 2, ... in order
          first = b, count = std::min(batch.capacity(), blocks.images.size() - b);
          chunk.clear();
          for (std::size_t k = b; k < b + count; ++k)
            chunk.insert(chunk.end(), blocks.images[k].begin(), blocks.images[k].end());
          batch.correlate(chunk.data(), count, previous);
        }
        const std::size_t k = b - first;
        Shift best =
            refinePeak(integerPeak(batch.map(k), blocks.rows, blocks.cols, centre, maxDrift),
                       [&](double y0, double x0, double step) { return batch.grid(k, y0, x0, step); });
        best.peak = normalisedPeak(best.peak, norms[previous ? b - 1 : 0], norms[b]);
        return best;
      },
      job);
}

}  // namespace lqs
#endif
