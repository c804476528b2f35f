#include "gui_test_support.hpp"

#include <QEventLoop>
#include <QTimer>

namespace lqs::gui::test {

QApplication& application() {
  static int argc = 1;
  static char name[] = "gui_tests";
  static char* argv[] = {name, nullptr};
  qputenv("QT_QPA_PLATFORM", "offscreen");
  static QApplication app(argc, argv);
  return app;
}

cli::Session& session() {
  static cli::Session shared;
  return shared;
}

Outcome waitFor(EngineThread& engine, const std::function<void()>& start,
                const std::function<void(QObject& context)>& connect) {
  Outcome outcome;
  QEventLoop loop;
  QObject::connect(&engine, &EngineThread::stepFinished, &loop, [&](const StepResult& step) { outcome.steps.push_back(step); });
  QObject::connect(&engine, &EngineThread::failed, &loop, [&](const QString& message) { outcome.failure = message; });
  QObject::connect(&engine, &EngineThread::finished, &loop, [&](bool succeeded) {
    outcome.finished = true;
    outcome.succeeded = succeeded;
    loop.quit();
  });
  if (connect) connect(loop);
  QTimer::singleShot(60000, &loop, &QEventLoop::quit);
  start();
  loop.exec();
  return outcome;
}

Stack smallSample(std::size_t frames, std::size_t size) {
  SampleOptions options;
  options.frames = frames;
  options.rows = options.cols = size;
  return simulateBlinking(options);
}

}  // namespace lqs::gui::test
