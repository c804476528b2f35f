// Calibration and shape from ImageJ, OME-XML and ImageJ's one-IFD big stacks; absurd headers refused.
#include <tiffio.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstring>
#include <fstream>
#include <vector>

#include "core/errors.hpp"
#include "core/tiff.hpp"
#include "tests/support/test_support.hpp"

using namespace lqs;
using namespace lqs::test;
namespace fs = std::filesystem;

namespace {

struct Calibration {
  std::string description;
  float resolution = 0;  // pixels per unit; 0: no XResolution tag
  int resolutionUnit = RESUNIT_NONE;
};

// frames x 6 x 5 uint16 pages with value t*100 + i; the description goes on the first page.
void writePages(const fs::path& path, int frames, const Calibration& calibration) {
  TIFF* tif = TIFFOpen(path.c_str(), "w");
  REQUIRE(tif);
  for (int t = 0; t < frames; ++t) {
    TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, 5);
    TIFFSetField(tif, TIFFTAG_IMAGELENGTH, 6);
    TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, 16);
    TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, 1);
    TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISBLACK);
    if (calibration.resolution > 0) {
      TIFFSetField(tif, TIFFTAG_XRESOLUTION, calibration.resolution);
      TIFFSetField(tif, TIFFTAG_YRESOLUTION, calibration.resolution);
      TIFFSetField(tif, TIFFTAG_RESOLUTIONUNIT, calibration.resolutionUnit);
    }
    if (t == 0 && !calibration.description.empty())
      TIFFSetField(tif, TIFFTAG_IMAGEDESCRIPTION, calibration.description.c_str());
    std::vector<uint16_t> page(30);
    for (int i = 0; i < 30; ++i) page[i] = uint16_t(t * 100 + i);
    for (int r = 0; r < 6; ++r) TIFFWriteScanline(tif, page.data() + r * 5, r, 0);
    TIFFWriteDirectory(tif);
  }
  TIFFClose(tif);
}

void putBig16(std::vector<unsigned char>& out, std::size_t at, uint16_t v) {
  out[at] = uint8_t(v >> 8), out[at + 1] = uint8_t(v);
}
void putBig32(std::vector<unsigned char>& out, std::size_t at, uint32_t v) {
  for (int b = 0; b < 4; ++b) out[at + b] = uint8_t(v >> (24 - 8 * b));
}

// What ImageJ writes for stacks over 4 GB: a big-endian classic TIFF with ONE IFD (the header, the IFD,
// the description, then every frame's raw uint16 data back to back); images= announces the frame count.
// Only the first `filled` frames get values; the file is extended (sparse, zeros) to hold all frames.
void writeImageJBigStack(const fs::path& path, std::size_t frames, int rows, int cols, std::size_t filled) {
  const std::string description = "ImageJ=1.54f\nimages=" + std::to_string(frames) + "\nframes=" +
                                  std::to_string(frames) + "\nunit=micron\nloop=false\n";
  const int entries = 10;
  const std::size_t ifd = 8, text = ifd + 2 + entries * 12 + 4, resolution = text + description.size() + 1,
                    data = resolution + 8;
  std::vector<unsigned char> file(data + filled * rows * cols * 2);
  file[0] = 'M', file[1] = 'M';
  putBig16(file, 2, 42);
  putBig32(file, 4, uint32_t(ifd));
  putBig16(file, ifd, entries);
  const uint32_t frameBytes = uint32_t(rows * cols * 2);
  const std::vector<std::array<uint32_t, 4>> tags{  // tag, type (3 short, 4 long, 2 ascii, 5 rational), count, value
      {TIFFTAG_IMAGEWIDTH, 4, 1, uint32_t(cols)},      {TIFFTAG_IMAGELENGTH, 4, 1, uint32_t(rows)},
      {TIFFTAG_BITSPERSAMPLE, 3, 1, 16},               {TIFFTAG_PHOTOMETRIC, 3, 1, PHOTOMETRIC_MINISBLACK},
      {TIFFTAG_IMAGEDESCRIPTION, 2, uint32_t(description.size() + 1), uint32_t(text)},
      {TIFFTAG_STRIPOFFSETS, 4, 1, uint32_t(data)},    {TIFFTAG_SAMPLESPERPIXEL, 3, 1, 1},
      {TIFFTAG_ROWSPERSTRIP, 4, 1, uint32_t(rows)},    {TIFFTAG_STRIPBYTECOUNTS, 4, 1, frameBytes},
      {TIFFTAG_XRESOLUTION, 5, 1, uint32_t(resolution)}};
  for (int e = 0; e < entries; ++e) {
    const std::size_t at = ifd + 2 + std::size_t(e) * 12;
    putBig16(file, at, uint16_t(tags[e][0]));
    putBig16(file, at + 2, uint16_t(tags[e][1]));
    putBig32(file, at + 4, tags[e][2]);
    if (tags[e][1] == 3) putBig16(file, at + 8, uint16_t(tags[e][3]));
    else putBig32(file, at + 8, tags[e][3]);
  }
  std::memcpy(&file[text], description.c_str(), description.size() + 1);
  putBig32(file, resolution, 10), putBig32(file, resolution + 4, 1);  // 10 pixels per micron
  for (std::size_t i = 0; i < filled * rows * cols; ++i) putBig16(file, data + 2 * i, uint16_t(i % 60000));
  std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(file.data()), std::streamsize(file.size()));
  fs::resize_file(path, data + frames * frameBytes);
}

