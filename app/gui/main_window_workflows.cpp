// MainWindow's Workflows menu: workflow files, ready-made chains, Save Session as Workflow and Run on
// a Folder of Files (main_window.cpp has the rest of the window).
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <algorithm>

#include "app/gui/folder_run_dialog.hpp"
#include "app/gui/jobs/folder_run.hpp"
#include "app/gui/main_window.hpp"
#include "core/errors.hpp"

namespace lqs::gui {

void MainWindow::buildWorkflowsMenu() {
  QMenu* workflows = menuBar()->addMenu("&Workflows");
  workflows->addAction("&Run Workflow File…", this, [this] {
    QSettings settings;
    const QString file = QFileDialog::getOpenFileName(this, "Run workflow", settings.value("folders/workflow").toString(), "Workflows (*.json)");
    if (file.isEmpty()) return;
    settings.setValue("folders/workflow", QFileInfo(file).absolutePath());
    runWorkflowFile(file);
  });
  workflows->addAction("&Save Session as Workflow…", this, &MainWindow::saveSessionWorkflow);
  workflows->addAction("Run on a &Folder of Files…", this, [this] {
    FolderRunDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted) runWorkflowOnFolder(dialog.workflowFile(), dialog.folder(), dialog.outputFolder());
  });
  workflows->addSeparator();
  // Ready-made chains on the selected layer; shown only when this build registers every method.
  const auto chain = [this, workflows](const QString& title, const std::vector<std::string>& methods,
                                       std::function<std::vector<WorkflowStep>(const ImageLayer&)> steps) {
    for (const auto& method : methods)
      if (std::none_of(session_.registry().methods().begin(), session_.registry().methods().end(),
                       [&](const Method& m) { return m.spec.name == method; }))
        return;
    workflows->addAction(title, this, [this, steps] { runReadyMade(steps); });
  };
  chain("Drift correct → eSRRF → FRC + SQUIRREL (selected layer)", {"drift-correct", "esrrf", "frc", "squirrel"},
        [](const ImageLayer& layer) -> std::vector<WorkflowStep> {
          // Two eSRRF time points are the independent halves FRC compares.
          const std::string half = std::to_string(std::max<std::size_t>(layer.frames() / 2, 1));
          return {{"drift-correct", {layer.name}, "aligned.tif", {}},
                  {"esrrf", {"aligned.tif"}, "esrrf.tif", {{"frames_per_timepoint", half}}},
                  {"frc", {"esrrf.tif"}, "frc_curve.csv", {}},
                  {"squirrel", {"aligned.tif", "esrrf.tif"}, "error_map.tif", {}}};
        });
  chain("eSRRF → decorrelation (selected layer)", {"esrrf", "decorr"}, [](const ImageLayer& layer) -> std::vector<WorkflowStep> {
    return {{"esrrf", {layer.name}, "esrrf.tif", {}}, {"decorr", {"esrrf.tif"}, {}, {}}};
  });
  chain("Channel registration → eSRRF (selected layer onto the one below)", {"channel-register", "esrrf"},
        [this](const ImageLayer& layer) -> std::vector<WorkflowStep> {
          const int below = std::max(layers_.selected() - 1, 0);
          return {{"channel-register", {layers_.at(std::size_t(below)).name, layer.name}, "registered.tif", {}},
                  {"esrrf", {"registered.tif"}, "esrrf.tif", {}}};
        });
}

void MainWindow::runReadyMade(const std::function<std::vector<WorkflowStep>(const ImageLayer&)>& steps) {
  if (layers_.selected() < 0) {
    QMessageBox::information(this, "LiquidScope", "Open an image or the sample first, and select it.");
    return;
  }
  try {
    startWorkflow(Workflow{".", steps(layers_.at(std::size_t(layers_.selected())))}, {});
  } catch (const std::exception& error) {
    QMessageBox::warning(this, "LiquidScope", error.what());
  }
}

void MainWindow::runWorkflowFile(const QString& file) {
  try {
    startWorkflow(readWorkflow(file.toStdString()), file.toStdString());
  } catch (const std::exception& error) {
    lastJobFailed_ = true;
    log("<b>failed:</b> " + QString(error.what()).toHtmlEscaped());
    if (property("batch").toBool()) qWarning("workflow %s: %s", qPrintable(file), error.what());
    else QMessageBox::warning(this, "Workflow " + file, error.what());
    emit jobDone(false);
  }
}

