#include "measure/intervals.h"

#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <numeric>
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

namespace {

// kBootstrapResamples estimates of `statistic`, sorted. std::mt19937_64's sequence is
// fixed by the standard; the distributions are not, so indices are drawn by rejection
// here to give the same resamples with every library.
std::vector<double> bootstrap_estimates(std::span<const double> values, const StatisticOfValues& statistic, uint64_t seed) {
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
  return estimates;
}

// The sorted Walsh averages (x_i + x_j) / 2, i ≤ j.
std::vector<double> walsh_averages(const std::vector<double>& d) {
  std::vector<double> w;
  w.reserve(d.size() * (d.size() + 1) / 2);
  for (size_t i = 0; i < d.size(); ++i)
    for (size_t j = i; j < d.size(); ++j) w.push_back((d[i] + d[j]) / 2);
  std::sort(w.begin(), w.end());
  return w;
}

// The number of subsets of {1, …, n} by their sum: W+'s null distribution times 2^n.
const std::vector<double>& signed_rank_cdf_table(size_t n) {
  static std::mutex mutex;
  static std::map<size_t, std::vector<double>> tables;
  std::lock_guard lock(mutex);
  auto it = tables.find(n);
  if (it != tables.end()) return it->second;
  std::vector<double> count(n * (n + 1) / 2 + 1, 0.0);
  count[0] = 1;
  for (size_t rank = 1; rank <= n; ++rank)
    for (size_t w = count.size() - 1; w >= rank; --w) count[w] += count[w - rank];
  double total = std::ldexp(1.0, static_cast<int>(n));
  double sum = 0;
  for (double& c : count) c = (sum += c) / total;
  return tables.emplace(n, std::move(count)).first->second;
}

}  // namespace

double signed_rank_cdf(size_t n, size_t w) {
  if (n == 0) return 1;
  if (n > kExactSignedRankMaxPairs) {
    double nn = static_cast<double>(n);
    double mean = nn * (nn + 1) / 4, sigma = std::sqrt(nn * (nn + 1) * (2 * nn + 1) / 24);
    return boost::math::cdf(boost::math::normal(), (static_cast<double>(w) + 0.5 - mean) / sigma);
  }
  const std::vector<double>& cdf = signed_rank_cdf_table(n);
  return w < cdf.size() ? cdf[w] : 1.0;
}

Interval paired_ratio_interval(std::span<const double> a, std::span<const double> b, double confidence) {
  Interval r;
  r.confidence = confidence;
  if (a.empty() || a.size() != b.size()) return r;
  std::vector<double> d;
  d.reserve(a.size());
  for (size_t i = 0; i < a.size(); ++i) {
    if (!(a[i] > 0) || !(b[i] > 0)) return r;
    d.push_back(std::log(b[i] / a[i]));
  }
  std::vector<double> w = walsh_averages(d);
  r.estimate = std::exp(median_of_sorted(w));
  double alpha = 1 - confidence;
  size_t n = d.size(), k = 0;
  while (k < w.size() && signed_rank_cdf(n, k) <= alpha + kTolerance) ++k;
  if (k == 0) return r;
  r.bounded = true;
  r.achieved = 1 - signed_rank_cdf(n, k - 1);
  r.lower = std::exp(w[k - 1]);
  r.upper = std::exp(w[w.size() - k]);
  return r;
}

Interval bootstrap_interval(std::span<const double> values, const StatisticOfValues& statistic, double confidence,
                            uint64_t seed) {
  Interval r;
  r.confidence = confidence;
  if (values.empty()) return r;
  r.estimate = statistic(values);
  if (values.size() < 2) return r;
  std::vector<double> estimates = bootstrap_estimates(values, statistic, seed);
  r.bounded = true;
  r.achieved = confidence;
  r.lower = quantile_of_sorted(estimates, 1 - confidence);
  r.upper = quantile_of_sorted(estimates, confidence);
  return r;
}

Interval bca_interval(std::span<const double> values, const StatisticOfValues& statistic, double confidence, uint64_t seed) {
  Interval r;
  r.confidence = confidence;
  if (values.empty()) return r;
  r.estimate = statistic(values);
  if (values.size() < 3) return r;
  std::vector<double> estimates = bootstrap_estimates(values, statistic, seed);

  // Bias: how far the resamples' median lies from the estimate, on the normal scale.
  // Ties with the estimate count half, so a statistic of discrete values is not pushed.
  double below = 0;
  for (double e : estimates) below += e < r.estimate ? 1 : e == r.estimate ? 0.5 : 0;
  double share = std::clamp(below / static_cast<double>(estimates.size()), 0.5 / kBootstrapResamples,
                            1 - 0.5 / kBootstrapResamples);
  boost::math::normal standard;
  double z0 = boost::math::quantile(standard, share);

  // Acceleration from the jackknife: the skewness of the leave-one-out estimates.
  std::vector<double> rest(values.begin() + 1, values.end()), jack;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) rest[i - 1] = values[i - 1];
    jack.push_back(statistic(rest));
  }
  double mean = std::accumulate(jack.begin(), jack.end(), 0.0) / static_cast<double>(jack.size());
  double num = 0, den = 0;
  for (double j : jack) {
    num += std::pow(mean - j, 3);
    den += std::pow(mean - j, 2);
  }
  double acceleration = den > 0 ? num / (6 * std::pow(den, 1.5)) : 0;

  auto adjusted = [&](double p) {
    double z = z0 + boost::math::quantile(standard, p);
    double moved = z0 + z / (1 - acceleration * z);
    return boost::math::cdf(standard, moved);
  };
  r.bounded = std::isfinite(z0) && std::isfinite(acceleration);
  if (!r.bounded) return r;
  r.achieved = confidence;
  r.lower = quantile_of_sorted(estimates, std::clamp(adjusted(1 - confidence), 0.0, 1.0));
  r.upper = quantile_of_sorted(estimates, std::clamp(adjusted(confidence), 0.0, 1.0));
  return r;
}

}  // namespace deckgen