// Overwrites the value of a SHORT or LONG tag in the first IFD of a little-endian classic TIFF.
void patchTag(const fs::path& path, uint16_t tag, uint32_t value) {
  std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
  auto read = [&](std::size_t at, void* into, std::size_t n) { file.seekg(std::streamoff(at)); file.read(static_cast<char*>(into), std::streamsize(n)); };
  char order[2];
  read(0, order, 2);
  REQUIRE(order[0] == 'I');
  uint32_t ifd = 0;
  uint16_t count = 0;
  read(4, &ifd, 4);
  read(ifd, &count, 2);
  for (uint16_t e = 0; e < count; ++e) {
    const std::size_t at = ifd + 2 + std::size_t(e) * 12;
    uint16_t entryTag = 0, type = 0;
    read(at, &entryTag, 2);
    read(at + 2, &type, 2);
    if (entryTag != tag) continue;
    file.seekp(std::streamoff(at + 8));
    if (type == TIFF_SHORT) {
      REQUIRE(value <= 65535);
      const uint16_t v = uint16_t(value);
      file.write(reinterpret_cast<const char*>(&v), 2);
    } else {
      file.write(reinterpret_cast<const char*>(&value), 4);
    }
    return;
  }
  FAIL("tag " << tag << " not found");
}

}  // namespace

TEST_CASE("ImageJ hyperstack metadata gives the frame count and the calibration") {
  TempDir dir;
  writePages(dir / "hyper.tif", 6,
             {"ImageJ=1.53t\nimages=6\nchannels=1\nslices=2\nframes=3\nhyperstack=true\nunit=micron\nspacing=0.3\n"
              "loop=false\n",
              float(1 / 0.065)});
  const TiffInfo info = readTiffInfo(dir / "hyper.tif");
  CHECK(info.frames == 6);
  CHECK(info.rows == 6);
  CHECK(info.cols == 5);
  CHECK(info.bitsPerSample == 16);
  CHECK_FALSE(info.isFloat);
  CHECK(info.pixelSize.unit == "um");
  CHECK(info.pixelSize.value == Approx(0.065).epsilon(1e-6));
  CHECK(info.planes == 2);
  const Stack stack = readTiff(dir / "hyper.tif", 4);
  REQUIRE(stack.frames() == 2);
  CHECK(stack.at(1, 5, 4) == 529);
  CHECK(stack.pixelSize.value == Approx(0.065).epsilon(1e-6));
  CHECK(stack.planes == 2);                          // one whole volume
  CHECK(readTiff(dir / "hyper.tif", 1, 2).planes == 1);  // half of two volumes: a plain series

  // two channels are an axis of their own: volumes of 2 planes once a channel is taken
  writePages(dir / "channels.tif", 4, {"ImageJ=1.53t\nimages=4\nchannels=2\nslices=2\nhyperstack=true\n"});
  CHECK(readTiffInfo(dir / "channels.tif").channels == 2);
  CHECK(readTiffInfo(dir / "channels.tif").planes == 2);
  writePages(dir / "odd.tif", 5, {"ImageJ=1.53t\nimages=5\nslices=2\n"});  // slices not dividing the images
  CHECK(readTiffInfo(dir / "odd.tif").planes == 1);

  writePages(dir / "nm.tif", 2, {"ImageJ=1.53t\nimages=2\nunit=nm\n", float(1 / 97.5)});
  CHECK(readTiffInfo(dir / "nm.tif").pixelSize.unit == "nm");
  CHECK(readTiffInfo(dir / "nm.tif").pixelSize.value == Approx(97.5).epsilon(1e-6));
}

