#include "measure/median_run.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

namespace deckgen {

std::optional<size_t> median_run(std::span<const double> values) {
  if (values.empty()) return std::nullopt;
  std::vector<size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  // Stable: equal values keep run order, so the earlier of equal runs comes first.
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return values[x] < values[y]; });
  size_t mid = order.size() / 2;
  if (order.size() % 2 == 1) return order[mid];
  // The two middle runs are equally far from their mean, the median: take the earlier.
  return std::min(order[mid - 1], order[mid]);
}

std::string median_run_metric(const std::string& id, const std::vector<ClaimSpec>& claims) {
  for (const ClaimSpec& c : claims) {
    std::vector<std::string> reads = claim_snippets(c);
    if (std::find(reads.begin(), reads.end(), id) != reads.end()) return claim_metric(c);
  }
  return "wall";
}

std::string median_run_caption(size_t index, size_t count) {
  return fmt::format("run {} of {}, the median", index + 1, count);
}

}  // namespace deckgen
