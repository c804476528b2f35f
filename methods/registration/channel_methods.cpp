// channel-estimate, channel-apply and channel-register declarations.
#include "methods/registration/channel_methods.hpp"

#include <cmath>

#include "methods/interpolation/geometric_transform.hpp"
#include "methods/registration/channel_field.hpp"

namespace lqs {

namespace {

const char* const kFieldHelp =
    "translation field, 2 frames: dy then dx (pixels); registered(y, x) = channel(y - dy, x - dx), pixel "
    "centres at k + 0.5 (NanoPyx's sign; NanoPyx puts dx | dy side by side in one frame)";

std::vector<ParamSpec> estimationParams() {
  return {
      realParam("max_shift", "10", 1, 1e4, "largest expected shift between the channels, pixels"),
      integerParam("blocks_per_axis", "5", 1, 256,
                   "blocks along each axis, each correlated on its own (1: one translation for the image)"),
      realParam("min_similarity", "0.5", 0, 1,
                "blocks whose normalised correlation peak is lower take their neighbours' shifts")};
}

ChannelField estimate(const RunContext& c, CpuSchedule s) {
  const ChannelFieldOptions options{c.params.real("max_shift"), c.params.integer("blocks_per_axis"),
                                    c.params.real("min_similarity")};
  return estimateChannelField(c.stack(0), c.stack(1), options, s, c.job);
}

void report(const ChannelField& estimate, Result& result) {
  double sum = 0, largest = 0;
  const std::size_t pixels = estimate.field.frameSize();
  for (std::size_t p = 0; p < pixels; ++p) {
    const double magnitude = std::hypot(estimate.field.frame(0)[p], estimate.field.frame(1)[p]);
    sum += magnitude;
    largest = std::max(largest, magnitude);
  }
  result.values["blocks_used"] = estimate.blocksUsed;
  result.values["mean_shift"] = sum / double(pixels);
  result.values["max_shift"] = largest;
  result.notes.insert(result.notes.end(), estimate.notes.begin(), estimate.notes.end());
}

const PortSpec kReference{"reference", DataKind::Stack,
                          "image the channel is aligned to (a stack: its mean)"};
const PortSpec kChannel{"channel", DataKind::Stack,
                        "image or stack to align (a stack: its mean is measured)"};

}  // namespace

void registerChannelMethods(Registry& registry, const Device& cpu) {
  registry.add({{"channel-estimate",
                 "Estimate the translation field that aligns a channel to a reference",
                 {kReference, kChannel},
                 {{"field", DataKind::Stack, kFieldHelp}},
                 estimationParams()},
                cpuImplementations(cpu, [](const RunContext& c, CpuSchedule s) {
                  const ChannelField field = estimate(c, s);
                  Result result{{Output{"field", field.field}}};
                  report(field, result);
                  return result;
                })});
  registry.add(
      {{"channel-apply",
        "Align every frame of a channel with a translation field",
        {{"channel", DataKind::Stack, "image or stack to align"}, {"field", DataKind::Stack, kFieldHelp}},
        {{"registered", DataKind::Stack, "aligned channel"}},
        {interpolationParam()}},
       cpuImplementations(cpu, [](const RunContext& c, CpuSchedule s) {
         const int kind = interpolatorKind(c.params.choice("interpolation"));
         return Result::of("registered", applyChannelField(c.stack(0), c.stack(1), kind, s, c.job));
       })});
  auto params = estimationParams();
  params.push_back(interpolationParam());
  registry.add({{"channel-register",
                 "Estimate and apply channel registration in one call",
                 {kReference, kChannel},
                 {{"registered", DataKind::Stack, "every frame of the channel, aligned"},
                  {"field", DataKind::Stack, kFieldHelp}},
                 params},
                cpuImplementations(cpu, [](const RunContext& c, CpuSchedule s) {
                  const ChannelField field = estimate(c, s);
                  const int kind = interpolatorKind(c.params.choice("interpolation"));
                  Result result{
                      {Output{"registered", applyChannelField(c.stack(1), field.field, kind, s, c.job)},
                       Output{"field", field.field}}};
                  report(field, result);
                  return result;
                })});
}

}  // namespace lqs
