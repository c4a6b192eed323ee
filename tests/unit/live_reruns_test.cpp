// deckgen present's reruns: what may be queued, and the output passed on as it arrives.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "pipeline/live_reruns.h"

namespace deckgen {
namespace {

TEST(RerunQueue, OnlyTheDecksSnippetsAndOneAtATime) {
  RerunQueue queue;
  EXPECT_EQ(queue.ask("gil"), RerunAnswer::unknown_snippet);  // before the first build
  queue.set_snippets({"gil", "threads"});
  EXPECT_EQ(queue.ask("../etc"), RerunAnswer::unknown_snippet);
  EXPECT_EQ(queue.ask(""), RerunAnswer::unknown_snippet);
  EXPECT_FALSE(queue.pending());
  EXPECT_EQ(queue.ask("gil"), RerunAnswer::queued);
  EXPECT_TRUE(queue.pending());
  EXPECT_EQ(queue.ask("threads"), RerunAnswer::busy);  // queued, not yet running
  EXPECT_EQ(queue.start(), "gil");
  EXPECT_FALSE(queue.pending());
  EXPECT_EQ(queue.ask("threads"), RerunAnswer::busy);  // running
  EXPECT_EQ(queue.start(), std::nullopt);
  queue.done();
  EXPECT_EQ(queue.ask("threads"), RerunAnswer::queued);
}

// Says what it was asked to run on the request's stream callback, in two pieces.
class EchoingRunner final : public Runner {
 public:
  RunOutcome run(const RunRequest& request) override {
    if (request.on_output) {
      request.on_output(OutputStream::out, "hello ");
      request.on_output(OutputStream::err, "oops\n");
      request.on_output(OutputStream::out, "world\n");
    }
    RunOutcome o;
    o.started = true;
    o.exit_code = 0;
    o.out = "hello world\n";
    return o;
  }
};

TEST(StreamingRunner, PassesEachRunsOutputOnAsEvents) {
  EchoingRunner inner;
  std::vector<nlohmann::json> events;
  StreamingRunner streaming(inner, "gil", [&events](const std::string& e) { events.push_back(nlohmann::json::parse(e)); });
  RunOutcome o = streaming.run(RunRequest{});
  EXPECT_EQ(o.out, "hello world\n");  // what the run keeps is untouched
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[0]["state"], "run");
  EXPECT_EQ(events[1]["state"], "out");
  EXPECT_EQ(events[1]["text"], "hello ");
  EXPECT_EQ(events[2]["state"], "err");
  EXPECT_EQ(events[3]["text"], "world\n");
  for (const auto& e : events) EXPECT_EQ(e["id"], "gil");
}

TEST(StreamingRunner, StopsStreamingAtTheCapForTheWholeRerun) {
  EchoingRunner inner;
  std::string streamed;
  StreamingRunner streaming(inner, "gil", [&streamed](const std::string& e) {
    auto j = nlohmann::json::parse(e);
    if (j["state"] != "run") streamed += j["text"].get<std::string>();
  }, 8);
  streaming.run(RunRequest{});
  streaming.run(RunRequest{});  // the second run has nothing left
  EXPECT_EQ(streamed, "hello oo");
}

TEST(RerunEvents, AreOneLineOfJsonEvenForRawOutput) {
  std::string e = rerun_event_json("gil", "out", "line 1\nline 2\n\xff");
  EXPECT_EQ(e.find('\n'), std::string::npos);
  auto j = nlohmann::json::parse(e);
  EXPECT_EQ(j["text"], "line 1\nline 2\n\xEF\xBF\xBD");  // invalid UTF-8 replaced, not thrown
  EXPECT_FALSE(j.contains("version"));
  EXPECT_EQ(nlohmann::json::parse(rerun_event_json("gil", "done", "", 7))["version"], 7);
}

}  // namespace
}  // namespace deckgen
