#pragma once
// Raw TIFF samples to float32: shared by the whole-file reader (core/tiff.cpp) and the live readers
// of growing files (core/growing_tiff.cpp), which read uncompressed strips themselves.
#include <cstddef>
#include <string>

#include "core/tiff.hpp"

namespace lqs {

// Converts `count` samples of the file's type (info.bitsPerSample, isFloat, isSigned), already in
// host byte order, to float.
void convertTiffSamples(const TiffInfo& info, const unsigned char* source, float* target, std::size_t count);

// Throws InputError (message prefixed by `where`) unless a pixel is one sample of an 8/16/32-bit
// integer or a 32/64-bit float; `sampleFormat` is TIFF's SampleFormat (1 uint, 2 int, 3 float).
void requireSupportedSamples(const std::string& where, int samplesPerPixel, int bits, int sampleFormat);

// Reverses the bytes of each of `count` samples `width` bytes wide (files of the other byte order).
void byteSwapSamples(unsigned char* data, std::size_t count, std::size_t width);

}  // namespace lqs
