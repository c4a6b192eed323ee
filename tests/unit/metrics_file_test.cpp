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

// Issue 24: a number beyond the double range costs only its own metric (nlohmann::json
// refused the whole file for it).
TEST(MetricsFile, ANumberBeyondTheDoubleRangeCostsOnlyItsMetric) {
  MetricsFile f = parse_metrics_file(
      R"({"metrics": {"huge": {"value": 1e400, "unit": "ms"}, "tiny": -2E+999, "fine": 4, "also": {"value": 1e300}}})",
      "metrics-1.json");
  ASSERT_EQ(f.metrics.size(), 2u);
  EXPECT_EQ(f.metrics["fine"], std::make_pair(4.0, std::string()));
  EXPECT_EQ(f.metrics["also"], std::make_pair(1e300, std::string()));
  EXPECT_EQ(f.problems, (std::vector<std::string>{"metric 'huge' is beyond the range of a double: 1e400",
                                                  "metric 'tiny' is beyond the range of a double: -2E+999"}));
}

std::string nested_value(size_t depth) {
  return R"({"metrics": {"fine": 1, "deep": )" + std::string(depth, '[') + std::string(depth, ']') + "}}";
}

// Issue 24, item 1: a 200,000-deep value overflowed the stack while its warning was
// formatted. The file is refused whole, up to kMaxMetricsNesting levels read.
TEST(MetricsFile, NestingUpToTheLimitIsReadAndBeyondIsRefused) {
  MetricsFile at_limit = parse_metrics_file(nested_value(kMaxMetricsNesting - 2), "metrics-1.json");
  EXPECT_EQ(at_limit.metrics.size(), 1u);
  ASSERT_EQ(at_limit.problems.size(), 1u);
  EXPECT_NE(at_limit.problems[0].find("metric 'deep' is array"), std::string::npos) << at_limit.problems[0];
  for (size_t depth : {kMaxMetricsNesting - 1, size_t{200'000}}) {
    MetricsFile deep = parse_metrics_file(nested_value(depth), "metrics-2.json");
    EXPECT_TRUE(deep.metrics.empty());
    EXPECT_EQ(deep.problems, (std::vector<std::string>{
                                 "metrics-2.json nests arrays or objects more than 32 deep: none of its metrics were read"}));
  }
  // Brackets inside strings are text, not nesting.
  MetricsFile in_string = parse_metrics_file(
      R"({"metrics": {"a": {"value": 1, "unit": ")" + std::string(100, '[') + R"("}}})", "metrics-3.json");
  EXPECT_EQ(in_string.metrics.size(), 1u);
}

}  // namespace
}  // namespace deckgen
