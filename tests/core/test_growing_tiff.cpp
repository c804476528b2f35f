// Live sources: a TIFF that grows frame by frame (both layouts, both write orders) and a folder
// receiving files. A half-written frame must not be read early; every frame read equals what the
// offline reader gets from the finished file.
#include <catch2/catch.hpp>
#include <fstream>

#include "core/errors.hpp"
#include "core/frame_folder.hpp"
#include "core/growing_tiff.hpp"
#include "core/growing_tiff_writer.hpp"
#include "core/tiff.hpp"
#include "tests/support/test_support.hpp"

using namespace lqs;
using namespace lqs::test;
namespace fs = std::filesystem;

namespace {

// Whole camera counts, so the uint16 layout stores them exactly.
Stack cameraFrames(std::size_t frames) {
  Stack stack = randomStack(frames, 32, 24, 5, 0, 4000);
  for (std::size_t i = 0; i < stack.size(); ++i) stack.data()[i] = std::round(stack.data()[i]);
  stack.pixelSize = {0.1, "um"};
  return stack;
}

GrowingTiffLayout layoutFor(const Stack& stack) {
  GrowingTiffLayout layout;
  layout.rows = stack.rows();
  layout.cols = stack.cols();
  layout.pixelSize = stack.pixelSize;
  return layout;
}

void requireFrame(const Stack& got, const Stack& expected, std::size_t t) {
  REQUIRE(got.frames() == 1);
  CHECK(maxAbsDifference(got, expected.frameRange(t, 1)) == 0);
}

// Polls a reader and checks that what it gives continues `frames` in order.
struct OrderedReads {
  GrowingTiff& reader;
  const Stack& frames;
  std::size_t read = 0;
  void poll() {
    const Stack got = reader.poll(100);
    if (got.frames() > 0) CHECK(maxAbsDifference(got, frames.frameRange(read, got.frames())) == 0);
    read += got.frames();
  }
  // Writes frame t in two steps, polling after each: the half-written frame is never given, and a
  // complete frame comes by the next one's (the layout may need the bytes after frame 0).
  void writeAndPoll(GrowingTiffWriter& writer, std::size_t t, double fraction) {
    writer.beginFrame(frames.frame(t).data(), fraction);
    poll();
    CHECK(read <= t);
    writer.finishFrame();
    poll();
    CHECK(read >= t);
  }
};

}  // namespace

TEST_CASE("a growing TIFF gives each frame once its directory is linked and its pixels written") {
  const Stack frames = cameraFrames(3);
  TempDir dir;
  const fs::path path = dir / "acq.tif";
  const bool directoryFirst = GENERATE(true, false);
  const bool uint16 = GENERATE(true, false);
  const bool bigTiff = GENERATE(false, true);
  GrowingTiffLayout layout = layoutFor(frames);
  layout.bigTiff = bigTiff;
  layout.directoryFirst = directoryFirst;
  layout.uint16 = uint16;
  GrowingTiffWriter writer(path, layout);
  GrowingTiff reader(path);
  CHECK(reader.poll(100).frames() == 0);  // header only
  for (std::size_t t = 0; t < frames.frames(); ++t) {
    writer.beginFrame(frames.frame(t).data());
    CHECK(reader.poll(100).frames() == 0);  // half-written: linked past the end of the file, or not linked
    writer.finishFrame();
    requireFrame(reader.poll(100), frames, t);
    CHECK(reader.poll(100).frames() == 0);
  }
  CHECK(reader.framesRead() == 3);
  const Stack offline = readTiff(path);
  CHECK(maxAbsDifference(offline, frames) == 0);
  CHECK(offline.pixelSize.value == Approx(0.1));
  CHECK(offline.pixelSize.unit == "um");
  CHECK(readTiffInfo(path).isBigTiff == bigTiff);
}

TEST_CASE("an ImageJ-layout TIFF gives frames as their raw data completes, up to the announced count") {
  const Stack frames = cameraFrames(4);
  TempDir dir;
  const fs::path path = dir / "imagej.tif";
  GrowingTiffLayout layout = layoutFor(frames);
  layout.imageJ = true;
  layout.uint16 = true;
  layout.announcedFrames = 4;
  GrowingTiffWriter writer(path, layout);
  GrowingTiff reader(path);
  CHECK(reader.poll(100).frames() == 0);  // the directory points at data not yet written
  OrderedReads reads{reader, frames};
  for (std::size_t t = 0; t < 4; ++t) reads.writeAndPoll(writer, t, 0.9);
  CHECK(reads.read == 4);
  CHECK_THROWS_AS(writer.append(frames.frame(0).data()), InputError);
  CHECK(reader.poll(100).frames() == 0);
  CHECK(maxAbsDifference(readTiff(path), frames) == 0);
  CHECK(readTiffInfo(path).frames == 4);
}

