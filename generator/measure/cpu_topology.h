#pragma once
// The CPUs deckgen and its snippets may use, and how they map onto cores: the affinity
// mask, the SMT siblings within it and the cgroup v2 CPU quota. Read from a root folder:
// "/" on this machine, a fake /proc and /sys tree in the unit tests.
#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

namespace deckgen {

struct CpuShape {
  std::vector<int> online;       // /sys/devices/system/cpu/online (empty: not readable)
  std::vector<int> allowed;      // the affinity mask: Cpus_allowed_list of /proc/self/status
  int physical_in_mask = 0;      // distinct cores among `allowed`: SMT siblings counted once
  int threads_per_core = 1;      // the most siblings of one core within the mask (1: no SMT)
  std::optional<double> quota;   // the tightest cgroup `cpu.max` from this cgroup to the root, in CPUs
};

CpuShape probe_cpu_shape(const std::filesystem::path& root);

// A cgroup v2 `cpu.max` ("150000 100000": 1.5 CPUs; "max 100000": none, no limit).
std::optional<double> parse_cpu_quota(std::string_view text);

}  // namespace deckgen
