#pragma once
// Polls a FrameSource on its own thread and queues each new frame with the time it was detected, so
// a frame's lag is measured from when it landed even while a block is being reconstructed. Stops
// when the source has been idle for `idleSeconds`, on stop(), or when the source throws (the error
// is kept for rethrowError()). The queue is bounded by memory: past a quarter of this machine's
// memory, polling pauses (the frames wait in the source) and the idle clock does not run.
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include "core/frame_source.hpp"

namespace lqs::cli {

double liveClock();  // monotonic seconds

class LiveIntake {
 public:
  LiveIntake(FrameSource& source, std::size_t pollFrames, double idleSeconds);
  ~LiveIntake();
  LiveIntake(const LiveIntake&) = delete;
  LiveIntake& operator=(const LiveIntake&) = delete;

  struct Batch {
    Stack frames;
    std::vector<double> detected;  // liveClock() when each frame was found complete
  };
  // Waits up to `waitSeconds` for `count` frames; returns them, or once polling has ended whatever
  // is left (fewer), else an empty batch.
  Batch take(std::size_t count, double waitSeconds);
  bool drained();  // polling has ended and every frame has been taken
  void stop();     // ends polling now; frames already queued can still be taken
  void rethrowError();

 private:
  void poll(std::size_t pollFrames, double idleSeconds);

  FrameSource& source_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Stack> chunks_;        // as the polls returned them; the first is partly taken
  std::size_t takenFromFirst_ = 0;  // frames of chunks_.front() already taken
  std::deque<double> detected_;     // one per queued frame
  std::size_t rows_ = 0, cols_ = 0;
  PixelSize pixelSize_;
  bool stopping_ = false, ended_ = false;
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace lqs::cli
