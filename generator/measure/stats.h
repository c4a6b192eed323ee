#pragma once
// Statistics over the runs of one snippet: robust summaries, outliers, instability, and
// the significance test that checked claims ("A is significantly faster than B") rely on.
//
// Every value must be finite: callers hand in measured times and counts, never NaN or
// infinity (the results for such input are unspecified).
#include <cstddef>
#include <span>
#include <vector>

#include "model/summary.h"

namespace deckgen {

// A run is flagged as an outlier when its modified z-score, 0.6745·(x − median)/MAD,
// exceeds this in magnitude (Iglewicz and Hoaglin's recommendation).
inline constexpr double kOutlierZScore = 3.5;

// A metric is unstable when its coefficient of variation (σ/mean) reaches this: at 10%
// the spread is as large as the differences a talk usually points at.
inline constexpr double kUnstableVariation = 0.10;

// All zero (n == 0) for empty input.
Summary summarize(std::span<const double> values);

// The significance level for claims: a difference is significant when p < 5%.
inline constexpr double kSignificanceLevel = 0.05;

// One-sided Mann-Whitney U test (Wilcoxon rank-sum): H1 is "values of `a` are typically
// smaller than values of `b`" (a is faster, when the values are times).
struct SignificanceTest {
  double u = 0;                  // U for a: pairs (x in a, y in b) with x > y, ties count ½
  double p_value = 1;            // P(U ≤ u) when a and b come from the same distribution
  bool exact = false;            // p from the exact permutation distribution (else normal)
  double min_achievable_p = 1;   // the p of complete separation: 1 / C(n_a + n_b, n_a)
  double alpha = kSignificanceLevel;
  bool enough_data = false;      // min_achievable_p < alpha: a significant result is possible
  // Whether the data show `a` smaller than `b`. Always false without enough_data, where
  // a claim must say "too few runs" instead of "not significant".
  bool significant() const { return enough_data && p_value < alpha; }
};

// The exact p-value is used while n_a + n_b ≤ kExactTestMaxRuns, with ties handled
// exactly (by midranks over every split of the pooled runs); above that, the normal
// approximation with tie and continuity correction. Empty `a` or `b`: p = 1, not enough data.
inline constexpr size_t kExactTestMaxRuns = 50;
SignificanceTest mann_whitney_less(std::span<const double> a, std::span<const double> b,
                                   double alpha = kSignificanceLevel);

}  // namespace deckgen
