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
  // user + nice + system + irq + softirq + steal.
  EXPECT_DOUBLE_EQ(all->busy_seconds, (24823 + 3792 + 14 + 23 + 27305 + 4188 + 77 + 27) / 100.0);
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
  EXPECT_DOUBLE_EQ(t->busy_seconds, 1.6);
}

TEST(ProcStat, GuestTimeIsNotCountedTwice) {
  // The kernel adds guest to user and guest_nice to nice already.
  auto t = parse_proc_stat("cpu0 300 20 100 600 0 5 5 10 50 20\n", {}, 100);
  ASSERT_TRUE(t);
  EXPECT_DOUBLE_EQ(t->busy_seconds, 4.4);
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

LoadReading reading(double at, double idle, double busy, int cpus, double own = 0) {
  return {{.idle_seconds = idle, .busy_seconds = busy, .cpus = cpus}, at, own};
}

struct OtherCpuCase {
  const char* what;
  LoadReading before, after;
  double snippet, other;
};

// Where both estimates agree (busy counters + idle = the time that passed).
const OtherCpuCase kOtherCpuCases[] = {
    // 1 s on 2 CPUs: 2 CPU-seconds passed.
    {"others used 0.5", reading(10, 100, 50, 2), reading(11, 101, 51, 2), 0.5, 0.5},
    {"all the snippet's own", reading(10, 100, 50, 2), reading(11, 100.5, 51.5, 2), 1.5, 0.0},
    {"deckgen's own threads are not others", reading(10, 100, 50, 2, 3.0), reading(11, 101, 51, 2, 3.2), 0.5, 0.3},
    {"rounding charged the snippet less: floored", reading(10, 100, 50, 2), reading(11, 101.01, 50.99, 2), 1.0, 0.0},
    {"a sleeping snippet beside two busy CPUs", reading(10, 100, 50, 2), reading(11, 100, 52, 2), 0.0, 2.0},
    {"a CPU came or went: unknown", reading(10, 100, 50, 2), reading(11, 100, 52, 3), 0.0, 0.0},
};

TEST(OtherCpu, IsTheMasksCpuTimeUsedMinusDeckgensAndTheSnippets) {
  for (const auto& c : kOtherCpuCases) {
    SCOPED_TRACE(c.what);
    EXPECT_NEAR(other_cpu_seconds(c.before, c.after, c.snippet), c.other, 1e-9);
  }
}

// Two readings of a 2-CPU /proc/stat (user nice system idle iowait irq softirq steal
// guest guest_nice, in 10 ms ticks), `seconds` apart on our clock.
struct ScriptedRun {
  const char* what;
  const char* before;
  const char* after;
  double seconds, snippet_cpu, other;
};

const ScriptedRun kScriptedRuns[] = {
    // The lead's multiprocessing.Value run on the idle VM: 0.476 s, 95 CPU ticks passed;
    // the busy counters have 57 (the children's rusage: 0.588 s), idle only 25. The 13
    // ticks in neither are short idle periods the tickless idle accounting lost.
    {"lock contention: idle loses short idle periods, the ticks are right",
     "cpu0 1000 0 200 5000 10 0 5 0 0 0\ncpu1 1000 0 200 5000 10 0 5 0 0 0\n",
     "cpu0 1024 0 205 5012 10 0 5 0 0 0\ncpu1 1023 0 205 5013 10 0 5 0 0 0\n", 0.476, 0.588, 0.0},
    // A snippet that sleeps most of 1 s, its short wakes met by ticks: 70 busy ticks
    // charged for 0.2 s of work, while idle (to the microsecond) has the rest.
    {"ticks charged whole ticks to short work: idle is right",
     "cpu0 1000 0 200 5000 10 0 5 0 0 0\ncpu1 1000 0 200 5000 10 0 5 0 0 0\n",
     "cpu0 1030 0 205 5090 10 0 5 0 0 0\ncpu1 1030 0 205 5090 10 0 5 0 0 0\n", 1.0, 0.2, 0.0},
    // One CPU-bound competitor beside a one-process snippet for 1 s: no CPU idle, both
    // estimates have the competitor's second.
    {"a real competitor shows in both",
     "cpu0 1000 0 200 5000 10 0 5 0 0 0\ncpu1 1000 0 200 5000 10 0 5 0 0 0\n",
     "cpu0 1098 0 202 5000 10 0 5 0 0 0\ncpu1 1095 0 203 5000 10 0 7 0 0 0\n", 1.0, 1.0, 1.0},
    // A hypervisor's steal is CPU taken from the snippet, in both estimates.
    {"steal is others' too",
     "cpu0 1000 0 200 5000 10 0 5 0 0 0\ncpu1 1000 0 200 5000 10 0 5 0 0 0\n",
     "cpu0 1050 0 200 5000 10 0 5 50 0 0\ncpu1 1050 0 200 5000 10 0 5 50 0 0\n", 1.0, 1.0, 1.0},
};

TEST(OtherCpu, TakesTheSmallerOfTheIdleAndTheTickedEstimate) {
  for (const auto& c : kScriptedRuns) {
    SCOPED_TRACE(c.what);
    auto before = parse_proc_stat(c.before, {}, 100);
    auto after = parse_proc_stat(c.after, {}, 100);
    ASSERT_TRUE(before && after);
    LoadReading b{*before, 50.0, 0.0}, a{*after, 50.0 + c.seconds, 0.0};
    double other = other_cpu_seconds(b, a, c.snippet_cpu);
    EXPECT_NEAR(other, c.other, 1e-9);
    EXPECT_EQ(busy_machine(other, c.seconds, other_cpu_resolution(2, 100)), c.other > 0);
  }
}

TEST(OtherCpu, BothEstimatesFromTheSameReadings) {
  LoadReading before = reading(10, 100, 50, 2), after = reading(10.5, 100.25, 50.57, 2);
  UsedCpu used = used_cpu_seconds(before, after);
  EXPECT_NEAR(used.by_idle, 0.75, 1e-9);  // 1.0 CPU-second passed, 0.25 idle
  EXPECT_NEAR(used.by_ticks, 0.57, 1e-9);
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
