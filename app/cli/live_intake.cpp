#include "app/cli/live_intake.hpp"

#include <algorithm>
#include <chrono>

#include "core/memory.hpp"

namespace lqs::cli {

double liveClock() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

LiveIntake::LiveIntake(FrameSource& source, std::size_t pollFrames, double idleSeconds)
    : source_(source), thread_([this, pollFrames, idleSeconds] { poll(pollFrames, idleSeconds); }) {}

LiveIntake::~LiveIntake() { stop(); }

void LiveIntake::poll(std::size_t pollFrames, double idleSeconds) {
  const std::uint64_t limit = physicalMemoryBytes() / 4;
  double lastArrival = liveClock();
  try {
    while (true) {
      bool full = false;
      {
        std::lock_guard lock(mutex_);
        if (stopping_) break;
        full = std::uint64_t(detected_.size()) * rows_ * cols_ * sizeof(float) > limit;
      }
      Stack arrived = full ? Stack() : source_.poll(pollFrames);
      const double now = liveClock();
      if (arrived.frames() == 0) {
        if (full) lastArrival = now;
        if (now - lastArrival >= idleSeconds) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        continue;
      }
      lastArrival = now;
      std::lock_guard lock(mutex_);
      rows_ = arrived.rows(), cols_ = arrived.cols(), pixelSize_ = arrived.pixelSize;
      detected_.insert(detected_.end(), arrived.frames(), now);
      chunks_.push_back(std::move(arrived));
      changed_.notify_all();
    }
  } catch (...) {
    std::lock_guard lock(mutex_);
    error_ = std::current_exception();
  }
  std::lock_guard lock(mutex_);
  ended_ = true;
  changed_.notify_all();
}

LiveIntake::Batch LiveIntake::take(std::size_t count, double waitSeconds) {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, std::chrono::duration<double>(waitSeconds),
                    [&] { return detected_.size() >= count || ended_; });
  const std::size_t n = detected_.size() >= count ? count : ended_ ? detected_.size() : 0;
  Batch batch{Stack(n, rows_, cols_), std::vector<double>(detected_.begin(), detected_.begin() + std::ptrdiff_t(n))};
  batch.frames.pixelSize = pixelSize_;
  detected_.erase(detected_.begin(), detected_.begin() + std::ptrdiff_t(n));
  for (std::size_t t = 0; t < n;) {
    const Stack& chunk = chunks_.front();
    const std::size_t part = std::min(n - t, chunk.frames() - takenFromFirst_);
    std::copy_n(chunk.frame(takenFromFirst_).data(), part * chunk.frameSize(), batch.frames.frame(t).data());
    t += part;
    takenFromFirst_ += part;
    if (takenFromFirst_ == chunk.frames()) chunks_.pop_front(), takenFromFirst_ = 0;
  }
  return batch;
}

bool LiveIntake::drained() {
  std::lock_guard lock(mutex_);
  return ended_ && detected_.empty();
}

void LiveIntake::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  if (thread_.joinable()) thread_.join();
}

void LiveIntake::rethrowError() {
  std::lock_guard lock(mutex_);
  if (error_) std::rethrow_exception(error_);
}

}  // namespace lqs::cli
