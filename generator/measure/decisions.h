#pragma once
// The procedures that decide a claim, as pure functions of the runs: no deck, no
// formatting. measure/claims.cpp turns their decisions into slide text.
//
// A decision has three outcomes. `undecided` means the runs are too few or too spread
// to tell at the confidence asked for; it is not a pass. A decision is `fragile` when
// leaving out any single run would change it: one lucky run must not carry a claim.
#include <optional>
#include <span>
#include <string>

#include "measure/intervals.h"
#include "model/metrics.h"

namespace deckgen {

enum class Verdict { holds, fails, undecided };

// The margin of `not_faster` when the deck gives none: "A is at most 10% faster".
inline constexpr double kDefaultMargin = 1.10;

struct Decision {
  Verdict verdict = Verdict::undecided;
  Interval interval;               // comparisons: of B/A; bounds: of the statistic
  std::optional<double> p_value;   // `faster` without `by`: the one-sided Mann–Whitney test
  bool fragile = false;
  size_t n_a = 0, n_b = 0;         // runs per side (bounds: n_a only)
};

// `faster: A than: B by: k` (values: lower is better): holds when the lower bound of
// B/A is ≥ k, fails when its upper bound is < k. Without `by`: holds when the one-sided
// Mann–Whitney test finds A lower at 1 − confidence, fails when the upper bound of B/A
// is ≤ 1 (A is not lower, with confidence).
Decision decide_faster(std::span<const double> a, std::span<const double> b, std::optional<double> by,
                       double confidence = kDefaultConfidence);

// `not_faster: A than: B margin: m`, non-inferiority in the manner of Schuirmann's two
// one-sided tests: holds when the upper bound of A's advantage B/A is below m, fails
// when its lower bound is above m.
Decision decide_not_faster(std::span<const double> a, std::span<const double> b, double margin = kDefaultMargin,
                           double confidence = kDefaultConfidence);

// `value: ID.METRIC.STAT below: x / above: y`: holds when the interval of the statistic
// lies wholly below x (and above y), fails when it lies wholly on the wrong side of
// either. The median's interval is the order-statistic one; mean, sd and mad use the
// seeded bootstrap; min, max and n are facts about the runs measured (an interval of
// one point).
Decision decide_bound(std::span<const double> values, Statistic stat, std::optional<double> below,
                      std::optional<double> above, double confidence = kDefaultConfidence);

// The statistic over raw values.
double statistic_of(std::span<const double> values, Statistic stat);

}  // namespace deckgen
