#include <algorithm>
#include <iomanip>
#include <nlohmann/json.hpp>

#include "app/cli/channel_option.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/data_files.hpp"
#include "core/errors.hpp"
#include "core/random_stack.hpp"
#include "engine/benchmark.hpp"

namespace lqs::cli {

void addBenchCommand(CLI::App& app, Session& session, Job& job) {
  auto* cmd = app.add_subcommand("bench", "Time every implementation of a method and record the runs");
  struct Args {
    std::string method;
    std::vector<std::string> inputs, sets, only;
    std::vector<std::size_t> shape;
    int repeat = 3;
    std::size_t channel = 0;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("METHOD", args->method, "Method name")->required();
  cmd->add_option("INPUT", args->inputs, "Input files (or use --shape)");
  cmd->add_option("--shape", args->shape, "Random input of shape T,H,W for every image input")->delimiter(',')->expected(3);
  cmd->add_option("--set", args->sets, "Parameter NAME=VALUE (repeatable)")->take_all();
  cmd->add_option(
         "--impl", args->only,
         "Only these implementations: a name, a prefix, a back end (cuda), a device (opencl:0) (repeatable)")
      ->take_all();
  cmd->add_option("--repeat", args->repeat, "Runs per implementation")->check(CLI::Range(1, 1000));
  addChannelOption(*cmd, args->channel);
  cmd->add_flag("--json", args->json, "Print one JSON object on stdout");
  cmd->callback([&session, &job, args] {
    session.runsOn(args->only);
    const Method& method = session.registry().find(args->method);
    RunRequest request{args->method, {}, {}, std::nullopt};
    request.params = parseAssignments(args->sets);
    if (!args->inputs.empty()) {
      for (const auto& path : args->inputs)
        request.inputs.push_back(oneChannel(readData(path), channelOption(args->channel)));
    } else if (!args->shape.empty()) {
      std::uint64_t seed = 1;
      for (const auto& port : method.spec.inputs) {
        if (port.optional) continue;
        if (port.kind != DataKind::Stack)
          throw ParameterError(args->method + " needs a table input: give files, not --shape");
        request.inputs.push_back(randomStack(args->shape[0], args->shape[1], args->shape[2], seed++));
      }
    } else {
      throw ParameterError("bench needs INPUT files or --shape T,H,W");
    }
    const std::vector<BenchmarkResult> measured = benchmarkImplementations(session.engine(), request, args->repeat, job, {}, args->only);
    double slowest = 0;
    for (const auto& m : measured) slowest = std::max(slowest, m.median());
    if (args->json) {
      nlohmann::json results = nlohmann::json::array();
      for (const auto& m : measured) {
        nlohmann::json entry{{"implementation", m.implementation}, {"median_s", m.median()}, {"runs", m.runs}};
        if (!m.error.empty()) entry["error"] = m.error;
        results.push_back(entry);
      }
      std::cout << nlohmann::json{{"method", args->method}, {"results", results}}.dump() << "\n";
      return;
    }
    std::cout << std::left << std::setw(44) << "implementation" << std::right << std::setw(14) << "median s"
              << "  speed-up vs slowest\n";
    for (const auto& m : measured) {
      std::cout << std::left << std::setw(44) << m.implementation << std::right;
      if (m.runs.empty()) {
        std::cout << "  failed: " << m.error << "\n";
        continue;
      }
      std::cout << std::setw(14) << std::setprecision(4) << m.median() << std::setw(17) << std::setprecision(3)
                << slowest / m.median() << "x\n";
    }
  });
}

}  // namespace lqs::cli
