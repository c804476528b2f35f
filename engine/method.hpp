#pragma once
// A method is declared once (MethodSpec) and owns its implementations. The CLI, GUI panels,
// workflows, `lqs methods` and the benchmark signature are all generated from the declaration.
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/device.hpp"
#include "core/stack.hpp"
#include "core/stack_file.hpp"
#include "core/table.hpp"
#include "engine/job.hpp"
#include "engine/parameters.hpp"

namespace lqs {

enum class DataKind { Stack, Table };
// A Stack port receives a Stack, or a StackFile when the stack is too large for the memory a run
// may use: methods that reduce frames read it in blocks (engine/frame_blocks.hpp).
using Data = std::variant<Stack, Table, StackFile>;

struct PortSpec {
  std::string name;  // "image", "kernel", "reference", "drift_table"
  DataKind kind = DataKind::Stack;
  std::string help;
  bool optional = false;
};

struct MethodSpec {
  std::string name;     // "magnify", as typed on the command line
  std::string summary;  // one line
  std::vector<PortSpec> inputs;
  std::vector<PortSpec> outputs;  // the first is what `-o OUT` names
  std::vector<ParamSpec> params;
  // Each frame is processed alone: a stack of interleaved channels or of volumes is taken as it is,
  // and the output keeps its channels and planes. Other methods treat the frames as a time series
  // and refuse interleaved channels (docs/reliability.md).
  bool framesIndependent = false;
};

struct Output {
  std::string name;  // matches an output PortSpec
  Data data;
};

struct Result {
  std::vector<Output> outputs;
  std::map<std::string, double> values;  // scalars for --json "values" (resolution, rse, ...)
  std::vector<std::string> notes;        // warnings for the user ("no FRC crossing", ...)

  // One output, moved in: a braced Result{{Output{...}}} copies it (initializer lists hold const
  // elements), which for a 90 MB stack cost as much as the interpolation that made it.
  static Result of(std::string name, Data data);
};

// What an implementation receives: validated inputs and parameters, and the job to report to.
struct RunContext {
  const std::vector<Data>& inputs;
  const ParamValues& params;
  const Job& job;

  // A stack input in memory; InputError when it was left on disk and this method cannot stream it.
  const Stack& stack(std::size_t index) const;
  const Table& table(std::size_t index) const { return std::get<Table>(inputs.at(index)); }
};

struct Implementation {
  std::string name;  // "cpu:unthreaded", "cpu:tbb", "opencl:<device>", "cuda:<device>"
  Device device;
  std::function<Result(const RunContext&)> run;
  // Why this implementation cannot take this input (e.g. device memory), or nullopt if it can.
  std::function<std::optional<std::string>(const RunContext&)> refusal;
};

struct Method {
  MethodSpec spec;
  std::vector<Implementation> implementations;  // only those this machine can run
};

// ".tif" of "a/B.TIF".
std::string lowercaseExtension(const std::filesystem::path& path);

// Refuses (ParameterError, exit 2) an output name whose extension is not the format the method's
// first output is written in: an image stack as .tif/.tiff, a table as .csv (a table used to be
// written as CSV text into a file called .tif). A folder passes (exit 3 when written).
void checkOutputName(const MethodSpec& method, const std::filesystem::path& output);

// One channel (1-based, as the user counts) of a stack of interleaved channels, or the input as it
// is when no channel is asked for or it has one channel (a channel above 1 of it is ParameterError);
// a stack left on disk is read for that channel alone (core/tiff.hpp).
Data oneChannel(Data input, std::optional<std::size_t> channel);

// Adds the implementations a back end offers (one per device, or none) after those already there.
void append(std::vector<Implementation>& to, std::vector<Implementation> more);

}  // namespace lqs
