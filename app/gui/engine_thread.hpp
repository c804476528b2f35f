#pragma once
// The engine thread: the GUI never computes. Jobs (one method run, or a workflow) are posted here,
// run on a worker QThread, and report progress, each step's result and failures through queued
// signals. cancel() sets the job's flag, which methods check between frames and tiles.
#include <QObject>
#include <QThread>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>

#include "app/gui/jobs/folder_run.hpp"
#include "app/gui/jobs/layer_provenance.hpp"
#include "engine/benchmark.hpp"
#include "engine/engine.hpp"
#include "engine/workflow.hpp"

namespace lqs::gui {

struct StepResult {
  std::string method;
  std::string outputFile;  // the workflow's "output" name; empty for a single method run
  std::vector<std::string> inputs;  // the workflow's input names; empty for a single method run
  RunRequest request;      // inputs dropped: only method and parameters are kept
  RunReport report;
  cli::Provenance record;  // what made the outputs (layerProvenance gives each result layer's); none without outputs
};

// A layer a workflow reads, and the file behind it (empty: computed in this session, never saved).
struct WorkflowLayer {
  Data data;
  std::filesystem::path source;
};

class EngineThread : public QObject {
  Q_OBJECT
 public:
  explicit EngineThread(Engine& engine, QObject* parent = nullptr);
  ~EngineThread() override;  // cancels a running job and waits for it

  bool busy() const;
  // `origins`: where request.inputs came from, in order, for the provenance record.
  void runMethod(RunRequest request, std::vector<InputOrigin> origins);
  // Inputs naming a key of `layers` use that data, others are files relative to the workflow. With a
  // workflow file, every step's outputs are also written next to it, with records naming it.
  void runWorkflow(Workflow workflow, std::map<std::string, WorkflowLayer> layers, std::filesystem::path workflowFile);
  // Every implementation `repeat` times on the request's inputs (`lqs bench`); runs are recorded.
  void runBenchmark(RunRequest request, int repeat);
  // The workflow on each file (folder_run.hpp); a failing file does not stop the others.
  void runOnFiles(Workflow workflow, std::vector<std::filesystem::path> files, std::filesystem::path outputFolder);
  void cancel();

 signals:
  void progress(double fraction, const QString& stage);
  void stepFinished(const lqs::gui::StepResult& step);
  void benchmarkFinished(const QString& method, const std::vector<lqs::BenchmarkResult>& results);
  void fileStarted(int index, int total);
  void fileFinished(int index, const lqs::gui::FileOutcome& outcome);
  void failed(const QString& message);
  void finished(bool succeeded);

 private:
  void start(std::function<void(const Job&)> task);

  Engine& engine_;
  QThread thread_;
  QObject* worker_;  // lives on thread_, the context the tasks run in
  mutable std::mutex mutex_;
  std::shared_ptr<Job> job_;  // the running job, null when idle
};

}  // namespace lqs::gui

Q_DECLARE_METATYPE(lqs::gui::StepResult)
Q_DECLARE_METATYPE(lqs::gui::FileOutcome)
Q_DECLARE_METATYPE(std::vector<lqs::BenchmarkResult>)
