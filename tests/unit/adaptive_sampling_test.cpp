#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "measure/snippet_result.h"
#include "measure/busy_claims.h"
#include "pipeline/adaptive_sampling.h"
#include "read/option_blocks.h"

namespace deckgen {
namespace {

const SourcePos kAt{"deck/x.md", 7, 1};

// A fake runner: each snippet's run times are drawn from a log-normal distribution
// around its median, from a seed of its own, and the "clock" is the sum of the drawn
// times. No process runs and nothing depends on this machine's speed.
struct FakeRunner {
  struct Distribution {
    double median, sigma;
  };
  explicit FakeRunner(std::map<std::string, Distribution> d) : distributions(std::move(d)) {}
  std::map<std::string, Distribution> distributions;
  std::map<std::string, std::mt19937_64> random;
  std::vector<std::string> calls;
  bool busy = false;  // every run from now on made while the rest of the machine was busy

  double draw(const std::string& id) {
    auto [it, fresh] = random.try_emplace(id, std::hash<std::string>{}(id));
    auto uniform = [&] { return (static_cast<double>(it->second() >> 11) + 0.5) / 9007199254740992.0; };
    double z = std::sqrt(-2 * std::log(uniform())) * std::cos(2 * M_PI * uniform());
    const Distribution& d = distributions.at(id);
    return d.median * std::exp(d.sigma * z);
  }

  void add_run(const std::string& id, SnippetResult& r) {
    RunRecord run;
    run.index = static_cast<int>(r.runs.size());
    run.exit_code = 0;
    run.wall_seconds = draw(id);
    run.busy = busy;
    run.other_cpu_seconds = busy ? run.wall_seconds : 0;
    r.busy_runs += busy ? 1 : 0;
    r.runs.push_back(run);
    summarize_runs(r);  // as the measure stage does with every run it adds
  }

  // The first `runs` of every snippet, as the run blocks ask for.
  Results initial(int runs) {
    Results out;
    for (const auto& [id, _] : distributions) {
      SnippetResult& r = out[id];
      r.id = id;
      for (int i = 0; i < runs; ++i) add_run(id, r);
    }
    return out;
  }

