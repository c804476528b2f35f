#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "app/gui/model/composite.hpp"
#include "app/gui/model/layer_list.hpp"
#include "core/errors.hpp"
#include "core/tiff.hpp"
#include "tests/support/test_support.hpp"

using namespace lqs;
using namespace lqs::gui;

namespace {

// A frames x rows x cols stack whose pixel (t, r, c) holds 100 t + 10 r + c.
Stack ramp(std::size_t frames, std::size_t rows, std::size_t cols, double pixelSize = 1) {
  Stack stack(frames, rows, cols);
  for (std::size_t t = 0; t < frames; ++t)
    for (std::size_t r = 0; r < rows; ++r)
      for (std::size_t c = 0; c < cols; ++c) stack.at(t, r, c) = float(100 * t + 10 * r + c);
  stack.pixelSize = {pixelSize, "nm"};
  return stack;
}

Stack constant(std::size_t rows, std::size_t cols, float value, double pixelSize = 1) {
  Stack stack(1, rows, cols);
  std::fill(stack.data(), stack.data() + stack.size(), value);
  stack.pixelSize = {pixelSize, "nm"};
  return stack;
}

const std::uint8_t* pixel(const RgbImage& image, std::size_t r, std::size_t c) {
  return &image.pixels[(r * image.cols + c) * 3];
}

}  // namespace

TEST_CASE("every colormap maps 0 and 1 to its end colours and clamps outside") {
  for (const auto& name : Colormap::names()) {
    const Colormap map = Colormap::named(name);
    CHECK(map.name() == name);
    const Rgb low = map.at(0), below = map.at(-3), nan = map.at(std::numeric_limits<float>::quiet_NaN());
    CHECK(low.r == below.r);
    CHECK(low.g == nan.g);
    CHECK(map.at(1).b == map.at(7).b);
  }
  CHECK(Colormap::named("gray").at(1).r == Approx(1));
  CHECK(Colormap::named("gray").at(0.5f).g == Approx(0.5).margin(0.01));
  const Rgb green = Colormap::named("green").at(1);
  CHECK((green.r == 0 && green.g == Approx(1) && green.b == 0));
  const Rgb middle = Colormap::named("coolwarm").at(0.5f);  // diverging: neutral grey in the middle
  CHECK(std::abs(middle.r - middle.b) < 0.05);
  CHECK_THROWS_AS(Colormap::named("jet"), std::invalid_argument);
}

TEST_CASE("auto contrast takes the 0.5 and 99.5 percentiles of the current frame") {
  Stack stack(2, 1, 1001);
  for (std::size_t c = 0; c <= 1000; ++c) {
    stack.at(0, 0, c) = float(c);
    stack.at(1, 0, c) = float(c) * 2;
  }
  stack.at(0, 0, 17) = std::numeric_limits<float>::quiet_NaN();  // ignored
  ImageLayer layer("x", std::make_shared<const Stack>(stack));
  CHECK(layer.contrast.low == Approx(5).margin(1));
  CHECK(layer.contrast.high == Approx(995).margin(1));
  layer.setCurrentFrame(1);
  layer.autoContrast();
  CHECK(layer.contrast.high == Approx(1990).margin(2));
}

TEST_CASE("a flat frame still gets a usable contrast range") {
  ImageLayer layer("flat", std::make_shared<const Stack>(constant(3, 3, 7)));
  CHECK(layer.contrast.high > layer.contrast.low);
  CHECK(layer.normalized(7) == 0);
}

TEST_CASE("contrast limits and gamma shape the normalised value") {
  ImageLayer layer("x", std::make_shared<const Stack>(ramp(1, 2, 2)));
  layer.contrast = {10, 20};
  CHECK(layer.normalized(5) == 0);
  CHECK(layer.normalized(15) == Approx(0.5));
  CHECK(layer.normalized(30) == 1);
  layer.gamma = 2;
  CHECK(layer.normalized(15) == Approx(0.25));
}

TEST_CASE("an empty stack cannot become a layer") {
  CHECK_THROWS_AS(ImageLayer("empty", std::make_shared<const Stack>()), std::invalid_argument);
}

