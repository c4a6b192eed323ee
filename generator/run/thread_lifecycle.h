#pragma once
// Every thread and process a snippet starts, counted by the kernel rather than seen by the
// sampler: a thread that starts and ends between two ticks never shows in /proc, and /proc
// has no counter of threads created. perf_event_open's lifecycle records do: a software
// "dummy" event with `task` set and `inherit` set, on the launcher, writes a
// PERF_RECORD_FORK for every task created below it from then on (threads, processes,
// daemons alike) into a ring buffer deckgen maps. The kernel refuses to map an inherited
// event that follows a task across CPUs, so there is one event, and one small ring, per
// CPU. Reading a ring is a load of its head: no system call while nothing was started.
//
// The kernel may refuse (kernel.perf_event_paranoid above 2, Debian's default; a seccomp
// filter; no perf events at all): then the sampler says so, and that threads shorter than
// a tick may be missed, rather than pretending it saw them all.
#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace deckgen {

// One task the kernel saw start: a thread (tid != pid) or a process (tid == pid).
struct ThreadStart {
  int pid = 0, tid = 0;
};

class ThreadLifecycle {
 public:
  virtual ~ThreadLifecycle() = default;
  // Appends the tasks started since the last call.
  virtual void drain(std::vector<ThreadStart>& started) = 0;
  // Records the kernel dropped because a ring was full (not drained in time).
  virtual uint64_t lost() const = 0;
};

struct LifecycleOpened {
  std::unique_ptr<ThreadLifecycle> source;  // null when refused
  std::string refused;                      // why, in words, when refused
};

// Counts the tasks `root` and its descendants start from now on (not `root` itself, nor
// what it started before). Call before `root` starts the snippet.
LifecycleOpened open_thread_lifecycle(pid_t root);

// The seam tests use to stand in for a kernel that refuses.
using LifecycleOpener = std::function<LifecycleOpened(pid_t root)>;

}  // namespace deckgen
