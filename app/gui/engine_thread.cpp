#include "app/gui/engine_thread.hpp"

#include "app/cli/data_files.hpp"
#include "core/errors.hpp"

namespace lqs::gui {

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

void EngineThread::runMethod(RunRequest request) {
  start([this, request = std::move(request)](const Job& job) {
    RunReport report = engine_.run(request, job);
    emit stepFinished(StepResult{request.method, {}, {}, RunRequest{request.method, {}, request.params, {}}, std::move(report)});
  });
}

void EngineThread::runWorkflow(Workflow workflow, std::map<std::string, Data> layers, bool writeFiles) {
  start([this, workflow = std::move(workflow), layers = std::move(layers), writeFiles](const Job& job) {
    const auto input = [&](const std::string& name) -> Data {
      const auto layer = layers.find(name);
      return layer != layers.end() ? layer->second : cli::readData(workflow.resolve(name));
    };
    lqs::runWorkflow(workflow, engine_, job, input, [&](const StepOutcome& outcome) {
      if (writeFiles && !outcome.step.output.empty() && !outcome.report.result.outputs.empty())
        cli::writeOutputs(outcome.report.result, workflow.resolve(outcome.step.output));
      emit stepFinished(StepResult{outcome.step.method, outcome.step.output, outcome.step.inputs,
                                   RunRequest{outcome.step.method, {}, outcome.step.params, {}}, outcome.report});
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
