// The on-disk OpenCL program cache: what is stored comes back, a damaged or foreign entry does not,
// and a folder that cannot be written leaves the cache in memory only.
#include <catch2/catch.hpp>
#include <fstream>

#include "gpu/opencl/program_cache.hpp"
#include "tests/support/test_support.hpp"

using namespace lqs;
using namespace lqs::gpu;
using namespace lqs::test;

namespace {

std::filesystem::path onlyEntry(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> entries;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) entries.push_back(entry.path());
  REQUIRE(entries.size() == 1);
  return entries[0];
}

}  // namespace

TEST_CASE("a stored program binary comes back for its key and for no other") {
  TempDir home;
  ProgramCache cache(home / "kernels");
  const ProgramBinary binary{1, 2, 3, 250, 0, 7};
  CHECK_FALSE(cache.load("device|driver\nsource").has_value());
  cache.store("device|driver\nsource", binary);
  CHECK(cache.load("device|driver\nsource") == binary);
  CHECK_FALSE(cache.load("device|driver\nsource changed").has_value());
  CHECK_FALSE(ProgramCache(home / "kernels").load("other device|driver\nsource").has_value());
  CHECK(ProgramCache(home / "kernels").load("device|driver\nsource") == binary);  // a later process
}

TEST_CASE("a damaged cache entry is not handed to the driver") {
  TempDir home;
  ProgramCache cache(home / "kernels");
  const std::string key = "device\nsource";
  cache.store(key, ProgramBinary(1000, 42));
  const auto file = onlyEntry(home / "kernels");
  SECTION("a flipped byte") {
    std::fstream stream(file, std::ios::in | std::ios::out | std::ios::binary);
    stream.seekp(-10, std::ios::end);
    stream.put('\x01');
  }
  SECTION("a truncated file") {
    std::filesystem::resize_file(file, std::filesystem::file_size(file) / 2);
  }
  SECTION("an empty file") {
    std::filesystem::resize_file(file, 0);
  }
  CHECK_FALSE(cache.load(key).has_value());
  cache.store(key, ProgramBinary(1000, 42));  // rebuilt and stored again
  CHECK(cache.load(key) == ProgramBinary(1000, 42));
}

TEST_CASE("a cache folder that cannot be written leaves programs uncached, and nothing fails") {
  // a folder under a regular file cannot be made even by root, who writes through read-only modes
  TempDir home;
  std::ofstream(home / "not-a-folder") << "x";
  ProgramCache cache(home / "not-a-folder" / "kernels");
  cache.store("a", ProgramBinary{1, 2, 3});
  cache.store("b", ProgramBinary{4, 5, 6});
  CHECK_FALSE(cache.load("a").has_value());
  CHECK_FALSE(cache.load("b").has_value());
}

TEST_CASE("the stable hash is FNV-1a 64") {
  CHECK(stableHash("", 0) == 0xcbf29ce484222325ull);
  CHECK(stableHash("a", 1) == 0xaf63dc4c8601ec8cull);
}