TEST_CASE("a directory per frame announcing its frames ImageJ's way is not mistaken for ImageJ's raw layout") {
  const Stack frames = cameraFrames(3);
  TempDir dir;
  const fs::path path = dir / "announced.tif";
  GrowingTiffLayout layout = layoutFor(frames);
  layout.announcedFrames = 3;  // images=3 in the first directory, whose next offset is 0 at first
  layout.directoryFirst = GENERATE(true, false);
  GrowingTiffWriter writer(path, layout);
  GrowingTiff reader(path);
  OrderedReads reads{reader, frames};
  for (std::size_t t = 0; t < 3; ++t) reads.writeAndPoll(writer, t, 0.5);
  CHECK(reads.read == 3);
  CHECK(maxAbsDifference(readTiff(path), frames) == 0);
}

TEST_CASE("a finished file read live gives every frame, in polls of at most the asked count, never twice") {
  const Stack frames = cameraFrames(5);
  TempDir dir;
  writeTiff(frames, dir / "done.tif");  // libtiff's own layout: data, then directory
  GrowingTiff reader(dir / "done.tif");
  const Stack first = reader.poll(2), rest = reader.poll(100);
  REQUIRE(first.frames() == 2);
  REQUIRE(rest.frames() == 3);
  CHECK(maxAbsDifference(first, frames.frameRange(0, 2)) == 0);
  CHECK(maxAbsDifference(rest, frames.frameRange(2, 3)) == 0);
  CHECK(rest.pixelSize.value == Approx(0.1));
  CHECK(reader.poll(100).frames() == 0);
}

TEST_CASE("a growing TIFF that does not exist yet gives nothing; one that is not a TIFF is an input error") {
  TempDir dir;
  GrowingTiff missing(dir / "later.tif");
  CHECK(missing.poll(10).frames() == 0);
  std::ofstream(dir / "text.tif") << "not a TIFF at all\n";
  GrowingTiff text(dir / "text.tif");
  CHECK_THROWS_AS(text.poll(10), InputError);
}

TEST_CASE("a folder gives its files' frames in name order, waiting for a file still being written") {
  const Stack frames = cameraFrames(4);
  TempDir dir;
  FrameFolder folder(dir.path());
  CHECK(folder.poll(100).frames() == 0);
  GrowingTiffLayout layout = layoutFor(frames);
  layout.directoryFirst = false;
  const auto writeFrame = [&](std::size_t t) { GrowingTiffWriter(dir / (std::to_string(t) + ".tif"), layout).append(frames.frame(t).data()); };
  writeFrame(0);
  writeFrame(1);
  std::ofstream(dir / "notes.txt") << "ignored\n";
  const Stack firstTwo = folder.poll(100);
  REQUIRE(firstTwo.frames() == 2);
  CHECK(maxAbsDifference(firstTwo, frames.frameRange(0, 2)) == 0);

  GrowingTiffWriter half(dir / "2.tif", layout);
  half.beginFrame(frames.frame(2).data());
  writeFrame(3);  // a later file waits behind the half-written one
  CHECK(folder.poll(100).frames() == 0);
  half.finishFrame();
  const Stack lastTwo = folder.poll(100);
  REQUIRE(lastTwo.frames() == 2);
  CHECK(maxAbsDifference(lastTwo, frames.frameRange(2, 2)) == 0);
  CHECK(folder.framesRead() == 4);
  CHECK(folder.poll(100).frames() == 0);
}

TEST_CASE("a source opened before its path exists becomes a folder or a file once it appears") {
  const Stack frames = cameraFrames(2);
  TempDir dir;
  GrowingTiffLayout layout = layoutFor(frames);
  layout.directoryFirst = false;

  const auto folderSource = openFrameSource(dir / "frames");  // live started before the acquisition
  CHECK(folderSource->poll(10).frames() == 0);
  std::filesystem::create_directory(dir / "frames");
  GrowingTiffWriter(dir / "frames" / "0.tif", layout).append(frames.frame(0).data());
  const Stack fromFolder = folderSource->poll(10);
  REQUIRE(fromFolder.frames() == 1);
  CHECK(maxAbsDifference(fromFolder, frames.frameRange(0, 1)) == 0);

  const auto fileSource = openFrameSource(dir / "acq.tif");
  CHECK(fileSource->poll(10).frames() == 0);
  CHECK(fileSource->framesRead() == 0);
  GrowingTiffWriter writer(dir / "acq.tif", layout);
  writer.append(frames.frame(0).data());
  writer.append(frames.frame(1).data());
  CHECK(fileSource->poll(10).frames() == 2);
  CHECK(fileSource->framesRead() == 2);
}

TEST_CASE("a folder frame of another size is an input error") {
  TempDir dir;
  const Stack small = cameraFrames(1);
  Stack other(1, 8, 8);
  writeTiff(small, dir / "a.tif");
  writeTiff(other, dir / "b.tif");
  FrameFolder folder(dir.path());
  CHECK_THROWS_AS(folder.poll(100), InputError);
}
