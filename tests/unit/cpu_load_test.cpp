#include <gtest/gtest.h>

#include "measure/cpu_load.h"

namespace deckgen {
namespace {

// The head of a real /proc/stat (Debian 12, 2 CPUs), trimmed after the CPU lines.
constexpr const char* kProcStat =
    "cpu  52128 0 7981 137147 2900 0 92 51 0 0\n"
    "cpu0 24823 0 3792 71376 144 0 14 23 0 0\n"
    "cpu1 27305 0 4188 65771 2756 0 77 27 0 0\n"
    "intr 3964339 0 9 0 0 0 0 0 0 0 0 0\n"
    "ctxt 8052345\n";

TEST(ProcStat, SumsBusyAndTotalTicksOfTheAggregateLine) {
  auto t = parse_proc_stat(kProcStat, 100);
  ASSERT_TRUE(t);
  // busy: user 52128 + system 7981 + softirq 92 + steal 51; idle 137147, iowait 2900.
  EXPECT_DOUBLE_EQ(t->busy_seconds, 602.52);
  EXPECT_DOUBLE_EQ(t->total_seconds, 602.52 + 1400.47);
}

TEST(ProcStat, DoesNotCountGuestTimeTwice) {
  // guest (20) and guest_nice (3) are already inside user (100) and nice (10).
  auto t = parse_proc_stat("cpu  100 10 5 1000 0 1 2 3 20 3\n", 100);
  ASSERT_TRUE(t);
  EXPECT_DOUBLE_EQ(t->busy_seconds, 1.21);
  EXPECT_DOUBLE_EQ(t->total_seconds, 11.21);
}

TEST(ProcStat, AcceptsOldKernelsWithFourFields) {
  auto t = parse_proc_stat("cpu  300 0 100 600\n", 100);
  ASSERT_TRUE(t);
  EXPECT_DOUBLE_EQ(t->busy_seconds, 4);
  EXPECT_DOUBLE_EQ(t->total_seconds, 10);
}

TEST(ProcStat, UsesTheGivenTickRate) {
  auto t = parse_proc_stat("cpu  250 0 0 750\n", 250);
  ASSERT_TRUE(t);
  EXPECT_DOUBLE_EQ(t->busy_seconds, 1);
  EXPECT_DOUBLE_EQ(t->total_seconds, 4);
}

TEST(ProcStat, RejectsTextWithoutAnAggregateLine) {
  const char* bad[] = {
      "",
      "cpu0 1 2 3 4\n",           // only a single CPU
      "cpu  1 2 3\n",             // too few fields
      "cpu  1 2 x 4\n",           // not a number
      "intr 1 2\nctxt 5\n",
  };
  for (const char* text : bad) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(parse_proc_stat(text, 100));
  }
  EXPECT_FALSE(parse_proc_stat("cpu  1 2 3 4\n", 0));
}

TEST(ProcStat, ReadsThisMachine) {
  auto before = read_cpu_times();
  ASSERT_TRUE(before) << "/proc/stat should be readable on Linux";
  EXPECT_GT(before->total_seconds, 0);
  EXPECT_LE(before->busy_seconds, before->total_seconds);
  auto after = read_cpu_times();
  ASSERT_TRUE(after);
  EXPECT_GE(after->busy_seconds, before->busy_seconds);  // counters never run backwards
}

struct OtherCpuCase {
  double busy_before, busy_after, own, other;
};

const OtherCpuCase kOtherCpuCases[] = {
    {100.0, 100.5, 0.3, 0.2},   // 0.2 s used by others
    {100.0, 100.3, 0.3, 0.0},   // all of it the snippet's own
    {100.0, 100.29, 0.3, 0.0},  // tick sampling charged less than rusage: floored at 0
    {100.0, 102.0, 0.0, 2.0},   // a sleeping snippet beside a busy machine
};

TEST(OtherCpu, IsBusyDeltaMinusOwnFlooredAtZero) {
  for (const auto& c : kOtherCpuCases) {
    SCOPED_TRACE(testing::Message() << c.busy_before << " -> " << c.busy_after << " own " << c.own);
    double other = other_cpu_seconds({c.busy_before, 1000}, {c.busy_after, 1002}, c.own);
    EXPECT_NEAR(other, c.other, 1e-9);
  }
}

struct BusyCase {
  double other, wall;
  bool busy;
};

const BusyCase kBusyCases[] = {
    {0.05, 1.0, false},    // 5% of a core: background noise
    {0.10, 1.0, false},    // exactly 10% is not more than 10%
    {0.11, 1.0, true},
    {2.0, 1.0, true},      // two other cores' worth
    {0.03, 0.2, true},     // 15% of a 0.2 s run, above the 20 ms resolution
    {0.02, 0.05, false},   // 40% of a short run is two ticks: not resolvable
    {0.03, 0.05, true},    // three ticks: beyond the readings' error
    {0.0, 0.0, false},
};

TEST(BusyMachine, FlagsMoreThanATenthOfACoreAboveTickResolution) {
  for (const auto& c : kBusyCases) {
    SCOPED_TRACE(testing::Message() << "other " << c.other << " wall " << c.wall);
    EXPECT_EQ(busy_machine(c.other, c.wall), c.busy);
  }
}

}  // namespace
}  // namespace deckgen
