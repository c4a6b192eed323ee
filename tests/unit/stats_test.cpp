#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "measure/stats.h"

namespace deckgen {
namespace {

using Values = std::vector<double>;

struct SummaryCase {
  const char* name;
  Values values;
  double median, mad, mean, stddev, min, max;
};

// Textbook data sets with their statistics worked out by hand.
const SummaryCase kSummaryCases[] = {
    // Wikipedia, "Median absolute deviation": deviations 1 1 0 0 2 4 7 have median 1.
    // Σx² = 143, so Σ(x − mean)² = 143 − 625/7 = 376/7 and s² = 376/42.
    {"mad example", {1, 1, 2, 2, 4, 6, 9}, 2, 1, 25.0 / 7, std::sqrt(376.0 / 42), 1, 9},
    // Wikipedia, "Standard deviation": population σ is 2, the sample one √(32/7).
    {"sd example", {2, 4, 4, 4, 5, 5, 7, 9}, 4.5, 0.5, 5, std::sqrt(32.0 / 7), 2, 9},
    {"even count, unsorted", {4, 1, 3, 2}, 2.5, 1, 2.5, std::sqrt(5.0 / 3), 1, 4},
    {"one run", {0.25}, 0.25, 0, 0.25, 0, 0.25, 0.25},
    {"all equal", {3, 3, 3, 3}, 3, 0, 3, 0, 3, 3},
    {"negative values", {-3, -1, -2}, -2, 1, -2, 1, -3, -1},
};

TEST(Summarize, MatchesTextbookValues) {
  for (const auto& c : kSummaryCases) {
    SCOPED_TRACE(c.name);
    Summary s = summarize(c.values);
    EXPECT_EQ(s.n, c.values.size());
    EXPECT_DOUBLE_EQ(s.median, c.median);
    EXPECT_DOUBLE_EQ(s.mad, c.mad);
    EXPECT_DOUBLE_EQ(s.mean, c.mean);
    EXPECT_NEAR(s.stddev, c.stddev, 1e-12);
    EXPECT_EQ(s.min, c.min);
    EXPECT_EQ(s.max, c.max);
  }
}

TEST(Summarize, EmptyInputIsAllZero) {
  Summary s = summarize({});
  EXPECT_EQ(s.n, 0u);
  EXPECT_EQ(s.median, 0);
  EXPECT_EQ(s.stddev, 0);
  EXPECT_TRUE(s.outliers.empty());
  EXPECT_FALSE(s.unstable);
}

TEST(Summarize, DoesNotLoseThePrecisionOfALargeOffset) {
  // A naive Σx² − n·mean² gives 0 or garbage here; the spread is exactly that of {1,2,3}.
  Summary s = summarize(Values{1e9 + 1, 1e9 + 2, 1e9 + 3});
  EXPECT_DOUBLE_EQ(s.stddev, 1);
}

struct OutlierCase {
  const char* name;
  Values values;
  std::vector<size_t> outliers;
};

const OutlierCase kOutlierCases[] = {
    // median 10, MAD 0.1: z(10.5) = 0.6745·0.5/0.1 = 3.37 stays, z(11) = 6.7 goes.
    {"one slow run", {10.0, 10.1, 9.9, 10.0, 10.2, 9.8, 11.0, 10.5}, {6}},
    {"both tails", {1, 50, 50.5, 49.5, 50, 51, 49, 99}, {0, 7}},
    {"no outlier in a normal spread", {9, 10, 11, 10, 9.5, 10.5}, {}},
    // MAD 0: the mean absolute deviation 0.2 scales instead; z(2) = 1/(1.2533·0.2) = 3.99.
    {"mad zero, one different", {1, 1, 1, 1, 2}, {4}},
    // MAD 0, meanAD 2/7: z(2) = 1/(1.2533·0.2857) = 2.79, not an outlier.
    {"mad zero, two different", {1, 1, 1, 1, 1, 2, 2}, {}},
    {"all equal", {5, 5, 5}, {}},
    {"one run", {5}, {}},
};

TEST(Summarize, FlagsOutliersByModifiedZScore) {
  for (const auto& c : kOutlierCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(summarize(c.values).outliers, c.outliers);
  }
}

struct StabilityCase {
  const char* name;
  Values values;
  bool unstable;
};

const StabilityCase kStabilityCases[] = {
    {"tight", {100, 101, 99, 100}, false},
    // mean 10, sample σ 1: exactly 10% is unstable.
    {"at the threshold", {9, 10, 11}, true},
    {"just below", {9.01, 10, 10.99}, false},
    {"wide", {1, 2, 3}, true},
    {"one run can't be judged", {7}, false},
    {"zero mean with spread", {-1, 1}, true},
    {"all zero", {0, 0, 0}, false},
};

TEST(Summarize, FlagsInstabilityAtTenPercentVariation) {
  for (const auto& c : kStabilityCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(summarize(c.values).unstable, c.unstable);
  }
}

struct MannWhitneyCase {
  const char* name;
  Values a, b;
  double u, p;
  bool exact;
};

// Expected p-values from a Python script that enumerates every split of the pooled runs
// (itertools.combinations, midranks for ties) for the exact cases, and evaluates the
// normal approximation with tie and continuity correction with math.erfc for the rest.
// The tie-free exact ones agree with scipy.stats.mannwhitneyu(a, b, alternative="less",
// method="exact"): 0.05 for 3 against 3 separated runs, 1/35 for 3 against 4.
const MannWhitneyCase kMannWhitneyCases[] = {
    {"3v3 separated", {1, 2, 3}, {4, 5, 6}, 0, 0.05, true},
    {"3v4 separated", {1, 2, 3}, {4, 5, 6, 7}, 0, 1.0 / 35, true},
    {"4v4 one swap", {1, 2, 3, 5}, {4, 6, 7, 8}, 1, 2.0 / 70, true},
    {"5v5 interleaved", {1, 3, 5, 7, 9}, {2, 4, 6, 8, 10}, 10, 87.0 / 252, true},
    {"a larger", {4, 5, 6}, {1, 2, 3}, 9, 1, true},
    {"ties 4v4", {1, 2, 2, 3}, {2, 3, 3, 4}, 3, 10.0 / 70, true},
    {"ties 5v6", {10, 10, 11, 12, 12}, {11, 12, 12, 13, 13, 14}, 4.5, 18.0 / 462, true},
    {"timings 5v5",
     {0.101, 0.103, 0.099, 0.102, 0.100},
     {0.104, 0.098, 0.106, 0.105, 0.107},
     5, 19.0 / 252, true},
    {"all equal", {2, 2, 2}, {2, 2, 2}, 4.5, 1, true},
};

TEST(MannWhitney, ExactPValuesMatchEnumeration) {
  for (const auto& c : kMannWhitneyCases) {
    SCOPED_TRACE(c.name);
    SignificanceTest t = mann_whitney_less(c.a, c.b);
    EXPECT_EQ(t.u, c.u);
    EXPECT_NEAR(t.p_value, c.p, 1e-12);
    EXPECT_EQ(t.exact, c.exact);
  }
}

Values steps(int count, double start, double step) {
  Values v;
  for (int i = 0; i < count; ++i) v.push_back(start + i * step);
  return v;
}

Values repeat(const Values& v, int times) {
  Values out;
  for (int i = 0; i < times; ++i) out.insert(out.end(), v.begin(), v.end());
  return out;
}

TEST(MannWhitney, LargeSamplesUseTheNormalApproximation) {
  SignificanceTest shifted = mann_whitney_less(steps(30, 0, 0.5), steps(30, 3.2, 0.5));
  EXPECT_FALSE(shifted.exact);
  EXPECT_EQ(shifted.u, 276);
  EXPECT_NEAR(shifted.p_value, 0.005157336201169003, 1e-12);

  // Heavy ties: without the tie correction the p-value would be 5.5e-6.
  SignificanceTest tied = mann_whitney_less(repeat({1, 1, 2, 2, 2, 3, 3, 4}, 4),
                                            repeat({2, 3, 3, 3, 4, 4, 5, 5}, 4));
  EXPECT_FALSE(tied.exact);
  EXPECT_EQ(tied.u, 184);
  EXPECT_NEAR(tied.p_value, 2.9923544970464406e-06, 1e-15);
}

TEST(MannWhitney, TheExactLimitIsAtFiftyRuns) {
  EXPECT_TRUE(mann_whitney_less(steps(25, 0, 1), steps(25, 0.5, 1)).exact);
  EXPECT_FALSE(mann_whitney_less(steps(25, 0, 1), steps(26, 0.5, 1)).exact);
  // At the limit complete separation is 1/C(50, 25), counted exactly.
  SignificanceTest t = mann_whitney_less(steps(25, 0, 1), steps(25, 100, 1));
  EXPECT_NEAR(t.p_value / t.min_achievable_p, 1, 1e-9);
  EXPECT_NEAR(t.min_achievable_p, 1 / 126410606437752.0, 1e-25);
}

struct EnoughDataCase {
  size_t n_a, n_b;
  double min_p;
  bool enough;
};

const EnoughDataCase kEnoughDataCases[] = {
    {3, 3, 0.05, false},  // 5% exactly is not below 5%
    {2, 5, 1.0 / 21, true},
    {3, 4, 1.0 / 35, true},
    {2, 2, 1.0 / 6, false},
    {1, 10, 1.0 / 11, false},
    {10, 10, 1.0 / 184756, true},
};

TEST(MannWhitney, SaysWhenTooFewRunsCouldEverBeSignificant) {
  for (const auto& c : kEnoughDataCases) {
    SCOPED_TRACE(testing::Message() << c.n_a << " vs " << c.n_b);
    SignificanceTest t = mann_whitney_less(steps(c.n_a, 0, 1), steps(c.n_b, 100, 1));
    EXPECT_NEAR(t.min_achievable_p, c.min_p, 1e-12);
    EXPECT_EQ(t.enough_data, c.enough);
    EXPECT_EQ(t.significant(), c.enough);  // complete separation: as significant as can be
  }
}

TEST(MannWhitney, SignificanceNeedsPBelowAlpha) {
  SignificanceTest one_swap = mann_whitney_less(Values{1, 2, 3, 5}, Values{4, 6, 7, 8});
  EXPECT_TRUE(one_swap.significant());  // 2/70 = 2.9%
  EXPECT_FALSE(mann_whitney_less(Values{1, 2, 3, 5}, Values{4, 6, 7, 8}, 0.01).significant());
  EXPECT_FALSE(mann_whitney_less(Values{4, 5, 6, 7}, Values{1, 2, 3, 8}).significant());
}

TEST(MannWhitney, EmptySideIsNeverEnoughData) {
  SignificanceTest t = mann_whitney_less({}, Values{1, 2, 3});
  EXPECT_EQ(t.p_value, 1);
  EXPECT_FALSE(t.enough_data);
  EXPECT_FALSE(t.significant());
}

}  // namespace
}  // namespace deckgen
