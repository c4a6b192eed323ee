#include "measure/stats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace deckgen {
namespace {

// The median of `v`, which it reorders.
double median_of(std::vector<double>& v) {
  size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + mid, v.end());
  double upper = v[mid];
  if (v.size() % 2 == 1) return upper;
  double lower = *std::max_element(v.begin(), v.begin() + mid);
  return lower + (upper - lower) / 2;
}

// 0.6745 is the 75th percentile of the standard normal distribution, so that
// 0.6745·(x − median)/MAD is comparable to a z-score for normally distributed data.
constexpr double kMadToZ = 0.6745;
// For the mean absolute deviation the factor is √(π/2)⁻¹: meanAD·1.253314 ≈ σ.
constexpr double kMeanAdToSigma = 1.253314;

std::vector<size_t> find_outliers(std::span<const double> values, double median, double mad) {
  double scale = 0;  // divides (x − median) into a modified z-score
  if (mad > 0) {
    scale = mad / kMadToZ;
  } else {
    double mean_ad = 0;
    for (double x : values) mean_ad += std::abs(x - median);
    mean_ad /= static_cast<double>(values.size());
    scale = kMeanAdToSigma * mean_ad;
  }
  std::vector<size_t> outliers;
  if (scale == 0) return outliers;
  for (size_t i = 0; i < values.size(); ++i)
    if (std::abs(values[i] - median) / scale > kOutlierZScore) outliers.push_back(i);
  return outliers;
}

// The pooled runs of a and b (a first), ranked: twice each run's midrank, so that tied
// runs share the mean of their ranks and every rank stays an exact integer.
struct PooledRanks {
  std::vector<long> doubled;     // doubled[i]: twice the midrank of pooled run i
  std::vector<size_t> tie_sizes;  // the size of every group of equal values
};

PooledRanks rank_pooled(std::span<const double> a, std::span<const double> b) {
  std::vector<double> pool(a.begin(), a.end());
  pool.insert(pool.end(), b.begin(), b.end());
  std::vector<size_t> order(pool.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) { return pool[x] < pool[y]; });

  PooledRanks r;
  r.doubled.resize(pool.size());
  for (size_t first = 0; first < order.size();) {
    size_t last = first;  // the tie group is order[first..last]
    while (last + 1 < order.size() && pool[order[last + 1]] == pool[order[first]]) ++last;
    // Ranks are 1-based: the group's midrank is ((first+1) + (last+1)) / 2.
    long doubled_midrank = static_cast<long>(first + last + 2);
    for (size_t k = first; k <= last; ++k) r.doubled[order[k]] = doubled_midrank;
    r.tie_sizes.push_back(last - first + 1);
    first = last + 1;
  }
  return r;
}

// P(rank sum of a random n_a-subset of the pool ≤ observed), counting every subset.
// ways[k][s] is the number of k-subsets of the runs seen so far whose doubled ranks sum
// to s. The counts stay below C(kExactTestMaxRuns, 25) < 2⁵³, so doubles hold them exactly.
double exact_p_value(const std::vector<long>& doubled, size_t n_a, long observed) {
  long max_sum = std::accumulate(doubled.begin(), doubled.end(), 0L);
  std::vector<std::vector<double>> ways(n_a + 1, std::vector<double>(max_sum + 1, 0.0));
  ways[0][0] = 1;
  for (size_t seen = 0; seen < doubled.size(); ++seen) {
    long r = doubled[seen];
    for (size_t k = std::min(seen + 1, n_a); k >= 1; --k)
      for (long s = max_sum - r; s >= 0; --s) ways[k][s + r] += ways[k - 1][s];
  }
  double at_most = 0, all = 0;
  for (long s = 0; s <= max_sum; ++s) {
    all += ways[n_a][s];
    if (s <= observed) at_most += ways[n_a][s];
  }
  return at_most / all;
}

// P(U ≤ u) under the normal approximation, with the variance reduced for ties and a
// continuity correction of ½ (as scipy.stats.mannwhitneyu does).
double normal_p_value(double u, size_t n_a, size_t n_b, const std::vector<size_t>& tie_sizes) {
  double n1 = static_cast<double>(n_a), n2 = static_cast<double>(n_b), n = n1 + n2;
  double ties = 0;
  for (size_t t : tie_sizes) ties += std::pow(static_cast<double>(t), 3) - static_cast<double>(t);
  double variance = n1 * n2 / 12 * ((n + 1) - ties / (n * (n - 1)));
  if (variance <= 0) return 1;  // every run equal: no evidence either way
  double z = (u - n1 * n2 / 2 + 0.5) / std::sqrt(variance);
  return std::min(1.0, 0.5 * std::erfc(-z / std::sqrt(2.0)));
}

// C(n, k), exact while it stays below 2⁵³ (every n ≤ kExactTestMaxRuns).
double binomial(size_t n, size_t k) {
  double c = 1;
  for (size_t i = 1; i <= std::min(k, n - k); ++i)
    c = c * static_cast<double>(n - i + 1) / static_cast<double>(i);  // C(n, i), exactly
  return c;
}

}  // namespace

SignificanceTest mann_whitney_less(std::span<const double> a, std::span<const double> b,
                                   double alpha) {
  SignificanceTest t;
  t.alpha = alpha;
  if (a.empty() || b.empty()) return t;

  size_t n_a = a.size(), n_b = b.size();
  PooledRanks ranks = rank_pooled(a, b);
  long rank_sum_a = std::accumulate(ranks.doubled.begin(), ranks.doubled.begin() + n_a, 0L);
  // U = R_a − n_a(n_a+1)/2, here with everything doubled.
  t.u = static_cast<double>(rank_sum_a - static_cast<long>(n_a * (n_a + 1))) / 2;

  t.exact = n_a + n_b <= kExactTestMaxRuns;
  t.p_value = t.exact ? exact_p_value(ranks.doubled, n_a, rank_sum_a)
                      : normal_p_value(t.u, n_a, n_b, ranks.tie_sizes);
  // 1 / C(n_a + n_b, n_a): only the split with all of a below all of b reaches it.
  t.min_achievable_p = 1 / binomial(n_a + n_b, n_a);
  t.enough_data = t.min_achievable_p < alpha;
  return t;
}

Summary summarize(std::span<const double> values) {
  Summary s;
  s.n = values.size();
  if (s.n == 0) return s;

  std::vector<double> work(values.begin(), values.end());
  s.median = median_of(work);
  for (size_t i = 0; i < s.n; ++i) work[i] = std::abs(values[i] - s.median);
  s.mad = median_of(work);

  auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  s.min = *lo;
  s.max = *hi;
  s.mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(s.n);
  if (s.n >= 2) {
    double squares = 0;  // two passes: the naive Σx² − n·mean² loses precision
    for (double x : values) squares += (x - s.mean) * (x - s.mean);
    s.stddev = std::sqrt(squares / static_cast<double>(s.n - 1));
    // With a mean of 0 any spread at all is unbounded relative variation.
    s.unstable = s.mean != 0 ? s.stddev / std::abs(s.mean) >= kUnstableVariation : s.stddev > 0;
  }
  s.outliers = find_outliers(values, s.median, s.mad);
  return s;
}

}  // namespace deckgen
