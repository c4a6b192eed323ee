// Thread states without processes: the classification of /proc readings, the trace and
// metrics made of samples, their way through the trace reader onto the timeline, and
// the `trace:` key and `ID.threads.NAME` references that ask for them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <fmt/format.h>
#include <sys/syscall.h>

#include <regex>

#include "model/claims.h"
#include "model/input_error.h"
#include "read/run_block.h"
#include "render/timeline_svg.h"
#include "render/trace.h"
#include "run/thread_samples.h"
#include "run/thread_trace.h"

namespace deckgen {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

ThreadReading sleeping_in(long syscall, std::string_view wchan = "0") {
  ThreadReading r;
  r.state = 'S';
  r.syscall = syscall;
  r.wchan = wchan;
  return r;
}

TEST(ThreadStates, ClassifiesByStateThenSystemCallThenWchan) {
  ThreadReading running;
  running.state = 'R';
  EXPECT_EQ(classify_thread(running), ThreadState::running);
  running.queued = true;
  EXPECT_EQ(classify_thread(running), ThreadState::runnable);
  EXPECT_EQ(classify_thread(sleeping_in(SYS_futex)), ThreadState::lock);
  EXPECT_EQ(classify_thread(sleeping_in(SYS_epoll_wait)), ThreadState::io);
  EXPECT_EQ(classify_thread(sleeping_in(SYS_read)), ThreadState::io);
  EXPECT_EQ(classify_thread(sleeping_in(SYS_recvfrom)), ThreadState::io);
  EXPECT_EQ(classify_thread(sleeping_in(SYS_connect)), ThreadState::io);
  EXPECT_EQ(classify_thread(sleeping_in(SYS_clock_nanosleep)), ThreadState::sleep);  // 230: time.sleep
  EXPECT_EQ(classify_thread(sleeping_in(SYS_wait4)), ThreadState::other);
  // Not in a system call (a page fault), or unreadable: the wchan decides.
  EXPECT_EQ(classify_thread(sleeping_in(-1, "futex_wait_queue")), ThreadState::lock);
  EXPECT_EQ(classify_thread(sleeping_in(-2, "hrtimer_nanosleep")), ThreadState::sleep);
  EXPECT_EQ(classify_thread(sleeping_in(-2, "do_epoll_wait")), ThreadState::io);
  EXPECT_EQ(classify_thread(sleeping_in(-2, "0")), ThreadState::other);
  ThreadReading stopped;
  stopped.state = 'T';
  EXPECT_EQ(classify_thread(stopped), ThreadState::other);
}

// Two threads of one process taking turns, 1 ms ticks from t = 1 s: A runs while B waits
// for the lock, then the other way round; a third thread lived for one tick only.
ThreadSamples handoff() {
  ThreadSamples s;
  s.interval_ns = 1'000'000;
  s.start_ns = 1'000'000'000;
  s.end_ns = s.start_ns + 10'000'000;
  s.ticks = 10;
  s.missed_ticks = 2;
  s.sampler_cpu_seconds = 0.004;
  s.processes = {{7, "python3"}};
  auto at = [&](int ms) { return s.start_ns + int64_t(ms) * 1'000'000; };
  s.threads = {{7, 7, "python3", 10, {{at(0), at(4), ThreadState::running, 1}, {at(4), at(10), ThreadState::lock, -1}}},
               {7, 9, "python3", 10, {{at(0), at(4), ThreadState::lock, -1}, {at(4), at(10), ThreadState::running, 0}}},
               {7, 10, "python3", 1, {{at(5), at(6), ThreadState::running, 1}}}};
  s.short_threads = 1;
  s.state_samples[size_t(ThreadState::running)] = 11;
  s.state_samples[size_t(ThreadState::lock)] = 10;
  s.ticks_with_threads = 10;
  s.ticks_overlapping = 1;
  return s;
}

Trace merged(const std::vector<std::string>& files) {
  auto result = merge_traces(files);
  if (auto* error = std::get_if<TraceError>(&result)) {
    ADD_FAILURE() << error->message;
    return {};
  }
  return std::get<Trace>(std::move(result));
}

TEST(ThreadStates, MetricsAreSharesOfTicksAndOfThreadSamples) {
  auto m = thread_metrics(handoff());
  EXPECT_DOUBLE_EQ(m.at("threads.overlap").first, 10.0);
  EXPECT_EQ(m.at("threads.overlap").second, "%");
  EXPECT_NEAR(m.at("threads.lock").first, 100.0 * 10 / 21, 1e-9);
  EXPECT_DOUBLE_EQ(m.at("threads.io").first, 0);
  EXPECT_DOUBLE_EQ(m.at("threads.runnable").first, 0);
  EXPECT_DOUBLE_EQ(m.at("threads.missed_ticks").first, 2);
  EXPECT_DOUBLE_EQ(m.at("threads.sample_rate").first, 1000);
  EXPECT_TRUE(thread_metrics(ThreadSamples{}).empty()) << "no thread sampled: no numbers to claim about";
}

TEST(ThreadStates, TheTraceHoldsCompleteSchedEventsOnTheThreadsOwnLanes) {
  std::string json = thread_trace_json(handoff());
  EXPECT_THAT(json, HasSubstr(R"("ph":"X","cat":"deckgen.sched","name":"running","ts":1000000.000,"dur":4000.000,"pid":7,"tid":7,"args":{"cpu":1})"));
  EXPECT_THAT(json, HasSubstr(R"("name":"lock","ts":1004000.000,"dur":6000.000,"pid":7,"tid":7})"));
  Trace t = merged({json});
  EXPECT_TRUE(t.spans.empty()) << "states are not spans: they do not nest";
  ASSERT_EQ(t.states.size(), 4u) << "the thread seen once is counted, not drawn";
  ASSERT_TRUE(t.sampler);
  EXPECT_EQ(t.sampler->missed_ticks, 2);
  EXPECT_EQ(t.sampler->short_threads, 1);
  EXPECT_EQ(t.sampler->cpu_ms, 4);
  ASSERT_EQ(t.lanes.size(), 2u);
  EXPECT_EQ(t.lanes[0].thread_name, "python3 (main)");
  EXPECT_EQ(t.lanes[0].states.size(), 2u);
  EXPECT_EQ(t.states[t.lanes[0].states[0]].cpu, 1);
}

TEST(ThreadStates, SpansOfTheHelperShareTheLaneOfTheirThread) {
  std::string spans = R"({"traceEvents":[{"ph":"M","name":"thread_name","pid":7,"tid":9,"args":{"name":"worker-1"}},
    {"ph":"X","name":"count","ts":1004000,"dur":6000,"pid":7,"tid":9,"args":{"cpu_us":5000}}]})";
  Trace t = merged({thread_trace_json(handoff()), spans});
  ASSERT_EQ(t.lanes.size(), 2u);
  const Lane& worker = t.lanes[1];
  EXPECT_EQ(worker.thread_name, "worker-1") << "the helper's name wins";
  EXPECT_EQ(worker.spans.size(), 1u);
  EXPECT_EQ(worker.states.size(), 2u);
  std::string svg = timeline_svg(t);
  EXPECT_THAT(svg, HasSubstr(">count<"));
  EXPECT_THAT(svg, HasSubstr("#d64541")) << "the lock state's colour";
}

