#include "core/tiff.hpp"

#include <tiffio.h>
#include <unistd.h>

#include <algorithm>
#include <cstdarg>
#include <cstring>
#include <fstream>
#include <memory>
#include <tuple>
#include <vector>

#include "core/errors.hpp"
#include "core/memory.hpp"
#include "core/tiff_metadata.hpp"
#include "core/tiff_samples.hpp"

namespace lqs {

namespace {

// libtiff reports through global handlers; keep the last message of this thread for our errors.
thread_local std::string lastTiffMessage;

extern "C" void rememberTiffMessage(const char* module, const char* format, va_list args) {
  char buffer[512];
  std::vsnprintf(buffer, sizeof buffer, format, args);
  lastTiffMessage = std::string(module ? module : "") + (module ? ": " : "") + buffer;
}

extern "C" void ignoreTiffWarning(const char*, const char*, va_list) {}

struct TiffCloser {
  void operator()(TIFF* t) const { TIFFClose(t); }
};
using TiffHandle = std::unique_ptr<TIFF, TiffCloser>;

std::string detail() { return lastTiffMessage.empty() ? std::string() : " (" + lastTiffMessage + ")"; }

TiffHandle open(const std::filesystem::path& path, const char* mode) {
  TIFFSetErrorHandler(rememberTiffMessage);
  TIFFSetWarningHandler(ignoreTiffWarning);
  lastTiffMessage.clear();
  std::error_code ec;
  if (*mode == 'r' && !std::filesystem::is_regular_file(path, ec))
    throw InputError(path.string() + ": no such file");
  TiffHandle tif(TIFFOpen(path.c_str(), mode));
  if (!tif)
    throw InputError(*mode == 'r' ? "cannot open " + path.string() + ": not a readable TIFF file" + detail()
                                  : "cannot create " + path.string() + " (is its folder writable?)" + detail());
  return tif;
}

struct Layout {
  TiffInfo info;
  std::size_t ifds = 0;
  bool tiled = false, byteSwapped = false;
  std::uint64_t contiguousOffset = 0;  // ImageJ big stacks: frames beyond the IFDs follow frame 0's data
  std::uint64_t fileBytes = 0;
  // Pages of another shape than the frames (tifffile's squeezed trailing axis, below): their size.
  std::optional<std::pair<std::size_t, std::size_t>> pageShape;
  // Pages from one channel to the next; frames are numbered as ImageJ's (stride 1) whatever it is.
  std::size_t channelStride = 1;

