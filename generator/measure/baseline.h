#pragma once
// "Did it change since last time?" for CI, in the manner of pyperf's compare_to: every
// snippet's metrics against an earlier report's, by the same ratio interval claims use.
// A change counts only when the interval of new/old excludes 1; the rest is said to be
// not significant rather than listed as noise.
#include <optional>
#include <string>
#include <vector>

#include "measure/intervals.h"
#include "measure/values.h"

namespace deckgen {

struct MetricChange {
  std::string id, metric, unit;
  double old_median = 0, new_median = 0;
  size_t old_runs = 0, new_runs = 0;
  Interval ratio;            // new / old
  bool significant = false;  // the interval lies wholly above or below 1
};

struct BaselineComparison {
  std::vector<MetricChange> changes;      // significant ones, largest first
  size_t not_significant = 0;             // metrics compared that did not change with confidence
  std::vector<std::string> not_compared;  // snippets in only one of the two, or failed in either
};

// The comparison with what --fail-on-regression made of it.
struct BaselineOutcome {
  BaselineComparison comparison;
  std::optional<double> fail_on_regression_percent;
  size_t regressions = 0;  // changes for the worse beyond the percent, with confidence
};

// The metrics compared: wall, cpu and rss, and every m.NAME both runs recorded.
BaselineComparison compare_with_baseline(const Results& baseline, const Results& now, double confidence);

// Whether a change made its metric worse by more than `percent`, with confidence: for a
// metric where lower is better (every built-in one: wall, cpu, rss), the lower bound of
// new/old is above 1 + percent/100; where higher is better, the upper bound is below
// 1 / (1 + percent/100). A snippet's own metric (m.NAME) says nothing of its direction,
// so its changes are listed but never a regression.
bool is_regression(const MetricChange& change, double percent);

// Whether is_regression can ever hold for this metric (false for m.NAME).
bool has_direction(const std::string& metric);

// "io-seq wall: 1.02 s -> 1.21 s: 1.19× larger (1.12× to 1.26×, each bound at 95%; 5 and 9 runs)"
std::string describe_change(const MetricChange& change);

}  // namespace deckgen
