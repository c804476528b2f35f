#pragma once
// TIFF stacks: reading every common layout and pixel type, writing ImageJ-compatible float32.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "core/stack.hpp"

namespace lqs {

struct TiffInfo {
  std::size_t frames = 0, rows = 0, cols = 0;
  PixelSize pixelSize;
  std::size_t planes = 1;    // Z per volume when the frames are volumes (ImageJ hyperstack slices=)
  std::size_t channels = 1;  // channels interleaved in the frames (ImageJ channels=, OME SizeC)
  int bitsPerSample = 0;
  bool isFloat = false, isSigned = false, isBigTiff = false;
  std::string provenance;  // the lqs_provenance record of a LiquidScope output, else empty
};

// Shape and calibration without reading pixels. Throws InputError.
TiffInfo readTiffInfo(const std::filesystem::path& path);

// Frames [first, first + count) (count = all remaining when empty) as float32. Throws InputError.
Stack readTiff(const std::filesystem::path& path, std::size_t first = 0,
               std::optional<std::size_t> count = std::nullopt);

// Every frame of channel `channel` (0-based) of a file whose frames hold info.channels channels, as
// a stack of one channel with the file's planes. Throws InputError.
Stack readTiffChannel(const std::filesystem::path& path, std::size_t channel);

// float32, ImageJ metadata (frames, channels, planes, x and z calibration, and the one-line
// provenance record when given, also as ImageJ's Info), every frame's pixels back to back after the
// directories (so ImageJ, Fiji and tifffile read the ImageJ stack); over 4 GB, ImageJ's own layout
// of one directory (core/tiff_writer.cpp); atomic.
void writeTiff(const Stack& stack, const std::filesystem::path& path, const std::string& provenance = {});
// The same, with ImageJ's one-directory layout from `oneDirectoryAbove` bytes (at most 4 GB): for tests.
void writeTiff(const Stack& stack, const std::filesystem::path& path, const std::string& provenance,
               std::uint64_t oneDirectoryAbove);

}  // namespace lqs
