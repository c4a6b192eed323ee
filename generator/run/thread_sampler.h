#pragma once
// Samples every thread of a snippet's process tree from outside it, without
// instrumentation or privileges: a thread of deckgen's wakes on absolute ticks of
// CLOCK_MONOTONIC (the clock of deckgen_trace's spans, so the two line up) and reads,
// for each thread below the root, /proc/PID/task/TID/stat (state, last CPU), schedstat
// (run time and run-queue wait), and where it sleeps, syscall and wchan. Processes and
// threads started at any time are found through each thread's `children` list, which
// the launcher (a subreaper) keeps complete even for daemons that left the group.
// Files are opened once per thread and re-read with pread(), and a process's task
// folder is re-listed with getdents on a kept descriptor, so a tick costs a few system
// calls per thread.
#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

#include "run/thread_samples.h"

namespace deckgen {

class ThreadSampler {
 public:
  // Starts sampling the descendants of `root` (not `root` itself: the launcher).
  explicit ThreadSampler(pid_t root, std::chrono::nanoseconds interval = std::chrono::milliseconds(1));
  ~ThreadSampler();
  ThreadSampler(const ThreadSampler&) = delete;
  ThreadSampler& operator=(const ThreadSampler&) = delete;

  // Stops at the next tick and returns what was recorded. Call once.
  ThreadSamples stop();

 private:
  struct State;
  std::unique_ptr<State> state_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace deckgen
