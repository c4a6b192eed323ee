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

TEST(ProcStat, SumsIdleAndIowaitOfTheMasksCpus) {
  // All CPUs: idle 71376 + 65771, iowait 144 + 2756 ticks.
  auto all = parse_proc_stat(kProcStat, {}, 100);
  ASSERT_TRUE(all);
  EXPECT_EQ(all->cpus, 2);
  EXPECT_DOUBLE_EQ(all->idle_seconds, (71376 + 144 + 65771 + 2756) / 100.0);
  // Under --cpus 1 (or taskset -c 1) only cpu1 counts: work on cpu0 takes nothing from the snippet.
  auto one = parse_proc_stat(kProcStat, {1}, 100);
  ASSERT_TRUE(one);
  EXPECT_EQ(one->cpus, 1);
  EXPECT_DOUBLE_EQ(one->idle_seconds, (65771 + 2756) / 100.0);
  EXPECT_FALSE(parse_proc_stat(kProcStat, {7}, 100));  // no line for the mask's CPUs
}

TEST(ProcStat, AcceptsOldKernelsWithFourFieldsAndTheGivenTickRate) {
  auto t = parse_proc_stat("cpu  300 0 100 600\ncpu0 300 0 100 600\n", {}, 250);
  ASSERT_TRUE(t);
  EXPECT_DOUBLE_EQ(t->idle_seconds, 2.4);
}

TEST(ProcStat, RejectsTextWithoutCpuLines) {
  const char* bad[] = {
      "",
      "cpu  1 2 3 4\n",          // only the aggregate line
      "cpu0 1 2 3\n",            // too few fields
      "cpu0 1 2 x 4\n",          // not a number
      "intr 1 2\nctxt 5\n",
  };
  for (const char* text : bad) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(parse_proc_stat(text, {}, 100));
  }
  EXPECT_FALSE(parse_proc_stat("cpu0 1 2 3 4\n", {}, 0));
}

TEST(ProcStat, ReadsThisMachine) {
  auto before = read_load({});
  ASSERT_TRUE(before) << "/proc/stat should be readable on Linux";
  EXPECT_GE(before->times.cpus, 1);
  auto after = read_load({});
  ASSERT_TRUE(after);
  EXPECT_GE(after->times.idle_seconds, before->times.idle_seconds);  // counters never run backwards
  EXPECT_GE(after->at_seconds, before->at_seconds);
}

LoadReading reading(double at, double idle, int cpus, double own = 0) { return {{idle, cpus}, at, own}; }

struct OtherCpuCase {
  const char* what;
  LoadReading before, after;
  double snippet, other;
};

const OtherCpuCase kOtherCpuCases[] = {
    // 1 s on 2 CPUs: 2 CPU-seconds passed.
    {"others used 0.5", reading(10, 100, 2), reading(11, 101, 2), 0.5, 0.5},
    {"all the snippet's own", reading(10, 100, 2), reading(11, 100.5, 2), 1.5, 0.0},
    {"deckgen's own threads are not others", reading(10, 100, 2, 3.0), reading(11, 101, 2, 3.2), 0.5, 0.3},
    {"rounding charged the snippet less: floored", reading(10, 100, 2), reading(11, 101.01, 2), 1.0, 0.0},
    {"a sleeping snippet beside two busy CPUs", reading(10, 100, 2), reading(11, 100, 2), 0.0, 2.0},
    {"a CPU came or went: unknown", reading(10, 100, 2), reading(11, 100, 3), 0.0, 0.0},
};

TEST(OtherCpu, IsTheMasksCpuTimeNotIdleMinusDeckgensAndTheSnippets) {
  for (const auto& c : kOtherCpuCases) {
    SCOPED_TRACE(c.what);
    EXPECT_NEAR(other_cpu_seconds(c.before, c.after, c.snippet), c.other, 1e-9);
  }
}

TEST(OtherCpu, ResolutionGrowsWithTheCpusRead) {
  EXPECT_NEAR(other_cpu_resolution(1, 100), 0.012, 1e-12);
  EXPECT_NEAR(other_cpu_resolution(2, 100), 0.022, 1e-12);
  EXPECT_NEAR(other_cpu_resolution(64, 100), 0.642, 1e-12);
  EXPECT_TRUE(busy_machine(0.07, 0.2, other_cpu_resolution(2, 100)));
  EXPECT_FALSE(busy_machine(0.07, 0.2, other_cpu_resolution(8, 100)));  // 8 ticks could be rounding
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
    {0.03, 0.2, false},    // 15% of a 0.2 s run, but within three times the 20 ms resolution
    {0.07, 0.2, true},     // 35% of it, beyond three resolutions
    {0.02, 0.05, false},   // 40% of a short run is two ticks: not resolvable
    {0.03, 0.05, false},   // three ticks of a 30 ms run read as 0.7 cores on an idle machine
    {0.07, 0.05, true},    // seven ticks: beyond the readings' error
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
