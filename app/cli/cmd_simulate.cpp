// `lqs simulate-acquisition`: the sample data (core/sample.hpp, as `lqs sample` makes it) written
// frame by frame at a set rate into a growing TIFF or a folder of single-frame TIFFs, each frame in
// two writes so that a live reader meets half-written frames. Makes live reconstruction testable
// and demonstrable without a microscope.
#include <chrono>
#include <filesystem>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "app/cli/commands.hpp"
#include "app/cli/sample_options.hpp"
#include "core/errors.hpp"
#include "core/growing_tiff_writer.hpp"

namespace lqs::cli {

namespace {

using Clock = std::chrono::steady_clock;

struct Args {
  std::string out;
  bool file = false, folder = false, imageJ = false, uint16 = false, json = false;
  double rate = 100;
  SampleArgs sample;
};

std::string frameFileName(std::size_t index, std::size_t frames) {
  std::ostringstream name;
  name << "frame_" << std::setw(int(std::max<std::size_t>(6, std::to_string(frames).size()))) << std::setfill('0')
       << index << ".tif";
  return name.str();
}

}  // namespace

void addSimulateCommand(CLI::App& app, Job& job) {
  auto* cmd = app.add_subcommand("simulate-acquisition",
                                 "Write simulated frames into a growing TIFF or a folder at a set frame rate");
  auto args = std::make_shared<Args>();
  cmd->add_option("OUT", args->out, "The growing TIFF (--file) or the folder of frames (--folder)")->required();
  auto* file = cmd->add_flag("--file", args->file, "Append every frame to one TIFF");
  auto* folder = cmd->add_flag("--folder", args->folder, "Write one TIFF per frame into a folder");
  file->excludes(folder);
  cmd->add_option("--rate", args->rate, "Frames per second")->check(CLI::PositiveNumber);
  cmd->add_flag("--imagej", args->imageJ, "--file in ImageJ's layout: one directory, then raw frames");
  cmd->add_flag("--uint16", args->uint16, "Write 16-bit camera counts instead of float32");
  cmd->add_flag("--json", args->json, "Print one JSON object on stdout");
  addSampleOptions(cmd, args->sample);
  cmd->callback([args, &job] {
    if (args->file == args->folder) throw ParameterError("simulate-acquisition: give --file or --folder");
    if (args->imageJ && args->folder) throw ParameterError("simulate-acquisition: --imagej applies to --file");
    const SampleOptions options = sampleOptionsFrom(args->sample);
    const std::filesystem::path out(args->out);
    if (args->folder) {
      std::error_code ec;
      std::filesystem::create_directory(out, ec);
      if (!std::filesystem::is_directory(out)) throw InputError("cannot create the folder " + out.string());
    }
    const Stack frames = simulateBlinking(options);
    GrowingTiffLayout layout{options.rows, options.cols, args->uint16, args->imageJ, args->imageJ ? options.frames : 0,
                             true, frames.pixelSize};
    const std::uint64_t bytes = std::uint64_t(options.frames) * options.rows * options.cols * (args->uint16 ? 2 : 4);
    layout.bigTiff = args->file && bytes > (std::uint64_t(4000) << 20);
    std::unique_ptr<GrowingTiffWriter> writer;
    if (args->file) writer = std::make_unique<GrowingTiffWriter>(out, layout);

    // a pause between a frame's two writes, so half-written frames are there to be met
    const auto period = std::chrono::duration<double>(1.0 / args->rate);
    const auto pause = std::min(std::chrono::duration<double>(0.01), period / 4);
    const auto start = Clock::now();
    double maxLate = 0;
    std::size_t written = 0;
    for (; written < options.frames && !job.cancelled(); ++written) {
      const auto due = start + std::chrono::duration_cast<Clock::duration>(period * double(written));
      std::this_thread::sleep_until(due);
      maxLate = std::max(maxLate, std::chrono::duration<double>(Clock::now() - due).count());
      std::unique_ptr<GrowingTiffWriter> single;
      if (args->folder) single = std::make_unique<GrowingTiffWriter>(out / frameFileName(written, options.frames), layout);
      GrowingTiffWriter& target = args->folder ? *single : *writer;
      target.beginFrame(frames.frame(written).data());
      std::this_thread::sleep_for(pause);
      target.finishFrame();
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    const double rate = seconds > 0 ? double(written) / seconds : 0;
    if (args->json) {
      std::cout << nlohmann::json{{"output", out.string()}, {"frames", written}, {"seconds", seconds},
                                  {"rate", rate}, {"requested_rate", args->rate}, {"max_late_s", maxLate}}
                       .dump()
                << "\n";
      return;
    }
    std::cout << "wrote " << written << " frames of " << options.rows << "x" << options.cols << " into " << out.string()
              << " in " << seconds << " s (" << rate << " frames/s, asked " << args->rate << "; latest frame "
              << maxLate * 1e3 << " ms behind schedule)\n";
  });
}

}  // namespace lqs::cli
