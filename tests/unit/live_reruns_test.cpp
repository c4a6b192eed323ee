// deckgen present's reruns: what may be queued, and the output passed on as it arrives.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "fakes.h"
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

using test::FakeRunner;
using test::Scripted;

// A run of snippet `gil`, which is how the fake runner tells a snippet's runs apart.
RunRequest gil_run(RunPurpose purpose = RunPurpose::snippet) {
  RunRequest request;
  request.env["DECKGEN_SNIPPET_ID"] = "gil";
  request.purpose = purpose;
  return request;
}

// Says "hello world" on the request's stream callback, in two pieces, with an error between.
const Scripted kEchoing{.out = "hello world\n",
                        .pieces = {{OutputStream::out, "hello "}, {OutputStream::err, "oops\n"}, {OutputStream::out, "world\n"}}};

// Sends the pieces it is given on stdout, as a child's reads would come.
Scripted pieces(const std::vector<std::string>& texts) {
  Scripted s;
  for (const std::string& t : texts) s.pieces.emplace_back(OutputStream::out, t);
  return s;
}

TEST(StreamingRunner, PassesEachRunsOutputOnAsEvents) {
  FakeRunner inner;
  inner.script["gil"] = {kEchoing};
  std::vector<nlohmann::json> events;
  StreamingRunner streaming(inner, "gil", [&events](const std::string& e) { events.push_back(nlohmann::json::parse(e)); });
  RunOutcome o = streaming.run(gil_run());
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
  FakeRunner inner;
  inner.script["gil"] = {kEchoing};
  std::string streamed;
  StreamingRunner streaming(inner, "gil", [&streamed](const std::string& e) {
    auto j = nlohmann::json::parse(e);
    if (j["state"] != "run") streamed += j["text"].get<std::string>();
  }, 8);
  streaming.run(gil_run());
  streaming.run(gil_run());  // the second run has nothing left
  EXPECT_EQ(streamed, "hello oo");
}

std::vector<std::string> streamed_texts(Runner& inner, size_t cap = 64 * 1024,
                                        RunPurpose purpose = RunPurpose::snippet) {
  std::vector<std::string> texts;
  StreamingRunner streaming(inner, "gil", [&texts](const std::string& e) {
    auto j = nlohmann::json::parse(e);
    texts.push_back(j["state"] == "run" ? "<run>" : j["text"].get<std::string>());
  }, cap);
  streaming.run(gil_run(purpose));
  return texts;
}

// "é" is two bytes; a read that ends between them must not show two U+FFFD.
TEST(StreamingRunner, AMultiByteCharacterSplitAcrossReadsArrivesWhole) {
  FakeRunner inner;
  inner.script["gil"] = {pieces({"caf\xC3", "\xA9 \xE2\x82", "\xAC\n"})};
  EXPECT_EQ(streamed_texts(inner), (std::vector<std::string>{"<run>", "caf", "\xC3\xA9 ", "\xE2\x82\xAC\n"}));
}

// The last read ends inside a character and nothing completes it: passed on at the end
// (and replaced in the event, as any invalid output is).
TEST(StreamingRunner, AnUnfinishedCharacterAtTheEndIsStillPassedOn) {
  FakeRunner inner;
  inner.script["gil"] = {pieces({"ok \xC3"})};
  EXPECT_EQ(streamed_texts(inner), (std::vector<std::string>{"<run>", "ok ", "\xEF\xBF\xBD"}));
}

TEST(StreamingRunner, TheCapDoesNotCutACharacter) {
  FakeRunner inner;
  inner.script["gil"] = {pieces({"ab\xC3\xA9", "cd"})};
  EXPECT_EQ(streamed_texts(inner, 3), (std::vector<std::string>{"<run>", "ab"}));
}

// The harness-overhead runs (/bin/true, an empty Python) are deckgen's, not the
// snippet's: no "run" event clears the slide's box for them.
TEST(StreamingRunner, HarnessOverheadRunsAreNotShown) {
  FakeRunner inner;
  inner.script["gil"] = {pieces({"nothing"})};
  EXPECT_TRUE(streamed_texts(inner, 64 * 1024, RunPurpose::harness_overhead).empty());
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
