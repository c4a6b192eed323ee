#pragma once
// Confidence intervals that claims are decided by. All are distribution-free: run times
// are skewed and have long right tails, so nothing here assumes a normal distribution.
//
// Every bound is one-sided at the confidence asked for: with confidence 0.95 the lower
// bound is below the true value 95% of the time, and so is the upper bound above it.
// Together they are the two-sided interval at 2·confidence − 1 (90%), the convention of
// Schuirmann's two one-sided tests, so "holds when the lower bound ≥ k" is a test at
// 5%, not at 2.5%.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <span>

namespace deckgen {

inline constexpr double kDefaultConfidence = 0.95;

struct Interval {
  double estimate = 0;  // the point estimate the interval is around
  double lower = -std::numeric_limits<double>::infinity();
  double upper = std::numeric_limits<double>::infinity();
  double confidence = kDefaultConfidence;  // of each bound, one-sided
  // The confidence each bound actually has (≥ confidence): with few runs the order
  // statistics allow only a few levels, and the next one up is taken.
  double achieved = 1;
  // False when the runs are too few for any bound at this confidence (2 against 2 at
  // 95%): the bounds are then the whole range and nothing can be decided.
  bool bounded = false;
};

// How many times larger `b` is than `a` (B/A: how many times faster A is, when the
// values are times): the Hodges–Lehmann estimate, the median of the n_a·n_b ratios
// b_j / a_i, with the distribution-free interval of Bauer (1972) that inverts the
// Mann–Whitney test: the k-th smallest and k-th largest pairwise ratio, k from the
// exact null distribution of U (its normal approximation above kExactIntervalMaxRuns
// per side). On logarithms this is what R's wilcox.test(log(b), log(a), conf.int = TRUE)
// computes for data without ties. Values must be > 0; returns an unbounded interval
// (and estimate 0) otherwise or when a side is empty.
inline constexpr size_t kExactIntervalMaxRuns = 60;
Interval ratio_interval(std::span<const double> a, std::span<const double> b,
                        double confidence = kDefaultConfidence);

// The median of `values` with the order-statistic interval: the l-th smallest and l-th
// largest value, l the largest rank with P(Binomial(n, ½) ≤ l − 1) ≤ 1 − confidence
// (Thompson 1936; Conover, Practical Nonparametric Statistics, §3.2).
Interval median_interval(std::span<const double> values, double confidence = kDefaultConfidence);

// A percentile-bootstrap interval of any statistic (mean, standard deviation, MAD), from
// kBootstrapResamples resamples drawn with a fixed seed: the same runs always give the
// same interval, so a verdict never changes between two checks of the same data.
inline constexpr size_t kBootstrapResamples = 4000;
using StatisticOfValues = std::function<double(std::span<const double>)>;
Interval bootstrap_interval(std::span<const double> values, const StatisticOfValues& statistic,
                            double confidence = kDefaultConfidence, uint64_t seed = 0x5eed'dec6);

// P(U ≤ u) for the Mann–Whitney statistic of samples of m and n values without ties,
// exactly (the distribution of R's pwilcox). Exposed for the tests.
double mann_whitney_cdf(size_t m, size_t n, size_t u);

// How many times larger b_i is than a_i when run i of each side was made in the same
// round (paired runs): the Hodges–Lehmann estimate of the signed-rank procedure on the
// per-round log ratios log(b_i / a_i) — the median of their Walsh averages — with the
// distribution-free interval that inverts the Wilcoxon signed-rank test (Hollander and
// Wolfe, §3.3): the k-th smallest and k-th largest Walsh average, k from the exact null
// distribution of W+ (its normal approximation above kExactSignedRankMaxPairs pairs).
// On logarithms this is R's wilcox.test(log(b), log(a), paired = TRUE, conf.int = TRUE).
// A drift of the machine that slows both runs of a round cancels in their ratio, which
// is why paired rounds are analysed this way. Sides of unequal length or values ≤ 0:
// unbounded, estimate 0.
inline constexpr size_t kExactSignedRankMaxPairs = 50;
Interval paired_ratio_interval(std::span<const double> a, std::span<const double> b,
                               double confidence = kDefaultConfidence);

// P(W+ ≤ w) for the signed-rank statistic of n pairs without ties or zeros (R's psignrank).
double signed_rank_cdf(size_t n, size_t w);

// The bias-corrected and accelerated (BCa) bootstrap interval of Efron (1987): the
// percentile interval moved by the resamples' median bias (z0) and by the jackknife's
// skewness (the acceleration), which keeps the one-sided error of skewed statistics such
// as a standard deviation much closer to its nominal level than the plain percentile
// bootstrap. Resamples are drawn with a fixed seed, as in bootstrap_interval. `achieved`
// is the nominal confidence: a bootstrap's real coverage is only approximate, and claims
// say so (measure/claims.cpp).
Interval bca_interval(std::span<const double> values, const StatisticOfValues& statistic,
                      double confidence = kDefaultConfidence, uint64_t seed = 0x5eed'dec6);

}  // namespace deckgen
