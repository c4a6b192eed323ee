#include <gtest/gtest.h>

#include "measure/decisions.h"
#include "measure/sequential.h"

namespace deckgen {
namespace {

TEST(LookSchedule, StartsWhereTheTestCanDecideWithARunLeftOut) {
  // At 0.8 α = 4%: 4 against 4 reach p = 1/70; 5 pairs 1/32; a median of 5 runs 1/32.
  EXPECT_EQ(fewest_runs_to_decide(LookTest::rank_sum, 0.04), 5u);
  EXPECT_EQ(fewest_runs_to_decide(LookTest::signed_rank, 0.04), 6u);
  EXPECT_EQ(fewest_runs_to_decide(LookTest::median, 0.04), 6u);
  EXPECT_EQ(fewest_runs_to_decide(LookTest::signed_rank, 0.025), 7u);  // 1/32 > 2.5%: six pairs
  EXPECT_EQ(fewest_runs_to_decide(LookTest::bootstrap, 0.04), kMinBootstrapRuns);
  EXPECT_EQ(LookSchedule(3, LookTest::rank_sum, 0.05).first_size(), 5u);
  EXPECT_EQ(LookSchedule(10, LookTest::rank_sum, 0.05).first_size(), 10u);  // the runs asked for, when more
}

TEST(LookSchedule, LooksGrowByHalfAndTheFirstSpendsMostOfTheError) {
  LookSchedule s(5, LookTest::rank_sum, 0.05);
  EXPECT_EQ(s.sizes_up_to(40), (std::vector<size_t>{5, 8, 12, 18, 27}));
  EXPECT_FALSE(s.reached(4).has_value());
  Look first = *s.reached(5);
  EXPECT_EQ(first.index, 0);
  EXPECT_DOUBLE_EQ(first.alpha, 0.04);
  Look third = *s.reached(17);  // between 12 and 18: still the look at 12
  EXPECT_EQ(third.index, 2);
  EXPECT_EQ(third.size, 12u);
  EXPECT_DOUBLE_EQ(third.alpha, 0.01 / 4);
  EXPECT_DOUBLE_EQ(s.reached(8)->alpha, 0.01 / 2);
  EXPECT_EQ(s.next(12).size, 18u);
  EXPECT_EQ(s.next(4).size, 5u);
  // However many looks, the levels add up to less than α.
  double spent = 0;
  std::vector<size_t> sizes = s.sizes_up_to(1'000'000);
  EXPECT_GT(sizes.size(), 25u);
  for (size_t size : sizes) spent += s.reached(size)->alpha;
  EXPECT_LT(spent, 0.05);
}

TEST(LagOneAutocorrelation, SeesADriftAndNotNoise) {
  std::vector<double> drift, alternating;
  for (int i = 0; i < 12; ++i) {
    drift.push_back(1 + 0.1 * i);
    alternating.push_back(i % 2 ? 1.0 : 2.0);
  }
  EXPECT_GT(lag_one_autocorrelation(drift), kMaxLagOneCorrelation);
  EXPECT_LT(lag_one_autocorrelation(alternating), 0);
  EXPECT_EQ(lag_one_autocorrelation(std::vector<double>{1, 1, 1, 1}), 0);
}

}  // namespace
}  // namespace deckgen
