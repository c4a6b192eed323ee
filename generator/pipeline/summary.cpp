#include "pipeline/summary.h"

#include <fmt/format.h>

#include <algorithm>

#include "measure/units.h"

namespace deckgen {

void print_summary(const Plan& plan, const Measured& m, Status& status) {
  size_t failed = 0, cached = 0;
  std::vector<std::pair<double, std::string>> slowest;
  for (const auto& [id, r] : m.results) {
    failed += r.outcome == Outcome::failed;
    cached += r.from_cache;
    double total = r.compile_seconds;
    for (const RunRecord& run : r.runs) total += run.wall_seconds;
    slowest.push_back({total, id});
  }
  std::sort(slowest.rbegin(), slowest.rend());
  std::vector<std::string> top;
  for (size_t i = 0; i < std::min<size_t>(3, slowest.size()); ++i)
    top.push_back(fmt::format("{} {}", slowest[i].second, format_duration(slowest[i].first)));
  status.summary(fmt::format("snippets: {} passed, {} failed, {} in all ({} ran, {} from the cache), measured in {}{}",
                          plan.snippets.size() - failed, failed, plan.snippets.size(), plan.snippets.size() - cached,
                          cached, format_duration(m.seconds),
                          top.empty() ? "" : fmt::format(" (slowest: {})", fmt::join(top, ", "))));
}

}  // namespace deckgen
