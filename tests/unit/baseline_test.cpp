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
}

const MetricChange* change_of(const BaselineComparison& c, const std::string& metric) {
  for (const MetricChange& m : c.changes)
    if (m.metric == metric) return &m;
  ADD_FAILURE() << "no significant change of " << metric;
  return nullptr;
}

TEST(Baseline, EveryBuiltInMetricThatGotWorseIsARegression) {
  SnippetResult before = walls("a", {1.00, 1.01, 0.99, 1.02, 0.98, 1.00});
  SnippetResult after = walls("a", {1.00, 1.01, 0.99, 1.02, 0.98, 1.00});
  for (size_t i = 0; i < after.runs.size(); ++i) {
    after.runs[i].user_seconds = 2.0 + 0.01 * static_cast<double>(i);  // CPU time doubled, wall not
    after.runs[i].max_rss_kib = 3072 + static_cast<long>(i);           // peak memory tripled
  }
  BaselineComparison c = compare_with_baseline(of({before}), of({after}), 0.95);
  ASSERT_EQ(c.changes.size(), 2u);
  const MetricChange* cpu = change_of(c, "cpu");
  const MetricChange* rss = change_of(c, "rss");
  ASSERT_TRUE(cpu && rss);
  EXPECT_TRUE(is_regression(*cpu, 50));
  EXPECT_TRUE(is_regression(*rss, 100));
  EXPECT_FALSE(is_regression(*rss, 300)) << "3× more memory is not 4×";
}

TEST(Baseline, ABuiltInMetricThatGotBetterIsNoRegression) {
  Results old = of({walls("a", {1.00, 1.01, 0.99, 1.02, 0.98, 1.00})});
  Results now = of({walls("a", {0.50, 0.51, 0.49, 0.52, 0.48, 0.50})});
  BaselineComparison c = compare_with_baseline(old, now, 0.95);
  ASSERT_EQ(c.changes.size(), 2u);
  for (const MetricChange& m : c.changes) EXPECT_FALSE(is_regression(m, 0)) << m.metric << " got faster";
}

TEST(Baseline, ASnippetsOwnMetricIsListedButNeverARegression) {
  SnippetResult before = walls("a", {1.00, 1.01, 0.99, 1.02, 0.98, 1.00});
  SnippetResult after = before;
  before.metrics["ops"] = {"", {100, 101, 99, 102, 98, 100}};
  after.metrics["ops"] = {"", {300, 301, 299, 302, 298, 300}};
  BaselineComparison c = compare_with_baseline(of({before}), of({after}), 0.95);
  const MetricChange* ops = change_of(c, "m.ops");
  ASSERT_TRUE(ops);
  // More operations may be better or worse: deckgen cannot know, so it only reports.
  EXPECT_FALSE(is_regression(*ops, 0));
  EXPECT_FALSE(has_direction("m.ops"));
  EXPECT_TRUE(has_direction("rss"));
}

}  // namespace
}  // namespace deckgen
