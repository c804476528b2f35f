#pragma once
// The two images an FRC compares (frc and frc-map): the first frames of two inputs of equal size, or
// the means of the even and of the odd frames of one stack, as NanoPyx and NanoJ split a stack.
#include <string>
#include <utility>
#include <vector>

#include "engine/method.hpp"

namespace lqs {

// The input ports both methods declare: an image or stack, and an optional second image.
std::vector<PortSpec> frcInputPorts();

// InputError for different sizes, a single frame without a second image, NaN/Inf or a constant image;
// `method` names the caller in the messages.
std::pair<Stack, Stack> frcHalves(const RunContext& context, const std::string& method);

}  // namespace lqs
