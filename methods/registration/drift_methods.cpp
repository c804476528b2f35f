// drift-estimate, drift-apply and drift-correct declarations.
#include <cmath>

#include "core/errors.hpp"
#include "methods/common/cuda.hpp"
#include "methods/common/finite_pixels.hpp"
#include "methods/interpolation/geometric_transform.hpp"
#include "methods/registration/drift.hpp"

namespace lqs {

namespace {

std::vector<ParamSpec> estimationParams() {
  return {ParamSpec{"reference",
                    ParamType::Choice,
                    "first",
                    0,
                    0,
                    {"first", "previous"},
                    "align every block to the first block, or to the previous one (accumulated)"},
          ParamSpec{"time_averaging", ParamType::Integer, "2", 1, 1e6, {}, "frames averaged per block"},
          ParamSpec{"max_drift",
                    ParamType::Real,
                    "5",
                    0.5,
                    1e4,
                    {},
                    "largest expected movement between consecutive blocks, pixels"}};
}

// The stack to estimate from, refused when it holds NaN or Inf (they would become a made-up drift).
const Stack& finiteStack(const RunContext& c) {
  const Stack& in = c.stack(0);
  requireFinite(in, "drift-estimate");
  return in;
}

DriftEstimate estimate(const RunContext& c, CpuSchedule s) {
  return estimateDrift(finiteStack(c), c.params.choice("reference"), c.params.integer("time_averaging"),
                       c.params.real("max_drift"), s, c.job);
}

void report(const DriftEstimate& drift, Result& result) {
  double largest = 0;
  for (std::size_t t = 0; t < drift.dx.size(); ++t)
    largest = std::max(largest, std::hypot(drift.dx[t], drift.dy[t]));
  result.values["max_drift"] = largest;
  result.values["total_drift"] = std::hypot(drift.dx.back(), drift.dy.back());
  result.notes.insert(result.notes.end(), drift.warnings.begin(), drift.warnings.end());
}

// A shift column of a drift table; a NaN or Inf shift is an InputError (it would write a frame of zeros).
std::vector<double> column(const Table& table, const std::string& name) {
  std::vector<double> values;
  const std::size_t index = table.column(name);
  for (const auto& row : table.rows) {
    if (!std::isfinite(row[index]))
      throw InputError("drift-apply needs finite shifts: the drift table's " + name + " is " +
                       std::to_string(row[index]) + " in row " + std::to_string(values.size() + 1));
    values.push_back(row[index]);
  }
  return values;
}

Result estimationResult(const DriftEstimate& drift) {
  Result result{{Output{"drift_table", driftTable(drift)}}};
  report(drift, result);
  return result;
}

const PortSpec kStack{"stack", DataKind::Stack, "frames to align"};

}  // namespace

void registerDriftMethods(Registry& registry, const std::vector<Device>& devices) {
  const Device& cpu = cpuOf(devices);
  Method estimation{{"drift-estimate",
                     "Estimate the sample drift of a stack by cross-correlation",
                     {kStack},
                     {{"drift_table", DataKind::Table, "frame, dx, dy, magnitude (pixels)"}},
                     estimationParams()},
                    cpuImplementations(cpu, [](const RunContext& c, CpuSchedule s) {
                      return estimationResult(estimate(c, s));
                    })};
#ifdef LQS_HAVE_CUDA
  append(estimation.implementations, cudaImplementations(devices, [](const RunContext& c, int device) {
           return estimationResult(estimateDriftCuda(finiteStack(c), c.params.choice("reference"),
                                                     c.params.integer("time_averaging"),
                                                     c.params.real("max_drift"), device, c.job));
         }));
#endif
  registry.add(std::move(estimation));
  registry.add({{"drift-apply",
                 "Shift every frame back by a drift table",
                 {kStack, {"drift_table", DataKind::Table, "CSV with columns frame, dx, dy"}},
                 {{"stack", DataKind::Stack, "corrected stack"}},
                 {interpolationParam()}},
                cpuImplementations(cpu, [](const RunContext& c, CpuSchedule s) {
                  const Table& table = c.table(1);
                  return Result{
                      {Output{"stack", applyDrift(c.stack(0), column(table, "dx"), column(table, "dy"),
                                                  c.params.choice("interpolation"), s, c.job)}}};
                })});
  auto params = estimationParams();
  params.push_back(interpolationParam());
  registry.add(
      {{"drift-correct",
        "Estimate and correct drift in one call",
        {kStack},
        {{"stack", DataKind::Stack, "corrected stack"}, {"drift_table", DataKind::Table, "the estimate"}},
        params},
       cpuImplementations(cpu, [](const RunContext& c, CpuSchedule s) {
         const DriftEstimate drift = estimate(c, s);
         Result result{{Output{"stack", applyDrift(c.stack(0), drift.dx, drift.dy,
                                                   c.params.choice("interpolation"), s, c.job)},
                        Output{"drift_table", driftTable(drift)}}};
         report(drift, result);
         return result;
       })});
}

}  // namespace lqs
