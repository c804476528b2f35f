#include "gpu/kernel_sources.hpp"

#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

namespace lqs::gpu {

const std::map<std::string_view, std::string_view>& embeddedKernels();  // generated at build time

std::string_view kernelSource(std::string_view fileName) {
  const auto& all = embeddedKernels();
  const auto it = all.find(fileName);
  if (it == all.end()) throw std::out_of_range("no embedded kernel source " + std::string(fileName));
  return it->second;
}

static void expand(const std::string& fileName, std::set<std::string>& done, std::ostringstream& out) {
  if (!done.insert(fileName).second) return;
  std::istringstream lines{std::string(kernelSource(fileName))};
  for (std::string line; std::getline(lines, line);) {
    const auto start = line.find("#include \"");
    if (start == std::string::npos) {
      out << line << '\n';
      continue;
    }
    const auto nameBegin = start + 10;
    expand(line.substr(nameBegin, line.find('"', nameBegin) - nameBegin), done, out);
  }
}

std::string expandedKernelSource(std::string_view fileName) {
  std::set<std::string> done;
  std::ostringstream out;
  expand(std::string(fileName), done, out);
  return out.str();
}

}  // namespace lqs::gpu
