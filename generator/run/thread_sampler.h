#pragma once
// Samples every thread of a snippet's process tree from outside it, without
// instrumentation or privileges: a thread of deckgen's wakes on absolute ticks of
// CLOCK_MONOTONIC (the clock of deckgen_trace's spans, so the two line up) and reads,
// for each thread below the root, /proc/PID/task/TID/stat (state, last CPU), schedstat
// (run time and run-queue wait), and where it sleeps, syscall and wchan. Processes and
// threads started at any time are found through each thread's `children` list, which
// the launcher (a subreaper) keeps complete even for daemons that left the group.
// Files are opened once per thread and re-read with pread(); schedstat is read only
// where threads in R must be told apart (ran or waited for a CPU), syscall and wchan only
// for a sleeping thread, and a process's task folder is listed again (getdents on a kept
// descriptor) only when its stat's thread count or an ended thread says its threads
// changed. Threads that start and end between two ticks are counted all the same, from
// the kernel's lifecycle records (run/thread_lifecycle.h) where it allows them; those
// records also say which processes were started, so that no children list need be read.
// A tick of a computing thread then costs one read (its stat) and the process's CPU
// clock; three reads (root's children, the thread's stat and children) without them. A
// tick allocates nothing.
#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "run/thread_lifecycle.h"
#include "run/thread_samples.h"

namespace deckgen {

// Where the ticks read from: the real /proc, or a tree of recorded readings that tests lay
// out the same way (PID/task/TID/{stat,schedstat,syscall,wchan,children}) and change
// between ticks.
struct ProcView {
  std::string root = "/proc";
  int cpus = 0;   // the CPUs the snippet may run on; 0: those deckgen may run on
  // A process's CPU time so far in ns, or nothing when it cannot be read. Empty: the
  // process's CPU-time clock (clock_getcpuclockid), which /proc has no file for.
  std::function<std::optional<int64_t>(int pid)> process_cpu_ns;
};

// The sampling itself, one tick at a time: what ThreadSampler's thread does at each tick
// of the clock, and what tests drive over recorded readings at times of their choosing,
// so that the classification (who ran, who waited for a CPU) is checked on known input
// whatever the machine's load.
class ThreadTicks {
 public:
  ThreadTicks(pid_t root, std::chrono::nanoseconds interval, ProcView view = {});
  ~ThreadTicks();
  ThreadTicks(const ThreadTicks&) = delete;
  ThreadTicks& operator=(const ThreadTicks&) = delete;

  int64_t interval_ns() const;
  // Reads every thread below the root once, as of `now_ns` (CLOCK_MONOTONIC).
  void sample(int64_t now_ns);
  // Ticks skipped because the sampler fell behind.
  void missed(uint64_t ticks);
  // How late the latest wake-up came and how long the longest sample took: what made
  // ticks go missing.
  void timing(int64_t latest_wake_ns, int64_t longest_sample_ns);
  // The kernel's lifecycle records: that they are counted from now on, the tasks they
  // say were started (before the tick that should find them), and how many records it
  // dropped so far. Or why they are not had. Without either, only what the ticks saw is
  // counted. While every record is had, processes are found from their start records
  // rather than from the children lists.
  void count_starts();
  void started(const std::vector<ThreadStart>& tasks);
  void starts_lost(uint64_t records);
  void starts_refused(std::string why);
  // What was recorded, with the calling thread's CPU time as the sampler's. Call once.
  ThreadSamples finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

class ThreadSampler {
 public:
  // Starts sampling the descendants of `root` (not `root` itself: the launcher). The
  // kernel's lifecycle records are attached to `root` before this returns, so that the
  // tasks it starts afterwards are all counted: the launcher waits for deckgen's word.
  explicit ThreadSampler(pid_t root, std::chrono::nanoseconds interval = std::chrono::milliseconds(1),
                         const LifecycleOpener& open_lifecycle = open_thread_lifecycle);
  ~ThreadSampler();
  ThreadSampler(const ThreadSampler&) = delete;
  ThreadSampler& operator=(const ThreadSampler&) = delete;

  // Stops at the next tick and returns what was recorded. Call once.
  ThreadSamples stop();

 private:
  ThreadTicks ticks_;
  std::unique_ptr<ThreadLifecycle> lifecycle_;  // null: the kernel refused
  ThreadSamples samples_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace deckgen
