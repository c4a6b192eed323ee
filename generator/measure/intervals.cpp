#include "measure/intervals.h"

#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <random>
#include <utility>
#include <vector>

namespace deckgen {
namespace {

// Probabilities of 1 − confidence computed in floating point (1 − 0.95 is
// 0.050000000000000044) must still admit an order statistic whose tail is exactly 5%.
constexpr double kTolerance = 1e-12;

// P(U = u) for sizes (m, n) by the recursion p_{m,n}(u) = (m·p_{m−1,n}(u − n) +
// n·p_{m,n−1}(u)) / (m + n): the largest of the pooled values is from the first sample
// (probability m/(m+n), and then it exceeds all n values of the second) or not. Only sums
// of positive terms, so it stays accurate where counting subsets would overflow.
std::vector<double> mann_whitney_pmf(size_t m, size_t n) {
  // row[j] holds the distribution for (i, j) while i runs from 0 to m.
  std::vector<std::vector<double>> row(n + 1, std::vector<double>{1.0});
  for (size_t i = 1; i <= m; ++i) {
    std::vector<std::vector<double>> next(n + 1);
    next[0] = {1.0};  // no second sample: U is 0
    for (size_t j = 1; j <= n; ++j) {
      std::vector<double>& p = next[j];
      p.assign(i * j + 1, 0.0);
      double from_first = static_cast<double>(i) / static_cast<double>(i + j);
      const std::vector<double>& shorter_first = row[j];  // (i − 1, j), shifted by j
      for (size_t u = 0; u < shorter_first.size(); ++u) p[u + j] += from_first * shorter_first[u];
      const std::vector<double>& shorter_second = next[j - 1];  // (i, j − 1)
      for (size_t u = 0; u < shorter_second.size(); ++u) p[u] += (1 - from_first) * shorter_second[u];
    }
    row = std::move(next);
  }
  return row[n];
}

// The cumulative distribution for (m, n), computed once per size pair: leaving one run
// out to test a verdict's fragility asks for the same few sizes many times.
const std::vector<double>& mann_whitney_cdf_table(size_t m, size_t n) {
  static std::mutex mutex;
  static std::map<std::pair<size_t, size_t>, std::vector<double>> tables;
  std::lock_guard lock(mutex);
  auto key = std::minmax(m, n);  // U's distribution is the same for (m, n) and (n, m)
  auto it = tables.find(key);
  if (it != tables.end()) return it->second;
  std::vector<double> cdf = mann_whitney_pmf(key.first, key.second);
  for (size_t u = 1; u < cdf.size(); ++u) cdf[u] += cdf[u - 1];
  return tables.emplace(key, std::move(cdf)).first->second;
}

// P(U ≤ u) by the normal approximation with a continuity correction.
double mann_whitney_cdf_normal(size_t m, size_t n, size_t u) {
  double mn = static_cast<double>(m * n);
  double sigma = std::sqrt(mn * static_cast<double>(m + n + 1) / 12);
  boost::math::normal standard;
  return boost::math::cdf(standard, (static_cast<double>(u) + 0.5 - mn / 2) / sigma);
}

double quantile_of_sorted(const std::vector<double>& sorted, double p) {
  // The type-7 quantile (R's default): linear between the order statistics.
  double h = (static_cast<double>(sorted.size()) - 1) * p;
  size_t lo = static_cast<size_t>(std::floor(h));
  size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

double median_of_sorted(const std::vector<double>& sorted) { return quantile_of_sorted(sorted, 0.5); }

}  // namespace

double mann_whitney_cdf(size_t m, size_t n, size_t u) {
  if (m == 0 || n == 0) return 1;
  if (std::max(m, n) > kExactIntervalMaxRuns) return mann_whitney_cdf_normal(m, n, u);
  const std::vector<double>& cdf = mann_whitney_cdf_table(m, n);
  return u < cdf.size() ? cdf[u] : 1.0;
}

Interval ratio_interval(std::span<const double> a, std::span<const double> b, double confidence) {
  Interval r;
  r.confidence = confidence;
  if (a.empty() || b.empty()) return r;
  auto positive = [](double x) { return x > 0; };
  if (!std::all_of(a.begin(), a.end(), positive) || !std::all_of(b.begin(), b.end(), positive)) return r;

  std::vector<double> ratios;
  ratios.reserve(a.size() * b.size());
  for (double x : a)
    for (double y : b) ratios.push_back(y / x);
  std::sort(ratios.begin(), ratios.end());
  // The median of the log ratios, back on the ratio scale: between two middle ratios
  // that is their geometric mean, as exp(median(log b − log a)) is.
  size_t mid = ratios.size() / 2;
  r.estimate = ratios.size() % 2 ? ratios[mid] : std::sqrt(ratios[mid - 1] * ratios[mid]);

  // The k-th smallest ratio is a lower bound at confidence 1 − P(U ≤ k − 1): take the
  // largest such k still within 1 − confidence.
  double alpha = 1 - confidence;
  size_t m = a.size(), n = b.size(), k = 0;
  while (k < m * n && mann_whitney_cdf(m, n, k) <= alpha + kTolerance) ++k;
  if (k == 0) return r;  // even the smallest ratio is not a bound at this confidence
  r.bounded = true;
  r.achieved = 1 - mann_whitney_cdf(m, n, k - 1);
  r.lower = ratios[k - 1];
  r.upper = ratios[ratios.size() - k];
  return r;
}

Interval median_interval(std::span<const double> values, double confidence) {
  Interval r;
  r.confidence = confidence;
  if (values.empty()) return r;
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  r.estimate = median_of_sorted(sorted);

  // X_(l) ≤ median unless at most l − 1 values fall below the median: P(Bin(n, ½) ≤ l − 1).
  boost::math::binomial_distribution<double> below_median(static_cast<double>(sorted.size()), 0.5);
  double alpha = 1 - confidence;
  size_t l = 0;
  while (l < sorted.size() && boost::math::cdf(below_median, static_cast<double>(l)) <= alpha + kTolerance) ++l;
  if (l == 0) return r;
  r.bounded = true;
  r.achieved = 1 - boost::math::cdf(below_median, static_cast<double>(l - 1));
  r.lower = sorted[l - 1];
  r.upper = sorted[sorted.size() - l];
  return r;
}

Interval bootstrap_interval(std::span<const double> values, const StatisticOfValues& statistic, double confidence,
                            uint64_t seed) {
  Interval r;
  r.confidence = confidence;
  if (values.empty()) return r;
  r.estimate = statistic(values);
  if (values.size() < 2) return r;

  // std::mt19937_64's sequence is fixed by the standard; the distributions are not, so
  // indices are drawn by rejection here to give the same resamples with every library.
  std::mt19937_64 random(seed);
  uint64_t n = values.size(), limit = std::mt19937_64::max() - std::mt19937_64::max() % n;
  std::vector<double> resample(values.size()), estimates;
  estimates.reserve(kBootstrapResamples);
  for (size_t i = 0; i < kBootstrapResamples; ++i) {
    for (double& x : resample) {
      uint64_t draw;
      do draw = random(); while (draw >= limit);
      x = values[draw % n];
    }
    estimates.push_back(statistic(resample));
  }
  std::sort(estimates.begin(), estimates.end());
  r.bounded = true;
  r.achieved = confidence;
  r.lower = quantile_of_sorted(estimates, 1 - confidence);
  r.upper = quantile_of_sorted(estimates, confidence);
  return r;
}

}  // namespace deckgen
