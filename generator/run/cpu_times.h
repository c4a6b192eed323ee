#pragma once
// Readings of the machine's CPU time, taken around each run so that the measure stage
// can tell whether the rest of the machine was busy (measure/cpu_load.h judges that).
//
// The source is the aggregate "cpu" line of /proc/stat, which the kernel keeps in clock
// ticks of 1/USER_HZ s (10 ms on every mainstream Linux build). Its time is also charged
// by sampling at each tick, so a delta over one run is only good to a tick or two per CPU.
#include <optional>
#include <string_view>

namespace deckgen {

// Machine-wide CPU time since boot, summed over every CPU.
struct CpuTimes {
  double busy_seconds = 0;   // user + nice + system + irq + softirq + steal
  double total_seconds = 0;  // busy + idle + iowait
};

// Parses the text of /proc/stat; `ticks_per_second` is sysconf(_SC_CLK_TCK).
// nullopt when there is no aggregate "cpu" line with at least user, nice, system, idle.
std::optional<CpuTimes> parse_proc_stat(std::string_view text, double ticks_per_second);

// Reads /proc/stat now; nullopt when it is unreadable (no /proc), so that callers record
// interference as unknown rather than as none.
std::optional<CpuTimes> read_cpu_times();

// The CPU seconds the rest of the machine used between two readings: the busy time that
// passed, minus what the snippet itself used (user + sys from its wait4()). Floored at
// 0, as tick sampling can charge the snippet less than its exact rusage says.
double other_cpu_seconds(const CpuTimes& before, const CpuTimes& after, double own_cpu_seconds);

}  // namespace deckgen
