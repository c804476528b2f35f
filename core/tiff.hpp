#pragma once
// TIFF stacks: reading every common layout and pixel type, writing ImageJ-compatible float32.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

#include "core/stack.hpp"

namespace lqs {

struct TiffInfo {
  std::size_t frames = 0, rows = 0, cols = 0;
  PixelSize pixelSize;
  std::size_t planes = 1;  // Z per volume when the frames are volumes (ImageJ hyperstack slices=)
  int bitsPerSample = 0;
  bool isFloat = false, isSigned = false, isBigTiff = false;
  std::string provenance;  // the lqs_provenance record of a LiquidScope output, else empty
};

// Shape and calibration without reading pixels. Throws InputError.
TiffInfo readTiffInfo(const std::filesystem::path& path);

// Frames [first, first + count) (count = all remaining when empty) as float32. Throws InputError.
Stack readTiff(const std::filesystem::path& path, std::size_t first = 0,
               std::optional<std::size_t> count = std::nullopt);

// float32, ImageJ metadata (frames, calibration, and the one-line provenance record when given),
// every frame's pixels back to back after the directories (so ImageJ, Fiji and tifffile read the
// ImageJ stack), BigTIFF when over 4 GB, atomic (core/tiff_writer.cpp).
void writeTiff(const Stack& stack, const std::filesystem::path& path, const std::string& provenance = {});

}  // namespace lqs