  RunOneMore one_more() {
    return [this](const std::string& id, SnippetResult& r) {
      calls.push_back(id);
      add_run(id, r);
      return r.runs.back().wall_seconds;
    };
  }
};

struct Outcome {
  ClaimResult result;
  SamplingLog log;
  Results results;
};

Outcome sample(FakeRunner& runner, std::string_view claim_yaml, int initial_runs = 3, MachineFacts facts = {2, 2}) {
  ClaimSpec spec = parse_claim_block(claim_yaml, kAt);
  Results results = runner.initial(initial_runs);
  ClaimContext context{0.95, facts};
  SamplingLog log = sample_until_decided({spec}, results, context, runner.one_more());
  ClaimResult r = check_claims({spec}, results, context).at(0);
  add_sampling_note(r, log);
  return {r, log, results};
}

TEST(AdaptiveSampling, ATrueTwofoldDifferenceHoldsByOnePointFive) {
  FakeRunner runner({{"fast", {0.1, 0.08}}, {"slow", {0.2, 0.08}}});
  Outcome o = sample(runner, "faster: fast\nthan: slow\nby: 1.5\n");
  EXPECT_EQ(o.result.outcome, ClaimOutcome::holds) << o.result.verdict;
  EXPECT_FALSE(o.result.fragile);  // sampling goes on while one run could flip it
}

TEST(AdaptiveSampling, AFivePercentDifferenceFailsByOnePointFive) {
  FakeRunner runner({{"fast", {0.1, 0.08}}, {"slow", {0.105, 0.08}}});
  Outcome o = sample(runner, "faster: fast\nthan: slow\nby: 1.5\n");
  EXPECT_EQ(o.result.outcome, ClaimOutcome::fails) << o.result.verdict;
  EXPECT_FALSE(o.result.fragile);
}

TEST(AdaptiveSampling, EqualDistributionsHoldNotFasterOnceEnoughRunsAreIn) {
  FakeRunner runner({{"threads", {0.1, 0.05}}, {"seq", {0.1, 0.05}}});
  ClaimSpec spec = parse_claim_block("not_faster: threads\nthan: seq\n", kAt);
  Results three = runner.initial(3);
  // At 3 against 3 it cannot be told...
  EXPECT_EQ(check_claims({spec}, three, {0.95, {2, 2}}).at(0).outcome, ClaimOutcome::undecided);
  // ...and with the runs sampling adds, it holds.
  Outcome o = sample(runner, "not_faster: threads\nthan: seq\n");
  EXPECT_EQ(o.result.outcome, ClaimOutcome::holds) << o.result.verdict;
  EXPECT_FALSE(o.result.fragile);
  EXPECT_GT(o.log.snippets.at("threads").added_runs, 0);
}

TEST(AdaptiveSampling, ATwofoldSpeedUpFailsNotFaster) {
  FakeRunner runner({{"threads", {0.05, 0.05}}, {"seq", {0.1, 0.05}}});
  Outcome o = sample(runner, "not_faster: threads\nthan: seq\n");
  EXPECT_EQ(o.result.outcome, ClaimOutcome::fails) << o.result.verdict;
}

TEST(AdaptiveSampling, ABorderlineCaseEndsUndecidedWithinItsBudget) {
  // Truly 1.5× apart, claimed by: 1.5: no number of runs can decide it.
  FakeRunner runner({{"fast", {0.1, 0.1}}, {"slow", {0.15, 0.1}}});
  Outcome o = sample(runner, "faster: fast\nthan: slow\nby: 1.5\nbudget: 5\nmax_runs: 1000\n");
  EXPECT_EQ(o.result.outcome, ClaimOutcome::undecided) << o.result.verdict;
  const SamplingLog::Claim& spent = o.log.claims.at(kAt);
  EXPECT_TRUE(spent.budget_spent);
  EXPECT_GE(spent.seconds, 5);
  EXPECT_LT(spent.seconds, 5 + 1.0);  // at most one more round (two runs) past the budget
  // How far sampling went is advice for the author: the terminal's, never the slide's.
  EXPECT_NE(o.result.advice.find("after "), std::string::npos) << o.result.advice;
  EXPECT_NE(o.result.advice.find("its `budget:` ran out"), std::string::npos) << o.result.advice;
  EXPECT_EQ(o.result.verdict.find("budget"), std::string::npos) << o.result.verdict;
}

TEST(AdaptiveSampling, MaxRunsCapsTheSnippetsAtTheLastLookWithinIt) {
  // Unpaired runs from 3: looks at 5, 8, 12, 18 … runs a side; max_runs 14 allows the
  // look at 12 and no more, so no run past 12 is made (it could never be looked at).
  FakeRunner runner({{"fast", {0.1, 0.1}}, {"slow", {0.15, 0.1}}});
  Outcome o = sample(runner, "faster: fast\nthan: slow\nby: 1.5\nbudget: 1000\nmax_runs: 14\n");
  EXPECT_EQ(o.result.outcome, ClaimOutcome::undecided);
  EXPECT_EQ(o.result.looks, (std::vector<size_t>{5, 8, 12}));
  EXPECT_EQ(o.result.n_a, 12u);
  EXPECT_EQ(o.result.n_b, 12u);
  EXPECT_TRUE(o.log.claims.at(kAt).runs_spent);
  EXPECT_NE(o.result.advice.find("past `max_runs:`"), std::string::npos) << o.result.advice;
}

TEST(AdaptiveSampling, RunsAreAddedInRoundsOfBothSidesInARandomOrder) {
  FakeRunner runner({{"fast", {0.1, 0.1}}, {"slow", {0.15, 0.1}}});
  Outcome o = sample(runner, "faster: fast\nthan: slow\nby: 1.5\nmax_runs: 40\nbudget: 1000\n");
  ASSERT_GE(runner.calls.size(), 4u);
  ASSERT_EQ(runner.calls.size() % 2, 0u);
  int fast_first = 0;
  for (size_t i = 0; i < runner.calls.size(); i += 2) {
    EXPECT_NE(runner.calls[i], runner.calls[i + 1]) << "round " << i / 2 << " is not one run of each";
    fast_first += runner.calls[i] == "fast";
  }
  size_t rounds = runner.calls.size() / 2;
  // Neither side always runs first (with this seed and these many rounds).
  EXPECT_GT(fast_first, 0);
  EXPECT_LT(static_cast<size_t>(fast_first), rounds);
}

TEST(AdaptiveSampling, ClaimsAreOnlyDecidedAtTheirLooks) {
  FakeRunner runner({{"fast", {0.1, 0.02}}, {"slow", {0.2, 0.02}}});
  Outcome o = sample(runner, "faster: fast\nthan: slow\nby: 1.5\n");
  // From 3 runs a side, sampling goes straight to the first look (5), not one run beyond.
  EXPECT_EQ(o.result.outcome, ClaimOutcome::holds) << o.result.verdict;
  ASSERT_TRUE(o.result.look.has_value());
  EXPECT_EQ(o.result.look->index, 0);
  EXPECT_EQ(o.result.look->size, 5u);
  EXPECT_NEAR(o.result.look->alpha, 0.04, 1e-12);
  EXPECT_EQ(o.log.snippets.at("fast").added_runs, 2);
}

TEST(AdaptiveSampling, OnABusyMachineSamplingStopsAtTheBudgetAndTheClaimSaysWhy) {
  // Every run busy: no look ever gets a clean run. Sampling must still end (its budget),
  // and the claim is undecided because of the load, not failed.
  FakeRunner runner({{"fast", {0.1, 0.02}}, {"slow", {0.2, 0.02}}});
  runner.busy = true;
  Outcome o = sample(runner, "faster: fast\nthan: slow\nby: 1.5\nbudget: 3\n");
  ClaimContext context{0.95, {2, 2}};
  EXPECT_EQ(check_claims_without_load({parse_claim_block("faster: fast\nthan: slow\nby: 1.5\n", kAt)},
                                      o.results, context).at(0).outcome,
            ClaimOutcome::undecided);
  EXPECT_TRUE(o.log.claims.at(kAt).budget_spent);
  EXPECT_LT(o.log.claims.at(kAt).seconds, 3 + 1.0);
}

TEST(AdaptiveSampling, RunsMadeWhileBusyDoNotCountTowardsALook) {
  // Three busy runs of each, then an idle machine: the clean runs are all paired rounds,
  // whose first look needs 6 pairs, so 6 clean runs are added to the 3 busy ones.
  FakeRunner runner({{"fast", {0.1, 0.02}}, {"slow", {0.2, 0.02}}});
  runner.busy = true;
  Results results = runner.initial(3);
  runner.busy = false;
  ClaimSpec spec = parse_claim_block("faster: fast\nthan: slow\nby: 1.5\n", kAt);
  ClaimContext context{0.95, {2, 2}};
  sample_until_decided({spec}, results, context, runner.one_more());
  EXPECT_EQ(results.at("fast").runs.size(), 9u);
  EXPECT_EQ(check_claims_without_load({spec}, results, context).at(0).outcome, ClaimOutcome::holds);
}

TEST(AdaptiveSampling, AFalseWhenConditionSkipsWithoutRunning) {
  FakeRunner runner({{"procs", {0.1, 0.1}}, {"seq", {0.15, 0.1}}});
  Outcome o = sample(runner, "faster: procs\nthan: seq\nby: 1.5\nwhen: machine.cores >= 2\n", 3, {1, 1});
  EXPECT_EQ(o.result.outcome, ClaimOutcome::skipped);
  EXPECT_EQ(o.result.verdict, "skipped: needs 2+ cores; this machine has 1");
  EXPECT_TRUE(runner.calls.empty());
}

TEST(AdaptiveSampling, TheLogSaysWhyEachSnippetRanMore) {
  FakeRunner runner({{"fast", {0.1, 0.05}}, {"slow", {0.2, 0.05}}, {"other", {1, 0.05}}});
  Outcome o = sample(runner, "faster: fast\nthan: slow\nby: 1.5\n");
  std::vector<std::string> lines = describe_sampling(o.log);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(lines[0].starts_with("fast: 3 + ")) << lines[0];
  EXPECT_NE(lines[0].find("(for the claims at deck/x.md:7:1)"), std::string::npos) << lines[0];
  EXPECT_EQ(o.log.snippets.at("other").added_runs, 0);
}

}  // namespace
}  // namespace deckgen
