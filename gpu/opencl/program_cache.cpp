#include "gpu/opencl/program_cache.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <mutex>

#include "core/liquid_engine_home.hpp"

namespace lqs::gpu {

namespace fs = std::filesystem;

namespace {

constexpr char kMagic[8] = {'L', 'Q', 'S', 'K', 'B', 'I', 'N', '1'};

std::string hex(std::uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
  return text;
}

}  // namespace

std::uint64_t stableHash(const void* data, std::size_t size, std::uint64_t seed) {
  const auto* bytes = static_cast<const unsigned char*>(data);
  std::uint64_t hash = seed;
  for (std::size_t i = 0; i < size; ++i) hash = (hash ^ bytes[i]) * 1099511628211ull;
  return hash;
}

ProgramCache::ProgramCache(fs::path folder) : folder_(std::move(folder)) {}

ProgramCache& ProgramCache::shared() {
  static ProgramCache cache(liquidEngineHome() / "kernels");
  return cache;
}

fs::path ProgramCache::fileOf(const std::string& key) const {
  return folder_ / (hex(stableHash(key.data(), key.size())) + ".clbin");
}

// File layout: magic, the payload's checksum (8 bytes), the key's length and the key (so that two
// keys with the same hash never share an entry), then the binary.
std::optional<ProgramBinary> ProgramCache::load(const std::string& key) const {
  std::ifstream in(fileOf(key), std::ios::binary);
  if (!in) return std::nullopt;
  const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::size_t header = sizeof kMagic + 2 * sizeof(std::uint64_t);
  if (bytes.size() < header || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) return std::nullopt;
  std::uint64_t checksum = 0, keyLength = 0;
  std::memcpy(&checksum, bytes.data() + sizeof kMagic, sizeof checksum);
  std::memcpy(&keyLength, bytes.data() + sizeof kMagic + sizeof checksum, sizeof keyLength);
  if (keyLength != key.size() || bytes.size() <= header + keyLength) return std::nullopt;
  if (std::memcmp(bytes.data() + header, key.data(), key.size()) != 0) return std::nullopt;
  const char* payload = bytes.data() + header + keyLength;
  const std::size_t payloadSize = bytes.size() - header - keyLength;
  if (stableHash(payload, payloadSize) != checksum) return std::nullopt;
  return ProgramBinary(payload, payload + payloadSize);
}

void ProgramCache::store(const std::string& key, const ProgramBinary& binary) {
  static std::mutex lock;
  std::lock_guard guard(lock);
  if (!writable_ || binary.empty()) return;
  const fs::path file = fileOf(key);
  const fs::path partial = file.string() + "." + std::to_string(::getpid()) + ".part";
  std::error_code ec;
  fs::create_directories(folder_, ec);
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    const std::uint64_t checksum = stableHash(binary.data(), binary.size()), keyLength = key.size();
    out.write(kMagic, sizeof kMagic);
    out.write(reinterpret_cast<const char*>(&checksum), sizeof checksum);
    out.write(reinterpret_cast<const char*>(&keyLength), sizeof keyLength);
    out.write(key.data(), std::streamsize(key.size()));
    out.write(reinterpret_cast<const char*>(binary.data()), std::streamsize(binary.size()));
    out.close();
    if (out) fs::rename(partial, file, ec);
    if (out && !ec) return;
  }
  fs::remove(partial, ec);
  writable_ = false;
  std::cerr << "LiquidScope: cannot write the OpenCL program cache in " << folder_.string()
            << "; programs are built again in every new process\n";
}

}  // namespace lqs::gpu
