#pragma once
// Live eSRRF (issue 10): frames arriving from a FrameSource are reconstructed in blocks of N through
// the engine (the agent picks the implementation) without macro-pixel correction; the running
// reconstruction is the frame-count-weighted mean of the block results, corrected once each time it
// is written. With AVG this is offline eSRRF of all frames read (frames_per_timepoint 0): the
// weighted mean of block means is the mean of every frame's RGC map, and offline eSRRF corrects that
// mean once (methods/srrf/esrrf.cpp). VAR and TAC2 do not combine over blocks and are refused.
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/frame_source.hpp"
#include "engine/engine.hpp"

namespace lqs::cli {

struct LiveSettings {
  std::size_t block = 50;
  double idleSeconds = 10;
  std::map<std::string, std::string> params;  // eSRRF parameters as the user typed them
  std::optional<std::string> implementation;  // --impl: exactly this one
  // After every block, the FRC resolution between the running means of the even and the odd
  // blocks (two independent halves of the frames), in the reconstruction's pixel unit.
  bool resolution = false;
};

struct LiveBlock {
  std::size_t index = 0, frames = 0, framesSoFar = 0;
  std::string implementation;
  double seconds = 0;                 // the engine run
  double meanLag = 0, maxLag = 0;     // from a frame being detected to its block's result written
  double framesPerSecond = 0;         // frames / engine seconds: the rate this block was reconstructed at
  std::optional<double> resolution;   // with LiveSettings::resolution, once two blocks cross 1/7
  std::string resolutionUnit;
  std::shared_ptr<const Stack> reconstruction;  // the running reconstruction as written to OUT
  std::shared_ptr<const Stack> lastFrame;       // the block's last raw frame
};

struct LiveSummary {
  std::size_t frames = 0, blocks = 0;
  double seconds = 0;                 // first frame detected to last result written
  double meanLag = 0, maxLag = 0;
  double engineSeconds = 0;           // all engine runs together
  double arrivalRate = 0;             // frames/s from the first to the last frame detected
  double processingRate = 0;          // frames / engineSeconds: keeps up while above arrivalRate
  std::map<std::string, std::size_t> implementations;  // blocks per implementation
  std::string ended;                  // "idle" or "interrupted"
  std::vector<std::string> written, warnings;
};

// The file beside OUT that receives every block's (corrected) result: OUT_blocks.tif.
std::filesystem::path blocksPathFor(const std::filesystem::path& output);

class LiveReconstruction {
 public:
  // Validates the parameters now (ParameterError), before any frame is awaited.
  LiveReconstruction(Engine& engine, LiveSettings settings);
  ~LiveReconstruction();

  // Runs until the source has been idle for idleSeconds or `stop` is cancelled; the frames read by
  // then are reconstructed and written before it returns. A later call with the same source and
  // output resumes: the running reconstruction and the block series go on from where they were. Writes `output` atomically after every
  // block; nothing when no frame arrived (summary.frames 0). Rethrows the source's InputError once
  // what was read before it broke is written.
  LiveSummary run(FrameSource& source, const std::filesystem::path& output, const Job& stop,
                  const std::function<void(const LiveBlock&)>& onBlock);

 private:
  Engine& engine_;
  LiveSettings settings_;
  int magnification_ = 1;
  bool correct_ = true;
  Stack corrected(Stack image) const;  // macro-pixel correction, unless the user turned it off
  // Runs eSRRF on one block, adds it to the running mean, writes OUT and the block series.
  LiveBlock reconstructBlock(Stack frames, const std::vector<double>& detected, const std::filesystem::path& output,
                             const Job& job, std::vector<std::string>& warnings);
  void measureResolution(LiveBlock& block, const Job& job);
  struct State;  // the running mean and the block series, kept between runs
  std::unique_ptr<State> state_;
};

}  // namespace lqs::cli
