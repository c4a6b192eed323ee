#include "run/tick_schedule.h"

#include <algorithm>

namespace deckgen {

TickSchedule::TickSchedule(int64_t start_ns, int64_t interval_ns)
    : interval_ns_(std::max<int64_t>(interval_ns, 1)), deadline_(start_ns) {}

uint64_t TickSchedule::sampled(int64_t woke_ns, int64_t done_ns) {
  if (woke_ns < deadline_) return 0;
  latest_wake_ns_ = std::max(latest_wake_ns_, woke_ns - deadline_);
  longest_sample_ns_ = std::max(longest_sample_ns_, done_ns - woke_ns);
  // The latest deadline the sample passed is the one it stands for.
  const uint64_t skipped = uint64_t((woke_ns - deadline_) / interval_ns_);
  deadline_ += int64_t(skipped + 1) * interval_ns_;
  missed_ += skipped;
  return skipped;
}

}  // namespace deckgen
