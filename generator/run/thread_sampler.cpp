#include "run/thread_sampler.h"

#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "run/tick_schedule.h"

namespace deckgen {
namespace {

int64_t monotonic_ns() {
  timespec t{};
  ::clock_gettime(CLOCK_MONOTONIC, &t);
  return int64_t{t.tv_sec} * 1'000'000'000 + t.tv_nsec;
}

timespec to_timespec(int64_t ns) { return {static_cast<time_t>(ns / 1'000'000'000), static_cast<long>(ns % 1'000'000'000)}; }

// Asks the kernel to wake the sampler's thread on time; neither needs privileges, and
// where either is not known the thread samples as before.
// - Timer slack: a sleeping thread's wake-up may be put off by up to 50 µs to batch
//   timers; the sampler's deadlines are exact.
// - A short time slice (sched_setattr's sched_runtime for SCHED_OTHER, Linux 6.12 and
//   later; earlier kernels ignore it): the EEVDF scheduler lets a waking thread with a
//   shorter slice than the running one's take the CPU at once. Otherwise, with every CPU
//   busy with the snippet, the sampler waits until the running thread's slice (about
//   1.4 ms on two CPUs, longer on more) is used up: longer than a tick.
//   The sampler's own CPU time (about 60 µs a tick) is the same either way.
void wake_on_time() {
  ::prctl(PR_SET_TIMERSLACK, 1UL, 0UL, 0UL, 0UL);
  // The kernel's struct sched_attr, first version (<linux/sched/types.h> clashes with
  // glibc's <sched.h>, and glibc 2.36 has no wrapper).
  struct {
    uint32_t size, sched_policy;
    uint64_t sched_flags;
    int32_t sched_nice;
    uint32_t sched_priority;
    uint64_t sched_runtime, sched_deadline, sched_period;
  } attr{};
  static_assert(sizeof attr == 48, "SCHED_ATTR_SIZE_VER0");
  // The policy and nice value deckgen runs with stay (a build run under `nice` or
  // SCHED_IDLE keeps its sampler as low).
  const int policy = ::sched_getscheduler(0);
  if (policy != SCHED_OTHER && policy != SCHED_BATCH) return;
  errno = 0;
  const int nice = ::getpriority(PRIO_PROCESS, id_t(::gettid()));
  if (errno != 0) return;
  attr.size = sizeof attr;
  attr.sched_policy = uint32_t(policy);
  attr.sched_nice = nice;
  attr.sched_runtime = 100'000;  // ns: the shortest slice the kernel allows
  ::syscall(SYS_sched_setattr, 0, &attr, 0U);
}

// A /proc file kept open and re-read from its start with pread(), while the sampler's
// budget of descriptors lasts; past it (a snippet of thousands of threads) it is opened
// for each read instead, so deckgen never runs out of descriptors. Its path (`prefix`
// then `name`) is only put together when it is opened: a tick allocates nothing.
class ProcFile {
 public:
  explicit ProcFile(int* budget = nullptr) : budget_(budget) {}
  ProcFile(const ProcFile&) = delete;
  ProcFile& operator=(const ProcFile&) = delete;
  ~ProcFile() { close(); }
  void close() {
    if (fd_ < 0) return;
    ::close(fd_);
    fd_ = -1;
    if (budget_) ++*budget_;
  }
  // The file's text (up to the buffer's size), or empty when it cannot be read: the
  // thread is gone.
  std::string_view read(int dir_fd, std::string_view prefix, std::string_view name, char* buffer, size_t size) {
    int fd = fd_;
    if (fd < 0) {
      std::string path;
      path.reserve(prefix.size() + name.size());
      path.append(prefix).append(name);
      fd = ::openat(dir_fd, path.c_str(), O_RDONLY | O_CLOEXEC);
    }
    if (fd < 0) return {};
    ssize_t n = ::pread(fd, buffer, size, 0);
    if (n < 0 && fd == fd_) {
      // The kept file of a thread that ended: opened anew, in case its id was taken again.
      close();
      return read(dir_fd, prefix, name, buffer, size);
    }
    if (fd != fd_) {
      if (n >= 0 && budget_ && *budget_ > 0) {
        fd_ = fd;
        --*budget_;
      } else {
        ::close(fd);
      }
    }
    return n > 0 ? std::string_view(buffer, size_t(n)) : std::string_view();
  }

