// The host side of VTK's context callbacks, apart from canvas.cpp because Qt's OpenGL context
// header and VTK's GLEW header do not mix in one file.
#include <QOpenGLContext>

#include "app/gui/canvas.hpp"

namespace lqs::gui {

bool Canvas::contextIsCurrent() const {
  return context() && QOpenGLContext::currentContext() == context();
}

void Canvas::makeContextCurrent() {
  // Never QOpenGLWidget::makeCurrent(): it rebinds Qt's framebuffer behind VTK's state cache.
  if (context() && !contextIsCurrent()) context()->makeCurrent(context()->surface());
}

}  // namespace lqs::gui
