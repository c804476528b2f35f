#pragma once
// The main window: canvas in the middle, layers on the left, generated method panels on the right,
// curves and values at the bottom; File, Methods and Workflows menus. It owns the viewer model and
// the engine thread and turns job results into layers, plots and log lines.
#include <QMainWindow>
#include <memory>

#include "app/cli/session.hpp"
#include "app/gui/engine_thread.hpp"
#include "app/gui/jobs/frame_follower.hpp"
#include "app/gui/jobs/session_recorder.hpp"
#include "app/gui/model/layer_list.hpp"
#include "core/sample.hpp"

class QComboBox;
class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTextEdit;

namespace lqs::gui {

class Canvas;
class EngineView;
class MethodPanel;
class PlotView;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  MainWindow();
  ~MainWindow() override;

  LayerList& layers() { return layers_; }
  void openFiles(const QStringList& files);
  void openSample(const SampleOptions& options);
  // Inputs naming a layer use it; outputs become layers and files next to the workflow file.
  void runWorkflowFile(const QString& file);
  // The workflow on every TIFF of `folder` (outputs into `outputFolder`, or next to each file when
  // empty); failures are listed at the end.
  void runWorkflowOnFolder(const QString& workflowFile, const QString& folder, const QString& outputFolder);
  // Shows the Liquid Engine view for `method`.
  void showEngineView(const QString& method);

 signals:
  void jobDone(bool succeeded);

 protected:
  void closeEvent(QCloseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void buildMenus();
  void buildWorkflowsMenu();  // this and the other workflow members: main_window_workflows.cpp
  QWidget* buildMethodDock();
  void rebuildRecentMenu();
  void rememberRecent(const QString& file);
  void saveSelectedLayer();
  void askSampleOptions();
  void runPanel(MethodPanel* panel);
  void runReadyMade(const std::function<std::vector<WorkflowStep>(const ImageLayer&)>& steps);
  void startWorkflow(Workflow workflow, const std::filesystem::path& workflowFile);  // empty: outputs only as layers
  void saveSessionWorkflow();
  void fileFinished(int index, const FileOutcome& outcome);
  void reportFolderRun(bool succeeded);  // the summary and the failures, when a folder run ends
  // The method panel's request with its first image input replaced by the selected layer.
  RunRequest requestOnSelected(const std::string& method);
  void startBenchmark(const QString& method, int repeat);
  void startJob(const std::function<void()>& start);  // progress and cancel for a new engine job
  // Outputs as layers and plots; a followed measure's update replaces its layers' pixels instead
  // and is not recorded as a session step.
  void addStepResult(const StepResult& step, bool followedUpdate = false);
  void recordStep(const StepResult& step, const std::string& outputLayer, bool tableOutput);
  void jobFinished(bool succeeded);
  void showMethod(int index);
  void log(const QString& line);

  LayerList layers_;
  cli::Session session_;
  std::unique_ptr<EngineThread> engine_;
  FrameFollower* follower_;
  Canvas* canvas_;
  PlotView* plot_;
  QTextEdit* log_;
  QComboBox* methodChooser_;
  QStackedWidget* panels_;
  std::vector<MethodPanel*> methodPanels_;
  QProgressBar* progress_;
  QPushButton* cancel_;
  QLabel* cursorLabel_;
  QMenu* recentMenu_;
  EngineView* engineView_;
  bool lastJobFailed_ = false;

  SessionRecorder recorder_;
  std::vector<std::string> panelInputs_;  // the inputs of the method run from a panel
  struct FolderRun {
    int index = 0, total = 0;  // total 0: no folder run
    QStringList failures;
  } folderRun_;
};

}  // namespace lqs::gui
