// Claims over runs some of which were made on a busy machine (scripted readings: the
// busy flags and other_cpu_seconds are set by hand, as the measure stage would).
#include <gtest/gtest.h>

#include "measure/busy_claims.h"
#include "measure/snippet_result.h"
#include "read/option_blocks.h"

namespace deckgen {
namespace {

const SourcePos kAt{"deck/x.md", 7, 1};

struct BusyRun {
  double wall;
  double other_cpu = 0;  // > 0: made while the machine was busy
};

SnippetResult result(const std::string& id, std::vector<BusyRun> runs) {
  SnippetResult r;
  r.id = id;
  for (const BusyRun& w : runs) {
    RunRecord run;
    run.index = static_cast<int>(r.runs.size());
    run.wall_seconds = w.wall;
    run.exit_code = 0;
    run.other_cpu_seconds = w.other_cpu;
    run.busy = w.other_cpu > 0;
    r.busy_runs += run.busy;
    r.runs.push_back(run);
    r.metrics["ops"].values.push_back(1 / w.wall);
  }
  summarize_runs(r);
  return r;
}

ClaimResult check(std::string_view yaml, const Results& results) {
  return check_claims_without_load({parse_claim_block(yaml, kAt)}, results, {0.95, {2, 2, 2}}).at(0);
}

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

// Clean: ~1 s against ~0.5 s. Busy runs of the fast side took 1.5 s (the load slowed them).
const std::vector<BusyRun> kSlow = {{1.0}, {1.02}, {0.98}, {1.01}, {0.99}, {1.0}};
const std::vector<BusyRun> kFastSomeBusy = {{0.5}, {1.5, 0.9}, {0.51}, {0.49}, {1.5, 0.9}, {0.5}, {0.5}, {0.52}};

TEST(BusyClaims, LeavingOutBusyRunsDropsTheirMetricsAndRecomputesTheSummaries) {
  Results clean = without_busy_runs({{"fast", result("fast", kFastSomeBusy)}});
  const SnippetResult& r = clean.at("fast");
  EXPECT_EQ(r.runs.size(), 6u);
  EXPECT_EQ(r.busy_runs, 0);
  EXPECT_EQ(r.metrics.at("ops").values.size(), 6u);
  EXPECT_EQ(r.stats.at("wall").n, 6);
  EXPECT_LT(r.stats.at("wall").max, 0.6);
}

TEST(BusyClaims, CleanRunsDecideAndTheEvidenceListsTheBusyOnes) {
  Results rs = {{"fast", result("fast", kFastSomeBusy)}, {"slow", result("slow", kSlow)}};
  // With the busy runs, 2 of 8 runs at 1.5 s would drag the ratio down; without them it holds.
  ClaimResult r = check("faster: fast\nthan: slow\nby: 1.5\n", rs);
  EXPECT_EQ(r.outcome, ClaimOutcome::holds) << r.verdict;
  EXPECT_EQ(r.n_a, 6u);
  EXPECT_TRUE(has(r.evidence, "2 runs made while the machine was busy left out (fast: runs 2, 5;")) << r.evidence;
  EXPECT_TRUE(has(r.evidence, "other processes used 0.6 of 2 cores during these runs")) << r.evidence;
}

TEST(BusyClaims, LoadNeverFailsAClaimItLeavesItUndecided) {
  // Every run of the fast side was busy and slow: with them the claim would fail.
  std::vector<BusyRun> all_busy = {{1.5, 0.9}, {1.5, 0.9}, {1.6, 0.9}, {1.4, 0.9}, {1.5, 0.9}, {1.5, 0.9}};
  Results rs = {{"fast", result("fast", all_busy)}, {"slow", result("slow", kSlow)}};
  EXPECT_EQ(check_claims({parse_claim_block("faster: fast\nthan: slow\nby: 1.5\n", kAt)}, rs, {0.95, {2, 2}}).at(0).outcome,
            ClaimOutcome::fails);
  ClaimResult r = check("faster: fast\nthan: slow\nby: 1.5\n", rs);
  EXPECT_EQ(r.outcome, ClaimOutcome::undecided);
  EXPECT_EQ(r.verdict,
            "not decided: the machine was busy (other processes used 0.6 of 2 cores during these runs)");
  EXPECT_EQ(r.advice, "rerun on an idle machine");
  EXPECT_TRUE(has(r.evidence, "6 runs made while the machine was busy left out (fast: runs 1, 2, 3, 4, 5, 6;"))
      << r.evidence;
  EXPECT_FALSE(claim_fails_build(r, Strictness::lenient));
}

TEST(BusyClaims, ACleanContradictionStillFails) {
  Results rs = {{"fast", result("fast", kFastSomeBusy)}, {"slow", result("slow", kSlow)}};
  ClaimResult r = check("faster: fast\nthan: slow\nby: 5\n", rs);
  EXPECT_EQ(r.outcome, ClaimOutcome::fails) << r.verdict;
  EXPECT_TRUE(has(r.evidence, "left out")) << r.evidence;
}

TEST(BusyClaims, WithoutBusyRunsNothingChanges) {
  Results rs = {{"fast", result("fast", {{0.5}, {0.51}, {0.49}, {0.5}, {0.5}})}, {"slow", result("slow", kSlow)}};
  ClaimResult r = check("faster: fast\nthan: slow\nby: 1.5\n", rs);
  EXPECT_EQ(r.outcome, ClaimOutcome::holds);
  EXPECT_FALSE(has(r.evidence, "busy")) << r.evidence;
}

}  // namespace
}  // namespace deckgen
