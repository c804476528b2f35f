#include <tiffio.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <cmath>
#include <fstream>
#include <limits>
#include <tuple>
#include <vector>

#include "core/errors.hpp"
#include "core/tiff.hpp"
#include "tests/support/test_support.hpp"

using namespace lqs;
using namespace lqs::test;
namespace fs = std::filesystem;

namespace {

struct Layout {
  int bits = 16;
  int format = SAMPLEFORMAT_UINT;
  bool tiled = false, big = false;
  int compression = COMPRESSION_NONE;
  int samples = 1;
  int predictor = PREDICTOR_NONE;
};

// Writes frames x 37 x 29 pixels whose value is (t*1000 + r*29 + c) % range, in the given layout.
void writeTestTiff(const fs::path& path, const Layout& l, int frames) {
  TIFF* tif = TIFFOpen(path.c_str(), l.big ? "w8" : "w");
  REQUIRE(tif);
  const int rows = 37, cols = 29, bytes = l.bits / 8;
  for (int t = 0; t < frames; ++t) {
    TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, cols);
    TIFFSetField(tif, TIFFTAG_IMAGELENGTH, rows);
    TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, l.bits);
    TIFFSetField(tif, TIFFTAG_SAMPLEFORMAT, l.format);
    TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, l.samples);
    TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, l.samples == 3 ? PHOTOMETRIC_RGB : PHOTOMETRIC_MINISBLACK);
    TIFFSetField(tif, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
    TIFFSetField(tif, TIFFTAG_COMPRESSION, l.compression);
    if (l.predictor != PREDICTOR_NONE) TIFFSetField(tif, TIFFTAG_PREDICTOR, l.predictor);
    std::vector<unsigned char> image(std::size_t(rows) * cols * bytes * l.samples);
    for (int i = 0; i < rows * cols * l.samples; ++i) {
      const double v = (t * 1000 + i) % 120 - (l.format == SAMPLEFORMAT_INT ? 60 : 0);
      unsigned char* p = image.data() + std::size_t(i) * bytes;
      if (l.format == SAMPLEFORMAT_IEEEFP && l.bits == 32) { const float f = float(v); std::memcpy(p, &f, 4); }
      else if (l.format == SAMPLEFORMAT_IEEEFP) std::memcpy(p, &v, 8);
      else if (l.bits == 8) { const int8_t x = int8_t(v); std::memcpy(p, &x, 1); }
      else if (l.bits == 16) { const int16_t x = int16_t(v); std::memcpy(p, &x, 2); }
      else { const int32_t x = int32_t(v); std::memcpy(p, &x, 4); }
    }
    if (l.tiled) {
      TIFFSetField(tif, TIFFTAG_TILEWIDTH, 16);
      TIFFSetField(tif, TIFFTAG_TILELENGTH, 16);
      std::vector<unsigned char> tile(16 * 16 * bytes);
      for (int y = 0; y < rows; y += 16)
        for (int x = 0; x < cols; x += 16) {
          std::fill(tile.begin(), tile.end(), 0);
          for (int r = 0; r < 16 && y + r < rows; ++r)
            for (int c = 0; c < 16 && x + c < cols; ++c)
              std::memcpy(&tile[(r * 16 + c) * bytes], &image[((y + r) * cols + x + c) * bytes], bytes);
          TIFFWriteTile(tif, tile.data(), x, y, 0, 0);
        }
    } else {
      TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, 5);
      for (int r = 0; r < rows; ++r) TIFFWriteScanline(tif, &image[std::size_t(r) * cols * bytes * l.samples], r, 0);
    }
    TIFFWriteDirectory(tif);
  }
  TIFFClose(tif);
}

// Collects what is written to the process's stderr (file descriptor 2) while it lives.
class StderrCapture {
 public:
  StderrCapture() : file_(std::tmpfile()), saved_(::dup(2)) {
    std::fflush(stderr);
    ::dup2(::fileno(file_), 2);
  }
  ~StderrCapture() {
    restore();
    std::fclose(file_);
  }
  std::string text() {
    restore();
    std::rewind(file_);
    std::string out;
    for (int c; (c = std::fgetc(file_)) != EOF;) out += char(c);
    return out;
  }

 private:
  void restore() {
    if (saved_ < 0) return;
    std::fflush(stderr);
    ::dup2(saved_, 2);
    ::close(saved_);
    saved_ = -1;
  }
  std::FILE* file_;
  int saved_;
};

