#pragma once
// Interference: how much CPU the rest of the machine used while a snippet ran. A timed
// run on a busy machine is flagged (on its slide and in the report), not silently kept.
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

// A run is on a busy machine when the rest of the machine used more than this share of
// one core over the run's wall time. An idle Linux machine's daemons use well under 2%;
// 10% means something real ran alongside (a build, a browser, another benchmark), which
// on a small machine takes a core, caches and memory bandwidth from the snippet.
inline constexpr double kBusyCoreShare = 0.10;

// Below this much other CPU nothing is flagged, whatever the wall time: each reading of
// /proc/stat is off by up to a 10 ms tick, so two readings cannot resolve less than 20 ms.
// Runs shorter than about 0.2 s therefore cannot be judged one at a time.
inline constexpr double kCpuTimesResolution = 0.020;

bool busy_machine(double other_cpu_seconds, double wall_seconds);

}  // namespace deckgen
