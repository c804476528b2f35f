#pragma once
// Shape and calibration carried in TIFF text tags: tifffile's {"shape": [...]}, ImageJ's ImageDescription
// ("ImageJ=...\nimages=
// ...\nunit=...") and OME-XML (SizeT/SizeZ, PhysicalSizeX/Unit). The description comes from the file, so the
// parsers are bounded scans (no regular expressions: their recursion overflowed the stack on long values) and
// every number is checked; a description that cannot be true is InputError (docs/reliability.md).
#include <optional>
#include <string>

#include "core/stack.hpp"

namespace lqs {

struct DescriptionMetadata {
  std::optional<std::size_t> images;  // ImageJ images= or tifffile's shape (ImageJ may write more than its IFDs)
  std::optional<std::string> unit;    // ImageJ unit= (used with XResolution)
  std::optional<PixelSize> pixelSize;  // OME PhysicalSizeX
  std::optional<double> planeSpacing;  // ImageJ spacing= (in unit=) or OME PhysicalSizeZ (in the x unit)
  std::optional<std::string> provenance;  // lqs_provenance= (one line of JSON; see app/cli/provenance.hpp)
  // Z per volume (ImageJ slices=, OME SizeZ) when a volume's planes are consecutive pages once the
  // channels are told apart (ImageJ's order is channel, slice, frame; OME's its DimensionOrder).
  std::optional<std::size_t> planes;
  std::size_t channels = 1;       // ImageJ channels=, OME SizeC
  std::size_t channelStride = 1;  // pages from one channel of a plane to the next (1: interleaved, as ImageJ)
  struct FrameShape {
    std::size_t rows, cols;
  };
  std::optional<FrameShape> frameShape;  // tifffile's shape: its last two axes (pages may differ, see tiff.cpp)
};

// Throws InputError (its message after `where`) on a description that cannot be true: a number
// that is not one, a shape whose size overflows, too many axes.
DescriptionMetadata parseDescription(const std::string& description, const std::string& where = {});

// The calibration: OME's PhysicalSizeX, else XResolution (pixels per unit; 0 when absent) in ImageJ's
// unit=, or in TIFF's ResolutionUnit (2 inch, 3 centimetre) as micrometres; "px" when none applies.
PixelSize pixelSizeFrom(const DescriptionMetadata& meta, double xResolution, int resolutionUnit);

// The ImageDescription LiquidScope writes: ImageJ hyperstack keys for `frames` images, as
// `channels` interleaved channels and T volumes of `planes` slices when they divide them, the plane
// spacing when known, then, when given, the provenance record as one more key (ImageJ and tifffile
// keep unknown keys as properties).
std::string imageJDescription(std::size_t frames, std::size_t planes, const PixelSize& pixelSize,
                              const std::string& provenance = {}, std::size_t channels = 1);

}  // namespace lqs
