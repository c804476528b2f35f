#include "app/gui/engine_thread.hpp"

#include <set>

#include "app/cli/data_files.hpp"
#include "core/errors.hpp"

namespace lqs::gui {

namespace fs = std::filesystem;

namespace {

// Checksumming the inputs takes time, spent only where there are outputs to carry the record.
cli::Provenance recordOf(const Registry& registry, const RunRequest& request, const RunReport& report,
                         const std::vector<InputOrigin>& origins) {
  return report.result.outputs.empty() ? cli::Provenance{} : describeGuiRun(registry, request, report, origins);
}

}  // namespace

EngineThread::EngineThread(Engine& engine, QObject* parent)
    : QObject(parent), engine_(engine), worker_(new QObject) {
  qRegisterMetaType<lqs::gui::StepResult>();
  qRegisterMetaType<lqs::gui::FileOutcome>();
  qRegisterMetaType<std::vector<lqs::BenchmarkResult>>();
  worker_->moveToThread(&thread_);
  connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
  thread_.setObjectName("engine");
  thread_.start();
}

EngineThread::~EngineThread() {
  cancel();
  thread_.quit();
  thread_.wait();
}

bool EngineThread::busy() const {
  std::lock_guard lock(mutex_);
  return job_ != nullptr;
}

void EngineThread::cancel() {
  std::lock_guard lock(mutex_);
  if (job_) job_->cancel();
}

void EngineThread::start(std::function<void(const Job&)> task) {
  auto job = std::make_shared<Job>();
  job->onProgress([this](double fraction, const std::string& stage) {
    emit progress(fraction, QString::fromStdString(stage));
  });
  {
    std::lock_guard lock(mutex_);
    if (job_) throw RunError("a job is already running: wait for it or cancel it");
    job_ = job;
  }
  QMetaObject::invokeMethod(worker_, [this, job, task = std::move(task)] {
    bool succeeded = false;
    try {
      task(*job);
      succeeded = true;
    } catch (const Cancelled&) {
      emit failed("Cancelled.");
    } catch (const std::exception& error) {
      emit failed(QString::fromStdString(error.what()));
    }
    {
      std::lock_guard lock(mutex_);
      job_.reset();
    }
    emit finished(succeeded);
  });
}

void EngineThread::runMethod(RunRequest request, std::vector<InputOrigin> origins) {
  start([this, request = std::move(request), origins = std::move(origins)](const Job& job) {
    RunReport report = engine_.run(request, job);
    cli::Provenance record = recordOf(engine_.registry(), request, report, origins);
    emit stepFinished(StepResult{request.method, {}, {}, RunRequest{request.method, {}, request.params, {}}, std::move(report),
                                 std::move(record)});
  });
}

void EngineThread::runWorkflow(Workflow workflow, std::map<std::string, WorkflowLayer> layers, fs::path workflowFile) {
  start([this, workflow = std::move(workflow), layers = std::move(layers), workflowFile = std::move(workflowFile)](const Job& job) {
    const bool writeFiles = !workflowFile.empty();
    const auto input = [&](const std::string& name) -> Data {
      const auto layer = layers.find(name);
      return layer != layers.end() ? layer->second.data : cli::readData(workflow.resolve(name));
    };
    // Resolved like runWorkflow resolves inputs: an earlier step's output (a file only when written),
    // then a layer, then a file.
    std::set<fs::path> produced;
    const auto origin = [&](const std::string& name) -> InputOrigin {
      const fs::path file = workflow.resolve(name);
      if (produced.contains(file)) return {file.stem().string(), writeFiles ? file : fs::path()};
      const auto layer = layers.find(name);
      return {name, layer != layers.end() ? layer->second.source : file};
    };
    lqs::runWorkflow(workflow, engine_, job, input, [&](const StepOutcome& outcome) {
      const RunRequest request{outcome.step.method, {}, outcome.step.params, std::nullopt};
      std::vector<InputOrigin> origins;
      for (const auto& name : outcome.step.inputs) origins.push_back(origin(name));
      cli::Provenance record = recordOf(engine_.registry(), request, outcome.report, origins);
      if (writeFiles) record.workflow = fs::absolute(workflowFile).lexically_normal().string();
      if (!outcome.step.output.empty() && !outcome.report.result.outputs.empty()) {
        if (writeFiles) cli::writeOutputs(outcome.report.result, workflow.resolve(outcome.step.output), cli::provenanceWriter(record));
        produced.insert(workflow.resolve(outcome.step.output));
      }
      emit stepFinished(StepResult{outcome.step.method, outcome.step.output, outcome.step.inputs, request, outcome.report,
                                   std::move(record)});
    });
  });
}

void EngineThread::runBenchmark(RunRequest request, int repeat) {
  start([this, request = std::move(request), repeat](const Job& job) {
    auto results = benchmarkImplementations(engine_, request, repeat, job, [&](std::size_t done, std::size_t total) {
      job.progress(double(done) / double(total), "benchmark");
    });
    emit benchmarkFinished(QString::fromStdString(request.method), results);
  });
}

void EngineThread::runOnFiles(Workflow workflow, std::vector<std::filesystem::path> files, std::filesystem::path outputFolder) {
  start([this, workflow = std::move(workflow), files = std::move(files), outputFolder = std::move(outputFolder)](const Job& job) {
    gui::runOnFiles(
        workflow, files, outputFolder, engine_, job, [&](std::size_t index) { emit fileStarted(int(index), int(files.size())); },
        [&](std::size_t index, const FileOutcome& outcome) { emit fileFinished(int(index), outcome); });
  });
}

}  // namespace lqs::gui
