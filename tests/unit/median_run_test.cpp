#include <fmt/format.h>
#include <gtest/gtest.h>

#include "measure/median_run.h"
#include "measure/snippet_result.h"
#include "read/option_blocks.h"

namespace deckgen {
namespace {

TEST(MedianRun, TheRunWhoseValueIsTheMedian) {
  EXPECT_EQ(median_run(std::vector<double>{5, 1, 3}), 2u);
  EXPECT_EQ(median_run(std::vector<double>{0.3, 0.1, 0.9, 0.2, 0.4}), 0u);
  EXPECT_EQ(median_run(std::vector<double>{}), std::nullopt);
  // Even counts: the earlier of the two middle runs.
  EXPECT_EQ(median_run(std::vector<double>{4, 1, 2, 3}), 2u);  // the middle runs are indices 2 and 3
  EXPECT_EQ(median_run(std::vector<double>{3, 2, 1, 4}), 0u);  // the middle runs are indices 1 and 0
}

TEST(MedianRun, TheClaimedMetricDecidesElseWallTime) {
  SourcePos at{"d.md", 1, 1};
  std::vector<ClaimSpec> claims = {parse_claim_block("faster: a\nthan: b\nmetric: m.elapsed\n", at),
                                   parse_claim_block("value: c.m.kb_each\nbelow: 10\n", at)};
  EXPECT_EQ(median_run_metric("a", claims), "m.elapsed");
  EXPECT_EQ(median_run_metric("b", claims), "m.elapsed");
  EXPECT_EQ(median_run_metric("c", claims), "m.kb_each");
  EXPECT_EQ(median_run_metric("d", claims), "wall");
}

// A result whose runs took `walls` and printed "out N" (N from 1), as the run stage
// leaves it before choosing what to show: the last run's output.
SnippetResult printed(std::vector<double> walls) {
  SnippetResult r;
  r.id = "s";
  for (size_t i = 0; i < walls.size(); ++i) {
    RunRecord run;
    run.index = static_cast<int>(i);
    run.exit_code = 0;
    run.wall_seconds = walls[i];
    r.runs.push_back(run);
    r.run_outputs.push_back(CapturedText{fmt::format("out {}", i + 1), 5, 0});
  }
  r.metrics["pct"] = MetricSeries{"%", {46.6, 32.0, 50.1}};
  r.out = r.run_outputs.back();
  summarize_runs(r);
  return r;
}

TEST(MedianRun, TheSlideShowsTheMedianRunsOutput) {
  SnippetResult r = printed({0.30, 0.10, 0.20});
  show_median_run(r, "wall");
  EXPECT_EQ(r.out.text, "out 3");  // 0.20 s is the median wall time
  EXPECT_EQ(r.shown_run, 2);
  show_median_run(r, "m.pct");
  EXPECT_EQ(r.out.text, "out 1");  // 46.6% is the median of the claimed metric
  EXPECT_EQ(r.shown_run, 0);
}

TEST(MedianRun, WithoutEveryRunsOutputTheLastRunStays) {
  SnippetResult r = printed({0.30, 0.10, 0.20});
  r.run_outputs.pop_back();  // e.g. a result from the cache
  r.out.text = "last";
  show_median_run(r, "wall");
  EXPECT_EQ(r.out.text, "last");
  EXPECT_EQ(r.shown_run, -1);
}

TEST(MedianRun, Caption) { EXPECT_EQ(median_run_caption(3, 9), "run 4 of 9, the median"); }

}  // namespace
}  // namespace deckgen
