#pragma once
// The TIFF structure read directly, for files that are still being written: each read says whether
// the bytes it needs are in the file yet, so a live reader waits for a half-written directory or
// strip instead of failing, and reads one directory at a known offset instead of walking the chain.
// Classic TIFF and BigTIFF, either byte order.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/tiff.hpp"

namespace lqs {

struct TiffHeader {
  bool swapped = false;  // the file's byte order differs from this machine's
  bool big = false;      // BigTIFF: 8-byte offsets
  std::uint64_t firstDirectoryField = 4;  // where the offset of the first directory is stored
};

struct TiffDirectory {
  std::uint64_t offset = 0;
  std::uint64_t nextField = 0;  // where the offset of the next directory is stored (0 until linked)
  TiffInfo info;                // one frame: rows, cols, pixel type, calibration (frames = 1)
  int compression = 1;          // 1: none
  bool tiled = false;
  std::vector<std::uint64_t> chunkOffsets, chunkBytes;  // strips, or tiles when tiled
  std::optional<std::size_t> imageJImages;  // ImageJ's images= (frames announced by the first directory)

  std::uint64_t dataEnd() const;    // one past the last byte of its strips or tiles
  bool contiguousData() const;      // uncompressed strips that follow each other
  std::size_t frameBytes() const;   // rows * cols * bytes per sample
};

class TiffFileView {
 public:
  explicit TiffFileView(const std::filesystem::path& path);  // InputError when it cannot be opened
  ~TiffFileView();
  TiffFileView(const TiffFileView&) = delete;
  TiffFileView& operator=(const TiffFileView&) = delete;

  std::uint64_t size() const;  // bytes in the file now
  // Reads `bytes` at `offset`; false when the file does not reach that far yet.
  bool read(std::uint64_t offset, void* target, std::size_t bytes) const;

  // nullopt while the header is incomplete; InputError when it is not a TIFF.
  std::optional<TiffHeader> header() const;
  // The offset stored at `field` (0: no directory linked there yet; nullopt: not written yet).
  std::optional<std::uint64_t> offsetAt(const TiffHeader& header, std::uint64_t field) const;
  // The directory at `offset` once it and every value it points to are in the file (nullopt
  // before); InputError when it is malformed or its pixels are of an unsupported type.
  std::optional<TiffDirectory> directory(const TiffHeader& header, std::uint64_t offset) const;

  // Whether a directory of a rows x cols frame starts at `offset` (its first two entries are
  // ImageWidth and ImageLength with those values): tells a directory from raw pixels; nullopt while
  // the bytes are not in the file yet.
  std::optional<bool> directoryOfSizeAt(const TiffHeader& header, std::uint64_t offset, std::size_t rows,
                                        std::size_t cols) const;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  int fd_ = -1;
};

// Every directory of the file is linked and complete with its data: a file that arrived whole.
bool tiffFileComplete(const std::filesystem::path& path);

}  // namespace lqs
