#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "measure/decisions.h"

namespace deckgen {
namespace {

// `n` run times around `median` with a log-normal spread of `sigma` (0.05: about ±5%),
// drawn from a fixed seed so that every run of the test sees the same numbers.
std::vector<double> runs(size_t n, double median, double sigma, uint64_t seed) {
  std::mt19937_64 random(seed);
  auto uniform = [&] { return (static_cast<double>(random() >> 11) + 0.5) / 9007199254740992.0; };
  std::vector<double> out;
  for (size_t i = 0; i < n; ++i) {
    double z = std::sqrt(-2 * std::log(uniform())) * std::cos(2 * M_PI * uniform());  // Box–Muller
    out.push_back(median * std::exp(sigma * z));
  }
  return out;
}

TEST(DecideFaster, ATrueTwofoldDifferenceHoldsByOnePointFive) {
  Decision d = decide_faster(runs(10, 0.1, 0.05, 1), runs(10, 0.2, 0.05, 2), 1.5);
  EXPECT_EQ(d.verdict, Verdict::holds);
  EXPECT_GE(d.interval.lower, 1.5);
  EXPECT_NEAR(d.interval.estimate, 2.0, 0.15);
  EXPECT_FALSE(d.fragile);
  EXPECT_EQ(d.n_a, 10u);
  EXPECT_EQ(d.n_b, 10u);
}

TEST(DecideFaster, AFivePercentDifferenceFailsByOnePointFive) {
  Decision d = decide_faster(runs(10, 0.1, 0.05, 3), runs(10, 0.105, 0.05, 4), 1.5);
  EXPECT_EQ(d.verdict, Verdict::fails);
  EXPECT_LT(d.interval.upper, 1.5);
}

TEST(DecideFaster, AnIntervalAroundTheFactorIsUndecided) {
  // About 1.6× measured, but with a spread that leaves 1.5 inside the interval: the
  // point estimate clearing the factor is not enough.
  std::vector<double> a = {0.10, 0.09, 0.11, 0.10, 0.12, 0.08}, b = {0.16, 0.15, 0.17, 0.16, 0.14, 0.18};
  Decision d = decide_faster(a, b, 1.5);
  EXPECT_EQ(d.verdict, Verdict::undecided);
  EXPECT_GE(d.interval.estimate, 1.5);
  EXPECT_LT(d.interval.lower, 1.5);
  EXPECT_GE(d.interval.upper, 1.5);
}

TEST(DecideFaster, ThreeAgainstThreeHoldsOnlyFragilely) {
  // Complete separation at 3 vs 3 reaches exactly 95%; without any one run it cannot.
  Decision d = decide_faster(std::vector<double>{1.0, 1.1, 1.2}, std::vector<double>{2.0, 2.1, 2.2}, 1.5);
  EXPECT_EQ(d.verdict, Verdict::holds);
  EXPECT_TRUE(d.fragile);
}

TEST(DecideFaster, WithoutAFactorTheOneSidedTestDecides) {
  Decision faster = decide_faster(runs(8, 0.1, 0.05, 7), runs(8, 0.12, 0.05, 8), std::nullopt);
  EXPECT_EQ(faster.verdict, Verdict::holds);
  ASSERT_TRUE(faster.p_value);
  EXPECT_LT(*faster.p_value, 0.05);
  Decision slower = decide_faster(runs(8, 0.12, 0.05, 9), runs(8, 0.1, 0.05, 10), std::nullopt);
  EXPECT_EQ(slower.verdict, Verdict::fails);  // A is slower, with confidence
  Decision same = decide_faster(runs(8, 0.1, 0.05, 11), runs(8, 0.1, 0.05, 12), std::nullopt);
  EXPECT_EQ(same.verdict, Verdict::undecided);  // no evidence either way is not a pass
}

TEST(DecideNotFaster, EqualDistributionsHoldOnceEnoughRunsAreIn) {
  Decision d = decide_not_faster(runs(20, 0.1, 0.03, 13), runs(20, 0.1, 0.03, 14));
  EXPECT_EQ(d.verdict, Verdict::holds);
  EXPECT_LT(d.interval.upper, kDefaultMargin);
}

TEST(DecideNotFaster, EqualDistributionsAreUndecidedAtThreeAgainstThree) {
  // The old rule (the test finds no difference) passed this; absence of evidence is not
  // evidence of absence. At 3 vs 3 the 95% upper bound is the largest of the nine
  // ratios, which a ±6% spread already puts beyond the margin (0.107 / 0.095).
  Decision d = decide_not_faster(std::vector<double>{0.095, 0.100, 0.106}, std::vector<double>{0.094, 0.101, 0.107});
  EXPECT_EQ(d.verdict, Verdict::undecided);
  EXPECT_GE(d.interval.upper, kDefaultMargin);
  // Even when a tight spread keeps all nine ratios within it, the verdict rests on every
  // single run: it holds only fragilely, and --strict (and adaptive sampling) want more.
  Decision tight = decide_not_faster(runs(3, 0.1, 0.02, 15), runs(3, 0.1, 0.02, 16));
  EXPECT_EQ(tight.verdict, Verdict::holds);
  EXPECT_TRUE(tight.fragile);
}

TEST(DecideNotFaster, ATwofoldSpeedUpFails) {
  Decision d = decide_not_faster(runs(5, 0.1, 0.05, 17), runs(5, 0.2, 0.05, 18));
  EXPECT_EQ(d.verdict, Verdict::fails);
  EXPECT_GT(d.interval.lower, kDefaultMargin);
}

TEST(DecideNotFaster, TheMarginIsTheDeckChoice) {
  std::vector<double> a = runs(20, 0.1, 0.02, 19), b = runs(20, 0.115, 0.02, 20);  // 15% faster
  EXPECT_EQ(decide_not_faster(a, b, 1.10).verdict, Verdict::fails);
  EXPECT_EQ(decide_not_faster(a, b, 1.25).verdict, Verdict::holds);
}

TEST(DecideBound, TheMediansIntervalMustClearTheBound) {
  std::vector<double> v = runs(10, 1000, 0.05, 21);
  EXPECT_EQ(decide_bound(v, Statistic::median, 1200, std::nullopt).verdict, Verdict::holds);
  EXPECT_EQ(decide_bound(v, Statistic::median, 800, std::nullopt).verdict, Verdict::fails);
  EXPECT_EQ(decide_bound(v, Statistic::median, 1000, std::nullopt).verdict, Verdict::undecided);
  EXPECT_EQ(decide_bound(v, Statistic::median, std::nullopt, 800).verdict, Verdict::holds);
  EXPECT_EQ(decide_bound(v, Statistic::median, 1200, 800).verdict, Verdict::holds);
  // The point median is below 1010 here; its interval is not.
  EXPECT_EQ(decide_bound(v, Statistic::median, 1010, std::nullopt).verdict, Verdict::undecided);
}

TEST(DecideBound, ThreeRunsCannotBoundAMedian) {
  Decision d = decide_bound(std::vector<double>{1200, 1300, 1250}, Statistic::median, 5000, std::nullopt);
  EXPECT_EQ(d.verdict, Verdict::undecided);
  EXPECT_FALSE(d.interval.bounded);
}

TEST(DecideBound, MinMaxAndCountAreFactsAboutTheRuns) {
  std::vector<double> v = {1200, 1300, 1250};
  EXPECT_EQ(decide_bound(v, Statistic::max, 1301, std::nullopt).verdict, Verdict::holds);
  EXPECT_EQ(decide_bound(v, Statistic::max, 1300, std::nullopt).verdict, Verdict::fails);
  EXPECT_EQ(decide_bound(v, Statistic::min, std::nullopt, 1100).verdict, Verdict::holds);
}

TEST(DecideBound, OneOutlyingRunThatCarriesTheVerdictIsFragile) {
  // Five runs bound the median only with all of them (the extremes are the bounds).
  Decision d = decide_bound(std::vector<double>{10, 11, 12, 13, 14}, Statistic::median, 15, std::nullopt);
  EXPECT_EQ(d.verdict, Verdict::holds);
  EXPECT_TRUE(d.fragile);
  Decision sturdy = decide_bound(runs(15, 10, 0.02, 22), Statistic::median, 15, std::nullopt);
  EXPECT_EQ(sturdy.verdict, Verdict::holds);
  EXPECT_FALSE(sturdy.fragile);
}

}  // namespace
}  // namespace deckgen