  // The frame (ImageJ's order: channel fastest) that page `page` holds.
  std::size_t frameOfPage(std::size_t page) const {
    const std::size_t channels = info.channels, stride = channelStride;
    if (channels == 1 || stride == 1) return page;
    const std::size_t rest = page % stride + stride * (page / (stride * channels));
    return (page / stride) % channels + channels * rest;
  }
  std::size_t pageOfFrame(std::size_t frame) const {
    const std::size_t channels = info.channels, stride = channelStride;
    if (channels == 1 || stride == 1) return frame;
    const std::size_t rest = frame / channels;
    return rest % stride + stride * (frame % channels + channels * (rest / stride));
  }
};

// The most bytes the current directory's data can decode to: the file's size times the best ratio
// of its compression (none 1, PackBits 64; deflate and LZW stay under ~1400:1, so 4096 is generous).
// Checked before allocating, so a corrupt header announcing gigapixels is refused, not allocated.
std::uint64_t decodableBytes(TIFF* tif, std::uint64_t fileBytes) {
  uint16_t compression = COMPRESSION_NONE;
  TIFFGetFieldDefaulted(tif, TIFFTAG_COMPRESSION, &compression);
  const std::uint64_t ratio = compression == COMPRESSION_NONE ? 1 : compression == COMPRESSION_PACKBITS ? 64 : 4096;
  return fileBytes * ratio;
}

PixelSize calibration(TIFF* tif, const DescriptionMetadata& meta) {
  float xres = 0;
  uint16_t resolutionUnit = RESUNIT_NONE;
  TIFFGetField(tif, TIFFTAG_XRESOLUTION, &xres);
  TIFFGetFieldDefaulted(tif, TIFFTAG_RESOLUTIONUNIT, &resolutionUnit);
  return pixelSizeFrom(meta, xres, resolutionUnit);
}

// How the current directory's pixels are stored; a stack may change it from page to page.
struct PageType {
  int bits;
  bool isFloat, isSigned, tiled;
  bool operator==(const PageType&) const = default;
};

PageType pageTypeOf(TIFF* tif, const std::string& where) {
  uint16_t bits = 0, format = SAMPLEFORMAT_UINT, samples = 1;
  TIFFGetFieldDefaulted(tif, TIFFTAG_BITSPERSAMPLE, &bits);
  TIFFGetFieldDefaulted(tif, TIFFTAG_SAMPLEFORMAT, &format);
  TIFFGetFieldDefaulted(tif, TIFFTAG_SAMPLESPERPIXEL, &samples);
  requireSupportedSamples(where, samples, bits, format);
  return {bits, format == SAMPLEFORMAT_IEEEFP, format == SAMPLEFORMAT_INT, bool(TIFFIsTiled(tif))};
}

PageType pageTypeOf(const Layout& layout) {
  return {layout.info.bitsPerSample, layout.info.isFloat, layout.info.isSigned, layout.tiled};
}

void setPageType(Layout& layout, const PageType& type) {
  layout.info.bitsPerSample = type.bits;
  layout.info.isFloat = type.isFloat;
  layout.info.isSigned = type.isSigned;
  layout.tiled = type.tiled;
}

Layout readLayout(TIFF* tif, const std::filesystem::path& path) {
  Layout layout;
  TiffInfo& info = layout.info;
  uint32_t width = 0, height = 0;
  TIFFGetField(tif, TIFFTAG_IMAGEWIDTH, &width);
  TIFFGetField(tif, TIFFTAG_IMAGELENGTH, &height);
  const std::string where = path.string() + ": ";
  if (width == 0 || height == 0) throw InputError(where + "image has zero width or height");
  setPageType(layout, pageTypeOf(tif, where));
  info.rows = height;
  info.cols = width;
  info.isBigTiff = TIFFIsBigTIFF(tif);
  layout.byteSwapped = TIFFIsByteSwapped(tif);

  char* text = nullptr;
  const std::string description = TIFFGetField(tif, TIFFTAG_IMAGEDESCRIPTION, &text) && text ? text : "";
  const DescriptionMetadata meta = parseDescription(description, where);
  info.pixelSize = calibration(tif, meta);
  info.provenance = meta.provenance.value_or("");

  layout.ifds = TIFFNumberOfDirectories(tif);
  if (!lastTiffMessage.empty()) throw InputError(where + "broken directory chain (truncated or corrupt file)" + detail());
  info.frames = layout.ifds;
  // tifffile writes a (T, N, 1) array as pages of T x N (it drops the trailing axis of length 1):
  // the pages hold the described frames back to back, so they are read in the described shape.
  if (meta.images && meta.frameShape && (meta.frameShape->rows != height || meta.frameShape->cols != width) &&
      std::uint64_t(*meta.images) * meta.frameShape->rows * meta.frameShape->cols ==
          std::uint64_t(layout.ifds) * height * width) {
    layout.pageShape = {height, width};
    info.frames = *meta.images;
    info.rows = meta.frameShape->rows;
    info.cols = meta.frameShape->cols;
  } else if (meta.images && *meta.images > layout.ifds && layout.ifds == 1 && !layout.tiled) {
    // ImageJ writes stacks over 4 GB as one IFD followed by all frames' raw data
    uint64_t* offsets = nullptr;
    if (TIFFGetField(tif, TIFFTAG_STRIPOFFSETS, &offsets) && offsets && TIFFNumberOfStrips(tif) >= 1) {
      uint16_t compression = COMPRESSION_NONE;
      TIFFGetFieldDefaulted(tif, TIFFTAG_COMPRESSION, &compression);
      if (compression == COMPRESSION_NONE) {
        layout.contiguousOffset = offsets[0];
        info.frames = *meta.images;
      }
    }
  }
  if (meta.images && *meta.images > info.frames)
    throw InputError(where + "holds " + std::to_string(info.frames) + " of the " + std::to_string(*meta.images) +
                     " frames its metadata announces (truncated file)");
  if (std::uint64_t(width) * height > (std::uint64_t(1) << 32))
    throw InputError(where + "absurd frame size " + std::to_string(height) + "x" + std::to_string(width) +
                     " (corrupt file?)");
  if (meta.channels > 1) {
    if (meta.channels > info.frames || meta.channelStride > info.frames / meta.channels ||
        info.frames % (meta.channels * meta.channelStride) != 0)
      throw InputError(where + "its metadata announces " + std::to_string(meta.channels) +
                       " channels, which do not divide its " + std::to_string(info.frames) +
                       " frames (corrupt file?)");
    info.channels = meta.channels;
    layout.channelStride = meta.channelStride;
  }
  info.planes = planesOfRange(meta.planes.value_or(1), 0, info.frames / info.channels);
  std::error_code ec;
  layout.fileBytes = std::filesystem::file_size(path, ec);
  if (ec) throw InputError(where + "cannot tell its size (" + ec.message() + ")");
  if (layout.contiguousOffset) {
    const std::uint64_t frameBytes =
        std::uint64_t(info.rows) * info.cols * (std::uint64_t(info.bitsPerSample) / 8);
    const std::uint64_t fileBytes = layout.fileBytes;
    if (fileBytes < layout.contiguousOffset || (fileBytes - layout.contiguousOffset) / frameBytes < info.frames)
      throw InputError(where + "ends before the " + std::to_string(info.frames) +
                       " frames its ImageJ metadata announces (truncated file)");
  }
  return layout;
}

// Refuses, before allocating, a read that the file cannot hold or that cannot fit in this machine's
// memory. `tif` is at the first directory.
void requireMemoryFor(std::size_t frames, TIFF* tif, const Layout& layout, const std::filesystem::path& path) {
  const TiffInfo& info = layout.info;
  // pages may be of another type than the first: count the others at one byte a pixel
  const std::uint64_t pixels = std::uint64_t(info.rows) * info.cols;
  const std::uint64_t stored = pixels * (std::uint64_t(info.bitsPerSample) / 8) + (frames - 1) * pixels;
  if (stored > decodableBytes(tif, layout.fileBytes))
    throw InputError(path.string() + ": announces " + std::to_string(frames) + "x" + std::to_string(info.rows) + "x" +
                     std::to_string(info.cols) + " frames, more pixels than the file holds (" +
                     std::to_string(layout.fileBytes) + " bytes): truncated or corrupt file");
  const std::uint64_t bytes = std::uint64_t(frames) * info.rows * info.cols * sizeof(float);
  if (bytes > physicalMemoryBytes())
    throw InputError(path.string() + ": " + std::to_string(frames) + "x" + std::to_string(info.rows) + "x" +
                     std::to_string(info.cols) + " frames need " + std::to_string(bytes >> 20) +
                     " MiB as float32, more than this machine's memory; read a frame range instead");
}

void readDirectory(TIFF* tif, const Layout& layout, float* frame, const std::string& where) {
  const TiffInfo& info = layout.info;
  const std::size_t bytesPerSample = std::size_t(info.bitsPerSample) / 8;
  std::vector<unsigned char> buffer;
  if (layout.tiled) {
    uint32_t tileWidth = 0, tileHeight = 0;
    TIFFGetField(tif, TIFFTAG_TILEWIDTH, &tileWidth);
    TIFFGetField(tif, TIFFTAG_TILELENGTH, &tileHeight);
    if (tileWidth == 0 || tileHeight == 0) throw InputError(where + "tiled image without tile size");
    const std::uint64_t tileBytes = std::uint64_t(TIFFTileSize64(tif));
    if (tileBytes < std::uint64_t(tileWidth) * tileHeight * bytesPerSample || tileBytes > decodableBytes(tif, layout.fileBytes))
      throw InputError(where + "tile size " + std::to_string(tileHeight) + "x" + std::to_string(tileWidth) +
                       " does not fit the file (corrupt file?)" + detail());
    buffer.resize(std::size_t(tileBytes));
    for (uint32_t y = 0; y < info.rows; y += tileHeight)
      for (uint32_t x = 0; x < info.cols; x += tileWidth) {
        if (TIFFReadEncodedTile(tif, TIFFComputeTile(tif, x, y, 0, 0), buffer.data(), tmsize_t(buffer.size())) < 0)
          throw InputError(where + "cannot read tile at row " + std::to_string(y) + ", column " + std::to_string(x) +
                           " (truncated or corrupt file)" + detail());
        const std::size_t rows = std::min<std::size_t>(tileHeight, info.rows - y), cols = std::min<std::size_t>(tileWidth, info.cols - x);
        for (std::size_t r = 0; r < rows; ++r)
          convertTiffSamples(info, buffer.data() + r * tileWidth * bytesPerSample, frame + (y + r) * info.cols + x, cols);
      }
    return;
  }
  uint32_t rowsPerStrip = 0;
  TIFFGetFieldDefaulted(tif, TIFFTAG_ROWSPERSTRIP, &rowsPerStrip);
  rowsPerStrip = std::min<uint32_t>(std::max<uint32_t>(rowsPerStrip, 1), uint32_t(info.rows));
  buffer.resize(std::size_t(TIFFStripSize(tif)));
  for (uint32_t strip = 0, row = 0; row < info.rows; ++strip, row += rowsPerStrip) {
    const tmsize_t got = TIFFReadEncodedStrip(tif, strip, buffer.data(), tmsize_t(buffer.size()));
    const std::size_t rows = std::min<std::size_t>(rowsPerStrip, info.rows - row);
    if (got < tmsize_t(rows * info.cols * bytesPerSample))
      throw InputError(where + "cannot read rows " + std::to_string(row) + "-" + std::to_string(row + rows - 1) +
                       " (truncated or corrupt file)" + detail());
    convertTiffSamples(info, buffer.data(), frame + std::size_t(row) * info.cols, rows * info.cols);
  }
}

void readContiguous(const std::filesystem::path& path, const Layout& layout, std::size_t frame, float* target,
                    const std::string& where) {
  const TiffInfo& info = layout.info;
  const std::size_t width = std::size_t(info.bitsPerSample) / 8, count = info.rows * info.cols;
  std::vector<unsigned char> raw(count * width);
  std::ifstream in(path, std::ios::binary);
  in.seekg(std::streamoff(layout.contiguousOffset + frame * raw.size()));
  if (!in.read(reinterpret_cast<char*>(raw.data()), std::streamsize(raw.size())))
    throw InputError(where + "file ends before its data (truncated ImageJ stack)");
  if (layout.byteSwapped && width > 1) byteSwapSamples(raw.data(), count, width);
  convertTiffSamples(info, raw.data(), target, count);
}

// Directory `index` (reached by seeking when `seek`, else it is the next one) into `target`, once
// its size is checked against `layout`'s: pages of a stack must all be the same size, but each is
// read as the pixel type and layout it has (a stack may change type from page to page).
void readPage(TIFF* tif, const Layout& layout, std::size_t index, bool seek, float* target, const std::string& where) {
  if (!(seek ? TIFFSetDirectory(tif, tdir_t(index)) : TIFFReadDirectory(tif)))
    throw InputError(where + "cannot read its directory (truncated file)" + detail());
  uint32_t width = 0, height = 0;
  TIFFGetField(tif, TIFFTAG_IMAGEWIDTH, &width);
  TIFFGetField(tif, TIFFTAG_IMAGELENGTH, &height);
  if (width != layout.info.cols || height != layout.info.rows)
    throw InputError(where + "size " + std::to_string(height) + "x" + std::to_string(width) + " differs from the first page's");
  const PageType type = pageTypeOf(tif, where);
  if (type == pageTypeOf(layout)) return readDirectory(tif, layout, target, where);
  Layout page = layout;  // copied only for a page of another type
  setPageType(page, type);
  readDirectory(tif, page, target, where);
}

// Frames [first, first + stack.frames()) of a file whose pages have another shape than its frames
// (Layout::pageShape): every page is read in order, as the one run of pixels the frames are cut from.
void readRepacked(TIFF* tif, const Layout& layout, const std::filesystem::path& path, std::size_t first, Stack& stack) {
  Layout pages = layout;
  std::tie(pages.info.rows, pages.info.cols) = *layout.pageShape;
  const std::size_t pageSize = pages.info.rows * pages.info.cols;
  std::vector<float> pixels(layout.ifds * pageSize);
  for (std::size_t page = 0; page < layout.ifds; ++page)
    readPage(tif, pages, page, page == 0, pixels.data() + page * pageSize,
             path.string() + " page " + std::to_string(page + 1) + ": ");
  std::copy_n(pixels.begin() + std::ptrdiff_t(first * stack.frameSize()), stack.size(), stack.data());
}

// Reads into frame i of `stack` the frame `frameOf(i)` of the file, in the order of its pages (so
// that frames of one channel, or reordered OME channels, need no seek back through the directories).
template <class FrameOf>
void readFrames(TIFF* tif, const Layout& layout, const std::filesystem::path& path, FrameOf frameOf,
                Stack& stack) {
  std::vector<std::pair<std::size_t, std::size_t>> pages;  // (page, frame of the stack)
  for (std::size_t t = 0; t < stack.frames(); ++t) pages.emplace_back(layout.pageOfFrame(frameOf(t)), t);
  std::sort(pages.begin(), pages.end());
  std::size_t current = 0;  // the directory libtiff is at
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const auto [page, t] = pages[i];
    const std::string where = path.string() + " frame " + std::to_string(layout.frameOfPage(page) + 1) + ": ";
    if (page >= layout.ifds) {
      readContiguous(path, layout, page, stack.frame(t).data(), where);
      continue;
    }
    // the next directory is read in order; a page further on is reached by seeking
    readPage(tif, layout, page, i == 0 || page != current + 1, stack.frame(t).data(), where);
    current = page;
  }
}

}  // namespace

