#include "engine/signature.hpp"

#include <cmath>
#include <sstream>

#include "engine/frame_blocks.hpp"

namespace lqs {

Signature signatureOf(const MethodSpec& spec, const std::vector<Data>& inputs, const ParamValues& params) {
  Signature signature;
  std::ostringstream text;
  for (const auto& input : inputs) {
    if (!std::holds_alternative<Table>(input)) {
      const FrameBlocks stack(input);
      text << "shape(" << stack.frames() << "," << stack.rows() << "," << stack.cols() << ")";
      signature.score *= double(std::max<std::size_t>(stack.frames() * stack.frameSize(), 1));
    } else {
      const auto& table = std::get<Table>(input);
      text << "table(" << table.rows.size() << ")";
      signature.score *= double(std::max<std::size_t>(table.rows.size(), 1));
    }
  }
  for (const auto& spec_ : spec.params) {
    if (!spec_.affectsCost || !params.has(spec_.name)) continue;
    const ParamValue& value = params.all().at(spec_.name);
    text << ";" << spec_.name << "=" << ParamValues::text(value);
    if (const auto* number = std::get_if<double>(&value); number && *number != 0) signature.score *= std::fabs(*number);
  }
  signature.text = text.str();
  return signature;
}

}  // namespace lqs
