#include "measure/sequential.h"

#include <algorithm>
#include <cmath>

#include "measure/intervals.h"

namespace deckgen {
namespace {

// Floating point makes 1 − 0.95 a hair above 0.05; an exact tail of 5% must still count.
constexpr double kTolerance = 1e-12;

// The smallest p the exact test can reach with n runs per side (n pairs).
double smallest_p(LookTest test, size_t n) {
  switch (test) {
    case LookTest::rank_sum: return mann_whitney_cdf(n, n, 0);
    case LookTest::signed_rank: return signed_rank_cdf(n, 0);
    case LookTest::median: return std::ldexp(1.0, -static_cast<int>(n));  // all runs on one side of the median
    case LookTest::bootstrap: return 0;
  }
  return 1;
}

}  // namespace

size_t fewest_runs_to_decide(LookTest test, double alpha) {
  if (test == LookTest::bootstrap) return kMinBootstrapRuns;
  size_t n = 1;
  while (smallest_p(test, n) > alpha + kTolerance && n < 1000) ++n;
  return n + 1;  // one more, so that leaving out any single run can still decide
}

LookSchedule::LookSchedule(size_t initial, LookTest test, double alpha)
    : first_(std::max(initial, fewest_runs_to_decide(test, kFirstLookShare * alpha))), alpha_(alpha) {}

Look LookSchedule::look(int index) const {
  Look l;
  l.index = index;
  l.size = first_;
  for (int j = 0; j < index; ++j)
    l.size = std::max(l.size + 1, static_cast<size_t>(std::ceil(1.5 * static_cast<double>(l.size))));
  l.alpha = index == 0 ? kFirstLookShare * alpha_ : std::ldexp((1 - kFirstLookShare) * alpha_, -index);
  return l;
}

std::optional<Look> LookSchedule::reached(size_t available) const {
  if (available < first_) return std::nullopt;
  int index = 0;
  while (look(index + 1).size <= available) ++index;
  return look(index);
}

Look LookSchedule::next(size_t available) const {
  int index = 0;
  while (look(index).size <= available) ++index;
  return look(index);
}

std::vector<size_t> LookSchedule::sizes_up_to(size_t max_runs) const {
  std::vector<size_t> sizes;
  for (int j = 0; look(j).size <= max_runs; ++j) sizes.push_back(look(j).size);
  return sizes;
}

}  // namespace deckgen
