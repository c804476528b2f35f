#pragma once
// What made an output file: program version, method, every parameter value (defaults included, as
// text, so a re-run parses exactly what the run parsed), the implementation and device that ran,
// and each input file with its SHA-256. TIFF outputs carry it in their ImageDescription
// (lqs_provenance=ONE-LINE-JSON, beside the ImageJ keys); a CSV output gets OUT.csv.provenance.json.
// `lqs provenance FILE` prints it and `lqs rerun FILE` repeats the run from it.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/cli/data_files.hpp"
#include "engine/engine.hpp"
#include "engine/workflow.hpp"

namespace lqs::cli {

struct InputRecord {
  std::string file;    // relative to the output's folder: found again when both folders move together
  std::string path;    // absolute, as it was when the output was written
  std::string sha256;  // of the file's bytes
};

struct Provenance {
  std::string version;  // lqs version that wrote the output
  std::string created;  // UTC, ISO 8601
  std::string method;
  std::string output;  // the method output (port name) this file holds
  std::map<std::string, std::string> parameters;
  std::string implementation;
  std::map<std::string, std::string> device;  // backend, name, vendor, driver
  std::vector<InputRecord> inputs;
  std::optional<std::size_t> channel;  // the one channel (from 1) taken of the inputs (--channel)
  std::string workflow;  // the workflow file, when the output came from one
};

// The record of one finished run (`output` and the inputs' relative names are filled per file
// written). `inputFiles` are the files behind request.inputs, in order.
Provenance describeRun(const Registry& registry, const RunRequest& request, const RunReport& report,
                       const std::vector<std::filesystem::path>& inputFiles);

std::string provenanceToJson(const Provenance& record, int indent = -1);  // -1: one line
Provenance provenanceFromJson(const std::string& text, const std::string& where);  // throws InputError

// What writeOutputs embeds: `record` completed for each output written.
ProvenanceText provenanceWriter(const Provenance& record);

// Writes the outputs of a workflow step that has some, each with its record: the step's inputs are
// files in `workflow`'s folder, and `workflowFile` is named in the record when given. The files written.
std::vector<std::string> writeStepOutputs(const Registry& registry, const Workflow& workflow, const StepOutcome& step,
                                          const std::filesystem::path& workflowFile = {});

// The record of a LiquidScope output (TIFF description or CSV side-car); InputError when it has none.
Provenance readProvenance(const std::filesystem::path& file);

}  // namespace lqs::cli