TEST_CASE("the current frame is clamped to the stack and chooses the values shown") {
  LayerList layers;
  layers.add("three", ramp(3, 2, 2));
  layers.add("one", ramp(1, 2, 2));
  CHECK(layers.maxFrames() == 3);
  layers.setCurrentFrame(10);
  CHECK(layers.at(0).currentFrame() == 2);
  CHECK(layers.at(1).currentFrame() == 0);
  const auto values = layers.valuesAt(1.5, 0.5);  // column 1, row 0
  REQUIRE(values.size() == 2);
  CHECK(values[0].layer == "one");  // the top layer first
  CHECK(values[0].value == 1);
  CHECK(values[1].value == 201);
}

TEST_CASE("names stay unique through add, rename and duplicate") {
  LayerList layers;
  layers.add("raw", ramp(1, 2, 2));
  layers.add("raw", ramp(1, 2, 2));
  CHECK(layers.at(1).name == "raw [2]");
  layers.rename(1, "raw");
  CHECK(layers.at(1).name == "raw [2]");
  layers.rename(1, "sr");
  CHECK(layers.find("sr") == &layers.at(1));
  const std::size_t copy = layers.duplicate(0);
  CHECK(layers.at(copy).name == "raw copy");
  CHECK(layers.at(copy).stack().get() == layers.at(0).stack().get());  // pixels shared, not copied
  CHECK(layers.selected() == int(copy));
}

TEST_CASE("move reorders layers and remove keeps the selection valid") {
  LayerList layers;
  for (const char* name : {"a", "b", "c"}) layers.add(name, ramp(1, 1, 1));
  int changes = 0;
  QObject::connect(&layers, &LayerList::changed, [&] { ++changes; });
  layers.move(0, 2);
  CHECK(layers.at(0).name == "b");
  CHECK(layers.at(2).name == "a");
  CHECK(layers.selected() == 2);
  layers.remove(2);
  CHECK(layers.size() == 2);
  CHECK(layers.selected() == 1);
  CHECK(changes == 2);
  CHECK_THROWS(layers.move(0, 5));
  layers.remove(0);
  layers.remove(0);
  CHECK(layers.selected() == -1);
  CHECK(composite(layers).pixels.empty());
}

TEST_CASE("a x5 reconstruction covers exactly the field of its raw data") {
  LayerList layers;
  layers.add("raw", constant(4, 6, 1, 100));
  layers.add("sr", constant(20, 30, 1, 20));
  CHECK(layers.at(0).width() == Approx(layers.at(1).width()));
  CHECK(layers.height() == Approx(400));
  const RgbImage image = composite(layers);
  CHECK(image.pixelSize == Approx(20));  // the finest layer's grid
  CHECK(image.rows == 20);
  CHECK(image.cols == 30);
  // Raw pixel (1, 2) spans sr pixels rows 5..9, cols 10..14.
  CHECK(layers.at(0).valueAt(10 * 20 + 1, 5 * 20 + 1) == layers.at(0).stack()->at(0, 1, 2));
}

TEST_CASE("translucent blending mixes by opacity, additive blending sums and saturates") {
  LayerList layers;
  layers.add("bottom", constant(2, 2, 1));
  layers.add("top", constant(2, 2, 1));
  for (std::size_t i = 0; i < 2; ++i) layers.at(i).contrast = {0, 1};
  layers.at(0).colormap = Colormap::named("magenta");
  layers.at(1).colormap = Colormap::named("green");
  layers.at(1).opacity = 0.25f;

  const RgbImage blended = composite(layers);
  const std::uint8_t* mixed = pixel(blended, 1, 1);
  CHECK(int(mixed[0]) == 191);  // 255 * 0.75
  CHECK(int(mixed[1]) == 64);   // 255 * 0.25
  CHECK(int(mixed[2]) == 191);

  layers.at(1).blending = Blending::Additive;
  layers.at(1).opacity = 1;
  const RgbImage added = composite(layers);
  CHECK(int(pixel(added, 0, 0)[0]) == 255);
  CHECK(int(pixel(added, 0, 0)[1]) == 255);
  CHECK(int(pixel(added, 0, 0)[2]) == 255);

  layers.at(0).visible = false;
  const RgbImage alone = composite(layers);
  CHECK(int(pixel(alone, 0, 0)[0]) == 0);
  CHECK(int(pixel(alone, 0, 0)[1]) == 255);
}

