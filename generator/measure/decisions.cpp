#include "measure/decisions.h"

#include <cmath>
#include <functional>
#include <vector>

#include "measure/stats.h"
#include "measure/values.h"

namespace deckgen {
namespace {

std::vector<double> without(std::span<const double> values, size_t skip) {
  std::vector<double> rest;
  rest.reserve(values.size() - 1);
  for (size_t i = 0; i < values.size(); ++i)
    if (i != skip) rest.push_back(values[i]);
  return rest;
}

// Whether deciding again with any single run of `a` or of `b` left out gives another
// verdict. A side of one run is not thinned (there would be nothing left to compare).
using Decide = std::function<Verdict(std::span<const double>, std::span<const double>)>;
bool is_fragile(Verdict full, std::span<const double> a, std::span<const double> b, const Decide& decide) {
  for (size_t i = 0; a.size() > 1 && i < a.size(); ++i)
    if (decide(without(a, i), b) != full) return true;
  for (size_t j = 0; b.size() > 1 && j < b.size(); ++j)
    if (decide(a, without(b, j)) != full) return true;
  return false;
}

Decision faster_once(std::span<const double> a, std::span<const double> b, std::optional<double> by,
                     double confidence) {
  Decision d;
  d.n_a = a.size();
  d.n_b = b.size();
  d.interval = ratio_interval(a, b, confidence);
  if (by) {
    if (d.interval.bounded && d.interval.lower >= *by) d.verdict = Verdict::holds;
    else if (d.interval.bounded && d.interval.upper < *by) d.verdict = Verdict::fails;
    return d;
  }
  // 1 − 0.95 is 0.050000000000000044 in floating point, which would let p = 0.05 (the
  // best 3 runs against 3 can do) count as below 5%.
  double alpha = std::round((1 - confidence) * 1e9) / 1e9;
  SignificanceTest test = mann_whitney_less(a, b, alpha);
  d.p_value = test.p_value;
  if (test.significant()) d.verdict = Verdict::holds;
  else if (d.interval.bounded && d.interval.upper <= 1) d.verdict = Verdict::fails;
  return d;
}

Decision not_faster_once(std::span<const double> a, std::span<const double> b, double margin, double confidence) {
  Decision d;
  d.n_a = a.size();
  d.n_b = b.size();
  d.interval = ratio_interval(a, b, confidence);
  if (d.interval.bounded && d.interval.upper < margin) d.verdict = Verdict::holds;
  else if (d.interval.bounded && d.interval.lower > margin) d.verdict = Verdict::fails;
  return d;
}

Interval statistic_interval(std::span<const double> values, Statistic stat, double confidence) {
  switch (stat) {
    case Statistic::median: return median_interval(values, confidence);
    case Statistic::mean:
    case Statistic::sd:
    case Statistic::mad:
      return bootstrap_interval(values, [stat](std::span<const double> v) { return statistic_of(v, stat); }, confidence);
    case Statistic::min:
    case Statistic::max:
    case Statistic::n: break;  // below: they describe the runs that were made, exactly
  }
  Interval exact;
  exact.confidence = confidence;
  exact.estimate = exact.lower = exact.upper = statistic_of(values, stat);
  exact.bounded = !values.empty();
  exact.achieved = 1;
  return exact;
}

Decision bound_once(std::span<const double> values, Statistic stat, std::optional<double> below,
                    std::optional<double> above, double confidence) {
  Decision d;
  d.n_a = values.size();
  d.interval = statistic_interval(values, stat, confidence);
  if (!d.interval.bounded) return d;
  bool wholly_inside = (!below || d.interval.upper < *below) && (!above || d.interval.lower > *above);
  bool wholly_outside = (below && d.interval.lower >= *below) || (above && d.interval.upper <= *above);
  if (wholly_inside) d.verdict = Verdict::holds;
  else if (wholly_outside) d.verdict = Verdict::fails;
  return d;
}

}  // namespace

double statistic_of(std::span<const double> values, Statistic stat) {
  return statistic(summarize(values), stat);
}

Decision decide_faster(std::span<const double> a, std::span<const double> b, std::optional<double> by,
                       double confidence) {
  Decision d = faster_once(a, b, by, confidence);
  d.fragile = is_fragile(d.verdict, a, b, [&](std::span<const double> x, std::span<const double> y) {
    return faster_once(x, y, by, confidence).verdict;
  });
  return d;
}

Decision decide_not_faster(std::span<const double> a, std::span<const double> b, double margin, double confidence) {
  Decision d = not_faster_once(a, b, margin, confidence);
  d.fragile = is_fragile(d.verdict, a, b, [&](std::span<const double> x, std::span<const double> y) {
    return not_faster_once(x, y, margin, confidence).verdict;
  });
  return d;
}

Decision decide_bound(std::span<const double> values, Statistic stat, std::optional<double> below,
                      std::optional<double> above, double confidence) {
  Decision d = bound_once(values, stat, below, above, confidence);
  d.fragile = is_fragile(d.verdict, values, {}, [&](std::span<const double> x, std::span<const double>) {
    return bound_once(x, stat, below, above, confidence).verdict;
  });
  return d;
}

}  // namespace deckgen
