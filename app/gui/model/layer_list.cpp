#include "app/gui/model/layer_list.hpp"

#include <algorithm>
#include <stdexcept>

namespace lqs::gui {

const ImageLayer* LayerList::find(const std::string& name) const {
  for (const auto& layer : layers_)
    if (layer->name == name) return layer.get();
  return nullptr;
}

std::string LayerList::uniqueName(const std::string& wanted, const ImageLayer* except) const {
  const auto taken = [&](const std::string& name) {
    return std::any_of(layers_.begin(), layers_.end(),
                       [&](const auto& layer) { return layer.get() != except && layer->name == name; });
  };
  if (!taken(wanted)) return wanted;
  for (int n = 2;; ++n) {
    const std::string candidate = wanted + " [" + std::to_string(n) + "]";
    if (!taken(candidate)) return candidate;
  }
}

std::size_t LayerList::add(std::unique_ptr<ImageLayer> layer) {
  layer->name = uniqueName(layer->name, nullptr);
  layers_.push_back(std::move(layer));
  selected_ = int(layers_.size()) - 1;
  emit changed();
  emit selectionChanged(selected_);
  return layers_.size() - 1;
}

void LayerList::replacePixels(std::size_t index, std::unique_ptr<ImageLayer> layer) {
  const ImageLayer& old = *layers_.at(index);
  layer->name = old.name;
  layer->colormap = old.colormap;
  layer->contrast = old.contrast;
  layer->gamma = old.gamma;
  layer->opacity = old.opacity;
  layer->blending = old.blending;
  layer->visible = old.visible;
  layer->setCurrentFrame(old.currentFrame());
  layers_[index] = std::move(layer);
  emit changed();
}

std::optional<std::size_t> LayerList::indexOf(const std::string& name) const {
  for (std::size_t i = 0; i < layers_.size(); ++i)
    if (layers_[i]->name == name) return i;
  return std::nullopt;
}

std::size_t LayerList::add(const std::string& name, Stack stack) {
  return add(std::make_unique<ImageLayer>(name, std::make_shared<const Stack>(std::move(stack))));
}

void LayerList::remove(std::size_t index) {
  layers_.erase(layers_.begin() + std::ptrdiff_t(index));
  if (selected_ >= int(layers_.size())) selected_ = int(layers_.size()) - 1;
  emit changed();
  emit selectionChanged(selected_);
}

std::size_t LayerList::duplicate(std::size_t index) {
  auto copy = std::make_unique<ImageLayer>(at(index));
  copy->name += " copy";
  return add(std::move(copy));
}

void LayerList::move(std::size_t from, std::size_t to) {
  if (from >= layers_.size() || to >= layers_.size()) throw std::out_of_range("layer index out of range");
  auto layer = std::move(layers_[from]);
  layers_.erase(layers_.begin() + std::ptrdiff_t(from));
  layers_.insert(layers_.begin() + std::ptrdiff_t(to), std::move(layer));
  selected_ = int(to);
  emit changed();
  emit selectionChanged(selected_);
}

void LayerList::rename(std::size_t index, const std::string& name) {
  ImageLayer& layer = at(index);
  layer.name = uniqueName(name, &layer);
  emit changed();
}

void LayerList::select(int index) {
  const int clamped = layers_.empty() ? -1 : std::clamp(index, 0, int(layers_.size()) - 1);
  if (clamped == selected_) return;
  selected_ = clamped;
  emit selectionChanged(selected_);
}

void LayerList::setCurrentFrame(std::size_t frame) {
  for (auto& layer : layers_) layer->setCurrentFrame(frame);
  emit changed();
}

std::size_t LayerList::maxFrames() const {
  std::size_t frames = 0;
  for (const auto& layer : layers_) frames = std::max(frames, layer->frames());
  return frames;
}

std::vector<LayerValue> LayerList::valuesAt(double x, double y) const {
  std::vector<LayerValue> values;
  for (auto it = layers_.rbegin(); it != layers_.rend(); ++it)
    if ((*it)->visible && (*it)->contains(x, y)) values.push_back({(*it)->name, (*it)->valueAt(x, y)});
  return values;
}

double LayerList::width() const {
  double width = 0;
  for (const auto& layer : layers_)
    if (layer->visible) width = std::max(width, layer->width());
  return width;
}

double LayerList::height() const {
  double height = 0;
  for (const auto& layer : layers_)
    if (layer->visible) height = std::max(height, layer->height());
  return height;
}

}  // namespace lqs::gui
