#pragma once
// The simulated-sample options shared by `lqs sample` and `lqs simulate-acquisition`.
#include <CLI/CLI.hpp>
#include <memory>

#include "core/sample.hpp"

namespace lqs::cli {

struct SampleArgs {
  std::size_t frames = 100;
  std::vector<std::size_t> size{64, 64};
  std::uint64_t seed = 1;
  std::string structure = "filaments";
  std::vector<double> drift{0, 0};
};

void addSampleOptions(CLI::App* cmd, SampleArgs& args);
SampleOptions sampleOptionsFrom(const SampleArgs& args);  // ParameterError for a bad size

}  // namespace lqs::cli
