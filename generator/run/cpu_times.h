#pragma once
// Readings of how much of the CPUs deckgen may use was idle, taken around each run so
// that the measure stage can tell whether the rest of the machine was busy
// (measure/cpu_load.h judges that).
//
// The source is the per-CPU "cpuN" lines of /proc/stat, for the CPUs of deckgen's affinity
// mask only (work on CPUs outside it takes none of the snippet's). Their busy counters
// (user, system...) are charged by sampling at each 10 ms tick, which made a run's delta
// good only to a tick or two per CPU: most runs on an idle machine looked busy. Idle and
// iowait are not sampled on a tickless kernel (every mainstream one): the kernel keeps
// them to the microsecond and only rounds them down to a tick when printing. So the CPU
// time used between two readings is the mask's CPU time that passed (CPUs × the elapsed
// time on our own clock) minus the idle time that passed, good to a tick per CPU; from it
// deckgen's own CPU (every thread, from getrusage) and the snippet's (from wait4) are taken.
#include <optional>
#include <string_view>
#include <vector>

namespace deckgen {

struct CpuTimes {
  double idle_seconds = 0;  // idle + iowait of the CPUs read, summed
  int cpus = 0;             // how many of them /proc/stat had a line for
};

// Parses the text of /proc/stat: the "cpuN" lines of the CPUs in `cpus` (all of them when
// empty); `ticks_per_second` is sysconf(_SC_CLK_TCK). nullopt when none of those lines
// has at least user, nice, system, idle.
std::optional<CpuTimes> parse_proc_stat(std::string_view text, const std::vector<int>& cpus, double ticks_per_second);

struct LoadReading {
  CpuTimes times;
  double at_seconds = 0;       // when it was read, on the monotonic clock
  double own_cpu_seconds = 0;  // deckgen's own user + system CPU (all its threads) until then
};

// Reads /proc/stat for `cpus` now; nullopt when it is unreadable (no /proc), so that
// callers record interference as unknown rather than as none.
std::optional<LoadReading> read_load(const std::vector<int>& cpus);

// The CPU seconds the rest of the machine used on the mask's CPUs between two readings:
// the CPU time that passed and was not idle, minus deckgen's own and the snippet's
// (`snippet_cpu_seconds`: user + sys from its wait4()). Floored at 0.
double other_cpu_seconds(const LoadReading& before, const LoadReading& after, double snippet_cpu_seconds);

// The most two readings of `cpus` CPUs can be off: each CPU's idle time is rounded down
// to a tick in each reading, so the delta is within a tick per CPU; and the launcher's
// own start is not counted as the snippet's (well under a millisecond; 2 ms allowed).
double other_cpu_resolution(int cpus, double ticks_per_second);

}  // namespace deckgen
