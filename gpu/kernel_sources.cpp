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

// An include's embedded name: relative to the including file's folder, as the C++ compiler reads it
// ("../gradients.h" in pixel/roberts_cross.h is gradients.h).
static std::string resolveInclude(const std::string& includer, std::string name) {
  std::string folder = includer.substr(0, includer.find_last_of('/') + 1);
  while (name.rfind("../", 0) == 0 && !folder.empty()) {
    name.erase(0, 3);
    folder.erase(folder.find_last_of('/', folder.size() - 2) + 1);
  }
  return folder + name;
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
    expand(resolveInclude(fileName, line.substr(nameBegin, line.find('"', nameBegin) - nameBegin)), done, out);
  }
}

std::string expandedKernelSource(std::string_view fileName) {
  std::set<std::string> done;
  std::ostringstream out;
  expand(std::string(fileName), done, out);
  return out.str();
}

}  // namespace lqs::gpu