TEST_CASE("a huge field is composited on a coarser grid capped at the maximum edge") {
  LayerList layers;
  layers.add("big", constant(300, 500, 1));
  const RgbImage image = composite(layers, 100);
  CHECK(image.cols == 100);
  CHECK(image.rows == 60);
  CHECK(image.pixelSize == Approx(5));
}

TEST_CASE("a layer's reported values are listed with four significant digits") {
  ImageLayer layer("error map", std::make_shared<const Stack>(constant(2, 2, 1)));
  CHECK(layer.valuesText().empty());
  layer.values = {{"rse", 12.345678}, {"rsp", 0.98765}};
  CHECK(layer.valuesText() == "rse = 12.35, rsp = 0.9877");
  CHECK(layer.valuesText("\n") == "rse = 12.35\nrsp = 0.9877");
}

TEST_CASE("a stack over the in-memory limit stays in its file and the layer reads only the shown frame") {
  lqs::test::TempDir dir;
  Stack stack = ramp(3, 4, 5, 100);
  stack.pixelSize.unit = "nm";
  writeTiff(stack, dir / "big.tif");
  const auto small = std::move(ImageLayer::open("small", dir / "big.tif").front());  // 240 bytes: read whole
  CHECK_FALSE(small->onDisk());
  const auto layer =
      std::move(ImageLayer::open("big", dir / "big.tif", 100).front());  // over a 100-byte limit
  REQUIRE(layer->onDisk());
  CHECK(layer->frames() == 3);
  CHECK(layer->rows() == 4);
  CHECK(layer->cols() == 5);
  CHECK(layer->scale() == Approx(100));
  CHECK(layer->pixelSize().unit == "nm");
  CHECK(layer->valueAt(2 * 100 + 50, 3 * 100 + 50) == 32);  // frame 0, row 3, column 2
  ImageLayer shown = *layer;
  shown.setCurrentFrame(2);
  CHECK(shown.valueAt(2 * 100 + 50, 3 * 100 + 50) == 232);
  shown.setCurrentFrame(99);  // clamped
  CHECK(shown.currentFrame() == 2);
  shown.autoContrast();  // from the shown frame only
  CHECK(shown.contrast.low == Approx(200));
  CHECK(shown.contrast.high == Approx(234));
  CHECK(layer->valueAt(50, 50) == 0);  // the copy read its own frame
  const auto whole = layer->stack();  // for methods: the whole stack, read from the file
  REQUIRE(whole->frames() == 3);
  CHECK(whole->at(1, 2, 3) == 123);
  CHECK_THROWS_AS(ImageLayer::open("missing", dir / "missing.tif"), InputError);
}

TEST_CASE(
    "a file of interleaved channels opens as one layer per channel, in memory or on disk, as napari's "
    "channel_axis") {
  lqs::test::TempDir dir;
  Stack stack = ramp(6, 4, 5, 100);  // frame f = channel f % 2 of time point f / 2
  stack.channels = 2;
  writeTiff(stack, dir / "two.tif");
  for (const double limit : {ImageLayer::kInMemoryBytes, 100.0}) {
    CAPTURE(limit);
    const auto layers = ImageLayer::open("two", dir / "two.tif", limit);
    REQUIRE(layers.size() == 2);
    CHECK(layers[0]->name == "two ch1");
    CHECK(layers[1]->name == "two ch2");
    CHECK(layers[1]->channel == 2u);
    CHECK(layers[1]->blending == Blending::Additive);
    CHECK(layers[1]->onDisk() == (limit == 100.0));
    REQUIRE(layers[1]->frames() == 3);
    ImageLayer second = *layers[1];
    second.setCurrentFrame(2);  // time point 2 of channel 2: frame 5 of the file
    CHECK(second.shownFrame()[0] == stack.at(5, 0, 0));
    const auto whole = layers[1]->stack();
    REQUIRE(whole->frames() == 3);
    CHECK(whole->at(1, 3, 4) == stack.at(3, 3, 4));
  }
}
