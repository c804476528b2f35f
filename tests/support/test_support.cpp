#include "tests/support/test_support.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <cmath>
#include <stdexcept>

#include "core/tiff.hpp"

namespace lqs::test {

namespace fs = std::filesystem;

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  path_ = fs::temp_directory_path() /
          ("lqs-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(path_);
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

// LQS_REFS_DIR in the environment wins, so bundled test binaries find the references elsewhere.
fs::path refPath(const std::string& name) {
  const char* folder = std::getenv("LQS_REFS_DIR");
  return fs::path(folder && *folder ? folder : LQS_REFS_DIR) / name;
}
Stack loadRef(const std::string& name) { return readTiff(refPath(name)); }

static void requireSameShape(const Stack& a, const Stack& b) {
  if (a.size() != b.size())
    throw std::invalid_argument("shape mismatch: " + std::to_string(a.frames()) + "x" + std::to_string(a.rows()) +
                                "x" + std::to_string(a.cols()) + " vs " + std::to_string(b.frames()) + "x" +
                                std::to_string(b.rows()) + "x" + std::to_string(b.cols()));
}

double relativeL2(const Stack& a, const Stack& b) {
  requireSameShape(a, b);
  double diff = 0, norm = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const double d = double(a.data()[i]) - double(b.data()[i]);
    diff += d * d;
    norm += double(b.data()[i]) * double(b.data()[i]);
  }
  return std::sqrt(diff) / std::max(std::sqrt(norm), 1e-30);
}

double maxAbsDifference(const Stack& a, const Stack& b) {
  requireSameShape(a, b);
  double worst = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const double d = std::fabs(double(a.data()[i]) - double(b.data()[i]));
    if (std::isnan(d)) return d;
    worst = std::max(worst, d);
  }
  return worst;
}

double maxRelativeDifference(const Stack& a, const Stack& b) {
  double largest = 1e-20;
  for (std::size_t i = 0; i < b.size(); ++i) largest = std::max(largest, double(std::fabs(b.data()[i])));
  return maxAbsDifference(a, b) / largest;
}

}  // namespace lqs::test