void checkValues(const Stack& s, const Layout& l, int firstFrame) {
  for (std::size_t t = 0; t < s.frames(); ++t)
    for (std::size_t i = 0; i < s.frameSize(); ++i) {
      const double v = double((int(t) + firstFrame) * 1000 + int(i)) - 0.0;
      const double expected = double(int(v) % 120) - (l.format == SAMPLEFORMAT_INT ? 60 : 0);
      REQUIRE(s.frame(t)[i] == float(expected));
    }
}

}  // namespace

TEST_CASE("every supported pixel type and layout reads back exactly") {
  TempDir dir;
  const int lzw = COMPRESSION_LZW, deflate = COMPRESSION_ADOBE_DEFLATE;
  const int uint = SAMPLEFORMAT_UINT, sint = SAMPLEFORMAT_INT, real = SAMPLEFORMAT_IEEEFP;
  // bits, format, tiled, BigTIFF, compression, samples, predictor
  const std::vector<Layout> layouts{
      {8, uint},  {16, uint}, {32, uint}, {8, sint}, {16, sint}, {32, sint}, {32, real}, {64, real},
      {16, uint, true}, {8, sint, true}, {32, sint, true}, {64, real, true},
      {32, real, false, true}, {16, sint, true, true},
      {16, uint, false, false, lzw}, {32, real, true, true, deflate},
      {8, uint, false, false, COMPRESSION_PACKBITS}, {16, sint, true, false, COMPRESSION_PACKBITS},
      {16, uint, false, false, deflate, 1, PREDICTOR_HORIZONTAL},
      {32, real, false, false, lzw, 1, PREDICTOR_FLOATINGPOINT},
      {64, real, true, true, deflate, 1, PREDICTOR_FLOATINGPOINT}};
  int n = 0;
  for (const auto& layout : layouts) {
    const fs::path path = dir / (std::to_string(n++) + ".tif");
    writeTestTiff(path, layout, 3);
    INFO("bits " << layout.bits << " format " << layout.format << " tiled " << layout.tiled << " big " << layout.big
                 << " compression " << layout.compression << " predictor " << layout.predictor);
    const Stack stack = readTiff(path);
    REQUIRE(stack.frames() == 3);
    REQUIRE(stack.rows() == 37);
    REQUIRE(stack.cols() == 29);
    checkValues(stack, layout, 0);
    const Stack middle = readTiff(path, 1, 2);  // a frame range
    REQUIRE(middle.frames() == 2);
    checkValues(middle, layout, 1);
    CHECK(readTiffInfo(path).isBigTiff == layout.big);
  }
}

TEST_CASE("written stacks round-trip with their calibration and open as ImageJ stacks") {
  TempDir dir;
  Stack stack = randomStack(4, 5, 7, 3, -10, 10);
  stack.pixelSize = {0.02, "um"};
  writeTiff(stack, dir / "out.tif");
  const Stack back = readTiff(dir / "out.tif");
  CHECK(maxAbsDifference(back, stack) == 0);
  CHECK(back.pixelSize.unit == "um");
  CHECK(back.pixelSize.value == Approx(0.02).epsilon(1e-6));
  TIFF* tif = TIFFOpen((dir / "out.tif").c_str(), "r");
  char* description = nullptr;
  REQUIRE(TIFFGetField(tif, TIFFTAG_IMAGEDESCRIPTION, &description));
  CHECK(std::string(description).rfind("ImageJ=", 0) == 0);
  CHECK(std::string(description).find("images=4") != std::string::npos);
  CHECK(std::string(description).find("slices=") == std::string::npos);
  TIFFClose(tif);
  CHECK(back.planes == 1);
}

