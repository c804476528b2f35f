#include "app/gui/main_window.hpp"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTextEdit>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "app/gui/canvas.hpp"
#include "app/gui/engine_view.hpp"
#include "app/gui/jobs/result_layer.hpp"
#include "app/gui/layer_dock.hpp"
#include "app/gui/live_dialog.hpp"
#include "app/gui/method_panel.hpp"
#include "app/gui/plot_view.hpp"
#include "core/errors.hpp"

namespace lqs::gui {

namespace {

constexpr int kRecentFiles = 8;

QString imageFilter() { return "TIFF images (*.tif *.tiff *.TIF *.TIFF);;All files (*)"; }

}  // namespace

MainWindow::MainWindow()
    : engine_(std::make_unique<EngineThread>(session_.engine())),
      follower_(new FrameFollower(session_.engine(), layers_, this)),
      canvas_(new Canvas(layers_)),
      plot_(new PlotView),
      log_(new QTextEdit),
      methodChooser_(new QComboBox),
      panels_(new QStackedWidget),
      progress_(new QProgressBar),
      cancel_(new QPushButton("Cancel")),
      cursorLabel_(new QLabel),
      engineView_(new EngineView(
          session_, [this] { return !engine_ || engine_->busy(); },
          [this](const std::string& method) { return requestOnSelected(method); })) {
  setWindowTitle("LiquidScope");
  setAcceptDrops(true);
  setCentralWidget(canvas_);
  statusBar()->addWidget(cursorLabel_, 1);
  connect(canvas_, &Canvas::cursorMoved, cursorLabel_, &QLabel::setText);

  auto* layerDock = new QDockWidget("Layers", this);
  layerDock->setObjectName("layers");
  layerDock->setWidget(new LayerDock(layers_));
  addDockWidget(Qt::LeftDockWidgetArea, layerDock);

  auto* methodDock = new QDockWidget("Method", this);
  methodDock->setObjectName("method");
  methodDock->setWidget(buildMethodDock());
  addDockWidget(Qt::RightDockWidgetArea, methodDock);

  auto* results = new QWidget;
  auto* resultsLayout = new QHBoxLayout(results);
  log_->setReadOnly(true);
  log_->setPlaceholderText("Implementations, run times and values of finished jobs.");
  resultsLayout->addWidget(plot_, 3);
  resultsLayout->addWidget(log_, 2);
  auto* resultsDock = new QDockWidget("Results", this);
  resultsDock->setObjectName("results");
  resultsDock->setWidget(results);
  addDockWidget(Qt::BottomDockWidgetArea, resultsDock);

  auto* engineDock = new QDockWidget("Liquid Engine", this);
  engineDock->setObjectName("engine");
  engineDock->setWidget(engineView_);
  addDockWidget(Qt::BottomDockWidgetArea, engineDock);
  tabifyDockWidget(resultsDock, engineDock);
  resultsDock->raise();
  connect(engineView_, &EngineView::benchmarkRequested, this, &MainWindow::startBenchmark);
  connect(methodChooser_, &QComboBox::currentTextChanged, engineView_, &EngineView::setMethod);
  connect(&layers_, &LayerList::selectionChanged, engineView_, &EngineView::refresh);
  engineView_->setMethod(methodChooser_->currentText());

  buildMenus();
  connect(engine_.get(), &EngineThread::progress, this, [this](double fraction, const QString& stage) {
    // A folder run reports each file's workflow progress; the bar shows the whole run.
    if (folderRun_.total > 0) fraction = (folderRun_.index + fraction) / folderRun_.total;
    const QString prefix = folderRun_.total > 0 ? QString("file %1/%2 ").arg(folderRun_.index + 1).arg(folderRun_.total) : QString();
    progress_->setValue(int(std::lround(fraction * 100)));
    progress_->setFormat(prefix + (stage.isEmpty() ? "%p%" : stage + " %p%"));
  });
  connect(engine_.get(), &EngineThread::benchmarkFinished, this,
          [this](const QString& method, const std::vector<BenchmarkResult>& results) {
            for (const auto& result : results)
              log(QString("<b>benchmark</b> %1 on %2: %3").arg(method, QString::fromStdString(result.implementation),
                  result.runs.empty() ? "failed: " + QString::fromStdString(result.error).toHtmlEscaped()
                                      : QString("median %1 s over %2 runs").arg(result.median(), 0, 'g', 4).arg(result.runs.size())));
            engineView_->showBenchmark(method, results);
          });
  connect(engine_.get(), &EngineThread::fileStarted, this, [this](int index, int total) {
    folderRun_.index = index;
    folderRun_.total = total;
  });
  connect(engine_.get(), &EngineThread::fileFinished, this, &MainWindow::fileFinished);
  connect(engine_.get(), &EngineThread::stepFinished, this,
          [this](const StepResult& step) { addStepResult(step); });
  connect(follower_, &FrameFollower::updated, this,
          [this](const StepResult& step) { addStepResult(step, true); });
  connect(follower_, &FrameFollower::failed, this, [this](const QString& message) {
    log("<b>following</b> stopped or failed: " + message.toHtmlEscaped());
  });
  connect(engine_.get(), &EngineThread::failed, this, [this](const QString& message) {
    lastJobFailed_ = true;
    log("<b>failed:</b> " + message.toHtmlEscaped());
    statusBar()->showMessage("Job failed: " + message, 10000);
    if (property("batch").toBool()) qWarning("job failed: %s", qPrintable(message));
    else QMessageBox::warning(this, "LiquidScope", message);
  });
  connect(engine_.get(), &EngineThread::finished, this, &MainWindow::jobFinished);
  connect(&layers_, &LayerList::changed, this, [this] {
    QStringList names;
    for (std::size_t i = layers_.size(); i-- > 0;) names << QString::fromStdString(layers_.at(i).name);
    for (auto* panel : methodPanels_) panel->setLayerNames(names);
  });

  QSettings settings;
  resize(1240, 780);
  if (settings.contains("window/state")) {
    restoreGeometry(settings.value("window/geometry").toByteArray());
    restoreState(settings.value("window/state").toByteArray());
  } else {
    // Docks take their sizes only once the window is laid out.
    QTimer::singleShot(0, this, [this, layerDock, methodDock, resultsDock] {
      resizeDocks({layerDock, methodDock}, {250, 290}, Qt::Horizontal);
      resizeDocks({resultsDock}, {280}, Qt::Vertical);
    });
  }
}

MainWindow::~MainWindow() {
  engine_.reset();
  // The widgets observe layers_, so they go before it does.
  delete centralWidget();
  qDeleteAll(findChildren<QDockWidget*>());
}

QWidget* MainWindow::buildMethodDock() {
  auto* dock = new QWidget;
  auto* layout = new QVBoxLayout(dock);
  layout->addWidget(methodChooser_);
  for (const Method& method : session_.registry().methods()) {
    auto* panel = new MethodPanel(method);
    connect(panel, &MethodPanel::runRequested, this, [this, panel] { runPanel(panel); });
    connect(panel, &MethodPanel::followToggled, this, [this, panel](bool on) {
      if (!on && follower_->panel() == panel) follower_->stop();
    });
    methodPanels_.push_back(panel);
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setWidget(panel);
    panels_->addWidget(scroll);
    methodChooser_->addItem(QString::fromStdString(method.spec.name));
  }
  connect(methodChooser_, &QComboBox::currentIndexChanged, panels_, &QStackedWidget::setCurrentIndex);
  layout->addWidget(panels_, 1);
  auto* jobRow = new QHBoxLayout;
  progress_->setRange(0, 100);
  progress_->setValue(0);
  cancel_->setEnabled(false);
  connect(cancel_, &QPushButton::clicked, engine_.get(), &EngineThread::cancel);
  jobRow->addWidget(progress_, 1);
  jobRow->addWidget(cancel_);
  layout->addLayout(jobRow);
  return dock;
}

void MainWindow::buildMenus() {
  QMenu* file = menuBar()->addMenu("&File");
  file->addAction("&Open…", QKeySequence::Open, this, [this] {
    QSettings settings;
    const QStringList files = QFileDialog::getOpenFileNames(this, "Open images", settings.value("folders/open").toString(), imageFilter());
    if (!files.isEmpty()) settings.setValue("folders/open", QFileInfo(files.front()).absolutePath());
    openFiles(files);
  });
  recentMenu_ = file->addMenu("Open &Recent");
  rebuildRecentMenu();
  file->addAction("Open &Sample…", this, &MainWindow::askSampleOptions);
  file->addAction("Save Layer &As TIFF…", QKeySequence::SaveAs, this, &MainWindow::saveSelectedLayer);
  file->addAction("&Watch Acquisition…", this, [this] { showLiveDialog(this, session_.engine(), layers_); });
  file->addSeparator();
  file->addAction("&Quit", QKeySequence::Quit, this, &QWidget::close);

  QMenu* methods = menuBar()->addMenu("&Methods");
  for (int i = 0; i < int(methodPanels_.size()); ++i)
    methods->addAction(QString::fromStdString(methodPanels_[std::size_t(i)]->spec().name), this, [this, i] { showMethod(i); });

  buildWorkflowsMenu();

  QMenu* engine = menuBar()->addMenu("&Engine");
  engine->addAction("&Liquid Engine (run times, agent's choice, benchmark)", this,
                    [this] { showEngineView(methodChooser_->currentText()); });
}

void MainWindow::showEngineView(const QString& method) {
  methodChooser_->setCurrentText(method);  // the view follows the method panel
  engineView_->setMethod(method);
  if (auto* dock = findChild<QDockWidget*>("engine")) {
    dock->show();
    dock->raise();
    // After the first layout, which sets the docks' initial sizes.
    QTimer::singleShot(0, this, [this, dock] { resizeDocks({dock}, {std::max(dock->height(), 380)}, Qt::Vertical); });
  }
  engineView_->refresh();
}

void MainWindow::showMethod(int index) {
  methodChooser_->setCurrentIndex(index);
  if (auto* dock = findChild<QDockWidget*>("method")) dock->raise(), dock->show();
}

void MainWindow::rebuildRecentMenu() {
  recentMenu_->clear();
  const QStringList recent = QSettings().value("recentFiles").toStringList();
  for (const QString& file : recent) recentMenu_->addAction(file, this, [this, file] { openFiles({file}); });
  recentMenu_->setEnabled(!recent.isEmpty());
}

void MainWindow::rememberRecent(const QString& file) {
  QSettings settings;
  QStringList recent = settings.value("recentFiles").toStringList();
  recent.removeAll(file);
  recent.prepend(file);
  settings.setValue("recentFiles", recent.mid(0, kRecentFiles));
  rebuildRecentMenu();
}

void MainWindow::openFiles(const QStringList& files) {
  for (const QString& file : files) {
    try {
      for (auto& layer :
           ImageLayer::open(QFileInfo(file).completeBaseName().toStdString(), file.toStdString())) {
        const std::size_t index = layers_.add(std::move(layer));
        recorder_.noteSource(layers_.at(index).name, file.toStdString(), layers_.at(index).channel);
      }
      rememberRecent(QFileInfo(file).absoluteFilePath());
    } catch (const std::exception& error) {
      QMessageBox::warning(this, "Cannot open " + file, error.what());
    }
  }
}

void MainWindow::openSample(const SampleOptions& options) {
  layers_.add("sample", simulateBlinking(options));
  statusBar()->showMessage(QString("Sample: %1 frames of %2 x %3 pixels").arg(options.frames).arg(options.rows).arg(options.cols), 5000);
}

void MainWindow::askSampleOptions() {
  QDialog dialog(this);
  dialog.setWindowTitle("Open Sample");
  auto* form = new QFormLayout(&dialog);
  auto spin = [&](const QString& label, int min, int max, int value) {
    auto* box = new QSpinBox;
    box->setRange(min, max);
    box->setValue(value);
    form->addRow(label, box);
    return box;
  };
  const SampleOptions defaults;
  auto* frames = spin("frames", 1, 100000, int(defaults.frames));
  auto* rows = spin("rows", 8, 4096, int(defaults.rows));
  auto* cols = spin("columns", 8, 4096, int(defaults.cols));
  auto* seed = spin("seed", 0, 1 << 30, int(defaults.seed));
  auto* structure = new QComboBox;
  structure->addItems({"filaments", "points"});
  form->addRow("structure", structure);
  auto* drift = new QDoubleSpinBox;
  drift->setRange(-1, 1);
  drift->setDecimals(3);
  drift->setSingleStep(0.01);
  drift->setToolTip("pixels per frame, along rows and columns");
  form->addRow("drift per frame", drift);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  form->addRow(buttons);
  connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  if (dialog.exec() != QDialog::Accepted) return;
  SampleOptions options;
  options.frames = std::size_t(frames->value());
  options.rows = std::size_t(rows->value());
  options.cols = std::size_t(cols->value());
  options.seed = std::uint64_t(seed->value());
  options.structure = structure->currentIndex() == 0 ? SampleOptions::Structure::Filaments : SampleOptions::Structure::Points;
  options.driftRowPerFrame = options.driftColPerFrame = drift->value();
  openSample(options);
}

void MainWindow::saveSelectedLayer() {
  if (layers_.selected() < 0) return;
  ImageLayer& layer = layers_.at(std::size_t(layers_.selected()));
  QSettings settings;
  const QString suggested = settings.value("folders/save").toString() + "/" + QString::fromStdString(layer.name) + ".tif";
  const QString file = QFileDialog::getSaveFileName(this, "Save layer as TIFF", suggested, imageFilter());
  if (file.isEmpty()) return;
  settings.setValue("folders/save", QFileInfo(file).absolutePath());
  try {
    refuseSavingOverSources(layers_, layer, file.toStdString());
    saveLayer(layer, file.toStdString());
    statusBar()->showMessage("Saved " + file, 5000);
  } catch (const std::exception& error) {
    QMessageBox::warning(this, "Cannot save " + file, error.what());
  }
}

void MainWindow::startJob(const std::function<void()>& start) {
  if (engine_->busy()) throw RunError("a job is running: wait for it or cancel it");
  progress_->setValue(0);
  cancel_->setEnabled(true);
  lastJobFailed_ = false;
  start();
  engineView_->refresh();  // it says it waits for the job
}

void MainWindow::runPanel(MethodPanel* panel) {
  if (panel->followsFrame()) {
    log(QString("<b>%1</b> follows the shown frame: it runs again on every frame and parameter change")
            .arg(QString::fromStdString(panel->spec().name)));
    follower_->follow(panel);
    return;
  }
  try {
    RunRequest request = panel->request(layers_);
    panelInputs_ = panel->inputNames();
    std::vector<InputOrigin> origins;
    for (const auto& name : panelInputs_) origins.push_back(originOf(layers_, name));
    startJob([&] { engine_->runMethod(std::move(request), std::move(origins)); });
  } catch (const std::exception& error) {
    QMessageBox::warning(this, "LiquidScope", error.what());
  }
}

RunRequest MainWindow::requestOnSelected(const std::string& method) {
  const auto panel = std::find_if(methodPanels_.begin(), methodPanels_.end(),
                                  [&](const MethodPanel* p) { return p->spec().name == method; });
  if (panel == methodPanels_.end()) throw ParameterError("no panel for " + method);
  if (layers_.selected() < 0) throw InputError("open an image or the sample and select it");
  // The view asks again on every selection change, so it never reads a stack left on disk whole.
  std::vector<std::string> used = (*panel)->inputNames();
  used.push_back(layers_.at(std::size_t(layers_.selected())).name);
  for (const auto& name : used)
    if (const ImageLayer* layer = layers_.find(name); layer && layer->onDisk())
      throw InputError("\"" + name + "\" stays on disk (over 1 GiB): benchmark it with lqs bench on its file");
  RunRequest request = (*panel)->request(layers_);
  const auto& ports = (*panel)->spec().inputs;
  if (!ports.empty() && ports.front().kind == DataKind::Stack && !request.inputs.empty())
    request.inputs.front() = *layers_.at(std::size_t(layers_.selected())).stack();
  return request;
}

void MainWindow::startBenchmark(const QString& method, int repeat) {
  try {
    RunRequest request = requestOnSelected(method.toStdString());
    log(QString("<b>benchmark</b> of %1: every implementation %2 times").arg(method).arg(repeat));
    startJob([&] { engine_->runBenchmark(std::move(request), repeat); });
  } catch (const std::exception& error) {
    QMessageBox::warning(this, "Benchmark", error.what());
  }
}

void MainWindow::addStepResult(const StepResult& step, bool followedUpdate) {
  const RunReport& report = step.report;
  const std::string baseName =
      step.outputFile.empty() ? step.method : std::filesystem::path(step.outputFile).stem().string();
  QStringList values;
  for (const auto& [name, value] : report.result.values) values << QString("%1 = %2").arg(QString::fromStdString(name)).arg(value, 0, 'g', 5);
  if (!followedUpdate) {  // a followed measure updates many times a minute: the status bar says it
    log(QString("<b>%1</b> on %2 in %3 s %4")
            .arg(QString::fromStdString(step.method), QString::fromStdString(report.implementation))
            .arg(report.seconds, 0, 'f', 3)
            .arg(values.isEmpty() ? QString() : "— " + values.join(", ")));
    for (const auto& text : report.warnings) log("warning: " + QString::fromStdString(text).toHtmlEscaped());
    for (const auto& text : report.result.notes) log("note: " + QString::fromStdString(text).toHtmlEscaped());
  }
  statusBar()->showMessage(QString("%1 ran on %2 in %3 s")
                               .arg(QString::fromStdString(step.method), QString::fromStdString(report.implementation))
                               .arg(report.seconds, 0, 'f', 3));

  std::string outputLayer;
  bool tableOutput = false;
  for (std::size_t i = 0; i < report.result.outputs.size(); ++i) {
    const Output& output = report.result.outputs[i];
    const std::string name = i == 0 ? baseName : baseName + "_" + output.name;
    if (const auto* stack = std::get_if<Stack>(&output.data)) {
      if (stack->empty()) continue;
      const std::string shownName = followedUpdate ? name + " (following)" : name;
      const auto existing = followedUpdate ? layers_.indexOf(shownName) : std::nullopt;
      if (existing) {
        layers_.replacePixels(*existing, resultLayer(step, i, shownName));
        continue;
      }
      const std::size_t index = layers_.add(resultLayer(step, i, shownName));
      if (i == 0) outputLayer = layers_.at(index).name;
    } else {
      tableOutput = tableOutput || i == 0;
      const auto resolution = report.result.values.find("resolution");
      const double marker = step.method == "frc" && resolution != report.result.values.end() && resolution->second > 0
                                ? 1.0 / resolution->second
                                : NAN;
      QString title = QString::fromStdString(step.method + ": " + name);
      if (std::isfinite(marker)) title += QString(" (resolution %1)").arg(resolution->second, 0, 'g', 4);
      plot_->show(title, std::get<Table>(output.data), marker, i == 0);  // secondary tables wait behind
    }
  }
  if (!followedUpdate) recordStep(step, outputLayer, tableOutput);
}

void MainWindow::jobFinished(bool succeeded) {
  cancel_->setEnabled(false);
  progress_->setValue(succeeded ? 100 : 0);
  if (!succeeded) lastJobFailed_ = true;
  if (folderRun_.total > 0) reportFolderRun(succeeded);
  engineView_->refresh();
  emit jobDone(!lastJobFailed_);
}

void MainWindow::log(const QString& line) { log_->append(line); }

void MainWindow::closeEvent(QCloseEvent* event) {
  engine_->cancel();  // the engine thread's destructor waits for the job to notice
  QSettings settings;
  settings.setValue("window/geometry", saveGeometry());
  settings.setValue("window/state", saveState());
  event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  QStringList files;
  for (const QUrl& url : event->mimeData()->urls())
    if (url.isLocalFile()) files << url.toLocalFile();
  openFiles(files);
}

}  // namespace lqs::gui
