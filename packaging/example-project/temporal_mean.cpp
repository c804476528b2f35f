#include "temporal_mean.hpp"

#include <tbb/parallel_for.h>

#include "core/errors.hpp"
#include "gpu/devices.hpp"

namespace {

// One output pixel; both implementations call it, so they agree to the last bit.
float meanAt(const lqs::Stack& in, std::size_t first, std::size_t pixel) {
  double sum = 0;
  for (std::size_t t = first; t < in.frames(); ++t) sum += in.frame(t)[pixel];
  return float(sum / double(in.frames() - first));
}

lqs::Result temporalMean(const lqs::RunContext& context, bool threaded) {
  const lqs::Stack& in = context.stack(0);
  const auto first = std::size_t(context.params.integer("skip"));
  if (first >= in.frames())
    throw lqs::ParameterError("skip=" + std::to_string(first) + " leaves none of the " + std::to_string(in.frames()) +
                              " frames");
  lqs::Stack out(1, in.rows(), in.cols());
  out.pixelSize = in.pixelSize;
  const auto row = [&](std::size_t r) {
    for (std::size_t c = 0; c < in.cols(); ++c) out.at(0, r, c) = meanAt(in, first, r * in.cols() + c);
  };
  if (threaded) {
    tbb::parallel_for(std::size_t(0), in.rows(), row);
  } else {
    for (std::size_t r = 0; r < in.rows(); ++r) row(r);
  }
  return {{lqs::Output{"mean", std::move(out)}}, {}, {}};
}

}  // namespace

lqs::Method temporalMeanMethod() {
  lqs::MethodSpec spec{"temporal-mean",
                       "Mean over time of every pixel",
                       {{"image", lqs::DataKind::Stack, "T x H x W stack"}},
                       {{"mean", lqs::DataKind::Stack, "1 x H x W mean"}},
                       {lqs::integerParam("skip", "0", 0, 1e6, "frames to leave out at the start")}};
  const lqs::Device cpu = lqs::gpu::cpuDevice();
  return {spec,
          {{"cpu:unthreaded", cpu, [](const lqs::RunContext& c) { return temporalMean(c, false); }, {}},
           {"cpu:tbb", cpu, [](const lqs::RunContext& c) { return temporalMean(c, true); }, {}}}};
}
