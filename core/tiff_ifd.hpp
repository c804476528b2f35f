#pragma once
// Encoding of TIFF headers and image file directories (IFDs) by hand, for the writers that must
// place them themselves: the whole-stack writer (core/tiff_writer.cpp: every frame's pixels back to
// back, as ImageJ and tifffile read ImageJ stacks) and the growing writer (core/growing_tiff_writer.hpp).
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace lqs::tiff {

constexpr std::uint64_t kClassicLimit = 0xFFFFFFF0ULL;  // offsets of a classic TIFF are 32-bit

template <class T>
std::vector<unsigned char> bytesOf(T value) {
  std::vector<unsigned char> bytes(sizeof(T));
  std::memcpy(bytes.data(), &value, sizeof(T));
  return bytes;
}

// The 8-byte (classic) or 16-byte (BigTIFF) header, in native byte order, pointing to `firstDirectory`.
std::vector<unsigned char> header(bool bigTiff, std::uint64_t firstDirectory);

// One frame, one sample per pixel, uncompressed in one strip.
struct Frame {
  std::uint64_t rows, cols;
  std::uint16_t bitsPerSample, sampleFormat;  // SampleFormat: 1 unsigned integer, 3 IEEE float
  std::uint64_t dataOffset;
  double resolution;                  // pixels per resolution unit
  std::uint16_t resolutionUnit;       // 1 none, 3 centimetre
  const std::string* description;     // the ImageDescription, or none
  const std::string* info = nullptr;  // ImageJ's Info property (Image > Show Info), or none
};

struct Directory {
  std::vector<unsigned char> bytes;  // the entries, the next-directory field, then values too long to inline
  std::uint64_t nextField = 0;       // where the next directory's offset goes in the file
};

// The directory of `frame` stored at `offset`, pointing to the directory at `next` (0: the last).
// Its size does not depend on the offsets in it.
Directory encodeFrameDirectory(const Frame& frame, std::uint64_t offset, bool bigTiff, std::uint64_t next = 0);

}  // namespace lqs::tiff