TiffInfo readTiffInfo(const std::filesystem::path& path) {
  auto tif = open(path, "r");
  return readLayout(tif.get(), path).info;
}

Stack readTiff(const std::filesystem::path& path, std::size_t first, std::optional<std::size_t> count) {
  auto tif = open(path, "r");
  const Layout layout = readLayout(tif.get(), path);
  const TiffInfo& info = layout.info;
  if (first >= info.frames || (count && (*count == 0 || *count > info.frames - first)))
    throw ParameterError(path.string() + " has " + std::to_string(info.frames) + " frames; cannot read " +
                         (count ? std::to_string(*count) : std::string("the")) + " frames from frame " +
                         std::to_string(first + 1));
  const std::size_t n = count.value_or(info.frames - first);
  requireMemoryFor(n, tif.get(), layout, path);
  Stack stack(n, info.rows, info.cols, Stack::Uninitialised{});  // every frame is read whole, or this throws
  stack.pixelSize = info.pixelSize;
  setAxesOfRange(stack, info.channels, info.planes, first, n);
  if (layout.pageShape) {
    readRepacked(tif.get(), layout, path, first, stack);
    return stack;
  }
  readFrames(
      tif.get(), layout, path, [first](std::size_t t) { return first + t; }, stack);
  return stack;
}

Stack readTiffChannel(const std::filesystem::path& path, std::size_t channel) {
  auto tif = open(path, "r");
  const Layout layout = readLayout(tif.get(), path);
  const TiffInfo& info = layout.info;
  if (channel >= info.channels)
    throw ParameterError(path.string() + " has " + std::to_string(info.channels) + " channel" +
                         (info.channels == 1 ? "" : "s") + "; there is no channel " +
                         std::to_string(channel + 1));
  const std::size_t n = info.frames / info.channels;
  requireMemoryFor(n, tif.get(), layout, path);
  Stack stack(n, info.rows, info.cols, Stack::Uninitialised{});
  stack.pixelSize = info.pixelSize;
  stack.planes = planesOfRange(info.planes, 0, n);
  readFrames(
      tif.get(), layout, path, [&](std::size_t t) { return channel + info.channels * t; }, stack);
  return stack;
}

}  // namespace lqs
