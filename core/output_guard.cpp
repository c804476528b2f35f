#include "core/output_guard.hpp"

#include <algorithm>

#include "core/errors.hpp"

namespace lqs {

namespace fs = std::filesystem;

static bool inside(const fs::path& path, const fs::path& folder) {
  const auto [end, at] = std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
  return end == folder.end();
}

bool outputReplacesInput(const fs::path& output, const fs::path& input) {
  std::error_code error;
  if (fs::exists(output, error) && fs::exists(input, error) && fs::equivalent(output, input, error))
    return true;
  // Not there yet (or not comparable as files): compare where the paths lead, links resolved.
  const fs::path out = fs::weakly_canonical(output, error), in = fs::weakly_canonical(input, error);
  if (out == in) return true;
  return fs::is_directory(input, error) && inside(out, in);
}

void refuseOutputOverInputs(const fs::path& output, const std::vector<fs::path>& inputs) {
  for (const auto& input : inputs)
    if (outputReplacesInput(output, input))
      throw ParameterError("the output " + output.string() +
                           (fs::is_directory(input) ? " lies inside the input folder " : " is the input ") +
                           input.string() + "; writing it would destroy raw data: choose another output");
}

}  // namespace lqs
