#pragma once
// Interference: how much CPU the rest of the machine used while a snippet ran. A timed
// run on a busy machine is flagged (on its slide and in the report), not silently kept.
// The readings come from run/cpu_times.h (the idle time of the mask's CPUs in /proc/stat).
#include "run/cpu_times.h"

namespace deckgen {

// A run is on a busy machine when the rest of the machine used more than this share of
// one core over the run's wall time. An idle Linux machine's daemons use well under 2%;
// 10% means something real ran alongside (a build, a browser, another benchmark), which
// on a small machine takes a core, caches and memory bandwidth from the snippet.
inline constexpr double kBusyCoreShare = 0.10;

// Below the readings' resolution nothing is flagged, whatever the wall time: each CPU's
// idle time in /proc/stat is rounded down to a 10 ms tick, so two readings of N CPUs
// cannot resolve less than N ticks (run/cpu_times.h gives the runner's). Runs shorter than
// about ten times that cannot be judged one at a time. This default is for a reading
// that says nothing of its resolution.
inline constexpr double kCpuTimesResolution = 0.020;

// A reading within a few resolutions of zero is rounding, not load.
inline constexpr double kResolutionsToBeBusy = 3;

bool busy_machine(double other_cpu_seconds, double wall_seconds, double resolution = kCpuTimesResolution);

}  // namespace deckgen
