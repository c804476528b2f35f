// Channels and planes are axes, not frames; each page is read as the type it is; what the writer
// keeps for ImageJ (channels, z spacing, the Info property, its layout past 4 GB).
#include <tiffio.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "core/tiff.hpp"
#include "tests/support/test_support.hpp"

using namespace lqs;
using namespace lqs::test;
namespace fs = std::filesystem;

namespace {

struct Page {
  int bits, format;  // SampleFormat: 1 unsigned, 3 float
  double value;
};

// 4 x 3 pages, each filled with its value; the description on the first.
void writePages(const fs::path& path, const std::vector<Page>& pages, const std::string& description = {}) {
  TIFF* tif = TIFFOpen(path.c_str(), "w");
  REQUIRE(tif);
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const Page& page = pages[p];
    TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, 3);
    TIFFSetField(tif, TIFFTAG_IMAGELENGTH, 4);
    TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, page.bits);
    TIFFSetField(tif, TIFFTAG_SAMPLEFORMAT, page.format);
    TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, 1);
    TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISBLACK);
    if (p == 0 && !description.empty()) TIFFSetField(tif, TIFFTAG_IMAGEDESCRIPTION, description.c_str());
    std::vector<unsigned char> row(3 * std::size_t(page.bits) / 8);
    for (int c = 0; c < 3; ++c) {
      if (page.format == SAMPLEFORMAT_IEEEFP)
        reinterpret_cast<float*>(row.data())[c] = float(page.value);
      else if (page.bits == 16)
        reinterpret_cast<uint16_t*>(row.data())[c] = uint16_t(page.value);
      else
        row[std::size_t(c)] = static_cast<unsigned char>(page.value);
    }
    for (int r = 0; r < 4; ++r) TIFFWriteScanline(tif, row.data(), r, 0);
    TIFFWriteDirectory(tif);
  }
  TIFFClose(tif);
}

std::vector<Page> uint16Pages(int count) {
  std::vector<Page> pages;
  for (int p = 0; p < count; ++p) pages.push_back({16, SAMPLEFORMAT_UINT, double(p * 100)});
  return pages;
}

// A stack whose frame f is filled with f.
Stack numberedFrames(std::size_t frames) {
  Stack stack(frames, 4, 3);
  for (std::size_t t = 0; t < frames; ++t)
    for (float& v : stack.frame(t)) v = float(t);
  return stack;
}

}  // namespace

TEST_CASE("pages of different pixel types are each read as the type they are") {
  TempDir dir;
  writePages(dir / "mixed.tif", {{8, SAMPLEFORMAT_UINT, 200},
                                 {16, SAMPLEFORMAT_UINT, 60000},
                                 {32, SAMPLEFORMAT_IEEEFP, 1.5},
                                 {8, SAMPLEFORMAT_UINT, 7}});
  const Stack stack = readTiff(dir / "mixed.tif");
  REQUIRE(stack.frames() == 4);
  CHECK(stack.at(0, 3, 2) == 200);
  CHECK(stack.at(1, 3, 2) == 60000);  // read as 8-bit before: a wrong number, exit 0
  CHECK(stack.at(2, 0, 0) == 1.5f);
  CHECK(stack.at(3, 1, 1) == 7);
  CHECK(readTiff(dir / "mixed.tif", 2, 1).at(0, 2, 2) == 1.5f);
}

TEST_CASE("ImageJ channels are an axis: the frames of one channel are read alone, planes kept") {
  TempDir dir;
  // 2 channels x 2 slices x 3 frames in ImageJ's order: page = c + 2 (z + 2 t)
  writePages(dir / "czt.tif", uint16Pages(12),
             "ImageJ=1.53t\nimages=12\nchannels=2\nslices=2\nframes=3\nhyperstack=true\nunit=micron\nspacing="
             "0.25\n");
  const TiffInfo info = readTiffInfo(dir / "czt.tif");
  CHECK(info.channels == 2);
  CHECK(info.planes == 2);
  const Stack second = readTiffChannel(dir / "czt.tif", 1);
  REQUIRE(second.frames() == 6);
  CHECK(second.channels == 1);
  CHECK(second.planes == 2);
  for (std::size_t t = 0; t < 6; ++t) CHECK(second.at(t, 0, 0) == float((1 + 2 * t) * 100));
  const Stack all = readTiff(dir / "czt.tif");
  CHECK(all.channels == 2);
  const Stack first = all.channel(0);
  for (std::size_t t = 0; t < 6; ++t) CHECK(first.at(t, 3, 2) == float(2 * t * 100));
  CHECK_THROWS_AS(readTiffChannel(dir / "czt.tif", 2), ParameterError);
  CHECK_THROWS_AS(all.channel(2), ParameterError);
  CHECK(readTiff(dir / "czt.tif", 1, 1).channels == 1);  // one image of one channel

  // channels that do not divide the pages: refused, not guessed
  writePages(dir / "odd.tif", uint16Pages(5), "ImageJ=1.53t\nimages=5\nchannels=2\n");
  CHECK_THROWS_WITH(readTiffInfo(dir / "odd.tif"), Catch::Contains("channels"));
}

