// Reading and merging Chrome Trace Event Format files (render/trace.h).
#include "render/trace.h"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

namespace deckgen {
namespace {

using ::testing::HasSubstr;

Trace merged(const std::vector<std::string>& files) {
  auto result = merge_traces(files);
  if (auto* error = std::get_if<TraceError>(&result)) {
    ADD_FAILURE() << "unexpected error: " << error->message;
    return {};
  }
  return std::get<Trace>(std::move(result));
}

std::string error_of(const std::vector<std::string>& files, size_t max_bytes = kMaxTraceBytes) {
  auto result = merge_traces(files, max_bytes);
  if (auto* error = std::get_if<TraceError>(&result)) return error->message;
  ADD_FAILURE() << "expected an error";
  return {};
}

TEST(Trace, ReadsCompleteSpansWithCpuTime) {
  Trace t = merged({R"([{"ph":"X","name":"work","cat":"c","ts":1000,"dur":50,"pid":1,"tid":2,
                        "args":{"cpu_us":20}}])"});
  ASSERT_EQ(t.spans.size(), 1u);
  const TraceEvent& s = t.spans[0];
  EXPECT_EQ(s.phase, 'X');
  EXPECT_EQ(s.name, "work");
  EXPECT_EQ(s.category, "c");
  EXPECT_EQ(s.ts_us, 1000);
  EXPECT_EQ(s.dur_us, 50);
  EXPECT_EQ(s.pid, 1);
  EXPECT_EQ(s.tid, 2);
  EXPECT_EQ(s.cpu_us, 20);
  EXPECT_EQ(t.start_us, 1000);
  EXPECT_EQ(t.end_us, 1050);
}

TEST(Trace, WholeThreadCpuTimeIsNotTakenAsTheSpans) {
  Trace t = merged({R"([{"ph":"X","name":"await","ts":0,"dur":50,"pid":1,"tid":1073741824,
                        "args":{"thread_cpu_us":40,"task":"Task-1"}}])"});
  ASSERT_EQ(t.spans.size(), 1u);
  EXPECT_FALSE(t.spans[0].cpu_us.has_value());
}

TEST(Trace, ChromiumThreadDurationIsCpuTime) {
  Trace t = merged({R"({"traceEvents":[
      {"ph":"X","name":"task","ts":0,"dur":50,"tdur":12,"pid":1,"tid":1},
      {"ph":"B","name":"run","ts":100,"tts":5,"pid":1,"tid":1},
      {"ph":"E","ts":200,"tts":35,"pid":1,"tid":1}]})"});
  ASSERT_EQ(t.spans.size(), 2u);
  EXPECT_EQ(t.spans[0].cpu_us, 12);
  EXPECT_EQ(t.spans[1].name, "run");
  EXPECT_EQ(t.spans[1].cpu_us, 30);
}

TEST(Trace, MatchesBeginAndEndPerThreadAsAStack) {
  Trace t = merged({R"([
      {"ph":"B","name":"outer","ts":0,"pid":1,"tid":1},
      {"ph":"B","name":"other thread","ts":5,"pid":1,"tid":2},
      {"ph":"B","name":"inner","ts":10,"pid":1,"tid":1},
      {"ph":"E","ts":20,"pid":1,"tid":1},
      {"ph":"E","ts":30,"pid":1,"tid":2},
      {"ph":"E","ts":40,"pid":1,"tid":1}])"});
  ASSERT_EQ(t.spans.size(), 3u);
  // Sorted by lane then time: tid 1 (outer, inner), then tid 2.
  EXPECT_EQ(t.spans[0].name, "outer");
  EXPECT_EQ(t.spans[0].dur_us, 40);
  EXPECT_EQ(t.spans[0].depth, 0);
  EXPECT_EQ(t.spans[1].name, "inner");
  EXPECT_EQ(t.spans[1].dur_us, 10);
  EXPECT_EQ(t.spans[1].depth, 1);
  EXPECT_EQ(t.spans[2].name, "other thread");
  EXPECT_EQ(t.spans[2].dur_us, 25);
  EXPECT_TRUE(t.warnings.empty());
}

