// vtk_glew.h must come before any Qt OpenGL header (platform.md).
#include <vtk_glew.h>

#include <vtkActor2D.h>
#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkImageActor.h>
#include <vtkImageData.h>
#include <vtkImageMapper3D.h>
#include <vtkLookupTable.h>
#include <vtkNew.h>
#include <vtkOpenGLFramebufferObject.h>
#include <vtkOpenGLState.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper2D.h>
#include <vtkProperty2D.h>
#include <vtkRenderer.h>
#include <vtkScalarBarActor.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>
#include <vtkUnsignedCharArray.h>

#include "app/gui/canvas.hpp"

#include <QMouseEvent>
#include <QWheelEvent>
#include <cmath>
#include <cstring>

#include "app/gui/model/composite.hpp"

namespace lqs::gui {

struct Canvas::Scene {
  vtkNew<vtkGenericOpenGLRenderWindow> window;
  vtkNew<vtkGenericRenderWindowInteractor> interactor;
  vtkNew<vtkRenderer> renderer;
  vtkNew<vtkImageData> image;
  vtkNew<vtkImageActor> imageActor;
  vtkNew<vtkLookupTable> lookup;
  vtkNew<vtkScalarBarActor> colourBar;
  vtkNew<vtkPoints> scaleBarPoints;
  vtkNew<vtkActor2D> scaleBar;
  vtkNew<vtkTextActor> scaleLabel;
  double imageHeight = 0;  // physical height of the composite; VTK's y axis points up
  bool painting = false;
};

namespace {

// The colour bar takes the canvas's right edge from here on (normalised viewport units); a reset
// view centres the image in the rest.
constexpr double kColourBarLeft = 0.87;

// A 1, 2 or 5 times a power of ten, no longer than `limit`.
double niceLength(double limit) {
  const double decade = std::pow(10.0, std::floor(std::log10(limit)));
  for (double step : {5.0, 2.0, 1.0})
    if (step * decade <= limit) return step * decade;
  return decade;
}

QString lengthLabel(double length, const std::string& unit) {
  if (unit == "nm" && length >= 1000) return QString("%1 µm").arg(length / 1000);
  if (unit == "um" || unit == "µm" || unit == "micron") return QString("%1 µm").arg(length);
  return QString("%1 %2").arg(length).arg(QString::fromStdString(unit));
}

}  // namespace

Canvas::Canvas(LayerList& layers, QWidget* parent)
    : QOpenGLWidget(parent), layers_(layers), scene_(std::make_unique<Scene>()) {
  setMouseTracking(true);
  setFocusPolicy(Qt::StrongFocus);
  Scene& s = *scene_;
  s.window->SetReadyForRendering(false);
  s.window->SetFrameBlitModeToNoBlit();
  s.window->AddRenderer(s.renderer);
  s.interactor->SetRenderWindow(s.window);
  s.interactor->EnableRenderOn();
  s.renderer->SetBackground(0.08, 0.08, 0.1);
  s.renderer->GetActiveCamera()->ParallelProjectionOn();
  s.imageActor->GetMapper()->SetInputData(s.image);
  s.imageActor->InterpolateOff();  // pixels stay pixels when zoomed in
  s.renderer->AddActor(s.imageActor);

  s.colourBar->SetLookupTable(s.lookup);
  s.colourBar->SetVisibility(false);  // until a layer is selected
  s.colourBar->SetNumberOfLabels(5);
  s.colourBar->SetMaximumWidthInPixels(90);
  s.colourBar->SetPosition(kColourBarLeft, 0.1);
  s.colourBar->SetWidth(0.97 - kColourBarLeft);
  s.colourBar->SetHeight(0.8);
  s.colourBar->GetTitleTextProperty()->SetFontSize(11);
  s.colourBar->GetTitleTextProperty()->SetJustificationToRight();
  s.colourBar->UnconstrainedFontSizeOn();
  s.colourBar->GetLabelTextProperty()->SetFontSize(11);
  s.renderer->AddViewProp(s.colourBar);

  // The scale bar is a filled rectangle in display coordinates (wide lines are not core-profile).
  s.scaleBarPoints->SetNumberOfPoints(4);
  vtkNew<vtkCellArray> quad;
  const vtkIdType corners[4] = {0, 1, 2, 3};
  quad->InsertNextCell(4, corners);
  vtkNew<vtkPolyData> bar;
  bar->SetPoints(s.scaleBarPoints);
  bar->SetPolys(quad);
  vtkNew<vtkPolyDataMapper2D> barMapper;
  barMapper->SetInputData(bar);
  s.scaleBar->SetMapper(barMapper);
  s.scaleBar->GetProperty()->SetColor(1, 1, 1);
  s.scaleLabel->GetTextProperty()->SetFontSize(14);
  s.scaleLabel->GetTextProperty()->SetJustificationToCentered();
  s.renderer->AddViewProp(s.scaleBar);
  s.renderer->AddViewProp(s.scaleLabel);

  // VTK asks the host to make its context current, whether it is current, and to show a frame.
  vtkNew<vtkCallbackCommand> hostCallback;
  hostCallback->SetClientData(this);
  hostCallback->SetCallback([](vtkObject*, unsigned long event, void* clientData, void* callData) {
    auto* canvas = static_cast<Canvas*>(clientData);
    if (event == vtkCommand::WindowMakeCurrentEvent) {
      canvas->makeContextCurrent();
    } else if (event == vtkCommand::WindowIsCurrentEvent) {
      *static_cast<bool*>(callData) = canvas->contextIsCurrent();
    } else if (event == vtkCommand::WindowFrameEvent && !canvas->scene_->painting) {
      canvas->update();
    }
  });
  for (auto event : {vtkCommand::WindowMakeCurrentEvent, vtkCommand::WindowIsCurrentEvent, vtkCommand::WindowFrameEvent})
    s.window->AddObserver(event, hostCallback);

  connect(&layers_, &LayerList::changed, this, [this] {
    refreshImage();
    refreshColourBar();
    update();
  });
  connect(&layers_, &LayerList::selectionChanged, this, [this] {
    refreshColourBar();
    update();
  });
}

Canvas::~Canvas() {
  makeCurrent();
  scene_->window->Finalize();
  doneCurrent();
}

void Canvas::initializeGL() {
  Scene& s = *scene_;
  s.window->SetOwnContext(0);
  s.window->SetReadyForRendering(false);
  const qreal ratio = devicePixelRatioF();
  s.window->SetSize(int(width() * ratio), int(height() * ratio));
  s.window->OpenGLInitContext();
  s.interactor->Enable();  // never Initialize(): it renders before a context exists
}

void Canvas::resizeGL(int w, int h) {
  const qreal ratio = devicePixelRatioF();
  scene_->window->SetSize(int(w * ratio), int(h * ratio));
  scene_->interactor->SetSize(int(w * ratio), int(h * ratio));
  refreshScaleBar();
}

void Canvas::paintGL() {
  Scene& s = *scene_;
  if (!viewSet_ && s.imageHeight > 0) resetView();
  refreshScaleBar();
  vtkOpenGLState* state = s.window->GetState();
  state->Reset();
  state->Push();
  s.painting = true;
  s.window->SetReadyForRendering(true);
  s.interactor->Render();
  s.window->SetReadyForRendering(false);
  s.painting = false;

  // Copy VTK's frame into Qt's framebuffer; alpha forced to 1 so the compositor shows no holes.
  const int* size = s.window->GetSize();
  state->PushFramebufferBindings();
  state->vtkglBindFramebuffer(GL_DRAW_FRAMEBUFFER, defaultFramebufferObject());
  state->vtkglBindFramebuffer(GL_READ_FRAMEBUFFER, s.window->GetDisplayFramebuffer()->GetFBOIndex());
  state->vtkglReadBuffer(GL_COLOR_ATTACHMENT0);
  state->vtkglDisable(GL_SCISSOR_TEST);
  state->vtkglBlitFramebuffer(0, 0, size[0], size[1], 0, 0, size[0], size[1], GL_COLOR_BUFFER_BIT, GL_NEAREST);
  state->vtkglColorMask(false, false, false, true);
  state->vtkglClearColor(0, 0, 0, 1);
  state->vtkglClear(GL_COLOR_BUFFER_BIT);
  state->vtkglColorMask(true, true, true, true);
  state->PopFramebufferBindings();
  state->Pop();
}

void Canvas::refreshImage() {
  Scene& s = *scene_;
  const RgbImage rgb = composite(layers_);
  s.imageActor->SetVisibility(!rgb.pixels.empty());
  if (rgb.pixels.empty()) return;
  const double size = rgb.pixelSize;
  const bool firstImage = s.imageHeight == 0;
  s.imageHeight = double(rgb.rows) * size;
  s.image->SetDimensions(int(rgb.cols), int(rgb.rows), 1);
  s.image->SetSpacing(size, size, 1);
  s.image->SetOrigin(size / 2, size / 2, 0);
  s.image->AllocateScalars(VTK_UNSIGNED_CHAR, 3);
  auto* out = static_cast<std::uint8_t*>(s.image->GetScalarPointer());
  const std::size_t rowBytes = rgb.cols * 3;
  for (std::size_t r = 0; r < rgb.rows; ++r)  // VTK's rows run bottom to top
    std::memcpy(out + (rgb.rows - 1 - r) * rowBytes, rgb.pixels.data() + r * rowBytes, rowBytes);
  s.image->Modified();
  if (firstImage) viewSet_ = false;
}

void Canvas::refreshColourBar() {
  Scene& s = *scene_;
  const int selected = layers_.selected();
  s.colourBar->SetVisibility(selected >= 0);
  if (selected < 0) return;
  const ImageLayer& layer = layers_.at(std::size_t(selected));
  const int entries = 256;
  s.lookup->SetNumberOfTableValues(entries);
  s.lookup->SetRange(layer.contrast.low, layer.contrast.high);
  for (int i = 0; i < entries; ++i) {
    const float value = layer.contrast.low + (layer.contrast.high - layer.contrast.low) * float(i) / (entries - 1);
    const Rgb colour = layer.colour(value);
    s.lookup->SetTableValue(i, colour.r, colour.g, colour.b, 1);
  }
  s.lookup->Modified();
  // Reported values (RSE, RSP of an error map) under the name, so they are read with the map.
  const std::string values = layer.valuesText("\n");
  s.colourBar->SetTitle((values.empty() ? layer.name : layer.name + "\n" + values).c_str());
}

void Canvas::refreshScaleBar() {
  Scene& s = *scene_;
  const int* size = s.window->GetSize();
  const bool show = s.imageHeight > 0 && size[1] > 0 && !layers_.empty();
  s.scaleBar->SetVisibility(show);
  s.scaleLabel->SetVisibility(show);
  if (!show) return;
  const double unitsPerPixel = 2 * s.renderer->GetActiveCamera()->GetParallelScale() / size[1];
  const double length = niceLength(140 * unitsPerPixel);
  const double pixels = length / unitsPerPixel;
  const double right = size[0] - 130, bottom = 24, thickness = 5;
  s.scaleBarPoints->SetPoint(0, right - pixels, bottom, 0);
  s.scaleBarPoints->SetPoint(1, right, bottom, 0);
  s.scaleBarPoints->SetPoint(2, right, bottom + thickness, 0);
  s.scaleBarPoints->SetPoint(3, right - pixels, bottom + thickness, 0);
  s.scaleBarPoints->Modified();
  const int selected = std::max(layers_.selected(), 0);
  const QString label = lengthLabel(length, layers_.at(std::size_t(selected)).pixelSize().unit);
  s.scaleLabel->SetInput(label.toUtf8().constData());
  s.scaleLabel->SetPosition(right - pixels / 2, bottom + thickness + 4);
}

void Canvas::resetView() {
  Scene& s = *scene_;
  if (s.imageHeight == 0 || height() == 0) return;
  const double w = layers_.width(), h = s.imageHeight;
  vtkCamera* camera = s.renderer->GetActiveCamera();
  camera->SetFocalPoint(w / 2, h / 2, 0);
  camera->SetPosition(w / 2, h / 2, 1000 * std::max(w, h));
  camera->SetViewUp(0, 1, 0);
  const double aspect = kColourBarLeft * double(width()) / double(height());
  const double scale = 0.53 * std::max(h, w / aspect);
  camera->SetParallelScale(scale);
  // Shift the view so the image sits centred left of the colour bar.
  const double shift = (1 - kColourBarLeft) / 2 * 2 * scale * double(width()) / double(height());
  camera->SetFocalPoint(w / 2 + shift, h / 2, 0);
  camera->SetPosition(w / 2 + shift, h / 2, 1000 * std::max(w, h));
  s.renderer->ResetCameraClippingRange();
  viewSet_ = true;
  update();
}

QPointF Canvas::physicalAt(QPointF position) const {
  vtkCamera* camera = scene_->renderer->GetActiveCamera();
  const double unitsPerPixel = 2 * camera->GetParallelScale() / height();
  const double* focal = camera->GetFocalPoint();
  const double x = focal[0] + (position.x() - width() / 2.0) * unitsPerPixel;
  const double yUp = focal[1] - (position.y() - height() / 2.0) * unitsPerPixel;
  return {x, scene_->imageHeight - yUp};
}

void Canvas::mousePressEvent(QMouseEvent* event) { lastDrag_ = event->position(); }

void Canvas::mouseMoveEvent(QMouseEvent* event) {
  if (event->buttons() & (Qt::LeftButton | Qt::MiddleButton)) {
    vtkCamera* camera = scene_->renderer->GetActiveCamera();
    const double unitsPerPixel = 2 * camera->GetParallelScale() / height();
    const QPointF delta = (event->position() - lastDrag_) * unitsPerPixel;
    lastDrag_ = event->position();
    const double* f = camera->GetFocalPoint();
    const double* p = camera->GetPosition();
    camera->SetFocalPoint(f[0] - delta.x(), f[1] + delta.y(), f[2]);
    camera->SetPosition(p[0] - delta.x(), p[1] + delta.y(), p[2]);
    update();
  }
  const QPointF at = physicalAt(event->position());
  QStringList parts;
  for (const auto& value : layers_.valuesAt(at.x(), at.y()))
    parts << QString("%1: %2").arg(QString::fromStdString(value.layer)).arg(double(value.value), 0, 'g', 6);
  emit cursorMoved(parts.isEmpty() ? QString()
                                   : QString("(%1, %2)  ").arg(at.x(), 0, 'f', 1).arg(at.y(), 0, 'f', 1) + parts.join("   "));
}

void Canvas::mouseDoubleClickEvent(QMouseEvent*) { resetView(); }

void Canvas::wheelEvent(QWheelEvent* event) {
  // Zoom about the point under the cursor, so it stays where it is.
  vtkCamera* camera = scene_->renderer->GetActiveCamera();
  const QPointF before = physicalAt(event->position());
  camera->SetParallelScale(camera->GetParallelScale() * std::pow(0.85, event->angleDelta().y() / 120.0));
  const QPointF after = physicalAt(event->position());
  const double dx = before.x() - after.x(), dy = -(before.y() - after.y());
  const double* f = camera->GetFocalPoint();
  const double* p = camera->GetPosition();
  camera->SetFocalPoint(f[0] + dx, f[1] + dy, f[2]);
  camera->SetPosition(p[0] + dx, p[1] + dy, p[2]);
  update();
}

}  // namespace lqs::gui
