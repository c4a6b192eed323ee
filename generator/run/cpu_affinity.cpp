#include "run/cpu_affinity.h"

#include <sched.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "util/cpu_list.h"

namespace deckgen {

std::vector<int> allowed_cpus() {
  cpu_set_t set;
  CPU_ZERO(&set);
  std::vector<int> cpus;
  if (sched_getaffinity(0, sizeof set, &set) != 0) return cpus;
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
    if (CPU_ISSET(cpu, &set)) cpus.push_back(cpu);
  return cpus;
}

std::optional<std::string> cpu_request_problem(const std::string& request, const std::vector<int>& allowed) {
  if (request == "all") return std::nullopt;
  std::optional<std::vector<int>> cpus = parse_cpu_list(request);
  if (!cpus) return fmt::format("'{}' is not a list of CPUs", request);
  for (int cpu : *cpus)
    if (!std::binary_search(allowed.begin(), allowed.end(), cpu))
      return fmt::format("CPU {} is not one deckgen may use here (it may use {})", cpu, format_cpu_list(allowed));
  return std::nullopt;
}

std::optional<std::string> restrict_to_cpus(const std::string& request) {
  std::vector<int> allowed = allowed_cpus();
  if (request == "all") return cpu_request_problem(request, allowed);  // the mask it has
  return restrict_to_cpus(request, allowed);
}

std::optional<std::string> restrict_to_cpus(const std::string& request, const std::vector<int>& allowed) {
  if (auto problem = cpu_request_problem(request, allowed)) return problem;
  cpu_set_t set;
  CPU_ZERO(&set);
  std::vector<int> cpus = request == "all" ? allowed : parse_cpu_list(request).value_or(std::vector<int>{});
  for (int cpu : cpus)
    if (cpu < CPU_SETSIZE) CPU_SET(cpu, &set);
  // sched_setaffinity sets one thread: every thread there is now (none should run yet),
  // so that no later one inherits the old mask.
  std::error_code ec;
  for (const auto& task : std::filesystem::directory_iterator("/proc/self/task", ec)) {
    pid_t tid = static_cast<pid_t>(std::atoi(task.path().filename().c_str()));
    if (tid > 0 && sched_setaffinity(tid, sizeof set, &set) != 0 && errno != ESRCH)
      return fmt::format("cannot set the CPU affinity: {}", std::strerror(errno));
  }
  if (sched_setaffinity(0, sizeof set, &set) != 0)
    return fmt::format("cannot set the CPU affinity: {}", std::strerror(errno));
  return std::nullopt;
}

}  // namespace deckgen