TEST_CASE("a written stack's pixels follow each other, as ImageJ and tifffile read an ImageJ stack") {
  // They read images=N frames back to back from the first frame's data and skip the other
  // directories: anything between two frames' pixels would show as garbage there.
  TempDir dir;
  for (const auto& [frames, rows, cols] : {std::tuple{3, 8, 8}, {5, 7, 1}, {2, 1, 300}, {1, 4, 4}}) {
    const Stack stack = randomStack(std::size_t(frames), std::size_t(rows), std::size_t(cols), 11);
    writeTiff(stack, dir / "stack.tif");
    TIFF* tif = TIFFOpen((dir / "stack.tif").c_str(), "r");
    REQUIRE(tif);
    std::vector<std::uint64_t> offsets;
    do {
      REQUIRE(TIFFNumberOfStrips(tif) == 1);
      offsets.push_back(TIFFGetStrileOffset(tif, 0));
      CHECK(TIFFGetStrileByteCount(tif, 0) == stack.frameSize() * sizeof(float));
    } while (TIFFReadDirectory(tif));
    TIFFClose(tif);
    REQUIRE(offsets.size() == std::size_t(frames));
    for (std::size_t t = 0; t < offsets.size(); ++t)
      CHECK(offsets[t] == offsets[0] + t * stack.frameSize() * sizeof(float));
    std::ifstream file(dir / "stack.tif", std::ios::binary);  // the raw bytes from frame 0's start
    file.seekg(std::streamoff(offsets[0]));
    std::vector<float> raw(stack.size());
    file.read(reinterpret_cast<char*>(raw.data()), std::streamsize(raw.size() * sizeof(float)));
    CHECK(std::equal(raw.begin(), raw.end(), stack.data()));
  }
}

TEST_CASE("a stack of volumes is written as an ImageJ hyperstack and read back as volumes") {
  TempDir dir;
  Stack volumes = randomStack(6, 4, 3, 5);
  volumes.planes = 3;  // 2 time points of 3 planes
  writeTiff(volumes, dir / "volumes.tif");
  TIFF* tif = TIFFOpen((dir / "volumes.tif").c_str(), "r");
  char* description = nullptr;
  REQUIRE(TIFFGetField(tif, TIFFTAG_IMAGEDESCRIPTION, &description));
  const std::string text = description;
  TIFFClose(tif);
  CHECK(text.find("images=6\nslices=3\nframes=2\nhyperstack=true\n") != std::string::npos);
  const Stack back = readTiff(dir / "volumes.tif");
  CHECK(maxAbsDifference(back, volumes) == 0);
  CHECK(back.planes == 3);
  CHECK(readTiff(dir / "volumes.tif", 3, 3).planes == 3);
  CHECK(readTiff(dir / "volumes.tif", 2, 3).planes == 1);
  CHECK(volumes.frameRange(3, 3).planes == 3);
  CHECK(volumes.frameRange(0, 2).planes == 1);

  volumes.planes = 4;  // not dividing the frames: written and read as a plain series
  writeTiff(volumes, dir / "series.tif");
  CHECK(readTiffInfo(dir / "series.tif").planes == 1);
}

TEST_CASE("bad files give InputError and name the problem") {
  TempDir dir;
  writeTestTiff(dir / "good.tif", {}, 5);
  const auto size = fs::file_size(dir / "good.tif");
  {
    std::ifstream in(dir / "good.tif", std::ios::binary);
    std::vector<char> bytes(size / 2);
    in.read(bytes.data(), std::streamsize(bytes.size()));
    std::ofstream(dir / "cut.tif", std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
  }
  std::ofstream(dir / "empty.tif").close();
  std::ofstream(dir / "text.tif") << "not a tiff at all\n";
  writeTestTiff(dir / "rgb.tif", {8, SAMPLEFORMAT_UINT, false, false, COMPRESSION_NONE, 3}, 1);
  {
    TIFF* tif = TIFFOpen((dir / "onebit.tif").c_str(), "w");
    TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, 8);
    TIFFSetField(tif, TIFFTAG_IMAGELENGTH, 1);
    TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, 1);
    TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, 1);
    TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISBLACK);
    unsigned char row = 0xAA;
    TIFFWriteScanline(tif, &row, 0, 0);
    TIFFClose(tif);
  }
  writeTestTiff(dir / "lzw.tif", {16, SAMPLEFORMAT_UINT, false, false, COMPRESSION_LZW}, 3);
  {
    std::fstream file(dir / "lzw.tif", std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(12);  // into the first frame's compressed strips
    const std::string garbage(200, '\xFF');
    file.write(garbage.data(), std::streamsize(garbage.size()));
  }
  StderrCapture quiet;
  for (const char* name : {"cut.tif", "empty.tif", "text.tif", "rgb.tif", "onebit.tif", "missing.tif", "lzw.tif"}) {
    INFO(name);
    CHECK_THROWS_AS(readTiff(dir / name), InputError);
    try {
      readTiff(dir / name);
    } catch (const InputError& error) {  // one line that says where
      const std::string message = error.what();
      INFO(message);
      CHECK(message.find(name) != std::string::npos);
      CHECK(message.find('\n') == std::string::npos);
    }
  }
  CHECK_THROWS_WITH(readTiff(dir / "lzw.tif"), Catch::Contains("frame 1"));
  for (const char* name : {"empty.tif", "text.tif", "rgb.tif", "onebit.tif"})
    CHECK_THROWS_AS(readTiffInfo(dir / name), InputError);
  CHECK(quiet.text().empty());  // libtiff's own messages end up in the exceptions, not on stderr
  CHECK_THROWS_WITH(readTiff(dir / "rgb.tif"), Catch::Contains("RGB"));
  CHECK_THROWS_AS(readTiff(dir / "good.tif", 4, 3), ParameterError);
}