void MainWindow::startWorkflow(Workflow workflow, const std::filesystem::path& workflowFile) {
  if (engine_->busy()) throw RunError("a job is running: wait for it or cancel it");
  std::map<std::string, WorkflowLayer> inputs;
  for (const auto& step : workflow.steps)
    for (const auto& name : step.inputs)
      if (const ImageLayer* layer = layers_.find(name)) inputs.emplace(name, WorkflowLayer{*layer->stack(), layer->source});
  recorder_.beginWorkflow(workflow.folder);
  startJob([&] { engine_->runWorkflow(std::move(workflow), std::move(inputs), workflowFile); });
}

void MainWindow::runWorkflowOnFolder(const QString& workflowFile, const QString& folder, const QString& outputFolder) {
  try {
    Workflow workflow = readWorkflow(workflowFile.toStdString());
    std::vector<std::filesystem::path> files = folderInputs(folder.toStdString(), workflow);
    if (files.empty()) throw InputError("no TIFF files in " + folder.toStdString());
    workflowForFile(workflow, files.front(), folder.toStdString());  // refuses a workflow with several inputs now
    log(QString("<b>folder run</b> of %1 on %2 files in %3").arg(workflowFile.toHtmlEscaped()).arg(files.size()).arg(folder.toHtmlEscaped()));
    folderRun_ = {0, int(files.size()), {}};
    startJob([&] { engine_->runOnFiles(std::move(workflow), std::move(files), outputFolder.toStdString()); });
  } catch (const std::exception& error) {
    folderRun_ = {};
    lastJobFailed_ = true;
    log("<b>failed:</b> " + QString(error.what()).toHtmlEscaped());
    if (property("batch").toBool()) qWarning("folder run: %s", error.what());
    else QMessageBox::warning(this, "Run on a folder", error.what());
    emit jobDone(false);
  }
}

void MainWindow::fileFinished(int index, const FileOutcome& outcome) {
  const QString name = QString::fromStdString(outcome.file.filename().string()).toHtmlEscaped();
  if (!outcome.error.empty()) {
    folderRun_.failures << QString::fromStdString(outcome.file.filename().string() + ": " + outcome.error);
    log(QString("file %1/%2 %3 <b>failed:</b> %4").arg(index + 1).arg(folderRun_.total).arg(name,
        QString::fromStdString(outcome.error).toHtmlEscaped()));
    return;
  }
  QStringList written;
  for (const auto& file : outcome.written) written << QString::fromStdString(std::filesystem::path(file).filename().string());
  QStringList values;
  for (const auto& [what, value] : outcome.values) values << QString("%1 = %2").arg(QString::fromStdString(what)).arg(value, 0, 'g', 4);
  log(QString("file %1/%2 %3: wrote %4").arg(index + 1).arg(folderRun_.total).arg(name, written.join(", ").toHtmlEscaped()) +
      (values.isEmpty() ? QString() : "<br>&nbsp;&nbsp;" + values.join(", ").toHtmlEscaped()));
}

void MainWindow::saveSessionWorkflow() {
  if (recorder_.empty()) {
    QMessageBox::information(this, "LiquidScope", "No step has run in this session yet: run a method first.");
    return;
  }
  QSettings settings;
  const QString file = QFileDialog::getSaveFileName(this, "Save session as workflow",
                                                    settings.value("folders/workflow").toString() + "/workflow.json",
                                                    "Workflows (*.json)");
  if (file.isEmpty()) return;
  settings.setValue("folders/workflow", QFileInfo(file).absolutePath());
  try {
    recorder_.save(file.toStdString());
    statusBar()->showMessage("Saved " + file, 5000);
  } catch (const std::exception& error) {
    QMessageBox::warning(this, "Cannot save " + file, error.what());
  }
}

void MainWindow::recordStep(const StepResult& step, const std::string& outputLayer, bool tableOutput) {
  if (step.inputs.empty()) {  // a method run from its panel
    recorder_.record(step.method, panelInputs_, step.request.params, outputLayer, tableOutput);
    return;
  }
  recorder_.recordWorkflowStep(WorkflowStep{step.method, step.inputs, step.outputFile, step.request.params}, outputLayer,
                               tableOutput, [this](const std::string& name) { return layers_.find(name) != nullptr; });
}

void MainWindow::reportFolderRun(bool succeeded) {
  const int failed = int(folderRun_.failures.size());
  log(QString("<b>folder run %1:</b> %2 of %3 files failed").arg(succeeded ? "done" : "stopped").arg(failed).arg(folderRun_.total));
  if (failed > 0) {
    lastJobFailed_ = true;
    if (property("batch").toBool()) qWarning("folder run, failed files:\n%s", qPrintable(folderRun_.failures.join("\n")));
    else QMessageBox::warning(this, "Run on a folder", QString("%1 of %2 files failed:\n\n").arg(failed).arg(folderRun_.total) +
                                                       folderRun_.failures.join("\n"));
  }
  folderRun_ = {};
}

}  // namespace lqs::gui
