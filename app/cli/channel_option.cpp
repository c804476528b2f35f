#include "app/cli/channel_option.hpp"

namespace lqs::cli {

void addChannelOption(CLI::App& command, std::size_t& channel) {
  command
      .add_option(
          "--channel", channel,
          "Run on this channel (from 1) of inputs whose frames interleave channels (ImageJ channels=, "
          "OME SizeC); needed by methods over time series")
      ->check(CLI::Range(std::size_t(1), std::size_t(1) << 20));
}

}  // namespace lqs::cli
