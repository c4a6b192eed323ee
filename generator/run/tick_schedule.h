#pragma once
// When the thread sampler wakes, and which of its ticks it missed: plain arithmetic on
// times it is given, so tests drive it with a fake clock.
//
// Ticks lie on a fixed grid of absolute deadlines, start + k × interval, which the
// sampler sleeps until with clock_nanosleep(TIMER_ABSTIME): time spent sampling or
// waking late never shifts the later ticks (no drift, as relative sleeps would have).
// A sample taken late stands for the latest deadline it passed; the deadlines before
// that one got no sample and are missed. The next wake-up is the deadline after it, so
// a late wake-up never brings a burst of catch-up samples of one moment (which would
// count as samples without showing anything new).
#include <cstdint>

namespace deckgen {

class TickSchedule {
 public:
  TickSchedule(int64_t start_ns, int64_t interval_ns);

  // The deadline to sleep until.
  int64_t deadline() const { return deadline_; }

  // A sample began at `woke_ns` and ended at `done_ns`: moves the deadline on and
  // returns how many deadlines went without a sample. A wake-up before the deadline (a
  // signal) is not a tick: 0, and the deadline stays.
  uint64_t sampled(int64_t woke_ns, int64_t done_ns);

  uint64_t missed() const { return missed_; }
  int64_t latest_wake_ns() const { return latest_wake_ns_; }    // the longest a sample began after its deadline
  int64_t longest_sample_ns() const { return longest_sample_ns_; }

 private:
  int64_t interval_ns_;
  int64_t deadline_;
  uint64_t missed_ = 0;
  int64_t latest_wake_ns_ = 0, longest_sample_ns_ = 0;
};

}  // namespace deckgen
