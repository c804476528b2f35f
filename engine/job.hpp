#pragma once
// A running job: progress reporting and cooperative cancel. Implementations call progress() and
// checkCancelled() between frames or tiles; the CLI's SIGINT handler and the GUI call cancel().
#include <atomic>
#include <cstddef>
#include <functional>
#include <string>

namespace lqs {

class Job {
 public:
  using ProgressFn = std::function<void(double fraction, const std::string& stage)>;

  void onProgress(ProgressFn fn) { progress_ = std::move(fn); }
  void progress(double fraction, const std::string& stage = {}) const {
    if (progress_) progress_(fraction, stage);
  }
  void cancel() { cancelled_.store(true); }  // async-signal-safe: a lock-free atomic store
  bool cancelled() const { return cancelled_.load(); }
  void checkCancelled() const;  // throws Cancelled
  // For work finished in batches of frames (gpu/frame_batching.hpp's AfterBatch): progress
  // done / total after each batch, and a cancel check before the next.
  std::function<void(std::size_t done)> afterBatches(std::size_t total) const;

 private:
  ProgressFn progress_;
  std::atomic<bool> cancelled_{false};
};

}  // namespace lqs
