#pragma once
// Shape and calibration carried in TIFF text tags: tifffile's {"shape": [...]}, ImageJ's ImageDescription ("ImageJ=...\nimages=
// ...\nunit=...") and OME-XML (SizeT/SizeZ, PhysicalSizeX/Unit).
#include <optional>
#include <string>

#include "core/stack.hpp"

namespace lqs {

struct DescriptionMetadata {
  std::optional<std::size_t> images;  // ImageJ images= or tifffile's shape (ImageJ may write more than its IFDs)
  std::optional<std::string> unit;    // ImageJ unit= (used with XResolution)
  std::optional<PixelSize> pixelSize;  // OME PhysicalSizeX
  std::optional<std::string> provenance;  // lqs_provenance= (one line of JSON; see app/cli/provenance.hpp)
  std::optional<std::size_t> planes;      // Z per volume: ImageJ slices= (one channel) or OME SizeZ (XYZ... order)
  struct FrameShape {
    std::size_t rows, cols;
  };
  std::optional<FrameShape> frameShape;  // tifffile's shape: its last two axes (pages may differ, see tiff.cpp)
};

DescriptionMetadata parseDescription(const std::string& description);

// The calibration: OME's PhysicalSizeX, else XResolution (pixels per unit; 0 when absent) in ImageJ's
// unit=, or in TIFF's ResolutionUnit (2 inch, 3 centimetre) as micrometres; "px" when none applies.
PixelSize pixelSizeFrom(const DescriptionMetadata& meta, double xResolution, int resolutionUnit);

// The ImageDescription LiquidScope writes: ImageJ hyperstack keys for `frames` images, as T volumes
// of `planes` slices when planes > 1 divides them, then, when given, the provenance record as one
// more key (ImageJ and tifffile keep unknown keys as properties).
std::string imageJDescription(std::size_t frames, std::size_t planes, const PixelSize& pixelSize,
                              const std::string& provenance = {});

}  // namespace lqs
