#include "core/tiff_samples.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "core/errors.hpp"

namespace lqs {

namespace {

template <class T>
void convertRow(const unsigned char* source, float* target, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) {
    T value;
    std::memcpy(&value, source + i * sizeof(T), sizeof(T));
    target[i] = static_cast<float>(value);
  }
}

}  // namespace

void convertTiffSamples(const TiffInfo& info, const unsigned char* source, float* target, std::size_t count) {
  if (info.isFloat) {
    if (info.bitsPerSample == 32) convertRow<float>(source, target, count);
    else convertRow<double>(source, target, count);
    return;
  }
  switch (info.bitsPerSample) {
    case 8: info.isSigned ? convertRow<int8_t>(source, target, count) : convertRow<uint8_t>(source, target, count); break;
    case 16: info.isSigned ? convertRow<int16_t>(source, target, count) : convertRow<uint16_t>(source, target, count); break;
    default: info.isSigned ? convertRow<int32_t>(source, target, count) : convertRow<uint32_t>(source, target, count);
  }
}

void requireSupportedSamples(const std::string& where, int samples, int bits, int format) {
  enum { Uint = 1, Int = 2, Float = 3 };
  if (samples != 1)
    throw InputError(where + std::to_string(samples) +
                     " samples per pixel (RGB or multi-channel) are not supported; convert to grayscale or split the channels");
  const bool integer = format == Uint || format == Int;
  const bool validInteger = integer && (bits == 8 || bits == 16 || bits == 32);
  const bool validFloat = format == Float && (bits == 32 || bits == 64);
  if (!validInteger && !validFloat)
    throw InputError(where + "unsupported pixel type (" + std::to_string(bits) + "-bit " +
                     (format == Float ? "float" : integer ? "integer" : "complex or void") +
                     "); 8/16/32-bit integers and 32/64-bit floats are supported");
}

void byteSwapSamples(unsigned char* data, std::size_t count, std::size_t width) {
  for (std::size_t i = 0; i < count; ++i) std::reverse(data + i * width, data + (i + 1) * width);
}

}  // namespace lqs
