// Reading a snippet's metrics-*.json: a bad value costs only its own metric, named.
#include <gtest/gtest.h>

#include "run/metrics_file.h"

namespace deckgen {
namespace {

TEST(MetricsFile, KeepsNumbersWithAndWithoutUnits) {
  MetricsFile f = parse_metrics_file(R"({"metrics": {"a": {"value": 2.5, "unit": "ms"}, "b": 7}})", "metrics-1.json");
  EXPECT_TRUE(f.problems.empty());
  ASSERT_EQ(f.metrics.size(), 2u);
  EXPECT_EQ(f.metrics["a"], std::make_pair(2.5, std::string("ms")));
  EXPECT_EQ(f.metrics["b"], std::make_pair(7.0, std::string()));
}

// What Python's json.dumps writes for float("nan") and float("inf"): not JSON.
TEST(MetricsFile, NamesNaNAndInfinityAndKeepsTheOthers) {
  MetricsFile f = parse_metrics_file(
      R"({"metrics": {"ratio": {"value": NaN, "unit": ""}, "big": {"value": Infinity, "unit": "x"},)"
      R"( "low": {"value": -Infinity, "unit": ""}, "fine": {"value": 3, "unit": "ns"},)"
      R"( "NaN": {"value": 1, "unit": "NaN"}}})",
      "metrics-1.json");
  ASSERT_EQ(f.metrics.size(), 2u);
  EXPECT_EQ(f.metrics["fine"], std::make_pair(3.0, std::string("ns")));
  EXPECT_EQ(f.metrics["NaN"], std::make_pair(1.0, std::string("NaN")));  // the words inside strings stay
  EXPECT_EQ(f.problems, (std::vector<std::string>{"metric 'big' is Infinity", "metric 'low' is -Infinity",
                                                  "metric 'ratio' is NaN"}));
}

TEST(MetricsFile, NamesIllTypedValues) {
  MetricsFile f = parse_metrics_file(
      R"({"metrics": {"s": {"value": "fast", "unit": ""}, "b": {"value": true}, "n": null, "l": [1, 2],)"
      R"( "u": {"unit": "ms"}, "ok": 1}})",
      "metrics-1.json");
  ASSERT_EQ(f.metrics.size(), 1u);
  EXPECT_EQ(f.metrics.count("ok"), 1u);
  EXPECT_EQ(f.problems, (std::vector<std::string>{
                            "metric 'b' is boolean, not a number: true",
                            "metric 'l' is array, not a number: [1,2]",
                            "metric 'n' is null, not a number: null",
                            "metric 's' is string, not a number: \"fast\"",
                            "metric 'u' has no \"value\"",
                        }));
}

TEST(MetricsFile, NamesAFileThatIsNotJson) {
  for (const char* text : {"", "{", "[1]", R"({"metrics": 3})", "\xff\xfe"}) {
    SCOPED_TRACE(text);
    MetricsFile f = parse_metrics_file(text, "metrics-9.json");
    EXPECT_TRUE(f.metrics.empty());
    ASSERT_EQ(f.problems.size(), 1u);
    EXPECT_NE(f.problems[0].find("metrics-9.json is not a JSON object"), std::string::npos) << f.problems[0];
  }
}

}  // namespace
}  // namespace deckgen
