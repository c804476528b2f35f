// Minimal stand-in (striped images, scanline reads) until the full reader lands (issue 2).
#include "core/tiff.hpp"

#include <tiffio.h>

#include <cstring>
#include <memory>
#include <vector>

#include "core/atomic_file.hpp"
#include "core/errors.hpp"

namespace lqs {

namespace {
struct TiffCloser {
  void operator()(TIFF* t) const { TIFFClose(t); }
};
using TiffHandle = std::unique_ptr<TIFF, TiffCloser>;

TiffHandle openForReading(const std::filesystem::path& path) {
  TIFFSetErrorHandler(nullptr);
  TIFFSetWarningHandler(nullptr);
  TiffHandle tif(TIFFOpen(path.c_str(), "r"));
  if (!tif) throw InputError("cannot read " + path.string() + ": not a TIFF file or unreadable");
  return tif;
}
}  // namespace

TiffInfo readTiffInfo(const std::filesystem::path& path) {
  auto tif = openForReading(path);
  TiffInfo info;
  uint32_t w = 0, h = 0;
  uint16_t bits = 0, format = SAMPLEFORMAT_UINT;
  TIFFGetField(tif.get(), TIFFTAG_IMAGEWIDTH, &w);
  TIFFGetField(tif.get(), TIFFTAG_IMAGELENGTH, &h);
  TIFFGetFieldDefaulted(tif.get(), TIFFTAG_BITSPERSAMPLE, &bits);
  TIFFGetFieldDefaulted(tif.get(), TIFFTAG_SAMPLEFORMAT, &format);
  info.rows = h;
  info.cols = w;
  info.bitsPerSample = bits;
  info.isFloat = format == SAMPLEFORMAT_IEEEFP;
  info.isSigned = format == SAMPLEFORMAT_INT;
  info.frames = TIFFNumberOfDirectories(tif.get());
  return info;
}

Stack readTiff(const std::filesystem::path& path, std::size_t first, std::optional<std::size_t> count) {
  const TiffInfo info = readTiffInfo(path);
  auto tif = openForReading(path);
  const std::size_t n = count.value_or(info.frames - first);
  Stack stack(n, info.rows, info.cols);
  std::vector<unsigned char> line(TIFFScanlineSize(tif.get()));
  for (std::size_t t = 0; t < n; ++t) {
    if (!TIFFSetDirectory(tif.get(), static_cast<tdir_t>(first + t))) throw InputError("truncated " + path.string());
    for (std::size_t r = 0; r < info.rows; ++r) {
      if (TIFFReadScanline(tif.get(), line.data(), static_cast<uint32_t>(r)) < 0)
        throw InputError("cannot read " + path.string());
      for (std::size_t c = 0; c < info.cols; ++c) {
        float v = 0;
        if (info.isFloat && info.bitsPerSample == 32) std::memcpy(&v, &line[c * 4], 4);
        else if (info.bitsPerSample == 16) v = reinterpret_cast<uint16_t*>(line.data())[c];
        else if (info.bitsPerSample == 8) v = line[c];
        stack.at(t, r, c) = v;
      }
    }
  }
  return stack;
}

void writeTiff(const Stack& stack, const std::filesystem::path& path) {
  AtomicFile file(path);
  {
    TiffHandle tif(TIFFOpen(file.temporaryPath().c_str(), "w"));
    if (!tif) throw InputError("cannot write " + path.string());
    for (std::size_t t = 0; t < stack.frames(); ++t) {
      TIFFSetField(tif.get(), TIFFTAG_IMAGEWIDTH, static_cast<uint32_t>(stack.cols()));
      TIFFSetField(tif.get(), TIFFTAG_IMAGELENGTH, static_cast<uint32_t>(stack.rows()));
      TIFFSetField(tif.get(), TIFFTAG_BITSPERSAMPLE, 32);
      TIFFSetField(tif.get(), TIFFTAG_SAMPLESPERPIXEL, 1);
      TIFFSetField(tif.get(), TIFFTAG_SAMPLEFORMAT, SAMPLEFORMAT_IEEEFP);
      TIFFSetField(tif.get(), TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISBLACK);
      TIFFSetField(tif.get(), TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
      TIFFSetField(tif.get(), TIFFTAG_ROWSPERSTRIP, static_cast<uint32_t>(stack.rows()));
      const auto frame = stack.frame(t);
      if (TIFFWriteEncodedStrip(tif.get(), 0, const_cast<float*>(frame.data()),
                                static_cast<tmsize_t>(frame.size() * sizeof(float))) < 0)
        throw InputError("cannot write " + path.string());
      TIFFWriteDirectory(tif.get());
    }
  }
  file.commit();
}

}  // namespace lqs
