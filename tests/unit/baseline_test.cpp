#include <gtest/gtest.h>

#include "measure/baseline.h"

namespace deckgen {
namespace {

SnippetResult walls(const std::string& id, std::vector<double> seconds) {
  SnippetResult r;
  r.id = id;
  for (double s : seconds) {
    RunRecord run;
    run.exit_code = 0;
    run.wall_seconds = s;
    run.user_seconds = s;
    run.max_rss_kib = 1024;
    r.runs.push_back(run);
  }
  return r;
}

Results of(std::initializer_list<SnippetResult> rs) {
  Results out;
  for (const SnippetResult& r : rs) out[r.id] = r;
  return out;
}

TEST(Baseline, ListsOnlySignificantChangesLargestFirst) {
  Results old = of({walls("steady", {1.00, 1.01, 0.99, 1.02, 0.98, 1.00}),
                    walls("slower", {1.00, 1.01, 0.99, 1.02, 0.98, 1.00}),
                    walls("faster", {1.00, 1.01, 0.99, 1.02, 0.98, 1.00}), walls("gone", {1})});
  Results now = of({walls("steady", {1.01, 0.99, 1.00, 1.02, 0.98, 1.00}),
                    walls("slower", {1.30, 1.31, 1.29, 1.32, 1.28, 1.30}),
                    walls("faster", {0.50, 0.51, 0.49, 0.52, 0.48, 0.50}), walls("new", {1})});
  BaselineComparison c = compare_with_baseline(old, now, 0.95);
  // wall and cpu of "faster" (2×) before those of "slower" (1.3×); rss never changed.
  ASSERT_EQ(c.changes.size(), 4u);
  EXPECT_EQ(c.changes[0].id, "faster");
  EXPECT_EQ(c.changes[2].id, "slower");
  EXPECT_EQ(c.not_significant, 2u + 3u);  // steady's wall, cpu, rss and the two rss of the others
  EXPECT_EQ(c.not_compared, (std::vector<std::string>{"new", "gone"}));
  const MetricChange& slower_wall = c.changes[2].metric == "wall" ? c.changes[2] : c.changes[3];
  EXPECT_EQ(describe_change(slower_wall),
            "slower wall: 1.00 s -> 1.30 s: 1.3× slower (1.28× to 1.32×, each bound at 95%; 6 and 6 runs)");
  const MetricChange& faster_wall = c.changes[0].metric == "wall" ? c.changes[0] : c.changes[1];
  EXPECT_TRUE(describe_change(faster_wall).find(": 2× faster (") != std::string::npos) << describe_change(faster_wall);
}

TEST(Baseline, ARegressionIsAWallTimeSlowDownBeyondThePercentWithConfidence) {
  Results old = of({walls("a", {1.00, 1.01, 0.99, 1.02, 0.98, 1.00})});
  Results now = of({walls("a", {1.30, 1.31, 1.29, 1.32, 1.28, 1.30})});
  BaselineComparison c = compare_with_baseline(old, now, 0.95);
  const MetricChange& wall = c.changes[0].metric == "wall" ? c.changes[0] : c.changes[1];
  EXPECT_TRUE(is_regression(wall, 20));   // lower bound 1.28 > 1.20
  EXPECT_FALSE(is_regression(wall, 30));  // 1.28 is not > 1.30
  const MetricChange& cpu = c.changes[0].metric == "cpu" ? c.changes[0] : c.changes[1];
  EXPECT_FALSE(is_regression(cpu, 5));  // only wall time decides
}

}  // namespace
}  // namespace deckgen
