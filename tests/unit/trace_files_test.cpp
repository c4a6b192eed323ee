// The merged trace file written beside the deck (write/trace_files.h): every file's
// events in one document, read one event at a time (issue 13: a million events took
// 1.5 GB as a document, and nesting 100,000 deep crashed deckgen).
#include "write/trace_files.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace deckgen {
namespace {

TEST(TraceFiles, MergesArraysAndObjectsInOrder) {
  std::string merged = merged_trace_json({R"([{"ph":"X","ts":1},{"ph":"i","ts":2}])",
                                          R"({"traceEvents":[{"ph":"C","ts":3}],"otherData":{"x":1}})"});
  EXPECT_EQ(merged, R"({"displayTimeUnit":"ms","traceEvents":[{"ph":"X","ts":1},{"ph":"i","ts":2},{"ph":"C","ts":3}]})"
                    "\n");
}

TEST(TraceFiles, SkipsWhatIsNotJsonOrNestedTooDeep) {
  std::string deep = R"([{"ph":"X","ts":0,"args":)";
  for (int i = 0; i < 100000; ++i) deep += R"({"a":)";
  deep += "1" + std::string(100000, '}') + "}]";
  std::string merged = merged_trace_json({R"([{"ts":1}])", "not json", deep, R"([{"ts":2}])"});
  EXPECT_EQ(merged, R"({"displayTimeUnit":"ms","traceEvents":[{"ts":1},{"ts":2}]})"
                    "\n");
  EXPECT_FALSE(nlohmann::json::parse(merged, nullptr, false).is_discarded());
}

// The file beside the deck is read by the timeline's own reader (render/trace_events.h),
// so the two agree on which files are traces.
TEST(TraceFiles, TakesAnArrayLeftOpenAsTheTimelineDoes) {
  std::string merged = merged_trace_json({"[{\"ts\":1},{\"ts\":2},\n", R"([{"ts":3}])"});
  EXPECT_EQ(merged, R"({"displayTimeUnit":"ms","traceEvents":[{"ts":1},{"ts":2},{"ts":3}]})"
                    "\n");
}

TEST(TraceFiles, SkipsATextWhoseEventIsNotAnObjectWhole) {
  std::string merged = merged_trace_json({R"([{"ts":1},2,{"ts":3}])", R"({"otherData":{}})", R"([{"ts":4}])"});
  EXPECT_EQ(merged, R"({"displayTimeUnit":"ms","traceEvents":[{"ts":4}]})"
                    "\n");
}

}  // namespace
}  // namespace deckgen
