// The thread sampler's clock (run/tick_schedule.h), driven by a fake one: ticks stay on
// their grid however late a wake-up or however long a sample, a late wake-up takes one
// sample and counts the deadlines it passed as missed, and nothing here is timed.
#include "run/tick_schedule.h"

#include <gtest/gtest.h>

namespace deckgen {
namespace {

constexpr int64_t kMs = 1'000'000;
constexpr int64_t kStart = 5'000 * kMs;

TEST(TickSchedule, OnTimeTicksMissNothingAndDoNotDrift) {
  TickSchedule s(kStart, kMs);
  for (int64_t k = 0; k < 1000; ++k) {
    ASSERT_EQ(s.deadline(), kStart + k * kMs) << "the deadline moved off its grid";
    // Each wake-up 80 µs late and each sample 60 µs long: relative sleeps would drift by
    // 140 µs a tick, 140 ms over these 1,000.
    EXPECT_EQ(s.sampled(s.deadline() + 80'000, s.deadline() + 140'000), 0u);
  }
  EXPECT_EQ(s.deadline(), kStart + 1000 * kMs);
  EXPECT_EQ(s.missed(), 0u);
  EXPECT_EQ(s.latest_wake_ns(), 80'000);
  EXPECT_EQ(s.longest_sample_ns(), 60'000);
}

TEST(TickSchedule, AWakeUpLessThanATickLateStillTakesItsTick) {
  TickSchedule s(kStart, kMs);
  EXPECT_EQ(s.sampled(kStart + 990'000, kStart + 999'000), 0u);
  EXPECT_EQ(s.deadline(), kStart + kMs) << "the next tick is the next deadline, due at once";
}

TEST(TickSchedule, ALateWakeUpTakesOneSampleAndCountsTheDeadlinesItPassed) {
  TickSchedule s(kStart, kMs);
  s.sampled(kStart, kStart + 50'000);
  // Woken 2.5 ticks after the deadline of kStart + 1 ms: the deadlines at 1 and 2 ms
  // went without a sample, this one stands for 3 ms, the next is 4 ms (not 2 ms again,
  // which would take two samples of the same moment).
  EXPECT_EQ(s.sampled(kStart + 3'500'000, kStart + 3'560'000), 2u);
  EXPECT_EQ(s.deadline(), kStart + 4 * kMs);
  EXPECT_EQ(s.missed(), 2u);
  EXPECT_EQ(s.latest_wake_ns(), 2'500'000);
}

TEST(TickSchedule, ASampleLongerThanATickMissesTheDeadlinesItRanOver) {
  TickSchedule s(kStart, kMs);
  s.sampled(kStart, kStart + 3'200'000);   // a tick that took 3.2 ms
  EXPECT_EQ(s.deadline(), kStart + kMs);    // already passed: the sampler wakes at once ...
  EXPECT_EQ(s.sampled(kStart + 3'200'100, kStart + 3'250'000), 2u);  // ... and 1 and 2 ms were missed
  EXPECT_EQ(s.deadline(), kStart + 4 * kMs);
  EXPECT_EQ(s.longest_sample_ns(), 3'200'000);
}

TEST(TickSchedule, AWakeUpBeforeTheDeadlineIsNotATick) {
  TickSchedule s(kStart, kMs);
  s.sampled(kStart, kStart + 10'000);
  EXPECT_EQ(s.sampled(kStart + 400'000, kStart + 410'000), 0u);
  EXPECT_EQ(s.deadline(), kStart + kMs);
  EXPECT_EQ(s.missed(), 0u);
}

TEST(TickSchedule, SamplesPlusMissedTicksCoverEveryDeadline) {
  // Wake-ups late by a varying amount (a loaded machine): every deadline up to the last
  // is either sampled or missed, once.
  TickSchedule s(kStart, kMs);
  uint64_t samples = 0;
  const int64_t lateness[] = {0, 300'000, 1'700'000, 50'000, 4'200'000, 999'999, 1'000'000, 0};
  for (int round = 0; round < 100; ++round)
    for (int64_t late : lateness) {
      const int64_t woke = s.deadline() + late;
      s.sampled(woke, woke + 70'000);
      ++samples;
    }
  EXPECT_EQ(samples + s.missed(), uint64_t((s.deadline() - kStart) / kMs));
}

}  // namespace
}  // namespace deckgen
