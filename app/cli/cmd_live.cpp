// `lqs live`: eSRRF of an acquisition while it is written (app/cli/live_reconstruction.hpp).
#include <filesystem>
#include <iomanip>
#include <nlohmann/json.hpp>

#include "app/cli/commands.hpp"
#include "app/cli/data_files.hpp"
#include "app/cli/live_reconstruction.hpp"
#include "core/errors.hpp"
#include "core/output_guard.hpp"

namespace lqs::cli {

namespace {

struct Args {
  std::string source, output, impl;
  std::size_t block = 50;
  double idle = 10;
  std::vector<std::string> sets;
  bool json = false, resolution = false;
};

nlohmann::json blockJson(const LiveBlock& b) {
  return {{"block", b.index}, {"frames", b.frames}, {"frames_so_far", b.framesSoFar},
          {"implementation", b.implementation}, {"seconds", b.seconds}, {"lag_mean_s", b.meanLag},
          {"lag_max_s", b.maxLag}, {"frames_per_second", b.framesPerSecond},
          {"frc_resolution", b.resolution ? nlohmann::json(*b.resolution) : nlohmann::json()},
          {"frc_resolution_unit", b.resolutionUnit}};
}

void printBlock(const LiveBlock& b) {
  std::cout << std::fixed << std::setprecision(3) << "block " << b.index << ": " << b.framesSoFar << " frames so far, "
            << b.frames << " on " << b.implementation << " in " << b.seconds << " s (" << std::setprecision(0)
            << b.framesPerSecond << " frames/s), lag mean " << std::setprecision(3) << b.meanLag << " s, max "
            << b.maxLag << " s";
  if (b.resolution) std::cout << ", FRC resolution " << *b.resolution << " " << b.resolutionUnit;
  std::cout << std::endl;
}

void printSummary(const LiveSummary& s, double idle) {
  std::cout << std::fixed << std::setprecision(3) << "live: " << s.frames << " frames in " << s.blocks
            << " blocks over " << s.seconds << " s; arrived at " << std::setprecision(1) << s.arrivalRate
            << " frames/s, reconstructed at " << s.processingRate << " frames/s ("
            << (s.processingRate >= s.arrivalRate ? "keeps up" : "falls behind") << "); lag mean "
            << std::setprecision(3) << s.meanLag << " s, max " << s.maxLag << " s\n  implementations:";
  for (const auto& [name, blocks] : s.implementations) std::cout << " " << name << " (" << blocks << " blocks)";
  std::cout << "\n  ended: " << (s.ended == "idle" ? "source idle for " + std::to_string(int(idle)) + " s" : s.ended)
            << "\n";
  for (const auto& path : s.written) std::cout << "  wrote " << path << "\n";
}

}  // namespace

void addLiveCommand(CLI::App& app, Session& session, Job& job) {
  auto* cmd = app.add_subcommand("live", "eSRRF of an acquisition while it is written (a growing TIFF or a folder)");
  auto args = std::make_shared<Args>();
  cmd->add_option("SOURCE", args->source, "The TIFF being written, or the folder receiving TIFFs")->required();
  cmd->add_option("-o,--output", args->output, "The running reconstruction (TIFF); blocks go to OUT_blocks.tif")
      ->required();
  cmd->add_option("--block", args->block, "Frames per block (default 50)");
  cmd->add_option("--idle", args->idle, "End once no frame has arrived for this many seconds (default 10)");
  cmd->add_option("--set", args->sets, "eSRRF parameter NAME=VALUE (repeatable)")->take_all();
  cmd->add_option("--impl", args->impl,
                  "Where to run: an implementation (cpu:tbb, cuda-patchwise:0), a back end (cuda, opencl) or "
                  "a device (opencl:0); see lqs info");
  cmd->add_flag("--resolution", args->resolution,
                "After every block, the FRC resolution between the even and the odd blocks' reconstructions");
  cmd->add_flag("--json", args->json, "Print one JSON object on stdout at the end");
  cmd->callback([&session, &job, args] {
    LiveSettings settings;
    settings.block = args->block;
    settings.idleSeconds = args->idle;
    settings.params = parseAssignments(args->sets);
    checkOutputName(session.registry().find("esrrf").spec, args->output);
    for (const auto& written : {std::filesystem::path(args->output), blocksPathFor(args->output)})
      refuseOutputOverInputs(written, {args->source});
    if (!args->impl.empty()) settings.implementation = args->impl;
    settings.resolution = args->resolution;
    LiveReconstruction live(session.engine(), settings);
    const auto source = openFrameSource(args->source);
    nlohmann::json blocks = nlohmann::json::array();
    const LiveSummary summary = live.run(*source, args->output, job, [&](const LiveBlock& block) {
      if (args->json) blocks.push_back(blockJson(block));
      else printBlock(block);
    });
    if (summary.frames == 0)
      throw InputError("live: no frame arrived from " + args->source + " (" + summary.ended + "); nothing written");
    for (const auto& warning : summary.warnings) std::cerr << "warning: " << warning << "\n";
    if (!args->json) {
      printSummary(summary, args->idle);
      return;
    }
    std::cout << nlohmann::json{{"frames", summary.frames}, {"blocks", summary.blocks}, {"seconds", summary.seconds},
                                {"arrival_rate", summary.arrivalRate}, {"processing_rate", summary.processingRate},
                                {"keeps_up", summary.processingRate >= summary.arrivalRate},
                                {"lag_mean_s", summary.meanLag}, {"lag_max_s", summary.maxLag},
                                {"engine_seconds", summary.engineSeconds},
                                {"implementations", summary.implementations}, {"ended", summary.ended},
                                {"outputs", summary.written}, {"warnings", summary.warnings}, {"per_block", blocks}}
                     .dump()
              << "\n";
  });
}

}  // namespace lqs::cli
