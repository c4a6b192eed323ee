#include "measure/cpu_topology.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <string>

#include "util/cpu_list.h"
#include "util/files.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

// "Cpus_allowed_list:\t0-3" in /proc/self/status: the mask of the process (its leader
// thread), which every snippet inherits.
std::vector<int> allowed_cpus(const fs::path& root) {
  std::string status = read_text(root / "proc/self/status").value_or("");
  LineCursor lines(status);
  for (std::string_view line; lines.next(line);) {
    constexpr std::string_view kKey = "Cpus_allowed_list:";
    if (line.starts_with(kKey)) return parse_cpu_list(line.substr(kKey.size())).value_or(std::vector<int>{});
  }
  return {};
}

// The quotas of this process's cgroup v2 and of each ancestor: a parent's limit binds
// its children too. Empty under cgroup v1 or without /sys/fs/cgroup.
std::optional<double> tightest_quota(const fs::path& root) {
  std::optional<double> tightest;
  std::string self = read_text(root / "proc/self/cgroup").value_or("");
  LineCursor lines(self);
  for (std::string_view line; lines.next(line);) {
    if (!line.starts_with("0::")) continue;  // the unified (v2) hierarchy
    std::string path(trim(line.substr(3)));
    for (;;) {
      std::string relative = (path.starts_with('/') ? path.substr(1) : path);
      if (auto text = read_text(root / "sys/fs/cgroup" / relative / "cpu.max"))
        if (auto quota = parse_cpu_quota(*text); quota && (!tightest || *quota < *tightest)) tightest = quota;
      if (path.empty() || path == "/") break;
      path = path.substr(0, path.rfind('/'));
    }
  }
  return tightest;
}

}  // namespace

std::optional<double> parse_cpu_quota(std::string_view text) {
  text = trim(text);
  size_t space = text.find(' ');
  std::string quota(text.substr(0, space));
  if (quota.empty() || quota == "max") return std::nullopt;
  double period = space == std::string_view::npos ? 100000 : std::atof(std::string(text.substr(space + 1)).c_str());
  double limit = std::atof(quota.c_str());
  if (limit <= 0 || period <= 0) return std::nullopt;
  return limit / period;
}

CpuShape probe_cpu_shape(const fs::path& root) {
  CpuShape shape;
  shape.online = parse_cpu_list(read_text(root / "sys/devices/system/cpu/online").value_or("")).value_or(std::vector<int>{});
  shape.allowed = allowed_cpus(root);
  if (shape.allowed.empty()) shape.allowed = shape.online;
  // A core is named by its siblings' list (the same text for each of its threads); a CPU
  // whose topology cannot be read counts as a core of its own.
  std::map<std::string, int> threads_of_core;
  for (int cpu : shape.allowed) {
    fs::path topology = root / fmt::format("sys/devices/system/cpu/cpu{}/topology", cpu);
    auto siblings = parse_cpu_list(read_text(topology / "thread_siblings_list").value_or(""));
    std::string core = siblings && !siblings->empty() ? fmt::format("core of {}", siblings->front())
                                                      : fmt::format("cpu {}", cpu);
    ++threads_of_core[core];
  }
  shape.physical_in_mask = static_cast<int>(threads_of_core.size());
  for (const auto& [_, threads] : threads_of_core) shape.threads_per_core = std::max(shape.threads_per_core, threads);
  shape.quota = tightest_quota(root);
  return shape;
}

}  // namespace deckgen
