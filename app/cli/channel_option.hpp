#pragma once
// --channel N: which channel (from 1) of inputs that interleave channels a method over time series
// runs on (engine/method.hpp oneChannel); without it such inputs are refused, naming the option.
#include <CLI/CLI.hpp>
#include <cstddef>
#include <optional>

namespace lqs::cli {

void addChannelOption(CLI::App& command, std::size_t& channel);  // 0: not given

inline std::optional<std::size_t> channelOption(std::size_t channel) {
  return channel == 0 ? std::nullopt : std::optional<std::size_t>(channel);
}

}  // namespace lqs::cli