// Counted by the kernel, the note says how many were started; where the kernel refused,
// that threads shorter than a tick may be missed, and why (issue 26, item 1).
TEST(ThreadStates, TheNoteCountsStartsOrSaysWhyShortThreadsMayBeMissed) {
  ThreadSamples counted = handoff();
  counted.started_threads = 203;
  counted.short_threads = 200;
  Trace t = merged({thread_trace_json(counted)});
  ASSERT_TRUE(t.sampler);
  EXPECT_EQ(t.sampler->started_threads, 203);
  std::string svg = timeline_svg(t);
  EXPECT_THAT(svg, HasSubstr("200 threads too short to draw (of 203 started)"));
  EXPECT_THAT(svg, Not(HasSubstr("may be missed")));
  ThreadSamples refused = handoff();
  refused.short_threads_missed = "the kernel refused thread lifecycle records: perf_event_open: Permission denied";
  svg = timeline_svg(merged({thread_trace_json(refused)}));
  EXPECT_THAT(svg, HasSubstr("1 thread seen at one sample only: too short to draw"));
  EXPECT_THAT(svg, HasSubstr("threads shorter than a tick may be missed: the kernel refused thread lifecycle records"));
}

TEST(ThreadStates, OneMissedTickIsSaidInTheSingular) {
  ThreadSamples s = handoff();
  s.missed_ticks = 1;
  std::string svg = timeline_svg(merged({thread_trace_json(s)}));
  EXPECT_THAT(svg, HasSubstr("(1 tick missed)"));
}