 private:
  int* budget_;
  int fd_ = -1;
};

long to_long(std::string_view text) {
  long value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

uint64_t to_u64(std::string_view text) {
  uint64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

// The space-separated fields of `text` after its first `skip`.
std::string_view field(std::string_view text, size_t index) {
  size_t at = 0;
  for (size_t i = 0; i < index; ++i) {
    at = text.find(' ', at);
    if (at == std::string_view::npos) return {};
    ++at;
  }
  size_t end = text.find_first_of(" \n", at);
  return text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
}

struct ThreadEntry {
  explicit ThreadEntry(int* budget) : stat(budget), schedstat(budget), syscall(budget), wchan(budget), children(budget) {}
  size_t index = 0;              // into ThreadSamples::threads
  std::string prefix;            // "TID/" under the process's task folder
  ProcFile stat, schedstat, syscall, wchan, children;
  uint64_t run_ns = 0;           // schedstat's run time ...
  uint64_t run_tick = 0;         // ... as read at this tick; 0: never
  uint64_t last_tick = 0;        // 1-based tick of the last sample; 0: none
  uint64_t listed_tick = 0;      // the last tick it was listed at or read
  uint64_t taken_tick = 0;       // the last tick it was sampled at
};

struct ProcessEntry {
  int task_dir = -1;             // /proc/PID/task, kept open
  int pid = 0;
  size_t index = 0;              // into ThreadSamples::processes
  uint64_t found_tick = 0;       // the last tick a children list named it at
  clockid_t cpu_clock{};         // the process's CPU-time clock (clock_getcpuclockid)
  bool has_clock = false;
  // Its CPU clock's readings over the last kClockWindowNs (a ring: no allocation a tick),
  // each with the time its threads spent in R so far (as stat said, before judging).
  struct ClockReading {
    int64_t at = 0, cpu_ns = 0, r_ns = 0;
  };
  std::array<ClockReading, 128> clock{};
  size_t clock_first = 0, clock_count = 0;
  int64_t r_ns = 0;              // its threads' time in R so far, summed
  double owed = 0;               // threads' worth of waiting found and not yet drawn
  std::unordered_map<int, ThreadEntry> threads;
  std::vector<int> order;        // its threads as last listed, in the task folder's order
  ~ProcessEntry() {
    if (task_dir >= 0) ::close(task_dir);
  }
};

// The CPUs deckgen (and so the snippet) may run on.
int usable_cpus() {
  cpu_set_t set;
  if (::sched_getaffinity(0, sizeof set, &set) != 0) return int(std::max(1L, ::sysconf(_SC_NPROCESSORS_ONLN)));
  return std::max(1, CPU_COUNT(&set));
}

}  // namespace

struct ThreadTicks::State {
  // Descriptors kept open across ticks (five per thread): well inside the usual limit of
  // 1,024, with room for deckgen's own.
  int fd_budget = 600;
  pid_t root;
  int64_t interval_ns;
  ProcView view;
  int cpus;
  ThreadSamples samples;
  std::unordered_map<int, ProcessEntry> processes;
  ProcFile root_children{&fd_budget};
  std::string root_children_path;
  uint64_t tick = 0;
  char buffer[4096];
  // Kept between ticks, so that a tick allocates nothing once they have grown.
  std::vector<int> queue, tids;

  struct Taken {
    ThreadEntry* thread;
    int task_dir;                // its process's task folder
    ThreadState state;
    int cpu;
    uint64_t ran_ns = 0;         // run time since the last tick, once ran_since_last_tick() read it
    bool ran_read = false;
  };
  std::vector<Taken> taken;
  std::vector<Taken*> on_cpu;

  std::string_view read(ProcFile& file, int dir_fd, std::string_view prefix, std::string_view name) {
    ++samples.proc_reads;
    return file.read(dir_fd, prefix, name, buffer, sizeof buffer);
  }

  void read_children(ProcFile& file, int dir_fd, std::string_view prefix) {
    std::string_view text = read(file, dir_fd, prefix, "children");
    for (size_t at = 0; at < text.size();) {
      size_t end = text.find(' ', at);
      if (end == std::string_view::npos) end = text.size();
      if (end > at) queue.push_back(int(to_long(text.substr(at, end - at))));
      at = end + 1;
    }
  }

  ProcessEntry* process(int pid) {
    auto it = processes.find(pid);
    if (it != processes.end()) {
      if (it->second.found_tick == tick) return nullptr;  // listed twice: sampled already
      it->second.found_tick = tick;
      return it->second.task_dir >= 0 ? &it->second : nullptr;
    }
    ProcessEntry& p = processes[pid];
    p.found_tick = tick;
    std::string path = view.root + "/" + std::to_string(pid) + "/task";
    p.task_dir = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (p.task_dir < 0) return nullptr;
    p.pid = pid;
    p.has_clock = view.process_cpu_ns || ::clock_getcpuclockid(pid, &p.cpu_clock) == 0;
    p.index = samples.processes.size();
    samples.processes.push_back({pid, {}});
    return &p;
  }

  // The thread ids in a process's task folder, read again from its start.
  void list_threads(ProcessEntry& p) {
    ++samples.task_listings;
    tids.clear();
    ::lseek(p.task_dir, 0, SEEK_SET);
    alignas(8) char entries[4096];
    for (;;) {
      long n = ::syscall(SYS_getdents64, p.task_dir, entries, sizeof entries);
      if (n <= 0) break;
      for (long at = 0; at < n;) {
        auto* entry = reinterpret_cast<struct dirent64*>(entries + at);
        if (entry->d_name[0] >= '0' && entry->d_name[0] <= '9') tids.push_back(int(to_long(entry->d_name)));
        at += entry->d_reclen;
      }
    }
  }

  void record(ThreadEntry& t, ThreadState state, int cpu, int64_t now) {
    SampledThread& thread = samples.threads[t.index];
    ++thread.samples;
    ++samples.state_samples[size_t(state)];
    const bool continues = t.last_tick + 1 == tick && !thread.intervals.empty();
    t.last_tick = tick;
    if (continues) {
      StateInterval& last = thread.intervals.back();
      if (last.state == state && last.cpu == cpu) {
        last.end_ns = now + interval_ns;
        return;
      }
    }
    if (kept_intervals >= kMaxStateIntervals) {
      ++samples.dropped_intervals;
      return;
    }
    int64_t start = now;
    if (!thread.intervals.empty()) start = std::max(start, thread.intervals.back().end_ns);
    thread.intervals.push_back({start, now + interval_ns, state, cpu});
    ++kept_intervals;
  }
  size_t kept_intervals = 0;

  // Where the processes come from. With the kernel's lifecycle records, a process is
  // known from its start record, and the children lists need not be read (two reads a
  // tick of a single computing thread, of three); without them, or once the kernel
  // dropped records (a process may have been missed), from the children lists.
  bool by_records() const { return samples.started_threads && lost_starts == 0; }
  std::vector<int> live_pids;    // by_records: processes started and not seen gone, in order of start

  void sample(int64_t now) {
    ++tick;
    queue.clear();
    taken.clear();
    const bool records = by_records();
    if (records)
      queue.assign(live_pids.begin(), live_pids.end());
    else
      read_children(root_children, AT_FDCWD, root_children_path);
    for (size_t q = 0; q < queue.size(); ++q) {
      const int pid = queue[q];
      ProcessEntry* p = process(pid);
      if (!p) continue;
      const size_t first = taken.size();
      take_threads(*p, records);
      judge_queued(*p, first, now);
      // Threads that ended: their descriptors go back to the budget.
      std::erase_if(p->threads, [&](const auto& entry) { return entry.second.listed_tick != tick; });
    }
    // A process none of whose threads is left is gone (its pid may be taken again).
    if (records)
      std::erase_if(live_pids, [&](int pid) {
        auto it = processes.find(pid);
        return it == processes.end() || it->second.task_dir < 0 || it->second.order.empty();
      });
    std::erase_if(processes, [&](const auto& entry) { return entry.second.found_tick != tick; });
    // More threads on a CPU than there are CPUs: the excess waits for one. The stat
    // state says R for both; the ones that ran least since the last tick are waiting.
    size_t running = 0;
    for (const Taken& t : taken) running += t.state == ThreadState::running;
    if (running > size_t(cpus)) {
      on_cpu.clear();
      for (Taken& t : taken)
        if (t.state == ThreadState::running) ran_since_last_tick(t), on_cpu.push_back(&t);
      std::stable_sort(on_cpu.begin(), on_cpu.end(), [](const Taken* a, const Taken* b) { return a->ran_ns < b->ran_ns; });
      for (size_t i = 0; i + size_t(cpus) < on_cpu.size(); ++i) on_cpu[i]->state = ThreadState::runnable, on_cpu[i]->cpu = -1;
      running = size_t(cpus);
    }
    for (const Taken& t : taken) record(*t.thread, t.state, t.cpu, now);
    if (!taken.empty()) ++samples.ticks_with_threads;
    if (running >= 2) ++samples.ticks_overlapping;
    if (samples.ticks == 0) samples.start_ns = now;
    ++samples.ticks;
    samples.end_ns = now + interval_ns;
  }

  // A process's threads, each sampled once. The task folder is listed again (getdents)
  // only when its threads may have changed: each thread's stat says how many threads the
  // process has (num_threads), so while every thread of the last listing can still be
  // read and each says there are that many, they are all there are. A thread started
  // since shows as a count that differs, one that ended (even if another took its
  // place) as a stat that cannot be read; either way the folder is listed within the
  // same tick, and the threads not sampled yet are.
  void take_threads(ProcessEntry& p, bool records) {
    bool same = !p.order.empty();
    for (size_t i = 0; same && i < p.order.size(); ++i) {
      auto it = p.threads.find(p.order[i]);
      std::optional<long> count = it == p.threads.end() ? std::nullopt : take(p, p.order[i], it->second, records);
      same = count && *count == long(p.order.size());
    }
    if (same) return;
    list_threads(p);
    p.order = tids;
    for (int tid : tids) {
      auto [it, inserted] = p.threads.try_emplace(tid, &fd_budget);
      ThreadEntry& t = it->second;
      t.listed_tick = tick;
      if (inserted) {
        t.prefix = std::to_string(tid) + "/";
        t.index = samples.threads.size();
        samples.threads.push_back({p.pid, tid, {}, 0, {}});
      }
      if (t.taken_tick != tick) take(p, tid, t, records);
    }
  }

  // stat says R both for a thread on a CPU and for one waiting in a run queue. What the
  // process's threads in R could have used is compared with what its CPU clock says they
  // used. That clock lags: read from another process, a running thread's time is added
  // only at the scheduler's tick (every 4 ms at Debian's HZ=250) or when it is switched
  // out (kernel/sched/cputime.c, thread_group_cputime), so over one 1 ms interval a
  // thread computing all along mostly shows 0 and sometimes 4 ms. Over kClockWindowNs the
  // lag is at most one scheduler tick per thread at either end: when the clock says
  // fewer CPUs' worth than the R threads could have used, by more than that lag can
  // explain, the shortfall is drawn as threads waiting, the ones that ran least
  // (schedstat) first.
  static constexpr int64_t kClockWindowNs = 40'000'000;    // 10 scheduler ticks at HZ=250
  static constexpr int64_t kClockMinSpanNs = 20'000'000;   // judged only over this much
  static constexpr double kClockNoise = 0.3;                // CPUs: less is not told from lag
  void judge_queued(ProcessEntry& p, size_t first, int64_t now) {
    if (!p.has_clock) return;
    std::optional<int64_t> read = process_cpu_ns(p);
    if (!read) return;
    std::vector<Taken*>& r = on_cpu;
    r.clear();
    for (size_t i = first; i < taken.size(); ++i)
      if (taken[i].state == ThreadState::running) r.push_back(&taken[i]);
    if (p.clock_count > 0) {
      const ProcessEntry::ClockReading& last = p.clock[(p.clock_first + p.clock_count - 1) % p.clock.size()];
      p.r_ns += int64_t(r.size()) * std::max<int64_t>(0, now - last.at);
    }
    // The reading from kClockWindowNs ago (or the oldest kept) is the window's start.
    while (p.clock_count > 1 && now - p.clock[(p.clock_first + 1) % p.clock.size()].at >= kClockWindowNs)
      p.clock_first = (p.clock_first + 1) % p.clock.size(), --p.clock_count;
    if (p.clock_count == p.clock.size()) p.clock_first = (p.clock_first + 1) % p.clock.size(), --p.clock_count;
    p.clock[(p.clock_first + p.clock_count) % p.clock.size()] = {now, *read, p.r_ns};
    ++p.clock_count;
    const ProcessEntry::ClockReading& start = p.clock[p.clock_first];
    const int64_t span = now - start.at;
    if (span < kClockMinSpanNs || r.empty()) return;
    const double could = double(p.r_ns - start.r_ns) / double(span);
    const double used = double(*read - start.cpu_ns) / double(span);
    // The shortfall, in threads, is spread over the ticks (a thread short of half a CPU
    // waits at every other tick), once it is past what the clock's lag can make: up to
    // a scheduler tick per thread at each end of the window, 0.2 of a CPU for one thread.
    const double short_of = could - used;
    p.owed = short_of >= kClockNoise ? p.owed + short_of : 0.0;
    const size_t spread = std::min(r.size(), size_t(p.owed));
    p.owed -= double(spread);
    // And at one tick no more of them run than the CPUs the process used over the window
    // (at least one): two Python threads under the GIL are both R for a moment at each
    // handoff, for longer on a busy machine, and between them they use one CPU.
    const size_t can_run = std::max<size_t>(1, size_t(std::lround(used + kClockNoise)));
    const size_t waiting = std::max(spread, r.size() > can_run ? r.size() - can_run : 0);
    if (waiting == 0) return;
    for (Taken* t : r) ran_since_last_tick(*t);
    std::stable_sort(r.begin(), r.end(), [](const Taken* a, const Taken* b) { return a->ran_ns > b->ran_ns; });
    for (size_t i = r.size() - waiting; i < r.size(); ++i)
      r[i]->state = ThreadState::runnable, r[i]->cpu = -1;
  }

  // How long a thread in R ran since the last tick (schedstat's run time), read only when
  // it must be told whether it ran or waited: more threads in R than its process used
  // CPUs, or than there are CPUs. A single computing thread, or two processes on two
  // CPUs, need not read it. Known when it was read at the last tick too, else 0 (as for a
  // thread's first tick in R).
  void ran_since_last_tick(Taken& t) {
    if (t.ran_read) return;
    t.ran_read = true;
    ThreadEntry& e = *t.thread;
    std::string_view sched = read(e.schedstat, t.task_dir, e.prefix, "schedstat");
    if (sched.empty()) return;
    const uint64_t run_ns = to_u64(field(sched, 0));
    if (e.run_tick != 0 && e.run_tick + 1 == tick) t.ran_ns = run_ns - std::min(run_ns, e.run_ns);
    e.run_ns = run_ns, e.run_tick = tick;
  }

  std::optional<int64_t> process_cpu_ns(const ProcessEntry& p) const {
    if (view.process_cpu_ns) return view.process_cpu_ns(p.pid);
    timespec cpu{};
    if (::clock_gettime(p.cpu_clock, &cpu) != 0) return std::nullopt;
    return int64_t{cpu.tv_sec} * 1'000'000'000 + cpu.tv_nsec;
  }

  // Samples one thread; its stat's count of its process's threads, or nothing when its
  // stat could not be read (it ended). Its children list is read unless processes are
  // known from lifecycle records.
  std::optional<long> take(ProcessEntry& p, int tid, ThreadEntry& t, bool records) {
    t.taken_tick = tick;
    std::string_view stat = read(t.stat, p.task_dir, t.prefix, "stat");
    size_t close = stat.rfind(')');
    size_t open = stat.find('(');
    if (close == std::string_view::npos || open == std::string_view::npos || close + 2 >= stat.size()) return std::nullopt;
    t.listed_tick = tick;
    std::string_view comm = stat.substr(open + 1, close - open - 1);
    SampledThread& thread = samples.threads[t.index];
    if (thread.name != comm) thread.name = comm;
    if (tid == p.pid && samples.processes[p.index].name != comm) samples.processes[p.index].name = comm;
    std::string_view rest = stat.substr(close + 2);  // "S ppid pgrp ...": field 3 onwards
    const long threads = to_long(field(rest, 20 - 3));
    ThreadReading reading;
    reading.state = rest[0];
    int cpu = int(to_long(field(rest, 39 - 3)));
    if (reading.state == 'S' || reading.state == 'D') {
      std::string_view call = read(t.syscall, p.task_dir, t.prefix, "syscall");
      reading.syscall = call.empty() || call[0] == 'r' ? -2 : to_long(field(call, 0));
      if (classify_thread(reading) == ThreadState::other) reading.wchan = read(t.wchan, p.task_dir, t.prefix, "wchan");
    }
    ThreadState state = classify_thread(reading);
    taken.push_back({&t, p.task_dir, state, state == ThreadState::running ? cpu : -1});
    if (!records) read_children(t.children, p.task_dir, t.prefix);
    return threads;
  }

  // Tasks the kernel said were started, by tid (a tid may be taken again in one run).
  std::unordered_map<int, uint64_t> starts;
  uint64_t lost_starts = 0;

  void finish() {
    samples.short_threads = 0;
    if (samples.started_threads) {
      // Every start not drawn (seen at two ticks or more) was too short to draw, seen
      // at one tick or at none.
      for (const SampledThread& t : samples.threads)
        if (t.samples >= 2)
          if (auto it = starts.find(t.tid); it != starts.end() && it->second > 0) --it->second;
      for (const auto& [tid, count] : starts) samples.short_threads += count;
      if (lost_starts > 0)
        samples.short_threads_missed = fmt::format("the kernel dropped {} of its thread lifecycle records", lost_starts);
    } else {
      for (const SampledThread& t : samples.threads) samples.short_threads += t.samples == 1;
    }
    timespec cpu{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
    samples.sampler_cpu_seconds = double(cpu.tv_sec) + double(cpu.tv_nsec) * 1e-9;
    processes.clear();
    root_children.close();
  }
};

ThreadTicks::ThreadTicks(pid_t root, std::chrono::nanoseconds interval, ProcView view)
    : state_(std::make_unique<State>()) {
  State& s = *state_;
  s.root = root;
  s.interval_ns = std::max<int64_t>(interval.count(), 100'000);
  s.samples.interval_ns = s.interval_ns;
  s.cpus = view.cpus > 0 ? view.cpus : usable_cpus();
  s.root_children_path = view.root + "/" + std::to_string(root) + "/task/" + std::to_string(root) + "/";
  s.view = std::move(view);
}

ThreadTicks::~ThreadTicks() = default;

int64_t ThreadTicks::interval_ns() const { return state_->interval_ns; }

void ThreadTicks::sample(int64_t now_ns) { state_->sample(now_ns); }

void ThreadTicks::missed(uint64_t ticks) { state_->samples.missed_ticks += ticks; }

void ThreadTicks::timing(int64_t latest_wake_ns, int64_t longest_sample_ns) {
  state_->samples.latest_wake_ns = latest_wake_ns;
  state_->samples.longest_sample_ns = longest_sample_ns;
}

void ThreadTicks::count_starts() { state_->samples.started_threads = 0; }

void ThreadTicks::started(const std::vector<ThreadStart>& tasks) {
  State& s = *state_;
  if (!s.samples.started_threads) return;
  *s.samples.started_threads += tasks.size();
  for (const ThreadStart& t : tasks) {
    ++s.starts[t.tid];
    if (t.tid != t.pid) continue;
    // A new process. A pid still known is one taken again: the old process is gone.
    s.processes.erase(t.pid);
    std::erase(s.live_pids, t.pid);
    s.live_pids.push_back(t.pid);
  }
}

void ThreadTicks::starts_lost(uint64_t records) { state_->lost_starts = records; }

void ThreadTicks::starts_refused(std::string why) {
  state_->samples.started_threads.reset();
  state_->samples.short_threads_missed = std::move(why);
}

ThreadSamples ThreadTicks::finish() {
  state_->finish();
  return std::move(state_->samples);
}

ThreadSampler::ThreadSampler(pid_t root, std::chrono::nanoseconds interval, const LifecycleOpener& open_lifecycle)
    : ticks_(root, interval) {
  LifecycleOpened lifecycle = open_lifecycle(root);
  if (lifecycle.source) {
    ticks_.count_starts();
    lifecycle_ = std::move(lifecycle.source);
  } else {
    ticks_.starts_refused("the kernel refused thread lifecycle records: " + lifecycle.refused);
  }
  thread_ = std::thread([this] {
    wake_on_time();
    TickSchedule schedule(monotonic_ns(), ticks_.interval_ns());
    std::vector<ThreadStart> started;  // kept: a tick allocates nothing once it has grown
    auto take_starts = [&] {
      if (!lifecycle_) return;
      lifecycle_->drain(started);
      if (!started.empty()) ticks_.started(started), started.clear();
    };
    while (!stopping_.load(std::memory_order_relaxed)) {
      const int64_t woke = monotonic_ns();
      take_starts();
      if (lifecycle_) ticks_.starts_lost(lifecycle_->lost());
      ticks_.sample(woke);
      ticks_.missed(schedule.sampled(woke, monotonic_ns()));
      timespec wake = to_timespec(schedule.deadline());
      while (::clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &wake, nullptr) == EINTR) {
      }
    }
    ticks_.timing(schedule.latest_wake_ns(), schedule.longest_sample_ns());
    take_starts();  // the snippet has ended: every start is in the rings
    if (lifecycle_) ticks_.starts_lost(lifecycle_->lost());
    samples_ = ticks_.finish();  // on this thread: its CPU time is the sampler's
  });
}

ThreadSampler::~ThreadSampler() {
  if (thread_.joinable()) {
    stopping_ = true;
    thread_.join();
  }
}

ThreadSamples ThreadSampler::stop() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
  return std::move(samples_);
}

}  // namespace deckgen
