#include "methods/srrf/timepoint_reader.hpp"

#include <algorithm>

#include "methods/common/finite_pixels.hpp"

namespace lqs {

Timepoints timepointBlocks(std::size_t frames, std::size_t perTimepoint) {
  if (perTimepoint == 0 || perTimepoint > frames) perTimepoint = frames;
  Timepoints blocks;
  for (std::size_t first = 0; first < frames; first += perTimepoint)
    blocks.emplace_back(first, std::min(perTimepoint, frames - first));
  return blocks;
}

void readTimepoints(const RunContext& c, const Timepoints& timepoints, std::size_t maxFrames, const char* stage,
                    const std::function<void(const float*, std::size_t)>& add,
                    const std::function<void(std::size_t)>& finish) {
  FrameBlocks frames(c.inputs.at(0));
  // disk reads in large blocks (each opens the file), handed on in the implementation's block size
  const std::size_t readFrames = std::max(frames.blockFrames(), maxFrames);
  std::size_t done = 0;
  for (std::size_t b = 0; b < timepoints.size(); ++b) {
    const auto [first, count] = timepoints[b];
    for (std::size_t t = first; t < first + count; t += readFrames) {
      c.job.checkCancelled();
      const std::size_t n = std::min(readFrames, first + count - t);
      const float* block = frames.read(t, n);
      requireFinitePixels(block, n, frames.rows(), frames.cols(), t, stage);
      for (std::size_t s = 0; s < n; s += maxFrames) {
        c.job.checkCancelled();
        const std::size_t k = std::min(maxFrames, n - s);
        add(block + s * frames.frameSize(), k);
        done += k;
        c.job.progress(double(done) / double(frames.frames()), stage);
      }
    }
    finish(b);
  }
}

}  // namespace lqs
