#include <gtest/gtest.h>

#include <cmath>
#include <span>
#include <vector>

#include "measure/intervals.h"
#include "measure/stats.h"

// Reference values are R 4.2.2's (Debian 12's r-base-core), computed with the calls
// written beside them; the data of the first ratio test is the example of R's
// ?wilcox.test (Hollander & Wolfe, 1973, p. 69).
namespace deckgen {
namespace {

const std::vector<double> kX = {0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};
const std::vector<double> kY = {1.15, 0.88, 0.90, 0.74, 1.21};

TEST(MannWhitneyCdf, MatchesRsPwilcox) {
  // pwilcox(0, 3, 3); pwilcox(1, 3, 3); pwilcox(5, 5, 7); pwilcox(12, 8, 9); pwilcox(100, 20, 20)
  EXPECT_NEAR(mann_whitney_cdf(3, 3, 0), 0.05, 1e-15);
  EXPECT_NEAR(mann_whitney_cdf(3, 3, 1), 0.10000000000000001, 1e-15);
  EXPECT_NEAR(mann_whitney_cdf(5, 7, 5), 0.02398989898989899, 1e-14);
  EXPECT_NEAR(mann_whitney_cdf(8, 9, 12), 0.01032496914849856, 1e-14);
  EXPECT_NEAR(mann_whitney_cdf(7, 5, 5), 0.02398989898989899, 1e-14);  // symmetric in the sizes
  EXPECT_NEAR(mann_whitney_cdf(20, 20, 100), 0.00307247782461788, 1e-13);
  EXPECT_DOUBLE_EQ(mann_whitney_cdf(3, 3, 9), 1.0);
}

TEST(RatioInterval, MatchesRsWilcoxTestOnLogarithms) {
  // exp(wilcox.test(log(x), log(y), conf.int = TRUE, conf.level = 0.90)$conf.int): a
  // two-sided 90% interval is the pair of one-sided 95% bounds.
  Interval r = ratio_interval(kY, kX, 0.95);
  ASSERT_TRUE(r.bounded);
  EXPECT_NEAR(r.lower, 0.909090909090909, 1e-12);
  EXPECT_NEAR(r.upper, 1.822222222222222, 1e-12);
  EXPECT_NEAR(r.estimate, 1.31176713707837, 1e-12);  // exp($estimate)
  EXPECT_GE(r.achieved, 0.95);
  // conf.level = 0.80
  Interval r80 = ratio_interval(kY, kX, 0.90);
  EXPECT_NEAR(r80.lower, 0.943181818181818, 1e-12);
  EXPECT_NEAR(r80.upper, 1.659090909090909, 1e-12);
}

TEST(RatioInterval, ATwofoldDifferenceInSevenAgainstSixRuns) {
  std::vector<double> a = {0.101, 0.097, 0.104, 0.099, 0.102, 0.098};
  std::vector<double> b = {0.205, 0.188, 0.214, 0.197, 0.201, 0.192, 0.209};
  // exp(wilcox.test(log(b), log(a), conf.int = TRUE, conf.level = 0.90)[c("conf.int", "estimate")])
  Interval r = ratio_interval(a, b, 0.95);
  EXPECT_NEAR(r.lower, 1.91836734693878, 1e-12);
  EXPECT_NEAR(r.upper, 2.09803921568627, 1e-12);
  EXPECT_NEAR(r.estimate, 2.0097096508811, 1e-12);
}

TEST(RatioInterval, ThreeAgainstThreeReachesExactlyNinetyFivePercentAndTwoAgainstTwoNothing) {
  // P(U ≤ 0) = 1/C(6,3) = 0.05: the smallest of the nine ratios is a 95% bound, no more.
  Interval r = ratio_interval(std::vector<double>{1, 1.1, 1.2}, std::vector<double>{2, 2.1, 2.4}, 0.95);
  ASSERT_TRUE(r.bounded);
  EXPECT_DOUBLE_EQ(r.lower, 2.0 / 1.2);
  EXPECT_DOUBLE_EQ(r.upper, 2.4 / 1.0);
  EXPECT_NEAR(r.achieved, 0.95, 1e-12);
  EXPECT_FALSE(ratio_interval(std::vector<double>{1, 1.1, 1.2}, std::vector<double>{2, 2.1, 2.4}, 0.96).bounded);
  Interval two = ratio_interval(std::vector<double>{1, 1.1}, std::vector<double>{2, 2.1}, 0.95);
  EXPECT_FALSE(two.bounded);
  EXPECT_TRUE(std::isinf(two.upper));
}

TEST(RatioInterval, NeedsPositiveValuesOnBothSides) {
  EXPECT_FALSE(ratio_interval(std::vector<double>{0, 1, 2, 3}, std::vector<double>{1, 2, 3, 4}).bounded);
  EXPECT_FALSE(ratio_interval(std::vector<double>{}, std::vector<double>{1, 2, 3, 4}).bounded);
}

TEST(RatioInterval, LargeSamplesUseTheNormalApproximationAndStayNarrow) {
  std::vector<double> a, b;
  for (int i = 0; i < 80; ++i) {
    a.push_back(1.0 + 0.001 * i);
    b.push_back(3.0 + 0.003 * ((i * 37) % 80));
  }
  Interval r = ratio_interval(a, b, 0.95);
  ASSERT_TRUE(r.bounded);
  EXPECT_LT(r.lower, r.estimate);
  EXPECT_GT(r.upper, r.estimate);
  EXPECT_NEAR(r.estimate, 3.0, 0.05);
  EXPECT_GT(r.lower, 2.9);
  EXPECT_LT(r.upper, 3.1);
}

TEST(MedianInterval, OrderStatisticsFromTheBinomial) {
  // pbinom(1, 10, 0.5) = 0.0107421875 ≤ 5% < pbinom(2, 10, 0.5) = 0.0546875: the 2nd smallest
  // and 2nd largest of ten runs, each bound at 1 − 0.0107421875.
  std::vector<double> ten = {7, 3, 9, 1, 5, 10, 2, 8, 4, 6};
  Interval m = median_interval(ten, 0.95);
  ASSERT_TRUE(m.bounded);
  EXPECT_EQ(m.lower, 2);
  EXPECT_EQ(m.upper, 9);
  EXPECT_DOUBLE_EQ(m.estimate, 5.5);
  EXPECT_NEAR(m.achieved, 1 - 0.0107421875, 1e-12);
  // pbinom(5, 20, 0.5) = 0.0206947326660156 ≤ 5% < pbinom(6, 20, 0.5): the 6th of twenty.
  std::vector<double> twenty;
  for (int i = 1; i <= 20; ++i) twenty.push_back(i);
  Interval t = median_interval(twenty, 0.95);
  EXPECT_EQ(t.lower, 6);
  EXPECT_EQ(t.upper, 15);
  EXPECT_NEAR(t.achieved, 1 - 0.0206947326660156, 1e-12);
}

TEST(MedianInterval, FourRunsCannotBoundAMedianAtNinetyFivePercentFiveCan) {
  // pbinom(0, 4, 0.5) = 0.0625 > 5%; pbinom(0, 5, 0.5) = 0.03125.
  EXPECT_FALSE(median_interval(std::vector<double>{1, 2, 3, 4}, 0.95).bounded);
  Interval five = median_interval(std::vector<double>{1, 2, 3, 4, 5}, 0.95);
  ASSERT_TRUE(five.bounded);
  EXPECT_EQ(five.lower, 1);
  EXPECT_EQ(five.upper, 5);
}

TEST(BootstrapInterval, IsSeededAndSurroundsTheEstimate) {
  std::vector<double> v = {10.2, 9.8, 10.5, 10.1, 9.9, 10.4, 10.0, 10.3, 9.7, 10.6};
  auto mean = [](std::span<const double> x) { return summarize(x).mean; };
  Interval one = bootstrap_interval(v, mean, 0.95), again = bootstrap_interval(v, mean, 0.95);
  EXPECT_EQ(one.lower, again.lower);  // the same runs give the same verdict
  EXPECT_EQ(one.upper, again.upper);
  EXPECT_DOUBLE_EQ(one.estimate, 10.15);
  EXPECT_LT(one.lower, 10.15);
  EXPECT_GT(one.upper, 10.15);
  // The mean's standard error here is about 0.095: a one-sided 95% bound sits ~1.645 of it away.
  EXPECT_NEAR(one.upper - 10.15, 1.645 * 0.0957, 0.04);
  EXPECT_FALSE(bootstrap_interval(std::vector<double>{1.0}, mean).bounded);
}

TEST(MannWhitney, MatchesRsWilcoxTestForSevenAgainstSix) {
  // wilcox.test(a, b, alternative = "less")$p.value: complete separation, 1 / C(13, 6).
  std::vector<double> a = {0.101, 0.097, 0.104, 0.099, 0.102, 0.098};
  std::vector<double> b = {0.205, 0.188, 0.214, 0.197, 0.201, 0.192, 0.209};
  EXPECT_NEAR(mann_whitney_less(a, b).p_value, 0.000582750582750583, 1e-15);
}

// Reference values by enumerating every subset of ranks (the definition of R's psignrank).
TEST(SignedRankCdf, MatchesTheExactDistribution) {
  EXPECT_DOUBLE_EQ(signed_rank_cdf(5, 0), 1.0 / 32);
  EXPECT_DOUBLE_EQ(signed_rank_cdf(5, 2), 3.0 / 32);
  EXPECT_DOUBLE_EQ(signed_rank_cdf(8, 5), 10.0 / 256);
  EXPECT_DOUBLE_EQ(signed_rank_cdf(10, 10), 43.0 / 1024);
  EXPECT_DOUBLE_EQ(signed_rank_cdf(5, 15), 1.0);
  // The normal approximation beyond 50 pairs stays close to the exact tail at 50.
  EXPECT_NEAR(signed_rank_cdf(51, 400), signed_rank_cdf(50, 390), 0.01);
}

TEST(PairedRatioInterval, WalshAveragesOfTheLogRatios) {
  // Computed by enumeration: exp of the 6th smallest and 6th largest of the 36 Walsh
  // averages of log(b_i / a_i); P(W+ <= 5) = 10/256 <= 5% < P(W+ <= 6).
  std::vector<double> a = {1.00, 1.10, 0.95, 1.05, 1.02, 0.98, 1.01, 1.03};
  std::vector<double> b = {1.52, 1.70, 1.40, 1.61, 1.55, 1.45, 1.58, 1.49};
  Interval r = paired_ratio_interval(a, b, 0.95);
  ASSERT_TRUE(r.bounded);
  EXPECT_NEAR(r.lower, 1.4795918367346939, 1e-12);
  EXPECT_NEAR(r.upper, 1.5418198043436206, 1e-12);
  EXPECT_NEAR(r.estimate, 1.510652964711676, 1e-12);
  EXPECT_NEAR(r.achieved, 1 - 10.0 / 256, 1e-12);
  // Five pairs cannot reach 2.5% (the best is 1/32): no bound.
  EXPECT_FALSE(paired_ratio_interval(std::vector<double>(a.begin(), a.begin() + 5),
                                     std::vector<double>(b.begin(), b.begin() + 5), 0.975).bounded);
  EXPECT_FALSE(paired_ratio_interval(a, std::vector<double>(b.begin(), b.begin() + 5)).bounded);  // unequal sides
}

TEST(PairedRatioInterval, ADriftSharedByBothRunsOfARoundCancels) {
  // Both runs of round i are slowed alike by a drift of up to 40%; the ratio is 2 in every round.
  std::vector<double> a, b;
  for (int i = 0; i < 10; ++i) {
    double drift = 1 + 0.04 * i;
    a.push_back(1.0 * drift);
    b.push_back(2.0 * drift);
  }
  Interval paired = paired_ratio_interval(a, b, 0.95);
  EXPECT_NEAR(paired.lower, 2.0, 1e-9);
  EXPECT_NEAR(paired.upper, 2.0, 1e-9);
  Interval unpaired = ratio_interval(a, b, 0.95);
  EXPECT_LT(unpaired.lower, 1.9);  // the drift widens what the unpaired interval can say
}

TEST(BcaInterval, CoversASkewedStatisticCloserThanThePercentileBootstrap) {
  // The standard deviation of 30 log-normal values: the percentile bootstrap is biased
  // low for it; BCa moves the interval up.
  std::vector<double> v;
  for (int i = 0; i < 30; ++i) v.push_back(std::exp(0.5 * std::sin(1.7 * i) + 0.3 * std::cos(0.9 * i)));
  auto sd = [](std::span<const double> x) { return summarize(x).stddev; };
  Interval bca = bca_interval(v, sd, 0.95), plain = bootstrap_interval(v, sd, 0.95);
  ASSERT_TRUE(bca.bounded);
  EXPECT_NEAR(bca.estimate, plain.estimate, 1e-12);
  EXPECT_LT(bca.lower, bca.estimate);
  EXPECT_GT(bca.upper, bca.estimate);
  EXPECT_NE(bca.lower, plain.lower);
  // The same runs always give the same interval.
  Interval again = bca_interval(v, sd, 0.95);
  EXPECT_EQ(again.lower, bca.lower);
  EXPECT_EQ(again.upper, bca.upper);
}

}  // namespace
}  // namespace deckgen
