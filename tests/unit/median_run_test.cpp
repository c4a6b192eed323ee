#include <gtest/gtest.h>

#include "measure/median_run.h"
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

TEST(MedianRun, Caption) { EXPECT_EQ(median_run_caption(3, 9), "run 4 of 9, the median"); }

}  // namespace
}  // namespace deckgen
