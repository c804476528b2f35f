// `lqs provenance FILE` prints what made an output; `lqs rerun FILE` runs it again from that record:
// the same inputs (checked by SHA-256), parameters and implementation.
#include <nlohmann/json.hpp>

#include "app/cli/commands.hpp"
#include "app/cli/data_files.hpp"
#include "app/cli/provenance.hpp"
#include "app/cli/sha256.hpp"
#include "core/errors.hpp"

namespace lqs::cli {

namespace fs = std::filesystem;

namespace {

// The recorded input, found beside the output first (folders moved together), then where it was.
fs::path locateInput(const InputRecord& input, const fs::path& output) {
  std::error_code ec;
  for (const fs::path& candidate : {fs::absolute(output).parent_path() / input.file, fs::path(input.path)}) {
    if (!fs::is_regular_file(candidate, ec)) continue;
    if (sha256OfFile(candidate) != input.sha256)
      throw InputError(candidate.string() + " has changed since " + output.string() +
                       " was made (its SHA-256 differs from the record)");
    return candidate;
  }
  throw InputError(output.string() + " was made from " + input.path + ", which is gone");
}

fs::path rerunPath(const fs::path& output) {
  return output.parent_path() / (output.stem().string() + "_rerun" + output.extension().string());
}

bool offers(const Method& method, const std::string& implementation) {
  for (const auto& impl : method.implementations)
    if (impl.name == implementation) return true;
  return false;
}

}  // namespace

void addProvenanceCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("provenance", "Print the record of what made an output file");
  struct Args {
    std::string file;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("FILE", args->file, "A TIFF or CSV written by lqs run or lqs workflow")->required();
  cmd->add_flag("--json", args->json, "The record as one line of JSON");
  cmd->callback([args] { std::cout << provenanceToJson(readProvenance(args->file), args->json ? -1 : 2) << "\n"; });
}

void addRerunCommand(CLI::App& app, Session& session, Job& job) {
  auto* cmd = app.add_subcommand("rerun", "Run again what made an output, from its provenance record");
  struct Args {
    std::string file, output;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("FILE", args->file, "A TIFF or CSV written by lqs run or lqs workflow")->required();
  cmd->add_option("-o,--output", args->output, "Where the re-made output goes (default: FILE_rerun.EXT beside it)");
  cmd->add_flag("--json", args->json, "Print one JSON object on stdout");
  cmd->callback([&session, &job, args] {
    const Provenance record = readProvenance(args->file);
    const Method& method = session.registry().find(record.method);
    RunRequest request{record.method, {}, {record.parameters.begin(), record.parameters.end()}, std::nullopt};
    std::vector<fs::path> inputFiles;
    for (const auto& input : record.inputs) {
      inputFiles.push_back(locateInput(input, args->file));
      request.inputs.push_back(oneChannel(readData(inputFiles.back()), record.channel));
    }
    std::vector<std::string> warnings;
    if (offers(method, record.implementation)) {
      request.implementation = record.implementation;
    } else {
      warnings.push_back(record.implementation + " is not available here; the agent chooses (results may differ in the last digits)");
    }
    RunReport report = session.engine().run(request, job);
    job.checkCancelled();
    warnings.insert(warnings.end(), report.warnings.begin(), report.warnings.end());
    for (const auto& warning : warnings) std::cerr << "warning: " << warning << "\n";

    Result remade;  // only the output the file held
    for (auto& output : report.result.outputs)
      if (output.name == record.output) remade.outputs.push_back(std::move(output));
    if (remade.outputs.empty()) throw RunError(record.method + " no longer produces the output " + record.output);
    Provenance again = describeRun(session.registry(), request, report, inputFiles);
    again.channel = record.channel;
    again.workflow = record.workflow;
    const fs::path out = args->output.empty() ? rerunPath(args->file) : fs::path(args->output);
    const auto written = writeOutputs(remade, out, provenanceWriter(again));
    if (args->json) {
      std::cout << nlohmann::json{{"rerun", args->file}, {"method", record.method},
                                  {"implementation", report.implementation}, {"seconds", report.seconds},
                                  {"outputs", written}, {"warnings", warnings}}
                       .dump()
                << "\n";
      return;
    }
    std::cout << "rerun of " << args->file << ": " << record.method << " on " << report.implementation << " in "
              << report.seconds << " s\n  wrote " << written.front() << "\n";
  });
}

}  // namespace lqs::cli
