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
#include <vector>

#include "measure/intervals.h"
#include "model/metrics.h"

namespace deckgen {

enum class Verdict { holds, fails, undecided };

// The margin of `not_faster` when the deck gives none: "A is at most 10% faster".
inline constexpr double kDefaultMargin = 1.10;

struct Decision {
  Verdict verdict = Verdict::undecided;
  Interval interval;               // comparisons: of B/A; bounds: of the statistic
  std::optional<double> p_value;   // `faster` without `by`: the one-sided rank test
  bool fragile = false;
  bool paired = false;             // decided on per-round ratios (the signed-rank procedure)
  size_t n_a = 0, n_b = 0;         // runs per side (bounds: n_a only; paired: pairs, both)
};

// The runs a comparison reads. `paired`: a[i] and b[i] were made in the same round (one
// right after the other, in a random order), so their ratio cancels what drifted
// between rounds; the sides then have equal length.
struct Sides {
  std::vector<double> a, b;
  bool paired = false;
};

// `faster: A than: B by: k` (values: lower is better): holds when the lower bound of
// B/A is ≥ k, fails when its upper bound is < k. Without `by`: holds when the one-sided
// rank test finds A lower at 1 − confidence (Mann–Whitney, or the signed-rank test's
// interval above 1 for paired rounds), fails when the upper bound of B/A is ≤ 1.
Decision decide_faster(const Sides& sides, std::optional<double> by, double confidence = kDefaultConfidence);
Decision decide_faster(std::span<const double> a, std::span<const double> b, std::optional<double> by,
                       double confidence = kDefaultConfidence);

// `not_faster: A than: B margin: m`, a one-sided non-superiority test (Schuirmann's
// one-sided test on the ratio interval): holds when the upper bound of A's advantage B/A
// is below m, fails when its lower bound is above m. It says nothing about A being
// slower: that is `equivalent:`.
Decision decide_not_faster(const Sides& sides, double margin = kDefaultMargin, double confidence = kDefaultConfidence);
Decision decide_not_faster(std::span<const double> a, std::span<const double> b, double margin = kDefaultMargin,
                           double confidence = kDefaultConfidence);

// `equivalent: A to: B margin: m`, Schuirmann's two one-sided tests (TOST): holds when the
// whole interval of B/A lies within (1/m, m), fails when it lies wholly outside it.
Decision decide_equivalent(const Sides& sides, double margin = kDefaultMargin, double confidence = kDefaultConfidence);

// `value: ID.METRIC.STAT below: x / above: y`: holds when the interval of the statistic
// lies wholly below x (and above y), fails when it lies wholly on the wrong side of
// either. The median's interval is the order-statistic one; mean, sd and mad use the
// BCa bootstrap and need kMinBootstrapRuns runs; min, max and n are facts about the runs
// measured (an interval of one point).
Decision decide_bound(std::span<const double> values, Statistic stat, std::optional<double> below,
                      std::optional<double> above, double confidence = kDefaultConfidence);

// Serial dependence. Every procedure above assumes runs independent of each other; runs
// that drift (a cache warming, a CPU changing its clock) or follow the one before make
// their intervals too narrow. The lag-1 autocorrelation of the runs in the order they
// were made (of the per-round log ratios, when paired) is checked once a look has
// kMinRunsForDependence runs: above kMaxLagOneCorrelation the claim is undecided and says
// why. Under independence that threshold is crossed by about 1% of samples of 10 runs.
inline constexpr size_t kMinRunsForDependence = 10;
inline constexpr double kMaxLagOneCorrelation = 0.6;
double lag_one_autocorrelation(std::span<const double> values);

// The statistic over raw values.
double statistic_of(std::span<const double> values, Statistic stat);

}  // namespace deckgen