TEST_CASE("OME channels in any DimensionOrder come out in ImageJ's order") {
  TempDir dir;
  // XYZCT: page = z + 2 (c + 2 t); ImageJ's frame f = c + 2 (z + 2 t)
  const std::string ome =
      R"(<OME><Image><Pixels DimensionOrder="XYZCT" SizeX="3" SizeY="4" SizeZ="2" SizeC="2" )"
      R"(SizeT="2" PhysicalSizeX="0.1" PhysicalSizeZ="0.3"/></Image></OME>)";
  writePages(dir / "zct.ome.tif", uint16Pages(8), ome);
  const TiffInfo info = readTiffInfo(dir / "zct.ome.tif");
  CHECK(info.channels == 2);
  CHECK(info.planes == 2);
  CHECK(info.pixelSize.depth == Approx(0.3));
  const Stack stack = readTiff(dir / "zct.ome.tif");
  for (std::size_t f = 0; f < 8; ++f) {
    const std::size_t c = f % 2, z = (f / 2) % 2, t = f / 4;
    CHECK(stack.at(f, 1, 1) == float((z + 2 * (c + 2 * t)) * 100));
  }
  const Stack channel = readTiffChannel(dir / "zct.ome.tif", 1);  // pages 2, 3, 6, 7
  REQUIRE(channel.frames() == 4);
  CHECK(channel.at(0, 0, 0) == 200);
  CHECK(channel.at(3, 0, 0) == 700);
  CHECK(channel.planes == 2);
}

TEST_CASE("written stacks keep channels, planes and z spacing, and the provenance as ImageJ's Info") {
  TempDir dir;
  Stack stack = numberedFrames(12);
  stack.channels = 2;
  stack.planes = 3;
  stack.pixelSize = {0.05, "um", 0.2};
  writeTiff(stack, dir / "out.tif", R"({"method":"esrrf3d"})");
  const TiffInfo info = readTiffInfo(dir / "out.tif");
  CHECK(info.channels == 2);
  CHECK(info.planes == 3);
  CHECK(info.pixelSize.depth == Approx(0.2));
  CHECK(info.provenance == R"({"method":"esrrf3d"})");
  CHECK(readTiffChannel(dir / "out.tif", 1).at(2, 0, 0) == 5);

  // ImageJ's Info: tags 50838 (byte counts: header, text) and 50839 ("IJIJ", one "info" entry, UTF-16)
  TIFF* tif = TIFFOpen((dir / "out.tif").c_str(), "r");
  REQUIRE(tif);
  uint32_t count = 0;
  const unsigned char* data = nullptr;
  REQUIRE(TIFFGetField(tif, 50839, &count, &data));
  const std::string expected = R"(lqs_provenance={"method":"esrrf3d"})";
  REQUIRE(count == 12 + 2 * expected.size());
  CHECK(std::string(reinterpret_cast<const char*>(data), 4) == "JIJI");  // 0x494a494a, little-endian
  std::string text;
  for (std::size_t i = 12; i < count; i += 2) text += char(data[i] | data[i + 1] << 8);
  CHECK(text == expected);
  TIFFClose(tif);
}

TEST_CASE("past the classic TIFF limit the stack is written in ImageJ's one-directory layout") {
  TempDir dir;
  const Stack stack = numberedFrames(9);
  writeTiff(stack, dir / "large.tif", "", 200);  // as if 200 bytes were 4 GB
  TIFF* tif = TIFFOpen((dir / "large.tif").c_str(), "r");
  REQUIRE(tif);
  CHECK(TIFFNumberOfDirectories(tif) == 1);
  CHECK_FALSE(TIFFIsBigTIFF(tif));
  TIFFClose(tif);
  const Stack back = readTiff(dir / "large.tif");
  REQUIRE(back.frames() == 9);
  for (std::size_t t = 0; t < 9; ++t) CHECK(back.at(t, 3, 2) == float(t));
  writeTiff(stack, dir / "small.tif", "", 1 << 20);
  tif = TIFFOpen((dir / "small.tif").c_str(), "r");
  CHECK(TIFFNumberOfDirectories(tif) == 9);
  TIFFClose(tif);
}
