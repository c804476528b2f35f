#include "app/cli/commands.hpp"
#include "app/cli/sample_options.hpp"
#include "core/tiff.hpp"

namespace lqs::cli {

void addSampleCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("sample", "Write a simulated blinking-fluorophore stack (TIFF)");
  struct Args {
    std::string out;
    SampleArgs sample;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("OUT", args->out, "Output TIFF")->required();
  addSampleOptions(cmd, args->sample);
  cmd->callback([args] {
    const SampleOptions options = sampleOptionsFrom(args->sample);
    writeTiff(simulateBlinking(options), args->out);
    std::cout << "wrote " << args->out << " (" << options.frames << "x" << options.rows << "x"
              << options.cols << ")\n";
  });
}

}  // namespace lqs::cli
