#include "run/cpu_times.h"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <vector>

#include "util/files.h"
#include "util/text.h"

namespace deckgen {
namespace {

// The tick counts after the "cpu" label, in the kernel's order: user nice system idle
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

}  // namespace

std::optional<CpuTimes> parse_proc_stat(std::string_view text, double ticks_per_second) {
  LineCursor lines(text);
  std::string_view line;
  while (lines.next(line)) {
    if (!line.starts_with("cpu ")) continue;  // "cpu0", "cpu1"… are single CPUs
    std::vector<double> t = tick_counts(line.substr(4));
    if (t.size() < 4 || ticks_per_second <= 0) return std::nullopt;
    t.resize(8, 0.0);  // guest and guest_nice are already inside user and nice
    enum { user, nice, system, idle, iowait, irq, softirq, steal };
    double busy = t[user] + t[nice] + t[system] + t[irq] + t[softirq] + t[steal];
    double total = busy + t[idle] + t[iowait];
    return CpuTimes{busy / ticks_per_second, total / ticks_per_second};
  }
  return std::nullopt;
}

std::optional<CpuTimes> read_cpu_times() {
  std::optional<std::string> text = read_text("/proc/stat");
  if (!text) return std::nullopt;
  return parse_proc_stat(*text, static_cast<double>(sysconf(_SC_CLK_TCK)));
}

double other_cpu_seconds(const CpuTimes& before, const CpuTimes& after, double own_cpu_seconds) {
  return std::max(0.0, after.busy_seconds - before.busy_seconds - own_cpu_seconds);
}

}  // namespace deckgen
