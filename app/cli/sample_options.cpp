#include "app/cli/sample_options.hpp"

#include "core/errors.hpp"

namespace lqs::cli {

void addSampleOptions(CLI::App* cmd, SampleArgs& args) {
  cmd->add_option("--frames", args.frames, "Number of frames")->check(CLI::Range(1, 1000000));
  cmd->add_option("--size", args.size, "Frame size H,W")->delimiter(',')->expected(2);
  cmd->add_option("--seed", args.seed, "Random seed (same seed, same stack)");
  cmd->add_option("--structure", args.structure, "filaments or points")->check(CLI::IsMember({"filaments", "points"}));
  cmd->add_option("--drift", args.drift, "Linear drift per frame in pixels: ROW,COL")->delimiter(',')->expected(2);
}

SampleOptions sampleOptionsFrom(const SampleArgs& args) {
  if (args.size[0] < 1 || args.size[1] < 1 || args.size[0] > 16384 || args.size[1] > 16384)
    throw ParameterError("--size must be two values in [1, 16384]");
  SampleOptions options;
  options.frames = args.frames;
  options.rows = args.size[0];
  options.cols = args.size[1];
  options.seed = args.seed;
  options.structure = args.structure == "points" ? SampleOptions::Structure::Points : SampleOptions::Structure::Filaments;
  options.driftRowPerFrame = args.drift[0];
  options.driftColPerFrame = args.drift[1];
  return options;
}

}  // namespace lqs::cli