TEST(ThreadStates, TheTimelineColoursStatesAndNamesThemInWords) {
  std::string svg = timeline_svg(merged({thread_trace_json(handoff())}));
  EXPECT_THAT(svg, HasSubstr(">running on a CPU<"));
  EXPECT_THAT(svg, HasSubstr(">waiting for a lock (the GIL, a mutex)<"));
  EXPECT_THAT(svg, Not(HasSubstr(">waiting for I/O<"))) << "only states that occur are in the legend";
  EXPECT_THAT(svg, HasSubstr("thread states sampled from outside at 1,000 Hz (2 ticks missed); the sampler used 4.00 ms of CPU"));
  EXPECT_THAT(svg, HasSubstr("1 thread seen at one sample only: too short to draw"));
  EXPECT_THAT(svg, Not(HasSubstr("CPU 0"))) << "CPU rows only when asked";
  TimelineOptions cpus;
  cpus.cpu_rows = true;
  std::string with_cpus = timeline_svg(merged({thread_trace_json(handoff())}), cpus);
  EXPECT_THAT(with_cpus, HasSubstr(">CPU 0<"));
  EXPECT_THAT(with_cpus, HasSubstr(">CPU 1<"));
}

double height_of(const std::string& svg) {
  std::smatch height;
  if (!std::regex_search(svg, height, std::regex(R"re(<svg [^>]*height="([0-9.]+)")re"))) return -1;
  return std::stod(height[1]);
}

// A Chromium trace nests spans dozens deep; with `lanes: 8` each level used to add a
// row, and the figure ran far past the slide's bottom.
TEST(ThreadStates, DeeplyNestedSpansKeepTheFigureOnTheSlide) {
  std::string events = "[";
  for (int lane = 0; lane < 8; ++lane)
    for (int depth = 0; depth < 20; ++depth)
      events += fmt::format(R"({}{{"ph":"X","name":"level {}","ts":{},"dur":{},"pid":{},"tid":{}}})",
                            events.size() > 1 ? "," : "", depth, depth * 10, 1000 - depth * 20, 1, lane + 1);
  events += "]";
  TimelineOptions options;
  options.max_lanes = 8;
  std::string svg = timeline_svg(merged({events}), options);
  EXPECT_LE(height_of(svg), 440);
  EXPECT_GE(height_of(svg), 380) << "the room is used, not given away";
  EXPECT_THAT(svg, Not(HasSubstr("more lane"))) << "eight lanes fit once their spans take one row each";
  EXPECT_THAT(svg, HasSubstr(">level 0<"));
}

TEST(ThreadStates, TraceKeyAcceptsSpansThreadsOrBoth) {
  SourcePos at{"deck/03.md", 10, 1};
  SnippetSpec threads = parse_run_block("file: a.py\ntrace: threads\n", at);
  EXPECT_TRUE(threads.trace_threads);
  EXPECT_FALSE(threads.trace);
  SnippetSpec both = parse_run_block("file: a.py\ntrace: [spans, threads]\n", at);
  EXPECT_TRUE(both.trace && both.trace_threads);
  SnippetSpec spans = parse_run_block("file: a.py\ntrace: true\n", at);
  EXPECT_TRUE(spans.trace && !spans.trace_threads);
  try {
    parse_run_block("file: a.py\ntrace: [spans, stacks]\n", at);
    ADD_FAILURE() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.problem(), "'trace' cannot hold 'stacks'");
    EXPECT_EQ(e.where().line, 12);
  }
  try {
    parse_run_block("file: a.py\ntrace: sometimes\n", at);
    ADD_FAILURE() << "no error";
  } catch (const InputError& e) {
    EXPECT_THAT(e.problem(), HasSubstr("true, false, spans, threads or [spans, threads]"));
  }
}

TEST(ThreadStates, ClaimsAndPlaceholdersNameThreadMetrics) {
  SourcePos at{"deck/03.md", 4, 2};
  MetricRef ref = parse_metric_ref("gil.threads.overlap", at);
  EXPECT_EQ(ref.id, "gil");
  EXPECT_EQ(ref.metric, "m.threads.overlap");
  EXPECT_EQ(parse_metric_ref("gil.threads.lock.max", at).stat, Statistic::max);
  EXPECT_EQ(parse_metric_ref("gil.m.threads.io", at).metric, "m.threads.io");
  EXPECT_THROW(parse_metric_ref("gil.threads", at), InputError);
}

}  // namespace
}  // namespace deckgen