TEST(Trace, BeginWithoutEndIsClosedAtTheTraceEndWithAWarning) {
  Trace t = merged({R"([{"ph":"B","name":"never ends","ts":10,"pid":1,"tid":1},
                        {"ph":"X","name":"x","ts":0,"dur":100,"pid":1,"tid":2}])"});
  ASSERT_EQ(t.spans.size(), 2u);
  auto it = std::find_if(t.spans.begin(), t.spans.end(), [](auto& s) { return s.name == "never ends"; });
  ASSERT_NE(it, t.spans.end());
  EXPECT_TRUE(it->unfinished);
  EXPECT_EQ(it->dur_us, 90);
  ASSERT_EQ(t.warnings.size(), 1u);
  EXPECT_EQ(t.warnings[0],
            "1 begin (B) event without an end (E), e.g. \"never ends\" (pid 1, tid 1): drawn to "
            "the end of the trace");
}

TEST(Trace, EndWithoutBeginIsIgnoredWithAWarning) {
  Trace t = merged({R"([{"ph":"E","ts":10,"pid":1,"tid":1},
                        {"ph":"X","name":"x","ts":0,"dur":100,"pid":1,"tid":1}])"});
  EXPECT_EQ(t.spans.size(), 1u);
  EXPECT_THAT(t.warnings, ::testing::ElementsAre("1 end (E) event without a begin (B) ignored"));
}

TEST(Trace, ReadsInstantsOfBothSpellings) {
  Trace t = merged({R"([{"ph":"i","name":"a","ts":5,"pid":1,"tid":1,"s":"t"},
                        {"ph":"I","name":"b","ts":7,"pid":1,"tid":1}])"});
  ASSERT_EQ(t.instants.size(), 2u);
  EXPECT_EQ(t.instants[0].phase, 'i');
  EXPECT_EQ(t.instants[1].phase, 'i');
  EXPECT_EQ(t.instants[1].name, "b");
  ASSERT_EQ(t.lanes.size(), 1u);
  EXPECT_EQ(t.lanes[0].instants.size(), 2u);
}

TEST(Trace, CountersGetALaneOfTheirOwnPerProcessAndName) {
  Trace t = merged({R"([{"ph":"C","name":"queue","ts":0,"pid":1,"tid":1,"args":{"depth":3,"note":"x"}},
                        {"ph":"C","name":"queue","ts":10,"pid":1,"tid":2,"args":{"depth":1}},
                        {"ph":"X","name":"x","ts":0,"dur":10,"pid":1,"tid":1}])"});
  ASSERT_EQ(t.counters.size(), 2u);
  EXPECT_EQ(t.counters[0].counter_values, (std::map<std::string, double>{{"depth", 3}}));
  ASSERT_EQ(t.lanes.size(), 2u);
  EXPECT_EQ(t.lanes[0].kind, Lane::Kind::thread);
  EXPECT_EQ(t.lanes[1].kind, Lane::Kind::counter);
  EXPECT_EQ(t.lanes[1].thread_name, "queue");
  EXPECT_EQ(t.lanes[1].counters.size(), 2u);
}

TEST(Trace, MetadataNamesAndOrdersLanes) {
  Trace t = merged({R"([
      {"ph":"M","name":"process_name","pid":7,"tid":0,"args":{"name":"Worker"}},
      {"ph":"M","name":"process_sort_index","pid":7,"tid":0,"args":{"sort_index":1}},
      {"ph":"M","name":"process_name","pid":3,"tid":0,"args":{"name":"Main"}},
      {"ph":"M","name":"thread_name","pid":3,"tid":30,"args":{"name":"late but first"}},
      {"ph":"M","name":"thread_sort_index","pid":3,"tid":30,"args":{"sort_index":-1}},
      {"ph":"M","name":"thread_name","pid":3,"tid":31,"args":{"name":"early"}},
      {"ph":"M","name":"thread_name","pid":3,"tid":99,"args":{"name":"idle: no events"}},
      {"ph":"X","name":"w","ts":0,"dur":5,"pid":7,"tid":70},
      {"ph":"X","name":"a","ts":50,"dur":5,"pid":3,"tid":30},
      {"ph":"X","name":"b","ts":10,"dur":5,"pid":3,"tid":31},
      {"ph":"X","name":"c","ts":20,"dur":5,"pid":3,"tid":32}])"});
  std::vector<std::string> names;
  for (const Lane& lane : t.lanes) names.push_back(lane.process_name + "/" + lane.thread_name);
  EXPECT_THAT(names, ::testing::ElementsAre("Main/late but first", "Main/early", "Main/thread 32",
                                            "Worker/thread 70"));
}

