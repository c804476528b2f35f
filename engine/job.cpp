#include "engine/job.hpp"

#include "core/errors.hpp"

namespace lqs {

void Job::checkCancelled() const {
  if (cancelled()) throw Cancelled();
}

}  // namespace lqs
