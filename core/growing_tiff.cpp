#include "core/growing_tiff.hpp"

#include "core/errors.hpp"
#include "core/tiff_samples.hpp"

namespace lqs {

GrowingTiff::GrowingTiff(std::filesystem::path path) : path_(std::move(path)) {}

bool GrowingTiff::started() {
  if (first_) return true;
  std::error_code ec;
  if (!file_) {
    if (!std::filesystem::is_regular_file(path_, ec)) return false;  // acquisition has not created it yet
    file_ = std::make_unique<TiffFileView>(path_);
  }
  if (!header_) header_ = file_->header();
  if (!header_) return false;
  const auto offset = file_->offsetAt(*header_, header_->firstDirectoryField);
  if (!offset || *offset == 0) return false;
  first_ = file_->directory(*header_, *offset);
  if (!first_) return false;
  if (first_->compression != 1 || first_->tiled)
    throw InputError(path_.string() + ": compressed or tiled frames cannot be read while the file grows; "
                     "acquire uncompressed, or into a folder of files");
  // ImageJ's layout as the offline reader takes it: one directory announcing N frames, its data
  // followed by the other frames' (any later directories come after all the data). Writers of a
  // directory per frame may announce N too; then a directory, not frame 1, follows frame 0's data
  // (or is linked), which is told apart before any frame is taken.
  const std::uint64_t dataStart = first_->chunkOffsets.front(), frameBytes = first_->frameBytes();
  if (first_->imageJImages && *first_->imageJImages > 1 && first_->contiguousData()) {
    const auto next = file_->offsetAt(*header_, first_->nextField);
    if (*next != 0) {
      contiguous_ = *next >= dataStart + *first_->imageJImages * frameBytes;
    } else {
      const auto directoryFollows =
          file_->directoryOfSizeAt(*header_, dataStart + frameBytes, first_->info.rows, first_->info.cols);
      if (!directoryFollows) {  // nothing after frame 0 yet: undecided
        first_.reset();
        return false;
      }
      contiguous_ = !*directoryFollows;
    }
  }
  nextField_ = header_->firstDirectoryField;
  return true;
}

Stack GrowingTiff::poll(std::size_t maxFrames) {
  if (started()) {
    if (contiguous_) pollContiguous(maxFrames);
    else pollDirectories(maxFrames);
  }
  return collected_.take(first_ ? first_->info.pixelSize : PixelSize{});
}

void GrowingTiff::pollDirectories(std::size_t maxFrames) {
  while (collected_.frames() < maxFrames) {
    const auto offset = file_->offsetAt(*header_, nextField_);
    if (!offset || *offset == 0) return;  // the next directory is not linked yet
    const auto dir = file_->directory(*header_, *offset);
    if (!dir || dir->dataEnd() > file_->size()) return;  // directory or pixels still being written
    if (!seen_.insert(*offset).second) throw InputError(path_.string() + ": directory chain loops (corrupt file)");
    readPixels(*dir, 0);
    nextField_ = dir->nextField;
  }
}

void GrowingTiff::pollContiguous(std::size_t maxFrames) {
  const std::uint64_t bytes = first_->frameBytes(), start = first_->chunkOffsets.front();
  const std::uint64_t size = file_->size();
  while (collected_.frames() < maxFrames && frames_ < *first_->imageJImages &&
         start + (frames_ + 1) * bytes <= size)
    readPixels(*first_, start + frames_ * bytes);
}

void GrowingTiff::readPixels(const TiffDirectory& dir, std::uint64_t offset) {
  const std::string where = path_.string() + " frame " + std::to_string(frames_ + 1);
  if (dir.compression != 1 || dir.tiled)
    throw InputError(where + ": compressed or tiled frames cannot be read while the file grows");
  const std::size_t bytes = dir.frameBytes(), width = std::size_t(dir.info.bitsPerSample / 8);
  raw_.resize(bytes);
  if (offset != 0) {
    if (!file_->read(offset, raw_.data(), bytes)) throw InputError(where + ": the file shrank while being read");
  } else {
    std::size_t filled = 0;
    for (std::size_t i = 0; i < dir.chunkOffsets.size() && filled < bytes; ++i) {
      const std::size_t part = std::min<std::size_t>(std::size_t(dir.chunkBytes[i]), bytes - filled);
      if (!file_->read(dir.chunkOffsets[i], raw_.data() + filled, part))
        throw InputError(where + ": the file shrank while being read");
      filled += part;
    }
    if (filled < bytes) throw InputError(where + ": its strips hold fewer bytes than the frame (corrupt file)");
  }
  if (header_->swapped && width > 1) byteSwapSamples(raw_.data(), dir.info.rows * dir.info.cols, width);
  convertTiffSamples(dir.info, raw_.data(), collected_.next(dir.info.rows, dir.info.cols, path_.string()),
                     dir.info.rows * dir.info.cols);
  ++frames_;
}

}  // namespace lqs