TEST_CASE("tifffile's pages of a squeezed trailing axis are read as the frames its shape describes") {
  TempDir dir;
  // tifffile writes a (T, N, 1) float array as pages of T x N, with the true shape in its description
  writePages(dir / "column.tif", 1, {R"({"shape": [2, 15, 1]})"});
  const Stack column = readTiff(dir / "column.tif");
  REQUIRE(column.frames() == 2);
  REQUIRE((column.rows() == 15 && column.cols() == 1));
  CHECK(column.at(0, 3, 0) == 3);
  CHECK(column.at(1, 14, 0) == 29);
  writePages(dir / "points.tif", 1, {R"({"shape": [30, 1, 1]})"});
  const Stack points = readTiff(dir / "points.tif", 28, 2);
  REQUIRE(points.frames() == 2);
  CHECK(points.size() == 2);
  CHECK(points.at(1, 0, 0) == 29);
  writePages(dir / "pages.tif", 2, {R"({"shape": [4, 15, 1]})"});  // two pages, values t * 100 + i
  const Stack pages = readTiff(dir / "pages.tif", 2);
  REQUIRE(pages.frames() == 2);
  CHECK(pages.at(0, 0, 0) == 100);
  CHECK(pages.at(1, 14, 0) == 129);
  // a shape that does not account for the pages' pixels is not taken: the file is truncated
  writePages(dir / "short.tif", 2, {R"({"shape": [5, 15, 1]})"});
  CHECK_THROWS_AS(readTiff(dir / "short.tif"), InputError);
}

TEST_CASE("plain TIFF resolution tags calibrate in micrometres; none means pixels") {
  TempDir dir;
  writePages(dir / "cm.tif", 1, {"", 1e5f, RESUNIT_CENTIMETER});  // 100000 pixels per cm: 0.1 um
  CHECK(readTiffInfo(dir / "cm.tif").pixelSize.unit == "um");
  CHECK(readTiffInfo(dir / "cm.tif").pixelSize.value == Approx(0.1).epsilon(1e-6));
  writePages(dir / "bare.tif", 2, {});
  CHECK(readTiffInfo(dir / "bare.tif").pixelSize.unit == "px");
  CHECK(readTiffInfo(dir / "bare.tif").frames == 2);
}

TEST_CASE("OME-TIFF metadata gives the calibration") {
  TempDir dir;
  const std::string ome =
      R"(<?xml version="1.0" encoding="UTF-8"?><OME xmlns="http://www.openmicroscopy.org/Schemas/OME/2016-06">)"
      R"(<Image ID="Image:0"><Pixels ID="Pixels:0" DimensionOrder="XYZCT" Type="uint16" SizeX="5" SizeY="6" )"
      R"(SizeZ="2" SizeC="1" SizeT="2" PhysicalSizeX="0.108" PhysicalSizeXUnit="&#181;m" PhysicalSizeY="0.108">)"
      R"(<Channel ID="Channel:0:0" SamplesPerPixel="1"/><TiffData/></Pixels></Image></OME>)";
  writePages(dir / "a.ome.tif", 4, {ome});
  const TiffInfo info = readTiffInfo(dir / "a.ome.tif");
  CHECK(info.frames == 4);
  CHECK(info.pixelSize.value == Approx(0.108));
  CHECK(info.pixelSize.unit != "px");
  CHECK(info.planes == 2);  // XYZCT with one channel: volumes of SizeZ planes
  std::string tFirst = ome;
  tFirst.replace(tFirst.find("XYZCT"), 5, "XYTZC");  // planes of one volume are not consecutive
  writePages(dir / "t.ome.tif", 4, {tFirst});
  CHECK(readTiffInfo(dir / "t.ome.tif").planes == 1);
  std::string nm = ome;
  nm.replace(nm.find("0.108"), 5, "108").replace(nm.find("&#181;m"), 7, "nm");
  writePages(dir / "nm.ome.tif", 4, {nm});
  CHECK(readTiffInfo(dir / "nm.ome.tif").pixelSize.value == Approx(108));
  CHECK(readTiffInfo(dir / "nm.ome.tif").pixelSize.unit == "nm");
}

