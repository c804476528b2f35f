#include "engine/job.hpp"

#include "core/errors.hpp"

namespace lqs {

void Job::checkCancelled() const {
  if (cancelled()) throw Cancelled();
}

std::function<void(std::size_t)> Job::afterBatches(std::size_t total) const {
  return [this, total](std::size_t done) {
    progress(double(done) / double(total));
    if (done < total) checkCancelled();
  };
}

}  // namespace lqs