TEST(Trace, UnknownFieldsAndPhasesAreSkipped) {
  Trace t = merged({R"({"displayTimeUnit":"ns","metadata":{"deep":[{"ph":"X"}]},"traceEvents":[
      {"ph":"X","name":"x","ts":0,"dur":5,"pid":1,"tid":1,"id2":{"local":"0x1"},"bind_id":3,"args":{"data":{"a":[1,2]}}},
      {"ph":"b","name":"async","ts":0,"pid":1,"tid":1,"id":"0x1"},
      {"ph":"s","name":"flow","ts":0,"pid":1,"tid":1}]})"});
  EXPECT_EQ(t.spans.size(), 1u);
  EXPECT_THAT(t.warnings, ::testing::ElementsAre(
                              "2 events of phases not drawn here skipped (b ×1, s ×1)"));
}

TEST(Trace, OrderOfEventsDoesNotMatter) {
  std::vector<std::string> events = {
      R"({"ph":"B","name":"outer","ts":0,"pid":1,"tid":1})",
      R"({"ph":"B","name":"inner","ts":10,"pid":1,"tid":1})",
      R"({"ph":"E","ts":20,"pid":1,"tid":1})",
      R"({"ph":"E","ts":40,"pid":1,"tid":1})",
      R"({"ph":"X","name":"x","ts":5,"dur":1,"pid":2,"tid":2})",
      R"({"ph":"i","name":"mark","ts":7,"pid":2,"tid":2})",
      R"({"ph":"M","name":"thread_name","pid":2,"tid":2,"args":{"name":"named"}})"};
  auto describe = [](const Trace& t) {
    std::string out;
    for (const auto& s : t.spans) out += fmt::format("{}@{}+{} d{};", s.name, s.ts_us, s.dur_us, s.depth);
    for (const auto& lane : t.lanes) out += lane.thread_name + ";";
    return out;
  };
  auto as_array = [](const std::vector<std::string>& list) {
    std::string text = "[";
    for (size_t i = 0; i < list.size(); ++i) text += (i ? "," : "") + list[i];
    return text + "]";
  };
  std::string expected = describe(merged({as_array(events)}));
  EXPECT_EQ(expected, "outer@0+40 d0;inner@10+10 d1;x@5+1 d0;thread 1;named;");
  std::reverse(events.begin(), events.end());
  EXPECT_EQ(describe(merged({as_array(events)})), expected);
  std::rotate(events.begin(), events.begin() + 3, events.end());
  EXPECT_EQ(describe(merged({as_array(events)})), expected);
}

TEST(Trace, MergesFilesOfSeveralProcesses) {
  Trace t = merged({R"([{"ph":"X","name":"parent","ts":100,"dur":10,"pid":1,"tid":1}])",
                    R"({"traceEvents":[{"ph":"X","name":"child","ts":50,"dur":10,"pid":2,"tid":2},
                        {"ph":"M","name":"process_name","pid":1,"args":{"name":"named in file 2"}}]})"});
  EXPECT_EQ(t.spans.size(), 2u);
  EXPECT_EQ(t.start_us, 50);
  EXPECT_EQ(t.end_us, 110);
  ASSERT_EQ(t.lanes.size(), 2u);
  EXPECT_EQ(t.lanes[0].pid, 2);   // earlier first, both at sort index 0
  EXPECT_EQ(t.lanes[1].process_name, "named in file 2");
}

TEST(Trace, AcceptsAnArrayLeftOpen) {
  // Streaming writers may stop before the closing bracket; chrome://tracing reads those.
  Trace t = merged({"[{\"ph\":\"X\",\"name\":\"x\",\"ts\":0,\"dur\":5,\"pid\":1,\"tid\":1},\n"});
  EXPECT_EQ(t.spans.size(), 1u);
}

