// libFuzzer target: the ImageDescription parsers (tifffile's shape, ImageJ's keys, OME-XML
// attributes) on arbitrary text. A description that cannot be true must be InputError; nothing else
// may escape, crash, overflow or recurse (docs/reliability.md). The corpus holds one of each kind.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/errors.hpp"
#include "core/tiff_metadata.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const lqs::DescriptionMetadata meta = lqs::parseDescription(text);
    // what the reader derives from it must not overflow either
    (void)lqs::pixelSizeFrom(meta, 10.0, 3);
    if (meta.channels == 0 || meta.channelStride == 0 || (meta.planes && *meta.planes == 0)) std::abort();
    if (meta.images && meta.frameShape) (void)(std::uint64_t(*meta.images) * meta.frameShape->rows);
  } catch (const lqs::InputError&) {
  }
  return 0;
}
