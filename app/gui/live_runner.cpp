#include "app/gui/live_runner.hpp"

#include <QMetaObject>

namespace lqs::gui {

namespace {

QString summaryText(const cli::LiveSummary& s) {
  if (s.frames == 0) return QString("Live: no new frame (%1)").arg(QString::fromStdString(s.ended));
  return QString("Live %1: %2 frames in %3 blocks, arrived at %4 frames/s, reconstructed at %5 frames/s; lag mean %6 s, max %7 s")
      .arg(QString::fromStdString(s.ended))
      .arg(s.frames)
      .arg(s.blocks)
      .arg(s.arrivalRate, 0, 'f', 1)
      .arg(s.processingRate, 0, 'f', 1)
      .arg(s.meanLag, 0, 'f', 3)
      .arg(s.maxLag, 0, 'f', 3);
}

}  // namespace

LiveRunner::LiveRunner(Engine& engine, cli::LiveSettings settings, const std::filesystem::path& source,
                       std::filesystem::path output, QObject* parent)
    : QObject(parent), live_(engine, std::move(settings)), source_(openFrameSource(source)), output_(std::move(output)) {}

LiveRunner::~LiveRunner() {
  stop();
  if (thread_.joinable()) thread_.join();
}

void LiveRunner::start() {
  if (running_) return;
  if (thread_.joinable()) thread_.join();
  stop_ = std::make_unique<Job>();
  running_ = true;
  thread_ = std::thread([this, stop = stop_.get()] {
    QString message;
    try {
      const cli::LiveSummary summary = live_.run(*source_, output_, *stop, [this](const cli::LiveBlock& block) {
        QMetaObject::invokeMethod(this, [this, block] { emit blockDone(block); }, Qt::QueuedConnection);
      });
      message = summaryText(summary);
    } catch (const std::exception& error) {
      message = QString("Live reconstruction stopped: %1").arg(error.what());
    }
    running_ = false;
    QMetaObject::invokeMethod(this, [this, message] { emit ended(message); }, Qt::QueuedConnection);
  });
}

void LiveRunner::stop() {
  if (stop_) stop_->cancel();
}

}  // namespace lqs::gui