TEST_CASE("writing leaves either a complete file or none") {
  TempDir dir;
  CHECK_THROWS_AS(writeTiff(randomStack(1, 4, 4, 1), dir / "no-such-folder" / "x.tif"), InputError);
  CHECK_FALSE(fs::exists(dir / "no-such-folder"));
  fs::create_directory(dir / "taken.tif");  // a folder where the file should go
  CHECK_THROWS_AS(writeTiff(randomStack(1, 4, 4, 1), dir / "taken.tif"), InputError);
  for (const auto& entry : fs::directory_iterator(dir.path())) CHECK(entry.path().filename().string().find(".part-") == std::string::npos);
}

TEST_CASE("the writer's tags: ImageJ description, resolution per unit, NaN and Inf kept, replaced outputs") {
  TempDir dir;
  Stack stack = randomStack(1, 3, 2, 9);
  stack.at(0, 0, 0) = std::numeric_limits<float>::quiet_NaN();
  stack.at(0, 1, 1) = -std::numeric_limits<float>::infinity();
  stack.pixelSize = {97.5, "nm"};
  writeTiff(stack, dir / "nm.tif");
  {
    TIFF* tif = TIFFOpen((dir / "nm.tif").c_str(), "r");
    REQUIRE(tif);
    char* description = nullptr;
    float xres = 0, yres = 0;
    uint16_t bits = 0, format = 0;
    REQUIRE(TIFFGetField(tif, TIFFTAG_IMAGEDESCRIPTION, &description));
    CHECK(std::string(description).find("unit=nm\n") != std::string::npos);
    CHECK(std::string(description).find("images=1\n") != std::string::npos);
    REQUIRE(TIFFGetField(tif, TIFFTAG_XRESOLUTION, &xres));
    REQUIRE(TIFFGetField(tif, TIFFTAG_YRESOLUTION, &yres));
    CHECK(xres == Approx(1 / 97.5));
    CHECK(yres == Approx(1 / 97.5));
    TIFFGetField(tif, TIFFTAG_BITSPERSAMPLE, &bits);
    TIFFGetField(tif, TIFFTAG_SAMPLEFORMAT, &format);
    CHECK(bits == 32);
    CHECK(format == SAMPLEFORMAT_IEEEFP);
    CHECK_FALSE(TIFFIsBigTIFF(tif));
    TIFFClose(tif);
  }
  const Stack back = readTiff(dir / "nm.tif");
  CHECK(std::isnan(back.at(0, 0, 0)));
  CHECK(back.at(0, 1, 1) == -std::numeric_limits<float>::infinity());
  CHECK(back.at(0, 2, 1) == stack.at(0, 2, 1));
  CHECK(back.pixelSize.unit == "nm");
  CHECK(back.pixelSize.value == Approx(97.5).epsilon(1e-6));

  Stack uncalibrated = randomStack(3, 4, 4, 2);  // unit "px": no calibration written, none read
  writeTiff(uncalibrated, dir / "nm.tif");       // replaces the earlier file
  const Stack replaced = readTiff(dir / "nm.tif");
  CHECK(replaced.frames() == 3);
  CHECK(replaced.pixelSize.unit == "px");
  CHECK(maxAbsDifference(replaced, uncalibrated) == 0);
  std::vector<std::string> names;  // the replaced file moved aside and removed, nothing left over
  for (const auto& entry : fs::directory_iterator(dir.path()))
    names.push_back(entry.path().filename().string());
  CHECK(names == std::vector<std::string>{"nm.tif"});
  CHECK_THROWS_AS(writeTiff(Stack(), dir / "empty.tif"), InputError);
  CHECK_FALSE(fs::exists(dir / "empty.tif"));
}
