// Scheduling: untimed work shares the machine, timed runs never overlap anything.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include <chrono>
#include <functional>
#include <optional>
#include <stdexcept>
#include <mutex>
#include <thread>

#include "fakes.h"
#include "pipeline/dispatch.h"
#include "pipeline/schedule.h"
#include "plan/plan.h"
#include "read/deck_reader.h"
#include "test_support.h"

namespace deckgen {
namespace {

using Clock = std::chrono::steady_clock;

struct Interval {
  std::string id;  // DECKGEN_SNIPPET_ID, or the program for overhead runs and compiles
  Clock::time_point begin, end;
};

TEST(Schedule, TimingSensitiveSnippetsAreThoseSomethingShowsOrQuotes) {
  test::TempDir dir;
  for (const char* f : {"a", "b", "c", "d", "e", "f"}) dir.write(std::string("snippets/") + f + ".sh", "true\n");
  dir.write("deck/1.md",
            "```run\nfile: a.sh\nshow: [timing]\n```\n\n```run\nfile: b.sh\n```\n\n```run\nfile: c.sh\n```\n\n"
            "```run\nfile: d.sh\n```\n\n```run\nfile: e.sh\n```\n\n```run\nfile: f.sh\n```\n\n"
            "took {{b.wall}}\n\n```claim\nvalue: c.m.x\nbelow: 1\n```\n\n```chart\nsnippets: [d]\n```\n");
  Deck deck = read_deck({dir.path() / "deck"});
  Plan plan = make_plan(deck, std::nullopt);
  EXPECT_EQ(timing_sensitive_snippets(deck, plan), (std::set<std::string>{"a", "b", "c", "d"}));
}

TEST(Schedule, ClaimsChartsAndRatiosJoinTheSnippetsTheyCompareIntoOneGroup) {
  test::TempDir dir;
  std::string slides;
  for (const char* f : {"a", "b", "c", "d", "e", "f", "g"}) {
    dir.write(std::string("snippets/") + f + ".sh", "true\n");
    slides += std::string("```run\nfile: ") + f + ".sh\n```\n\n";
  }
  slides += "```claim\nfaster: c\nthan: a\n```\n\n"          // {a, c}
            "```chart\nsnippets: [b, e]\n```\n\n"              // {b, e}
            "```claim\nvalue: d.wall\nbelow: 1\n```\n\n"       // d alone: nothing to compare with
            "```claim\nnot_faster: f\nthan: e\n```\n\n"      // {b, e, f}
            "ratio {{ratio g c}}\n";                             // {a, c, g}
  dir.write("deck/1.md", slides);
  Deck deck = read_deck({dir.path() / "deck"});
  Plan plan = make_plan(deck, std::nullopt);
  EXPECT_EQ(measured_together(deck, plan), (std::vector<size_t>{0, 1, 0, 3, 1, 1, 0}));
}

TEST(Schedule, TimedRunsNeverOverlapAnythingAndUntimedWorkSharesTheMachine) {
  test::TempDir dir;
  std::string slides;
  for (int i = 0; i < 6; ++i) {
    dir.write("snippets/u" + std::to_string(i) + ".sh", "true\n");
    slides += "```run\nfile: u" + std::to_string(i) + ".sh\nruns: 2\nwarmup: 0\n```\n\n";
  }
  for (int i = 0; i < 2; ++i) {
    dir.write("snippets/t" + std::to_string(i) + ".sh", "true\n");
    slides += "```run\nfile: t" + std::to_string(i) + ".sh\nruns: 2\nwarmup: 0\nshow: [timing]\n```\n\n";
  }
  dir.write("deck/1.md", slides);

  // Every run takes a short sleep, and when each was in progress is logged.
  std::mutex m;
  std::vector<Interval> log;
  test::FakeRunner runner;
  runner.around_every_run = [&](const RunRequest& r) {
    Interval iv;
    auto id = r.env.find("DECKGEN_SNIPPET_ID");
    iv.id = id != r.env.end() ? id->second : r.argv.at(0);
    iv.begin = Clock::now();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    iv.end = Clock::now();
    std::lock_guard g(m);
    log.push_back(iv);
  };
  runner.unscripted = runner.compile = {.wall = 0.02};
  runner.true_wall = runner.python_start_wall = 0.02;
  test::SharedRunner main(runner);
  test::RecordingStatus status;
  Options o;
  o.inputs = {dir.path() / "deck"};
  o.output = dir.path() / "out/deck.html";
  int code = run_command(o, status, Runners{main, [&] { return std::make_unique<test::SharedRunner>(runner); }, 3, nullptr});
  ASSERT_EQ(code, 0);

  auto overlaps = [](const Interval& a, const Interval& b) { return a.begin < b.end && b.begin < a.end; };
  bool untimed_overlapped = false;
  for (const Interval& a : log) {
    for (const Interval& b : log) {
      if (&a == &b || !overlaps(a, b)) continue;
      EXPECT_FALSE(a.id.starts_with("t") || b.id.starts_with("t")) << a.id << " overlapped " << b.id;
      untimed_overlapped |= a.id.starts_with("u") && b.id.starts_with("u");
    }
  }
  EXPECT_TRUE(untimed_overlapped) << "untimed snippets never ran at the same time";
}

// --- SnippetSchedule: what is ready to run, and in which phase ----------------------

// The timed steps handed out until none is left, each reported back as `outcome_of` says.
std::vector<std::pair<size_t, int>> drain(SnippetSchedule& schedule, std::vector<size_t>* finished,
                                          const std::function<bool(const TimedStep&)>& fails = nullptr) {
  std::vector<std::pair<size_t, int>> steps;
  while (std::optional<TimedStep> step = schedule.next_timed()) {
    steps.push_back({step->snippet, step->run});
    auto outcome = fails && fails(*step) ? SnippetSchedule::StepOutcome::failed : SnippetSchedule::StepOutcome::ran;
    if (schedule.done(*step, outcome) && finished) finished->push_back(step->snippet);
    if (steps.size() > 100) break;  // a schedule that never ends
  }
  return steps;
}

// The steps with each stretch of one run index sorted by snippet: within a round the
// order is drawn at random, so tests of the rounds compare them as sets.
std::vector<std::pair<size_t, int>> by_rounds(std::vector<std::pair<size_t, int>> steps) {
  for (size_t start = 0; start < steps.size();) {
    size_t end = start;
    while (end < steps.size() && steps[end].second == steps[start].second) ++end;
    std::sort(steps.begin() + static_cast<long>(start), steps.begin() + static_cast<long>(end));
    start = end;
  }
  return steps;
}

TEST(SnippetSchedule, EverySnippetCompilesInTheSharedPhaseButOnlyUntimedOnesRunThere) {
  SnippetSchedule schedule;
  schedule.add(3, Timing::alone, 1, 2, 3);
  schedule.add(5, Timing::shared, 1, 2, 5);
  EXPECT_EQ(schedule.shared_phase(), (std::vector<size_t>{3, 5}));
  EXPECT_FALSE(schedule.runs_whole_in_shared_phase(3));
  EXPECT_TRUE(schedule.runs_whole_in_shared_phase(5));
  std::vector<size_t> finished;
  EXPECT_EQ(drain(schedule, &finished), (std::vector<std::pair<size_t, int>>{{3, -1}, {3, 0}, {3, 1}}))
      << "an untimed snippet got timed steps";
  EXPECT_EQ(finished, std::vector<size_t>{3});
}

TEST(SnippetSchedule, TimedRunsAreHandedOutOneRunPerStepWarmupsFirst) {
  SnippetSchedule schedule;
  schedule.add(0, Timing::alone, 2, 1, 0);
  schedule.add(1, Timing::alone, 0, 2, 1);
  std::vector<size_t> finished;
  EXPECT_EQ(drain(schedule, &finished), (std::vector<std::pair<size_t, int>>{{0, -2}, {0, -1}, {0, 0}, {1, 0}, {1, 1}}));
  EXPECT_EQ(finished, (std::vector<size_t>{0, 1}));
}

TEST(SnippetSchedule, AFailedRunStopsThatSnippetsRemainingRuns) {
  SnippetSchedule schedule;
  schedule.add(0, Timing::alone, 1, 5, 0);
  schedule.add(1, Timing::alone, 0, 1, 1);
  std::vector<size_t> finished;
  auto steps = drain(schedule, &finished, [](const TimedStep& s) { return s.snippet == 0 && s.run == 0; });
  EXPECT_EQ(steps, (std::vector<std::pair<size_t, int>>{{0, -1}, {0, 0}, {1, 0}}));
  EXPECT_EQ(finished, (std::vector<size_t>{0, 1}));
}

TEST(SnippetSchedule, ADroppedSnippetGetsNoTimedStep) {
  SnippetSchedule schedule;
  schedule.add(0, Timing::alone, 1, 3, 0);  // its compile failed
  schedule.add(1, Timing::alone, 0, 1, 1);
  schedule.drop(0);
  EXPECT_EQ(drain(schedule, nullptr), (std::vector<std::pair<size_t, int>>{{1, 0}}));
}

TEST(SnippetSchedule, SnippetsMeasuredTogetherAlternateRoundByRoundAfterTheirWarmups) {
  SnippetSchedule schedule;
  schedule.add(0, Timing::alone, 1, 3, 0);
  schedule.add(1, Timing::alone, 0, 1, 1);  // alone: after the group of 0 is done
  schedule.add(2, Timing::alone, 2, 2, 0);
  schedule.add(3, Timing::alone, 1, 3, 0);
  std::vector<size_t> finished;
  EXPECT_EQ(by_rounds(drain(schedule, &finished)),
            (std::vector<std::pair<size_t, int>>{{2, -2},                          // the deepest warmup first
                                                 {0, -1}, {2, -1}, {3, -1},        // then every warmup
                                                 {0, 0}, {2, 0}, {3, 0},           // round 1
                                                 {0, 1}, {2, 1}, {3, 1},           // round 2
                                                 {0, 2}, {3, 2},                   // 2 made its 2 runs
                                                 {1, 0}}))
      << "timed runs of snippets measured together came in blocks";
  EXPECT_EQ(finished.back(), 1u);
}

TEST(SnippetSchedule, ARoundSharesOneIdAndItsOrderIsDrawnAtRandom) {
  // Two snippets measured together over 40 rounds: each round's two steps carry the same
  // nonzero id, places 0 and 1, and neither snippet always goes first.
  SnippetSchedule schedule(12345);
  schedule.add(0, Timing::alone, 0, 40, 0);
  schedule.add(1, Timing::alone, 0, 40, 0);
  std::map<uint64_t, std::vector<std::pair<size_t, int>>> rounds;
  int zero_first = 0;
  while (std::optional<TimedStep> step = schedule.next_timed()) {
    ASSERT_NE(step->round, 0u);
    rounds[step->round].push_back({step->snippet, step->round_position});
    if (step->round_position == 0 && step->snippet == 0) ++zero_first;
    schedule.done(*step, SnippetSchedule::StepOutcome::ran);
  }
  ASSERT_EQ(rounds.size(), 40u);
  for (const auto& [id, steps] : rounds) {
    ASSERT_EQ(steps.size(), 2u);
    EXPECT_NE(steps[0].first, steps[1].first);
    EXPECT_EQ(steps[0].second, 0);
    EXPECT_EQ(steps[1].second, 1);
  }
  EXPECT_GT(zero_first, 5);
  EXPECT_LT(zero_first, 35);
}

TEST(SnippetSchedule, AFailedSnippetLeavesTheRoundsOfTheOthers) {
  SnippetSchedule schedule;
  schedule.add(0, Timing::alone, 0, 3, 0);
  schedule.add(1, Timing::alone, 0, 3, 0);
  auto steps = drain(schedule, nullptr, [](const TimedStep& s) { return s.snippet == 0 && s.run == 1; });
  EXPECT_EQ(steps, (std::vector<std::pair<size_t, int>>{{0, 0}, {1, 0}, {0, 1}, {1, 1}, {1, 2}}));
}

TEST(SnippetSchedule, OneTimedStepAtATime) {
  SnippetSchedule schedule;
  schedule.add(0, Timing::alone, 0, 2, 0);
  ASSERT_TRUE(schedule.next_timed());
  EXPECT_THROW(schedule.next_timed(), std::logic_error) << "two timed runs at once would time each other";
}

}  // namespace
}  // namespace deckgen
