#pragma once
// What sampling a snippet's threads from outside recorded (run/thread_sampler.h): for
// every thread of its process tree, the state it was in at each tick, merged into
// intervals, and the counts the `threads.*` metrics are made of. Plain data, and the
// one classification of a thread's /proc readings into a state.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace deckgen {

// What a thread was doing at one sample.
enum class ThreadState : uint8_t {
  running,   // on a CPU (which one is kept)
  runnable,  // ready, waiting for a CPU
  lock,      // in futex: a mutex, a condition variable, the GIL
  io,        // poll/epoll/select, reads and writes (sockets, pipes, files), accept, connect
  sleep,     // nanosleep, clock_nanosleep
  other,     // any other wait (wait4, a page fault, a stopped thread, ...)
};
inline constexpr size_t kThreadStateCount = 6;

// "running", "runnable", "lock", "io", "sleep", "other": the names of the trace's
// deckgen.sched events and of the `threads.*` metrics.
std::string_view thread_state_name(ThreadState state);

// One thread's readings at one sample.
struct ThreadReading {
  char state = '?';          // from stat: R, S, D, T, t, Z, X, I, ...
  long syscall = -2;         // from syscall: its number; -1 not in a syscall; -2 unknown or running
  std::string_view wchan;    // the kernel function it sleeps in, where syscall did not say
  bool queued = false;       // R, but the sampler judged it waiting for a CPU (thread_sampler.h says how)
};

// The state a reading means. Sleeping threads are told apart by the system call they
// wait in (the numbers of this machine's architecture), else by their wchan.
ThreadState classify_thread(const ThreadReading& reading);

struct StateInterval {
  int64_t start_ns = 0, end_ns = 0;  // CLOCK_MONOTONIC, the clock of deckgen_trace's spans
  ThreadState state = ThreadState::other;
  int cpu = -1;                      // the CPU it ran on, for running; else -1
};

struct SampledThread {
  int pid = 0, tid = 0;
  std::string name;                  // its comm, as last seen
  uint64_t samples = 0;
  std::vector<StateInterval> intervals;
};

struct SampledProcess {
  int pid = 0;
  std::string name;                  // the main thread's comm, as last seen
};

struct ThreadSamples {
  int64_t start_ns = 0, end_ns = 0;  // the first tick and the end of the last one
  int64_t interval_ns = 0;           // asked for
  uint64_t ticks = 0;                // samples taken
  uint64_t missed_ticks = 0;         // ticks skipped because the sampler fell behind
  int64_t latest_wake_ns = 0;        // the longest a sample began after its tick's deadline
  int64_t longest_sample_ns = 0;     // the longest one sample took
  double sampler_cpu_seconds = 0;    // the sampler thread's own CPU time
  uint64_t proc_reads = 0;           // /proc files read (what a tick costs, with ...)
  uint64_t task_listings = 0;        // ... the task folders listed: when threads came or went
  std::vector<SampledProcess> processes;  // in order of discovery
  std::vector<SampledThread> threads;     // in order of discovery
  // Thread samples per state, over every thread and tick.
  std::array<uint64_t, kThreadStateCount> state_samples{};
  uint64_t ticks_with_threads = 0;   // ticks at which the snippet had at least one thread
  uint64_t ticks_overlapping = 0;    // ... and two or more of them were running
  // Threads too short to draw: with the kernel's lifecycle records, every thread (or
  // process) started that was not seen at two ticks or more; without them, those seen at
  // one tick only.
  size_t short_threads = 0;
  // Threads and processes started below the root, counted from the kernel's lifecycle
  // records (run/thread_lifecycle.h); nothing when they were not had.
  std::optional<uint64_t> started_threads;
  // Why threads shorter than a tick may be missing from the counts (the kernel refused
  // lifecycle records, or dropped some); empty when every start was counted, or when
  // nobody asked (recorded readings in tests).
  std::string short_threads_missed;
  size_t dropped_intervals = 0;      // beyond kMaxStateIntervals: counted, not kept

  // Achieved samples per second.
  double rate_hz() const;
};

// Intervals kept over all threads: each is a trace event of about 110 bytes, and a
// trace may hold a million events. The counts (and so the metrics) go on past it.
inline constexpr size_t kMaxStateIntervals = 200'000;

}  // namespace deckgen
