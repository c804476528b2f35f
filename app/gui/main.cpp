// liquidscope [FILES] [--sample] [--workflow FILE.json [--folder DIR]] [--engine-view METHOD]
//             [--watch SOURCE] [--screenshot OUT.png] [--quit]
#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QSurfaceFormat>
#include <QTimer>
#include <iostream>
#include <memory>

#include "app/gui/live_dialog.hpp"
#include "app/gui/main_window.hpp"
#include "core/errors.hpp"

namespace {

// VTK needs an OpenGL 3.2 core context; set before QApplication exists (platform.md).
void requestOpenGlFormat() {
  QSurfaceFormat format;
  format.setRenderableType(QSurfaceFormat::OpenGL);
  format.setVersion(3, 2);
  format.setProfile(QSurfaceFormat::CoreProfile);
  format.setDepthBufferSize(8);
  format.setAlphaBufferSize(8);
  format.setStencilBufferSize(0);
  format.setSamples(0);
  QSurfaceFormat::setDefaultFormat(format);
}

}  // namespace

int main(int argc, char** argv) {
  requestOpenGlFormat();
  QApplication app(argc, argv);
  QApplication::setOrganizationName("LiquidScope");
  QApplication::setApplicationName("LiquidScope");
  QApplication::setApplicationVersion(LQS_VERSION);

  QCommandLineParser parser;
  parser.setApplicationDescription("LiquidScope: super-resolution microscopy with the Liquid Engine");
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument("FILES", "TIFF stacks to open as layers", "[FILES...]");
  const QCommandLineOption sample("sample", "Open a generated blinking sample as the layer \"sample\"");
  const QCommandLineOption workflow("workflow", "Run a workflow JSON; inputs naming a layer use it", "FILE.json");
  const QCommandLineOption folder("folder", "With --workflow: run it on every TIFF of DIR instead (outputs next to the files)", "DIR");
  const QCommandLineOption engineView("engine-view", "Show the Liquid Engine view for METHOD", "METHOD");
  const QCommandLineOption screenshot("screenshot", "Save a picture of the window when loading and the workflow are done", "OUT.png");
  const QCommandLineOption quit("quit", "Quit when done (exit status 1 if a workflow step failed)");
  const QCommandLineOption watch("watch", "Watch an acquisition as it is written (File > Watch Acquisition…); "
                                 "--screenshot is taken after its third block", "SOURCE");
  parser.addOptions({sample, workflow, folder, engineView, watch, screenshot, quit});
  parser.process(app);
  const bool batch = parser.isSet(quit);

  // A setting the session cannot take (LQS_DEVICE naming no device here) is said, not a crash.
  std::unique_ptr<lqs::gui::MainWindow> mainWindow;
  try {
    mainWindow = std::make_unique<lqs::gui::MainWindow>();
  } catch (const lqs::Error& e) {
    std::cerr << "liquidscope: " << e.what() << "\n";
    if (!batch) QMessageBox::critical(nullptr, "LiquidScope", QString::fromStdString(e.what()));
    return 2;
  }
  lqs::gui::MainWindow& window = *mainWindow;
  window.setProperty("batch", batch);  // no modal dialogs when nobody is there to close them
  window.show();
  window.openFiles(parser.positionalArguments());
  if (parser.isSet(sample)) window.openSample({});
  if (parser.isSet(engineView)) window.showEngineView(parser.value(engineView));

  int exitCode = 0;
  const auto finish = [&](bool succeeded) {
    if (!succeeded) exitCode = 1;
    // Let the canvas paint the new layers before the picture is taken.
    QTimer::singleShot(500, &window, [&] {
      if (parser.isSet(screenshot) && !window.grab().save(parser.value(screenshot))) {
        qWarning("cannot write the screenshot %s", qPrintable(parser.value(screenshot)));
        exitCode = 1;
      }
      if (batch) window.close(), QApplication::exit(exitCode);
    });
  };
  if (parser.isSet(workflow)) {
    QObject::connect(&window, &lqs::gui::MainWindow::jobDone, &window, finish, Qt::SingleShotConnection);
    QTimer::singleShot(0, &window, [&] {
      if (parser.isSet(folder)) window.runWorkflowOnFolder(parser.value(workflow), parser.value(folder), {});
      else window.runWorkflowFile(parser.value(workflow));
    });
  } else if (parser.isSet(watch)) {
    for (QAction* action : window.findChildren<QAction*>())
      if (action->text() == "&Watch Acquisition…") action->trigger();
    auto* live = window.findChild<lqs::gui::LiveDialog*>();
    QObject::connect(live, &lqs::gui::LiveDialog::blockShown, &window, [&](int block) { if (block == 3) finish(true); });
    live->watch(parser.value(watch));
  } else if (parser.isSet(screenshot) || batch) {
    finish(true);
  }
  const int status = app.exec();
  return exitCode != 0 ? exitCode : status;
}
