#pragma once
// Encoding of TIFF image file directories (IFDs) by hand, for the writers that must place them
// themselves: the whole-stack writer (core/tiff.cpp: every frame's pixels back to back, as ImageJ
// and tifffile read ImageJ stacks) and the growing writer (core/growing_tiff_writer.hpp).
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace lqs::tiff {

enum Type : std::uint16_t { Ascii = 2, Short = 3, Long = 4, Rational = 5, Long8 = 16 };

struct Field {
  std::uint16_t tag, type;
  std::uint64_t count;
  std::vector<unsigned char> value;  // native byte order (the header says which)
};

template <class T>
std::vector<unsigned char> bytesOf(T value) {
  std::vector<unsigned char> bytes(sizeof(T));
  std::memcpy(bytes.data(), &value, sizeof(T));
  return bytes;
}

Field shortField(std::uint16_t tag, std::uint16_t value);
// An offset or count: LONG in a classic TIFF, LONG8 in a BigTIFF.
Field integerField(std::uint16_t tag, std::uint64_t value, bool bigTiff);
Field asciiField(std::uint16_t tag, const std::string& text);
// The closest numerator / denominator pair of 32-bit integers to `value` (>= 0).
Field rationalField(std::uint16_t tag, double value);

// The 8-byte (classic) or 16-byte (BigTIFF) header, in native byte order, pointing to `firstDirectory`.
std::vector<unsigned char> header(bool bigTiff, std::uint64_t firstDirectory);

struct Directory {
  std::vector<unsigned char> bytes;  // the entries, the next-directory field, then values too long to inline
  std::uint64_t nextField = 0;       // where the next directory's offset goes in the file
};

// `fields` (sorted by tag) as a directory stored at `offset`, pointing to the directory at `next`
// (0: the last).
Directory encodeDirectory(const std::vector<Field>& fields, std::uint64_t offset, bool bigTiff, std::uint64_t next = 0);

}  // namespace lqs::tiff
