#include <chrono>
#include <nlohmann/json.hpp>

#include "app/cli/channel_option.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/data_files.hpp"
#include "app/cli/provenance.hpp"
#include "core/errors.hpp"
#include "core/output_guard.hpp"

namespace lqs::cli {

static void printHuman(const RunReport& report, const std::string& method, const std::vector<std::string>& written) {
  std::cout << method << " on " << report.implementation << " in " << report.seconds << " s\n";
  for (const auto& path : written) std::cout << "  wrote " << path << "\n";
  for (const auto& [name, value] : report.result.values) std::cout << "  " << name << " = " << value << "\n";
}

void addRunCommand(CLI::App& app, Session& session, Job& job) {
  auto* cmd = app.add_subcommand("run", "Run a method through the Liquid Engine");
  struct Args {
    std::string method;
    std::vector<std::string> inputs, sets;
    std::string output, impl;
    std::uint64_t maxMemory = defaultMemoryLimit();
    std::size_t channel = 0;  // 0: all
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("METHOD", args->method, "Method name (see `lqs methods`)")->required();
  cmd->add_option("INPUT", args->inputs, "Input TIFF (or CSV table) files")->required();
  cmd->add_option("-o,--output", args->output, "Output file (TIFF, or CSV for tables)");
  cmd->add_option("--set", args->sets, "Parameter NAME=VALUE (repeatable)")->take_all();
  cmd->add_option("--impl", args->impl,
                  "Where to run: an implementation (cpu:tbb, cuda-patchwise:0), a back end (cuda, opencl) or "
                  "a device (opencl:0); see lqs info");
  addChannelOption(*cmd, args->channel);
  cmd->add_flag("--json", args->json, "Print one JSON object on stdout");
  cmd->add_option("--max-memory", args->maxMemory,
                  "Inputs larger than this (e.g. 2G) stay on disk; eSRRF and SRRF read them in blocks "
                  "(default: half of this machine's memory)")
      ->transform(CLI::AsSizeValue(false));
  cmd->callback([&session, &job, args] {
    // what the user waits for, phase by phase (--json "phases"): devices, reading, the run, writing
    using Clock = std::chrono::steady_clock;
    auto started = Clock::now();
    const auto lap = [&started] {
      const auto now = Clock::now();
      const double seconds = std::chrono::duration<double>(now - started).count();
      started = now;
      return seconds;
    };
    nlohmann::json phases = nlohmann::json::object();
    RunRequest request;
    request.method = args->method;
    session.runsOn({args->impl});
    const Method& method = session.registry().find(request.method);  // unknown: exit 2 before reading inputs
    phases["devices"] = lap();
    request.params = parseAssignments(args->sets);
    if (!args->output.empty()) {
      checkOutputName(method.spec, args->output);
      refuseOutputOverInputs(args->output,
                             std::vector<std::filesystem::path>(args->inputs.begin(), args->inputs.end()));
    }
    if (!args->impl.empty()) request.implementation = args->impl;
    for (const auto& path : args->inputs)
      request.inputs.push_back(oneChannel(readData(path, args->maxMemory), channelOption(args->channel)));
    phases["read"] = lap();

    const RunReport report = session.engine().run(request, job);
    phases["run"] = lap();
    job.checkCancelled();  // no output once the user has asked to stop
    for (const auto& warning : report.warnings) std::cerr << "warning: " << warning << "\n";
    for (const auto& note : report.result.notes) std::cerr << "note: " << note << "\n";

    std::vector<std::string> written;
    // without -o a table-only result (curves) is reported, not written into the working folder
    const bool tableOnly = !report.result.outputs.empty() &&
                           std::holds_alternative<Table>(report.result.outputs.front().data);
    if (!report.result.outputs.empty() && !(args->output.empty() && tableOnly)) {
      const auto out = args->output.empty() ? defaultOutputPath(args->inputs.front(), args->method, report.result)
                                            : std::filesystem::path(args->output);
      const std::vector<std::filesystem::path> inputFiles(args->inputs.begin(), args->inputs.end());
      Provenance record = describeRun(session.registry(), request, report, inputFiles);
      record.channel = channelOption(args->channel);
      written = writeOutputs(report.result, out, provenanceWriter(record));
    }
    phases["write"] = lap();
    if (!args->json) {
      printHuman(report, args->method, written);
      return;
    }
    nlohmann::json values = nlohmann::json::object();
    for (const auto& [name, value] : report.result.values) values[name] = value;
    std::cout << nlohmann::json{{"method", args->method},
                                {"implementation", report.implementation},
                                {"seconds", report.seconds},
                                {"outputs", written},
                                {"values", values},
                                {"warnings", report.warnings},
                                {"notes", report.result.notes},
                                {"phases", phases}}
                     .dump()
              << "\n";
  });
}

}  // namespace lqs::cli
