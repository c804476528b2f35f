#include "app/cli/sha256.hpp"

#include <openssl/evp.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <vector>

#include "core/errors.hpp"

namespace lqs::cli {

// OpenSSL's libcrypto uses the CPU's SHA instructions where present (over 1 GB/s), so checksumming
// multi-gigabyte stacks costs seconds, not minutes.
std::string sha256OfFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("cannot read " + path.string() + " to checksum it");
  const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!context || EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1)
    throw Error("cannot start a SHA-256 checksum (OpenSSL)");
  std::vector<char> buffer(std::size_t(1) << 20);
  while (in) {
    in.read(buffer.data(), std::streamsize(buffer.size()));
    EVP_DigestUpdate(context.get(), buffer.data(), std::size_t(in.gcount()));
  }
  if (in.bad()) throw InputError("reading " + path.string() + " failed while checksumming it");
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(context.get(), digest, &length);
  std::string hex(2 * length, '0');
  for (unsigned int i = 0; i < length; ++i) std::snprintf(&hex[2 * i], 3, "%02x", digest[i]);
  return hex;
}

}  // namespace lqs::cli
