#include "app/cli/live_reconstruction.hpp"

#include <algorithm>
#include <iomanip>
#include <memory>
#include <sstream>

#include "app/cli/live_intake.hpp"
#include "core/errors.hpp"
#include "core/growing_tiff_writer.hpp"
#include "core/tiff.hpp"
#include "engine/implementation_selector.hpp"
#include "methods/srrf/macro_pixel.hpp"

namespace lqs::cli {

namespace {

// The running reconstruction: block results summed with their frame counts as weights.
class RunningMean {
 public:
  void add(const Stack& blockResult, std::size_t frames) {
    if (sum_.empty()) {
      sum_.assign(blockResult.frameSize(), 0.0);
      shape_ = Stack(1, blockResult.rows(), blockResult.cols());
      shape_.pixelSize = blockResult.pixelSize;
    }
    const float* values = blockResult.data();
    for (std::size_t i = 0; i < sum_.size(); ++i) sum_[i] += double(frames) * values[i];
    frames_ += frames;
  }
  std::size_t frames() const { return frames_; }
  Stack mean() const {
    Stack out = shape_;
    for (std::size_t i = 0; i < sum_.size(); ++i) out.data()[i] = float(sum_[i] / double(frames_));
    return out;
  }

 private:
  std::vector<double> sum_;
  std::size_t frames_ = 0;
  Stack shape_;
};

}  // namespace

struct LiveReconstruction::State {
  RunningMean running;
  RunningMean halves[2];  // even and odd blocks: independent halves for FRC
  std::unique_ptr<GrowingTiffWriter> blocks;
  std::size_t blockCount = 0;
};

LiveReconstruction::~LiveReconstruction() = default;

std::filesystem::path blocksPathFor(const std::filesystem::path& output) {
  return output.parent_path() / (output.stem().string() + "_blocks" + output.extension().string());
}

LiveReconstruction::LiveReconstruction(Engine& engine, LiveSettings settings)
    : engine_(engine), settings_(std::move(settings)), state_(std::make_unique<State>()) {
  if (settings_.block == 0) throw ParameterError("live: --block must be at least 1");
  if (!(settings_.idleSeconds > 0)) throw ParameterError("live: --idle must be positive");
  if (settings_.params.count("frames_per_timepoint"))
    throw ParameterError("live: the blocks are set by --block, not frames_per_timepoint");
  const Method& esrrf = engine_.registry().find("esrrf");
  const ParamValues values = resolveParameters(esrrf.spec.params, settings_.params, "esrrf");
  if (const std::string& mode = values.choice("temporal_correlation"); mode != "avg")
    throw ParameterError(std::string("live: temporal_correlation=").append(mode).append(
        " cannot be accumulated block by block (the variance or auto-covariance of the whole run is not the "
        "mean of the blocks'); use avg, or `lqs run esrrf` on the finished acquisition"));
  if (settings_.implementation)
    requireImplementations(esrrf, *settings_.implementation);  // before the first frame
  magnification_ = values.integer("magnification");
  correct_ = values.flag("macro_pixel_correction");
  // one time point per block; the correction is applied once, to the running mean
  settings_.params.insert_or_assign("macro_pixel_correction", std::string("false"));
  settings_.params.emplace("frames_per_timepoint", std::to_string(0));
}

void LiveReconstruction::measureResolution(LiveBlock& block, const Job& job) {
  if (state_->halves[0].frames() == 0 || state_->halves[1].frames() == 0) return;
  std::vector<Data> halves;
  for (const RunningMean& half : state_->halves) halves.emplace_back(corrected(half.mean()));
  const PixelSize pixel = std::get<Stack>(halves.front()).pixelSize;
  std::ostringstream size;
  size << std::setprecision(17) << (pixel.value > 0 ? pixel.value : 1.0);
  const RunRequest request{"frc", std::move(halves), {{"pixel_size", size.str()}}, std::nullopt};
  const RunReport report = engine_.run(request, job);
  if (const auto found = report.result.values.find("resolution"); found != report.result.values.end()) {
    block.resolution = found->second;
    block.resolutionUnit = pixel.unit;
  }
}

Stack LiveReconstruction::corrected(Stack image) const {
  if (correct_) correctMacroPixels(image.data(), image.rows(), image.cols(), magnification_);
  return image;
}

LiveBlock LiveReconstruction::reconstructBlock(Stack frames, const std::vector<double>& detected,
                                               const std::filesystem::path& output, const Job& job,
                                               std::vector<std::string>& warnings) {
  const std::size_t n = frames.frames();
  auto lastFrame = std::make_shared<Stack>(frames.frameRange(n - 1, 1));
  const RunRequest request{"esrrf", {std::move(frames)}, settings_.params, settings_.implementation};
  const RunReport report = engine_.run(request, job);
  for (const auto& warning : report.warnings)
    if (std::find(warnings.begin(), warnings.end(), warning) == warnings.end()) warnings.push_back(warning);
  const Stack& result = std::get<Stack>(report.result.outputs.at(0).data);
  state_->running.add(result, n);
  if (settings_.resolution) state_->halves[state_->blockCount % 2].add(result, n);
  const auto reconstruction = std::make_shared<const Stack>(corrected(state_->running.mean()));
  writeTiff(*reconstruction, output);
  if (!state_->blocks) {
    GrowingTiffLayout layout{result.rows(), result.cols()};
    layout.directoryFirst = false;  // each block is linked once complete: the series is always readable
    layout.pixelSize = result.pixelSize;
    layout.bigTiff = result.frameSize() * sizeof(float) * 1000 > (std::size_t(4000) << 20);
    state_->blocks = std::make_unique<GrowingTiffWriter>(blocksPathFor(output), layout);
  }
  state_->blocks->append(corrected(result).data());

  const double written = liveClock();
  LiveBlock block{++state_->blockCount, n, state_->running.frames(), report.implementation, report.seconds, 0, 0,
                  report.seconds > 0 ? double(n) / report.seconds : 0, std::nullopt, {}, reconstruction,
                  std::move(lastFrame)};
  for (const double time : detected) {
    block.meanLag += (written - time) / double(n);
    block.maxLag = std::max(block.maxLag, written - time);
  }
  if (settings_.resolution) measureResolution(block, job);  // after the write: not part of the lag
  return block;
}

LiveSummary LiveReconstruction::run(FrameSource& source, const std::filesystem::path& output, const Job& stop,
                                    const std::function<void(const LiveBlock&)>& onBlock) {
  LiveIntake intake(source, settings_.block, settings_.idleSeconds);
  const Job engineJob;  // the blocks read before an interrupt are still reconstructed
  LiveSummary summary;
  double firstDetected = 0, lastDetected = 0, lagSum = 0;
  while (!intake.drained()) {
    if (stop.cancelled()) intake.stop();
    LiveIntake::Batch batch = intake.take(settings_.block, 0.05);
    if (batch.frames.frames() == 0) continue;
    if (summary.frames == 0) firstDetected = batch.detected.front();
    lastDetected = batch.detected.back();
    const LiveBlock block = reconstructBlock(std::move(batch.frames), batch.detected, output, engineJob, summary.warnings);
    summary.frames += block.frames;
    summary.blocks += 1;
    summary.seconds = liveClock() - firstDetected;
    summary.engineSeconds += block.seconds;
    summary.maxLag = std::max(summary.maxLag, block.maxLag);
    lagSum += block.meanLag * double(block.frames);
    ++summary.implementations[block.implementation];
    onBlock(block);
  }
  summary.ended = stop.cancelled() ? "interrupted" : "idle";
  if (summary.frames == 0) {
    intake.rethrowError();
    return summary;
  }
  summary.meanLag = lagSum / double(summary.frames);
  summary.arrivalRate = lastDetected > firstDetected ? double(summary.frames - 1) / (lastDetected - firstDetected) : 0;
  summary.processingRate = summary.engineSeconds > 0 ? double(summary.frames) / summary.engineSeconds : 0;
  summary.written = {output.string(), blocksPathFor(output).string()};
  intake.rethrowError();  // the outputs hold every frame read before the source broke
  return summary;
}

}  // namespace lqs::cli
