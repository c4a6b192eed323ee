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
  size_t regressions = 0;  // wall-time slow-downs beyond the percent, with confidence
};

// The metrics compared: wall, cpu and rss, and every m.NAME both runs recorded.
BaselineComparison compare_with_baseline(const Results& baseline, const Results& now, double confidence);

// Whether a change is a wall-time slow-down of more than `percent`, with confidence
// (the lower bound of new/old is above 1 + percent/100).
bool is_regression(const MetricChange& change, double percent);

// "io-seq wall: 1.02 s -> 1.21 s: 1.19× larger (1.12× to 1.26×, each bound at 95%; 5 and 9 runs)"
std::string describe_change(const MetricChange& change);

}  // namespace deckgen