TEST(Trace, StringIdsBecomeNumbersOrNames) {
  Trace t = merged({R"([{"ph":"X","name":"x","ts":0,"dur":5,"pid":"12","tid":"io thread"}])"});
  ASSERT_EQ(t.lanes.size(), 1u);
  EXPECT_EQ(t.lanes[0].pid, 12);
  EXPECT_EQ(t.lanes[0].thread_name, "io thread");
}

// ---- malformed input: each case gives its message, never a crash ----

TEST(TraceErrors, NotJson) {
  EXPECT_EQ(error_of({"hello"}),
            "not valid JSON: parse error at line 1, column 1: syntax error while parsing value - "
            "invalid literal; last read: 'h'");
}

TEST(TraceErrors, TruncatedJsonObject) {
  EXPECT_THAT(error_of({R"({"traceEvents":[{"ph":"X")"}), HasSubstr("not valid JSON: parse error"));
}

TEST(TraceErrors, JsonThatIsNotATrace) {
  EXPECT_EQ(error_of({"42"}),
            "not a trace: expected a JSON array of events or an object with \"traceEvents\"");
  EXPECT_EQ(error_of({R"({"events":[]})"}), "not a trace: the JSON object has no \"traceEvents\" array");
  EXPECT_EQ(error_of({"[1]"}), "event #1 is not a JSON object");
}

TEST(TraceErrors, NegativeDurationNamesTheEvent) {
  EXPECT_EQ(error_of({R"([{"ph":"X","name":"ok","ts":0,"dur":1,"pid":1,"tid":1},
                          {"ph":"X","name":"backwards","ts":10,"dur":-5,"pid":1,"tid":1}])"}),
            "event #2 (\"backwards\", ph \"X\"): negative duration (dur -5 µs)");
}

TEST(TraceErrors, MissingTimestampNamesTheEventAndFile) {
  EXPECT_EQ(error_of({R"([{"ph":"X","name":"a","ts":0,"pid":1,"tid":1}])",
                      R"([{"ph":"i","name":"when?","pid":1,"tid":1}])"}),
            "file 2: event #1 (\"when?\", ph \"i\"): no numeric \"ts\" (timestamp in µs)");
}

TEST(TraceErrors, FileLargerThanTheLimit) {
  std::string big = R"([{"ph":"X","name":"a","ts":0,"dur":1,"pid":1,"tid":1}])";
  EXPECT_EQ(error_of({big}, 10), "trace file of 54 B is larger than the limit of 10 B");
  EXPECT_EQ(check_trace_size(uintmax_t{3} << 30)->message,
            "trace file of 3.0 GiB is larger than the limit of 256.0 MiB");
  EXPECT_FALSE(check_trace_size(1000).has_value());
}

TEST(TraceErrors, NothingToDraw) {
  EXPECT_EQ(error_of({R"([{"ph":"M","name":"process_name","pid":1,"args":{"name":"p"}}])"}),
            "the trace holds no spans, instants, counters or thread states to draw");
  EXPECT_EQ(error_of({"[]"}), "the trace holds no spans, instants, counters or thread states to draw");
}

TEST(TraceErrors, DeeplyNestedJsonDoesNotCrash) {
  std::string deep = R"([{"ph":"X","args":)" + std::string(100000, '[');
  EXPECT_THAT(error_of({deep}), HasSubstr("nested more than 64 levels deep"));
  std::string closed = deep + std::string(100000, ']') + "}]";
  EXPECT_THAT(error_of({closed}), HasSubstr("nested more than 64 levels deep"));
}

// Issue 13: args of objects nested 100,000 deep crashed deckgen (SIGSEGV).
TEST(TraceErrors, DeeplyNestedObjectsAreRefusedBeforeTheyAreBuilt) {
  std::string deep = R"([{"ph":"X","ts":0,"dur":1,"args":)";
  for (int i = 0; i < 100000; ++i) deep += R"({"a":)";
  deep += "1" + std::string(100000, '}') + "}]";
  EXPECT_EQ(error_of({deep}), "JSON nested more than 64 levels deep (near event #1)");
  // What real producers write is far shallower.
  std::string fine = R"([{"ph":"X","ts":0,"dur":1,"args":)";
  for (int i = 0; i < 50; ++i) fine += R"({"a":)";
  fine += "1" + std::string(50, '}') + "}]";
  EXPECT_EQ(merged({fine}).spans.size(), 1u);
}

