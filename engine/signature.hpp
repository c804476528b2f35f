#pragma once
// What the agent matches run times on: the input shapes and the cost-affecting parameters
// (signature text, exact match) and their "score" (product of element counts and non-zero numbers,
// for the nearest match when a signature was never seen).
#include <string>
#include <vector>

#include "engine/method.hpp"

namespace lqs {

struct Signature {
  std::string text;
  double score = 1;
};

Signature signatureOf(const MethodSpec& spec, const std::vector<Data>& inputs, const ParamValues& params);

}  // namespace lqs
