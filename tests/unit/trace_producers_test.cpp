// Traces written by real producers, recorded during the test and then merged and drawn:
// deckgen_trace.py (threads, asyncio tasks, worker processes) and Chromium
// itself (--trace-startup). Skipped when the producer is not installed.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <set>

#include "render/timeline_svg.h"
#include "render/trace.h"
#include "test_support.h"
#include "util/files.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

using ::testing::HasSubstr;

std::vector<std::string> read_traces(const fs::path& folder) {
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(folder)) {
    std::string name = e.path().filename().string();
    if (name.starts_with("trace") && e.path().extension() == ".json") paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> texts;
  for (const fs::path& p : paths) {
    EXPECT_FALSE(check_trace_size(fs::file_size(p)).has_value()) << p;
    std::string text;
    EXPECT_TRUE(read_file(p, text)) << p;
    texts.push_back(std::move(text));
  }
  return texts;
}

Trace merged_or_fail(const std::vector<std::string>& files) {
  auto result = merge_traces(files);
  if (auto* error = std::get_if<TraceError>(&result)) {
    ADD_FAILURE() << error->message;
    return {};
  }
  return std::get<Trace>(std::move(result));
}

constexpr const char* kPythonSnippet = R"(
import asyncio, threading, multiprocessing as mp
import deckgen_trace as dt

def spin(n):
    return sum(range(n))

def worker():
    with dt.span("cpu work"):
        spin(50_000)

@dt.traced
async def download(i):
    await asyncio.sleep(0.002 * (i + 1))
    dt.instant("reply")

async def fetch_all():
    await asyncio.gather(*(asyncio.create_task(download(i), name=f"fetch-{i}") for i in range(2)))

# Each task waits for the other at a barrier, so both pool workers take one: a single
# worker taking both (as the pool may) would leave a lane fewer.
def start_worker(barrier):
    global together
    together = barrier

def child(i):
    together.wait(timeout=30)
    with dt.span("child work"):
        spin(20_000)

if __name__ == "__main__":
    with dt.span("main"):
        threads = [threading.Thread(target=worker, name=f"worker-{k}") for k in range(2)]
        for t in threads: t.start()
        for t in threads: t.join()
        dt.counter("queue", depth=2)
        asyncio.run(fetch_all())
        ctx = mp.get_context("fork")
        with ctx.Pool(2, initializer=start_worker, initargs=(ctx.Barrier(2),)) as pool:
            pool.map(child, range(2), chunksize=1)
)";

TEST(TraceProducers, PythonHelperWithThreadsTasksAndProcesses) {
  if (!fs::exists("/usr/bin/python3")) GTEST_SKIP() << "no /usr/bin/python3";
  test::TempDir dir;
  fs::path script = dir.write("snippet.py", kPythonSnippet);
  fs::path out = dir.path() / "out";
  fs::create_directories(out);
  fs::path snippets = fs::path(DECKGEN_TEST_DATA).parent_path() / "generator" / "assets";  // the helpers
  std::string command = fmt::format(
      "cd '{}' && env -i PATH=/usr/bin:/bin PYTHONPATH='{}' DECKGEN_OUT_DIR='{}' DECKGEN_TRACE=1 "
      "/usr/bin/python3 snippet.py",
      dir.path().string(), snippets.string(), out.string());
  ASSERT_EQ(std::system(command.c_str()), 0) << command;

  std::vector<std::string> files = read_traces(out);
  ASSERT_EQ(files.size(), 3u) << "the parent and both pool workers write a file each";
  Trace trace = merged_or_fail(files);

  std::set<std::string> processes, lanes, spans;
  for (const Lane& lane : trace.lanes) {
    processes.insert(lane.process_name);
    lanes.insert(lane.thread_name);
  }
  for (const TraceEvent& span : trace.spans) spans.insert(span.name);
  EXPECT_TRUE(processes.contains("MainProcess"));
  EXPECT_TRUE(std::any_of(processes.begin(), processes.end(),
                          [](const std::string& p) { return p.starts_with("ForkPoolWorker-"); }));
  for (const char* lane : {"MainThread", "worker-0", "worker-1", "fetch-0", "fetch-1", "queue"})
    EXPECT_TRUE(lanes.contains(lane)) << lane;
  for (const char* span : {"main", "cpu work", "download", "child work"})
    EXPECT_TRUE(spans.contains(span)) << span;
  EXPECT_EQ(trace.instants.size(), 2u);
  EXPECT_TRUE(trace.lanes.front().process_name == "MainProcess" &&
              trace.lanes.front().thread_name == "MainThread")
      << "the main process and its main thread come first";
  // Decorated coroutines step themselves and know their exact CPU time.
  for (const TraceEvent& span : trace.spans)
    if (span.name == "download") {
      EXPECT_TRUE(span.cpu_us.has_value());
    }

  // Eight lanes in three processes do not all fit the 440 px a slide leaves: the pool's
  // workers come last and are left out, and the drawing says so.
  std::string svg = timeline_svg(trace);
  for (const char* text : {">worker-0<", ">fetch-1<", ">MainProcess · pid ", "more lane"})
    EXPECT_THAT(svg, HasSubstr(text));
}

TEST(TraceProducers, ChromiumStartupTraceLoadsAndRenders) {
  if (!fs::exists("/usr/bin/chromium")) GTEST_SKIP() << "no /usr/bin/chromium";
  test::TempDir dir;
  fs::path trace_file = dir.path() / "trace.json";
  // --dump-dom makes headless Chromium load the page and quit; the startup trace is
  // written as JSON (Chromium 156 defaults to Perfetto's protobuf) once tracing stops.
  std::string command = fmt::format(
      "timeout 90 /usr/bin/chromium --headless --no-sandbox --disable-gpu "
      "--disable-background-networking --disable-component-update --disable-sync --no-first-run "
      "--user-data-dir='{}/profile' --trace-startup --trace-startup-format=json "
      "--trace-startup-file='{}' --trace-startup-duration=1 --dump-dom "
      "'data:text/html,<p>traced</p>' >/dev/null 2>&1",
      dir.path().string(), trace_file.string());
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  ASSERT_TRUE(fs::exists(trace_file)) << "Chromium wrote no trace";

  std::vector<std::string> files = read_traces(dir.path());
  Trace trace = merged_or_fail(files);
  EXPECT_GT(trace.spans.size(), 1000u);
  std::set<std::string> processes;
  for (const Lane& lane : trace.lanes) processes.insert(lane.process_name);
  EXPECT_TRUE(processes.contains("Browser"));
  EXPECT_TRUE(std::any_of(trace.lanes.begin(), trace.lanes.end(),
                          [](const Lane& l) { return l.thread_name == "CrBrowserMain"; }));

  std::string svg = timeline_svg(trace);
  EXPECT_THAT(svg, HasSubstr(">CrBrowserMain<"));
  EXPECT_THAT(svg, HasSubstr("spans narrower than a pixel merged"));
  EXPECT_LT(svg.size(), 1u << 20);
}

}  // namespace
}  // namespace deckgen
