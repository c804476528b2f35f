#include "methods/quality/frc_input.hpp"

#include "core/errors.hpp"
#include "methods/quality/quality_methods.hpp"

namespace lqs {

namespace {

Stack meanOfFrames(const Stack& stack, std::size_t first) {
  Stack mean(1, stack.rows(), stack.cols());
  mean.pixelSize = stack.pixelSize;
  std::size_t count = 0;
  for (std::size_t t = first; t < stack.frames(); t += 2, ++count)
    for (std::size_t i = 0; i < stack.frameSize(); ++i) mean.data()[i] += stack.frame(t)[i];
  for (std::size_t i = 0; i < mean.size(); ++i) mean.data()[i] /= float(count);
  return mean;
}

std::pair<Stack, Stack> splitOrPair(const RunContext& c, const std::string& method) {
  const Stack& first = c.stack(0);
  if (c.inputs.size() == 1) {
    if (first.frames() < 2)
      throw InputError(method + " of a single image needs a second image, or a stack of at least 2 frames to split");
    return {meanOfFrames(first, 0), meanOfFrames(first, 1)};
  }
  const Stack& second = c.stack(1);
  if (first.rows() != second.rows() || first.cols() != second.cols())
    throw InputError(method + ": the two images differ in size (" + std::to_string(first.rows()) + "x" +
                     std::to_string(first.cols()) + " vs " + std::to_string(second.rows()) + "x" +
                     std::to_string(second.cols()) + ")");
  return {first.frameRange(0, 1), second.frameRange(0, 1)};
}

}  // namespace

std::vector<PortSpec> frcInputPorts() {
  return {{"image", DataKind::Stack, "first image, or a stack split into even/odd frames"},
          {"image2", DataKind::Stack, "second image", true}};
}

std::pair<Stack, Stack> frcHalves(const RunContext& c, const std::string& method) {
  auto halves = splitOrPair(c, method);
  requireFinite(halves.first, method + " input");
  requireFinite(halves.second, method + " input");
  requireStructure(halves.first, method + ": the first image");
  requireStructure(halves.second, method + ": the second image");
  return halves;
}

}  // namespace lqs
