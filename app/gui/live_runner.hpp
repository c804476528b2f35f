#pragma once
// Runs a live reconstruction (app/cli/live_reconstruction.hpp) for the window on its own thread;
// each block comes back on the GUI thread through blockDone. stop() ends the run once the frames
// already read are reconstructed; start() again resumes on the same source, going on from the
// running reconstruction and the block series.
#include <QObject>
#include <QString>
#include <atomic>
#include <filesystem>
#include <memory>
#include <thread>

#include "app/cli/live_reconstruction.hpp"

namespace lqs::gui {

class LiveRunner : public QObject {
  Q_OBJECT
 public:
  // ParameterError for settings live reconstruction refuses.
  LiveRunner(Engine& engine, cli::LiveSettings settings, const std::filesystem::path& source,
             std::filesystem::path output, QObject* parent = nullptr);
  ~LiveRunner() override;  // stops and waits

  void start();  // starts, or resumes after stop()
  void stop();
  bool running() const { return running_; }

 signals:
  void blockDone(const lqs::cli::LiveBlock& block);
  void ended(const QString& message);  // the summary, or why it failed

 private:
  cli::LiveReconstruction live_;
  std::unique_ptr<FrameSource> source_;
  std::filesystem::path output_;
  std::unique_ptr<Job> stop_;  // one per run: a Job cannot be un-cancelled
  std::thread thread_;
  std::atomic<bool> running_{false};
};

}  // namespace lqs::gui