// Issue 13: one event with ts and dur near the double limit made the axis loop for ever.
TEST(TraceErrors, TimesBeyondWhatADoubleHoldsToTheMicrosecondAreRefused) {
  EXPECT_THAT(error_of({R"([{"ph":"X","name":"a","ts":1.7e308,"dur":1.7e308,"pid":1,"tid":1}])"}),
              HasSubstr("event #1 (\"a\", ph \"X\"): \"ts\" 1.7e+308 µs is out of range"));
  EXPECT_THAT(error_of({R"([{"ph":"X","name":"a","ts":0,"dur":1.7e308,"pid":1,"tid":1}])"}),
              HasSubstr("\"dur\" 1.7e+308 µs is out of range"));
  EXPECT_THAT(error_of({R"([{"ph":"i","name":"a","ts":-1e300,"pid":1,"tid":1}])"}), HasSubstr("out of range"));
  // Each time in range, the whole trace not: 2^53 µs on both sides of zero.
  EXPECT_THAT(error_of({R"([{"ph":"i","ts":-9007199254740992},{"ph":"i","ts":9007199254740992}])"}),
              HasSubstr("more than 2^53 µs"));
  // Epoch microseconds (1.7e15) are fine.
  EXPECT_EQ(merged({R"([{"ph":"X","ts":1700000000000000,"dur":5}])"}).spans.size(), 1u);
}

// Issue 13: a number no double holds (1e999) made nlohmann's parser throw out_of_range;
// it is the trace's error, with the file and the event it is in.
TEST(TraceErrors, NumbersTooLargeForADoubleAreRefused) {
  EXPECT_EQ(error_of({R"([{"ph":"X","ts":0,"dur":1},
                          {"ph":"C","name":"q","ts":0,"args":{"a":1e999,"b":2}}])"}),
            "number overflow parsing '1e999' (near event #2): too large for a double");
  EXPECT_EQ(error_of({R"([{"ph":"X","ts":0,"dur":1}])", R"([{"ph":"i","ts":-1e999}])"}),
            "file 2: number overflow parsing '-1e999' (near event #1): too large for a double");
}

// Finite but absurd: a span's CPU time beyond 2^53 µs is left out, the span drawn.
TEST(TraceErrors, AbsurdCpuTimesAreLeftOut) {
  Trace t = merged({R"([{"ph":"X","ts":0,"dur":3,"args":{"cpu_us":1e300}},
                        {"ph":"X","ts":5,"dur":3,"args":{"cpu_us":-1}},
                        {"ph":"X","ts":9,"dur":3,"args":{"cpu_us":2}}])"});
  ASSERT_EQ(t.spans.size(), 3u);
  EXPECT_FALSE(t.spans.at(0).cpu_us.has_value());
  EXPECT_FALSE(t.spans.at(1).cpu_us.has_value());
  EXPECT_EQ(t.spans.at(2).cpu_us, 2.0);
}

// Issue 13: a million lanes took 1.57 GB. The reader stops at the limit.
TEST(TraceErrors, TooManyLanes) {
  std::string events = "[";
  for (size_t i = 0; i <= kMaxTraceLanes; ++i) events += fmt::format(R"({{"ph":"i","ts":0,"tid":{}}},)", i);
  events.back() = ']';
  EXPECT_EQ(error_of({events}), "more than 10,000 lanes (threads, tasks and counters)");
  events = "[";
  for (size_t i = 0; i < kMaxTraceLanes; ++i) events += fmt::format(R"({{"ph":"i","ts":0,"tid":{}}},)", i);
  events.back() = ']';
  EXPECT_EQ(merged({events}).lanes.size(), kMaxTraceLanes);
}

TEST(TraceErrors, TooManyEventsOverAllFiles) {
  std::string half = "[";
  for (size_t i = 0; i < kMaxTraceEvents / 2; ++i) half += R"({"ph":"i","ts":0},)";
  std::string more = half + R"({"ph":"i","ts":0}])";
  half.back() = ']';
  EXPECT_EQ(merged({half, half}).instants.size(), kMaxTraceEvents);
  EXPECT_EQ(error_of({half, more}), "file 2: more than 1,000,000 events; record fewer spans");
}

}  // namespace
}  // namespace deckgen
