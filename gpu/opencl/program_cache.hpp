#pragma once
// OpenCL program binaries kept on disk under $LIQUID_ENGINE_HOME/kernels, so that a new process
// does not rebuild a program an earlier one built (docs/liquid-engine.md). An entry is keyed by
// the device, its driver, the build options and the source; it carries a checksum, so a damaged
// file is rebuilt rather than handed to the driver. A folder that cannot be written leaves the
// cache in memory only, said once on stderr.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace lqs::gpu {

using ProgramBinary = std::vector<unsigned char>;

class ProgramCache {
 public:
  explicit ProgramCache(std::filesystem::path folder);
  // The binary stored for `key`, or nothing when absent or damaged.
  std::optional<ProgramBinary> load(const std::string& key) const;
  // Stores `binary` for `key`, atomically (readers see the old entry or the new one).
  void store(const std::string& key, const ProgramBinary& binary);

  // $LIQUID_ENGINE_HOME/kernels, shared by every OpenCL device of the process.
  static ProgramCache& shared();

 private:
  std::filesystem::path fileOf(const std::string& key) const;

  std::filesystem::path folder_;
  bool writable_ = true;
};

// FNV-1a, 64 bits: a stable hash for file names and checksums (std::hash may differ between builds).
std::uint64_t stableHash(const void* data, std::size_t size, std::uint64_t seed = 0xcbf29ce484222325ull);

}  // namespace lqs::gpu
