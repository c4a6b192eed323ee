#pragma once
// Provenance: the machine the snippets were measured on, probed once per build and shown
// on the final "measured on" slide and in the report.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace deckgen {

struct Machine {
  std::string cpu_model;     // "AMD EPYC 7763 64-Core Processor", runs of spaces collapsed
  int logical_cores = 0;     // online CPUs, hyperthreads counted
  int physical_cores = 0;    // distinct (socket, core) pairs; = logical when not reported
  uint64_t memory_bytes = 0;
  std::string kernel;        // uname: "Linux 6.1.0-18-amd64 x86_64"
  std::string distribution;  // os-release's PRETTY_NAME: "Debian GNU/Linux 12 (bookworm)"
  // Tells builds on the same host apart without publishing its name. Not a secret: a
  // guessable name can be found by hashing candidates.
  std::string hostname_hash;
  // The cores deckgen and its snippets may use: the CPUs of the affinity mask (taskset,
  // cpusets), fewer when the cgroup's CPU quota allows less. A speed-up claim is about
  // these, not about the machine's total.
  int usable_cores = 0;     // (after the fields above, so that aggregate initialisers still work)
  // Of those, the physical cores: SMT siblings counted once, within the mask and the quota.
  // Two threads on one core's siblings share its execution units: a 4-vCPU runner with
  // SMT (2 cores) tops out near a 2× speed-up, not 4×.
  int usable_physical_cores = 0;
  int threads_per_core = 1;          // SMT siblings per core within the mask (1: no SMT)
  std::string affinity;              // the affinity mask's CPUs: "0-3"
  std::optional<double> cpu_quota;   // the cgroup's CPU quota in CPUs (1.5), if there is one
  std::string cpus_requested;        // what `--cpus` asked for, as given; empty: not asked
};

// Probes this machine: /proc/cpuinfo, /sys/devices/system/cpu, /proc/self/status and
// /proc/self/cgroup with /sys/fs/cgroup (measure/cpu_topology.h), sysconf, uname and
// /etc/os-release, each under `root` ("/" here; a fake tree in tests). Parts it cannot read
// are left empty or 0 ("unknown" for the CPU model); it never fails.
Machine probe_machine(const std::filesystem::path& root = "/");

// The whole cores a cgroup v2 `cpu.max` file grants ("150000 100000": 1; "max 100000":
// none, no limit), rounded down: a quota of 1.5 cores cannot run two threads at full
// speed. At least 1 when there is a quota at all.
std::optional<int> parse_cpu_max(std::string_view text);

// The usable cores from the affinity mask's CPU count and the cgroup quotas met on the
// way from the process's cgroup to the root (each `cpu.max`, when present).
int usable_cores(int affinity_cpus, const std::vector<std::optional<int>>& quotas);

// "2 usable (1 physical) of 4 logical, 2 physical" and the mask, quota and SMT behind
// them, for the provenance slide.
std::string describe_cores(const Machine& machine);
std::string describe_cpu_limits(const Machine& machine);

// A stable one-line string of what decides how fast a snippet runs here (CPU model,
// core count, kernel), for labels and, later, as part of a cache key.
std::string machine_fingerprint(const Machine& machine);

// The affinity mask when it leaves some of the machine's CPUs out ("1", "0,2"); empty when
// it holds them all or is unknown. A cache key names it: two masks of one size can
// measure differently (a CPU that takes the interrupts, SMT siblings, P- and E-cores).
std::string narrower_affinity(const Machine& machine);

// What probe_machine takes from /proc/cpuinfo.
struct CpuInfo {
  std::string model;       // empty when no known field names it
  int logical_cores = 0;   // "processor" entries
  int physical_cores = 0;  // distinct (physical id, core id); = logical when absent
};
CpuInfo parse_cpuinfo(std::string_view text);

// The distribution's name from os-release text: PRETTY_NAME, else NAME and VERSION,
// else "Linux" (the default the os-release specification gives).
std::string parse_os_release(std::string_view text);

// 16 hex digits of the XXH3 hash of `hostname`.
std::string hash_hostname(std::string_view hostname);

}  // namespace deckgen
