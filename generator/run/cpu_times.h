#pragma once
// Readings of how much of the CPUs deckgen may use was idle, taken around each run so
// that the measure stage can tell whether the rest of the machine was busy
// (measure/cpu_load.h judges that).
//
// The source is the per-CPU "cpuN" lines of /proc/stat, for the CPUs of deckgen's affinity
// mask only (work on CPUs outside it takes none of the snippet's). The CPU time used
// between two readings has two estimates there, each wrong in its own way:
//  - by idle: the mask's CPU time that passed (CPUs × the elapsed time on our own clock)
//    minus the idle + iowait that passed. A tickless kernel keeps idle to the microsecond,
//    so this is good to a tick per CPU while CPUs stay idle for long; but when they enter
//    and leave idle very often (processes that wake each other through a lock or a
//    barrier) the short idle periods are lost, and the time shows as used although no
//    busy counter has it: 13 of 95 ticks of a 0.48 s multiprocessing.Value run on the
//    idle 2-CPU VM, every run, which flagged all of them busy.
//  - by ticks: the busy counters (user nice system irq softirq steal), charged at each
//    tick to whatever ran then. Unbiased to a tick or two per CPU on such runs (57 ticks
//    against the children's 0.588 s of rusage), but sampling can charge whole ticks to
//    short work that happens to meet them: taken alone (before the busy rule asked for
//    three resolutions) they made most runs on an idle machine look busy.
// A competitor that really ran shows in both; each failure inflates only its own, so the
// smaller of the two is taken (the ticks' noise can then only lower a reading). From it deckgen's own CPU (every thread, from getrusage)
// and the snippet's (from wait4) are taken.
#include <optional>
#include <string_view>
#include <vector>

namespace deckgen {

struct CpuTimes {
  double idle_seconds = 0;  // idle + iowait of the CPUs read, summed
  double busy_seconds = 0;  // user + nice + system + irq + softirq + steal of them, summed
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

// The CPU seconds used on the mask's CPUs between two readings, both ways (see above).
struct UsedCpu {
  double by_idle = 0;   // the CPU time that passed and was not idle
  double by_ticks = 0;  // the busy counters' delta
};
UsedCpu used_cpu_seconds(const LoadReading& before, const LoadReading& after);

// The CPU seconds the rest of the machine used on the mask's CPUs between two readings:
// the smaller estimate of the CPU time used, minus deckgen's own and the snippet's
// (`snippet_cpu_seconds`: user + sys from its wait4()). Floored at 0.
double other_cpu_seconds(const LoadReading& before, const LoadReading& after, double snippet_cpu_seconds);

// The most two readings of `cpus` CPUs can be off: each CPU's idle time and busy counters
// are rounded down to a tick in each reading, so a delta is within a tick per CPU (the
// smaller of two estimates is no further from the truth than the worse of them when
// both are within it; below it when one overcounts); and the launcher's
// own start is not counted as the snippet's (well under a millisecond; 2 ms allowed).
double other_cpu_resolution(int cpus, double ticks_per_second);

}  // namespace deckgen
