#pragma once
// The image canvas: VTK renders the composited layers, a scale bar and the selected layer's colour
// bar inside a QOpenGLWidget (platform.md explains why VTK's own Qt widget cannot be used). VTK
// headers stay in canvas.cpp so the rest of the GUI compiles quickly.
#include <QOpenGLWidget>
#include <memory>

#include "app/gui/model/layer_list.hpp"

namespace lqs::gui {

class Canvas : public QOpenGLWidget {
  Q_OBJECT
 public:
  explicit Canvas(LayerList& layers, QWidget* parent = nullptr);
  ~Canvas() override;

  void resetView();

 signals:
  void cursorMoved(const QString& description);  // the pixel values under the cursor

 protected:
  void initializeGL() override;
  void paintGL() override;
  void resizeGL(int width, int height) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;

 private:
  struct Scene;
  void refreshImage();
  void refreshColourBar();
  void refreshScaleBar();
  QPointF physicalAt(QPointF widgetPosition) const;  // x right, y down, in layer units
  // In canvas_context.cpp: Qt's OpenGL context header cannot share a file with VTK's GLEW.
  bool contextIsCurrent() const;
  void makeContextCurrent();

  LayerList& layers_;
  std::unique_ptr<Scene> scene_;
  QPointF lastDrag_;
  bool viewSet_ = false;
};

}  // namespace lqs::gui
