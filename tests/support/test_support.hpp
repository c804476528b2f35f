#pragma once
// Shared by every test binary: temporary folders, reference files, comparisons, random stacks.
#include <cstdint>
#include <filesystem>
#include <string>

#include "core/random_stack.hpp"
#include "core/stack.hpp"

namespace lqs::test {

// A fresh folder under the system temp dir, removed with everything in it at scope exit.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

std::filesystem::path refPath(const std::string& name);  // tests/data/refs/NAME
Stack loadRef(const std::string& name);                    // readTiff(refPath(name))

// ||a - b|| / ||b|| over all elements (shapes must match; throws otherwise), NaN-aware.
double relativeL2(const Stack& a, const Stack& b);
double maxAbsDifference(const Stack& a, const Stack& b);
// maxAbsDifference(a, b) over b's largest magnitude (1e-20 for an all-zero b).
double maxRelativeDifference(const Stack& a, const Stack& b);

}  // namespace lqs::test
