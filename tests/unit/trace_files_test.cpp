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

// The deck's own copy of a trace (issue 24: a 50 MB span name made a 262 MB deck).
std::string span_named(const std::string& name) {
  return R"([{"ph":"X","ts":0,"dur":1,"name":")" + name + R"(","args":{")" + name + R"(":")" + name + R"("}}])";
}

TEST(EmbeddedTrace, StringsOfTwoHundredCharactersStayWholeLongerOnesAreCut) {
  std::string whole(kMaxEmbeddedStringChars - 1, 'n');
  whole += "\u00e9";  // 200 characters, 201 bytes: counted in characters
  EmbeddedTrace kept = embedded_trace_json({span_named(whole)});
  EXPECT_EQ(kept.strings_cut, 0u);
  EXPECT_EQ(kept.json, merged_trace_json({span_named(whole)}));
  EXPECT_EQ(embedded_trace_warning("t", kept), "");

  std::string longer = std::string(kMaxEmbeddedStringChars, 'n') + "Z";  // 201
  EmbeddedTrace cut = embedded_trace_json({span_named(longer)});
  EXPECT_EQ(cut.strings_cut, 3u);  // the name, the argument's key and its value
  std::string shown = std::string(kMaxEmbeddedStringChars - 1, 'n') + "\u2026";
  EXPECT_EQ(cut.json, merged_trace_json({span_named(shown)}));
  EXPECT_EQ(embedded_trace_warning("t", cut),
            "the copy of the trace of 't' inside the deck cuts 3 names or values longer than 200 characters; "
            "traces/t.json beside the deck holds it whole");
}

TEST(EmbeddedTrace, EventsPastTheByteLimitAreLeftOutFromTheFirstThatDoesNotFit) {
  std::string trace = R"([{"ts":1},{"ts":2},{"ts":3}])";
  std::string two = merged_trace_json({R"([{"ts":1},{"ts":2}])"});
  std::string all = merged_trace_json({trace});
  // One byte short of the whole document: the first two events are kept, the third is not.
  EmbeddedTrace at_limit = embedded_trace_json({trace}, all.size() - 1);
  EXPECT_EQ(at_limit.json, two);
  EXPECT_EQ(at_limit.events, 3u);
  EXPECT_EQ(at_limit.events_left_out, 1u);
  EXPECT_EQ(embedded_trace_warning("t", at_limit),
            "the copy of the trace of 't' inside the deck leaves out the last 1 of its 3 events (it keeps to 16 MiB); "
            "traces/t.json beside the deck holds it whole");
  EmbeddedTrace fits = embedded_trace_json({trace}, all.size());  // exactly its size: whole
  EXPECT_EQ(fits.json, all);
  EXPECT_EQ(fits.events_left_out, 0u);
  // A text skipped as unreadable counts for nothing.
  EmbeddedTrace skipped = embedded_trace_json({trace, R"([{"ts":4},2])"}, all.size());
  EXPECT_EQ(skipped.json, all);
  EXPECT_EQ(skipped.events, 3u);
}

}  // namespace
}  // namespace deckgen
