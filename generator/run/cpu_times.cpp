#include "run/cpu_times.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>

#include "util/files.h"
#include "util/text.h"

namespace deckgen {
namespace {

// The tick counts after a "cpuN" label, in the kernel's order: user nice system idle
// iowait irq softirq steal guest guest_nice (older kernels print fewer).
std::vector<double> tick_counts(std::string_view fields) {
  std::vector<double> ticks;
  const char* p = fields.data();
  const char* end = fields.data() + fields.size();
  while (p < end) {
    while (p < end && *p == ' ') ++p;
    if (p == end) break;
    unsigned long long n = 0;
    auto [next, ec] = std::from_chars(p, end, n);
    if (ec != std::errc() || (next < end && *next != ' ')) break;
    ticks.push_back(static_cast<double>(n));
    p = next;
  }
  return ticks;
}

double seconds(const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6; }

}  // namespace

std::optional<CpuTimes> parse_proc_stat(std::string_view text, const std::vector<int>& cpus, double ticks_per_second) {
  if (ticks_per_second <= 0) return std::nullopt;
  CpuTimes times;
  LineCursor lines(text);
  std::string_view line;
  while (lines.next(line)) {
    if (!line.starts_with("cpu") || line.size() < 4 || line[3] < '0' || line[3] > '9') continue;  // not "cpu " (all)
    size_t space = line.find(' ');
    if (space == std::string_view::npos) continue;
    int cpu = -1;
    std::string_view number = line.substr(3, space - 3);
    auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), cpu);
    if (ec != std::errc() || end != number.data() + number.size()) continue;
    if (!cpus.empty() && !std::binary_search(cpus.begin(), cpus.end(), cpu)) continue;
    std::vector<double> t = tick_counts(line.substr(space));
    if (t.size() < 4) continue;
    t.resize(8, 0.0);  // the fields an old kernel does not print are 0
    // guest and guest_nice are left out: the kernel counts them in user and nice already.
    enum { user, nice, system, idle, iowait, irq, softirq, steal };
    times.idle_seconds += (t[idle] + t[iowait]) / ticks_per_second;
    times.busy_seconds += (t[user] + t[nice] + t[system] + t[irq] + t[softirq] + t[steal]) / ticks_per_second;
    ++times.cpus;
  }
  if (times.cpus == 0) return std::nullopt;
  return times;
}

std::optional<LoadReading> read_load(const std::vector<int>& cpus) {
  LoadReading reading;
  struct rusage self {};
  if (getrusage(RUSAGE_SELF, &self) == 0) reading.own_cpu_seconds = seconds(self.ru_utime) + seconds(self.ru_stime);
  std::optional<std::string> text = read_text("/proc/stat");
  reading.at_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
  if (!text) return std::nullopt;
  std::optional<CpuTimes> times = parse_proc_stat(*text, cpus, static_cast<double>(sysconf(_SC_CLK_TCK)));
  if (!times) return std::nullopt;
  reading.times = *times;
  return reading;
}

UsedCpu used_cpu_seconds(const LoadReading& before, const LoadReading& after) {
  double passed = (after.at_seconds - before.at_seconds) * after.times.cpus;
  return {.by_idle = passed - (after.times.idle_seconds - before.times.idle_seconds),
          .by_ticks = after.times.busy_seconds - before.times.busy_seconds};
}

double other_cpu_seconds(const LoadReading& before, const LoadReading& after, double snippet_cpu_seconds) {
  // A CPU that came or went between the readings makes them incomparable: nothing known.
  if (before.times.cpus != after.times.cpus) return 0;
  UsedCpu used = used_cpu_seconds(before, after);
  double own = after.own_cpu_seconds - before.own_cpu_seconds;
  return std::max(0.0, std::min(used.by_idle, used.by_ticks) - own - snippet_cpu_seconds);
}

double other_cpu_resolution(int cpus, double ticks_per_second) {
  return std::max(1, cpus) / std::max(1.0, ticks_per_second) + 0.002;
}

}  // namespace deckgen
