#include "app/cli/provenance.hpp"

#include <chrono>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/cli/sha256.hpp"
#include "core/errors.hpp"
#include "core/tiff.hpp"

namespace lqs::cli {

namespace fs = std::filesystem;
using nlohmann::json;

static constexpr int kRecordFormat = 1;  // bump when a field changes meaning

static std::string utcNow() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

Provenance describeRun(const Registry& registry, const RunRequest& request, const RunReport& report,
                       const std::vector<fs::path>& inputFiles) {
  const Method& method = registry.find(request.method);
  Provenance record;
  record.version = LQS_VERSION;
  record.created = utcNow();
  record.method = request.method;
  for (const auto& param : method.spec.params) {
    const auto given = request.params.find(param.name);
    record.parameters[param.name] = given != request.params.end() ? given->second : param.defaultValue;
  }
  record.implementation = report.implementation;
  for (const auto& impl : method.implementations) {
    if (impl.name != report.implementation) continue;
    record.device = {{"backend", backendName(impl.device.backend)}, {"name", impl.device.name},
                     {"vendor", impl.device.vendor}, {"driver", impl.device.driver}};
  }
  for (const auto& file : inputFiles)
    record.inputs.push_back({file.filename().string(), fs::absolute(file).lexically_normal().string(), sha256OfFile(file)});
  return record;
}

std::string provenanceToJson(const Provenance& record, int indent) {
  using ordered = nlohmann::ordered_json;  // fields in reading order, not alphabetical
  ordered inputs = ordered::array();
  for (const auto& input : record.inputs)
    inputs.push_back({{"file", input.file}, {"path", input.path}, {"sha256", input.sha256}});
  ordered document{{"lqs_provenance", kRecordFormat}, {"program", "LiquidScope lqs"}, {"version", record.version},
                {"created", record.created},         {"method", record.method},      {"output", record.output},
                {"parameters", record.parameters},   {"implementation", record.implementation},
                {"device", record.device},           {"inputs", inputs}};
  if (record.channel) document["channel"] = *record.channel;
  if (!record.workflow.empty()) document["workflow"] = record.workflow;
  return document.dump(indent);
}

Provenance provenanceFromJson(const std::string& text, const std::string& where) {
  try {
    const json document = json::parse(text);
    if (!document.is_object() || !document.contains("lqs_provenance"))
      throw InputError(where + ": not a LiquidScope provenance record");
    Provenance record;
    record.version = document.at("version").get<std::string>();
    record.created = document.value("created", "");
    record.method = document.at("method").get<std::string>();
    record.output = document.value("output", "");
    record.parameters = document.at("parameters").get<std::map<std::string, std::string>>();
    record.implementation = document.at("implementation").get<std::string>();
    record.device = document.value("device", std::map<std::string, std::string>{});
    for (const auto& input : document.at("inputs"))
      record.inputs.push_back({input.at("file").get<std::string>(), input.at("path").get<std::string>(),
                               input.at("sha256").get<std::string>()});
    if (document.contains("channel")) record.channel = document.at("channel").get<std::size_t>();
    record.workflow = document.value("workflow", "");
    return record;
  } catch (const json::exception& e) {
    throw InputError(where + ": unreadable provenance record (" + e.what() + ")");
  }
}

ProvenanceText provenanceWriter(const Provenance& record) {
  return [record](const std::string& name, const fs::path& path) {
    Provenance written = record;
    written.output = name;
    const fs::path folder = fs::absolute(path).parent_path();
    for (auto& input : written.inputs) input.file = fs::path(input.path).lexically_relative(folder).string();
    return provenanceToJson(written);
  };
}

std::vector<std::string> writeStepOutputs(const Registry& registry, const Workflow& workflow, const StepOutcome& step,
                                          const fs::path& workflowFile) {
  std::vector<fs::path> inputFiles;
  for (const auto& name : step.step.inputs) inputFiles.push_back(workflow.resolve(name));
  const RunRequest request{step.step.method, {}, step.step.params, std::nullopt};
  Provenance record = describeRun(registry, request, step.report, inputFiles);
  record.channel = step.step.channel;
  if (!workflowFile.empty()) record.workflow = fs::absolute(workflowFile).lexically_normal().string();
  return writeOutputs(step.report.result, workflow.resolve(step.step.output), provenanceWriter(record));
}

Provenance readProvenance(const fs::path& file) {
  const fs::path sidecar = provenanceSidecar(file);
  std::error_code ec;
  if (fs::is_regular_file(sidecar, ec)) {
    std::ifstream in(sidecar);
    std::stringstream text;
    text << in.rdbuf();
    return provenanceFromJson(text.str(), sidecar.string());
  }
  if (file.extension() == ".csv" || file.extension() == ".CSV")
    throw InputError(file.string() + " has no provenance record (" + sidecar.filename().string() + " is missing)");
  const std::string text = readTiffInfo(file).provenance;
  if (text.empty()) throw InputError(file.string() + " has no provenance record (not written by lqs run or workflow)");
  return provenanceFromJson(text, file.string());
}

}  // namespace lqs::cli