TEST_CASE("ImageJ big stacks (one IFD, frames back to back) read whole and by range") {
  TempDir dir;
  writeImageJBigStack(dir / "big.tif", 7, 9, 11, 7);
  const TiffInfo info = readTiffInfo(dir / "big.tif");
  CHECK(info.frames == 7);
  CHECK(info.pixelSize.unit == "um");
  CHECK(info.pixelSize.value == Approx(0.1));
  const Stack all = readTiff(dir / "big.tif");
  REQUIRE(all.frames() == 7);
  for (std::size_t i = 0; i < all.size(); ++i) REQUIRE(all.data()[i] == float(i % 60000));
  const Stack tail = readTiff(dir / "big.tif", 5, 2);
  REQUIRE(tail.frames() == 2);
  CHECK(tail.at(0, 0, 0) == float(5 * 99));
  CHECK(tail.at(1, 8, 10) == float(7 * 99 - 1));
  fs::resize_file(dir / "big.tif", fs::file_size(dir / "big.tif") - 5);
  CHECK_THROWS_AS(readTiffInfo(dir / "big.tif"), InputError);
  CHECK_THROWS_WITH(readTiff(dir / "big.tif", 0, 1), Catch::Contains("truncated"));
}

TEST_CASE("a stack larger than memory: shape and frame ranges read, the whole refused before allocating") {
  TempDir dir;
  // 400000 frames of 1000 x 1000: 800 GB on disk (sparse), 1.6 TB as float32
  writeImageJBigStack(dir / "huge.tif", 400000, 1000, 1000, 1);
  const TiffInfo info = readTiffInfo(dir / "huge.tif");
  CHECK(info.frames == 400000);
  const Stack first = readTiff(dir / "huge.tif", 0, 1);
  CHECK(first.at(0, 999, 999) == float(999999 % 60000));
  const Stack last = readTiff(dir / "huge.tif", 399998, 2);
  CHECK(last.frames() == 2);
  CHECK(last.at(1, 500, 500) == 0);
  CHECK_THROWS_WITH(readTiff(dir / "huge.tif"), Catch::Contains("memory"));
  CHECK_THROWS_AS(readTiff(dir / "huge.tif", 10), InputError);
}

TEST_CASE("absurd or zero dimensions are refused before any allocation") {
  TempDir dir;
  {
    TIFF* tif = TIFFOpen((dir / "wide.tif").c_str(), "w");
    const uint32_t width = 70000;  // over 65535: libtiff stores it as LONG, room to patch the height
    TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, width);
    TIFFSetField(tif, TIFFTAG_IMAGELENGTH, 1);
    TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, 8);
    TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, 1);
    TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISBLACK);
    TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, 1);
    std::vector<unsigned char> row(width, 7);
    TIFFWriteScanline(tif, row.data(), 0, 0);
    TIFFClose(tif);
  }
  CHECK(readTiff(dir / "wide.tif").at(0, 0, 69999) == 7);
  fs::copy_file(dir / "wide.tif", dir / "huge.tif");
  patchTag(dir / "huge.tif", TIFFTAG_IMAGELENGTH, 65535);  // 4.6 G pixels per frame
  CHECK_THROWS_AS(readTiffInfo(dir / "huge.tif"), InputError);
  CHECK_THROWS_WITH(readTiff(dir / "huge.tif"), Catch::Contains("huge.tif"));
  fs::copy_file(dir / "wide.tif", dir / "zero.tif");
  patchTag(dir / "zero.tif", TIFFTAG_IMAGEWIDTH, 0);
  CHECK_THROWS_AS(readTiff(dir / "zero.tif"), InputError);
}
