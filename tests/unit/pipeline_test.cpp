// The snippet pipeline with a fake runner (after hyperfine's mock executor): runs
// return scripted outcomes and the requests are recorded, so that planning, statistics,
// expectations, rendering and exit codes are tested exactly and without processes.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <signal.h>

#include <cmath>
#include <cstdlib>
#include <functional>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "measure/snippet_result.h"
#include "pipeline/build_command.h"
#include "pipeline/dispatch.h"
#include "pipeline/result_report.h"
#include "fakes.h"
#include "run/execute.h"
#include "test_support.h"
#include "util/embedded.h"
#include "util/files.h"

namespace deckgen {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

using test::FakeRunner;
using test::RecordingStatus;
using test::Scripted;
using test::SharedRunner;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class Pipeline : public ::testing::Test {
 protected:
  test::TempDir dir;
  FakeRunner runner;
  RecordingStatus status;
  Options options;
  // `check` never starts Chromium here; the tests that look at fitting give a layout.
  PageLayout fit_layout = [](std::string_view, std::string_view, int, int) {
    return DomResult{false, "", "no layout in unit tests"};
  };

  void SetUp() override {
    options.output = dir.path() / "out/deck.html";
    options.report = dir.path() / "out/report.json";
    options.junit = dir.path() / "out/junit.xml";
  }
  Runners runners() {
    Runners one = Runners::single(runner);
    one.fit_layout = fit_layout;
    return one;
  }
  fs::path snippet(const std::string& name, const std::string& text = "echo hi\n") {
    return dir.write("snippets/" + name, text);
  }
  int build(const std::string& slides) {
    dir.write("deck/01.md", slides);
    options.inputs = {dir.path() / "deck"};
    return run_command(options, status, runners());
  }
  // As `watch` and `present` build: with controls the command line never sets.
  int build_with(const RunControls& controls, const std::string& slides) {
    dir.write("deck/01.md", slides);
    options.inputs = {dir.path() / "deck"};
    return run_build(BuildRequest{options, controls}, status, runners());
  }
  std::string deck() const {
    std::string text;
    EXPECT_TRUE(read_file(options.output, text)) << "no deck written";
    return text;
  }
  json report() const {
    std::string text;
    EXPECT_TRUE(read_file(*options.report, text)) << "no report written";
    return json::parse(text);
  }
  json snippet_report(const std::string& id) const {
    json whole = report();
    for (const json& s : whole["snippets"])
      if (s["id"] == id) return s;
    ADD_FAILURE() << "no snippet " << id << " in the report";
    return json::object();
  }
  // The HTML of one snippet's box on the deck.
  std::string snippet_html(const std::string& id) const {
    std::string page = deck();
    size_t at = page.find("data-snippet=\"" + id + "\"");
    EXPECT_NE(at, std::string::npos) << "no snippet " << id << " on the deck";
    if (at == std::string::npos) return {};
    size_t next = page.find("data-snippet=\"", at + 1);
    size_t end = std::min(next, page.find("</section>", at));
    return page.substr(at, end - at);
  }
};

// --- what the terminal is told about a result --------------------------------------

TEST(ResultReport, ABusyMachineIsAWarningOnlyWhenTheTimingIsRead) {
  PlannedSnippet snippet;
  snippet.spec.id = "busy";
  SnippetResult result;
  result.id = "busy";
  result.outcome = Outcome::passed;
  result.runs.resize(5);
  result.busy_runs = 2;
  RecordingStatus untimed, timed, cached;
  report_busy_runs(snippet, result, 0, 0, /*timing_matters=*/false, untimed);
  report_busy_runs(snippet, result, 0, 0, /*timing_matters=*/true, timed);
  // All five from the cache: their build said so already.
  report_busy_runs(snippet, result, 2, 5, /*timing_matters=*/true, cached);
  EXPECT_TRUE(untimed.warnings.empty() && untimed.busy_warnings.empty());
  EXPECT_TRUE(cached.warnings.empty()) << cached.warnings[0];
  ASSERT_EQ(timed.busy_warnings.size(), 1u);
  EXPECT_TRUE(contains(timed.busy_warnings[0], "busy during 2 of 5 runs")) << timed.busy_warnings[0];
}

TEST_F(Pipeline, WhatTheRunnerSaysTheMachineDidDecidesWhichRunsWereBusy) {
  snippet("a.sh");
  snippet("b.sh");
  // a: the rest of the machine used half a core over 2 of its 3 one-second runs; b: a
  // little, below the 10% that counts; nothing read for the others.
  runner.script["a"] = {{.wall = 1.0, .other_cpu = 0.5}, {.wall = 1.0, .other_cpu = 0.5}, {.wall = 1.0}};
  runner.script["b"] = {{.wall = 1.0, .other_cpu = 0.05}};
  const std::string a_shown = "```run\nfile: a.sh\nruns: 3\nwarmup: 0\nshow: [output, timing]\n```\n\n";
  const std::string b_shown = "```run\nfile: b.sh\nruns: 3\nwarmup: 0\nshow: [output, timing]\n```\n";
  EXPECT_EQ(build(a_shown + b_shown), 0) << status.all_errors();
  ASSERT_EQ(status.busy_warnings.size(), 1u) << ::testing::PrintToString(status.warnings);
  EXPECT_TRUE(contains(status.busy_warnings[0], "'a': the machine was busy during 2 of 3 runs"))
      << status.busy_warnings[0];
}

// A busy run is not final: the next build (and so `check`) measures the snippet again,
// and only a result with no busy run is served from the cache.
TEST_F(Pipeline, ResultsWithBusyRunsAreMeasuredAgainByTheNextBuild) {
  snippet("a.sh");
  const std::string shown = "```run\nfile: a.sh\nruns: 2\nwarmup: 0\nshow: [output, timing]\n```\n";
  runner.script["a"] = {{.wall = 1.0, .other_cpu = 0.5}, {.wall = 1.0}};
  ASSERT_EQ(build(shown), 0) << status.all_errors();
  ASSERT_EQ(runner.snippet_runs.size(), 2u);
  EXPECT_EQ(snippet_report("a")["busy_runs"], 1);
  options.command = Command::check;
  options.write_deck = false;
  ASSERT_EQ(build(shown), 0) << status.all_errors();
  EXPECT_EQ(runner.snippet_runs.size(), 4u) << "check re-served a result resting on a busy run";
  EXPECT_EQ(snippet_report("a")["from_cache"], false);
  EXPECT_EQ(snippet_report("a")["busy_runs"], 0);
  ASSERT_EQ(build(shown), 0) << status.all_errors();
  EXPECT_EQ(runner.snippet_runs.size(), 4u) << "a clean result is final";
  EXPECT_EQ(snippet_report("a")["from_cache"], true);
}

// watch and present re-measure busy results in their first build only: a rebuild after an
// edit keeps the numbers the page shows (and the preview stays fast).
TEST_F(Pipeline, RebuildsThatDoNotRemeasureBusyResultsServeThem) {
  snippet("a.sh");
  const std::string shown = "```run\nfile: a.sh\nruns: 2\nwarmup: 0\nshow: [output, timing]\n```\n";
  runner.script["a"] = {{.wall = 1.0, .other_cpu = 0.5}, {.wall = 1.0}};
  ASSERT_EQ(build(shown), 0) << status.all_errors();
  ASSERT_EQ(runner.snippet_runs.size(), 2u);
  ASSERT_EQ(build_with({.remeasure_busy = false}, shown + "\nAn edit.\n"), 0) << status.all_errors();
  EXPECT_EQ(runner.snippet_runs.size(), 2u) << "a rebuild re-measured a busy result";
  EXPECT_EQ(snippet_report("a")["from_cache"], true);
  EXPECT_EQ(snippet_report("a")["busy_runs"], 1);
}

// --- busy notes where they matter (issue 22, item 7) -------------------------------

// The terminal says it once per snippet per build, with every busy run the build made
// (claims add runs after the first ones), and not again when the result comes from the cache.
TEST_F(Pipeline, TheTerminalSaysABusySnippetOncePerBuildAndNotForCachedResults) {
  snippet("fast.sh");
  snippet("slow.sh");
  runner.script["fast"] = {{.wall = 1.0, .other_cpu = 0.5}};  // every run busy: sampling adds runs
  runner.script["slow"] = {{.wall = 2.0, .other_cpu = 0.5}};
  const std::string slides = "```run\nfile: fast.sh\nruns: 3\nwarmup: 0\nshow: [timing]\n```\n\n"
                             "```run\nfile: slow.sh\nruns: 3\nwarmup: 0\nshow: [timing]\n```\n\n";
  // As in watch's rebuilds: the second build takes them from the cache.
  const RunControls rebuild{.remeasure_busy = false};
  ASSERT_EQ(build_with(rebuild, slides + "```claim\nfaster: fast\nthan: slow\nbudget: 8\n```\n"), 0)
      << status.all_errors();
  size_t fast_runs = snippet_report("fast")["runs"].size();
  ASSERT_GT(fast_runs, 3u) << "sampling added no run";
  ASSERT_EQ(status.busy_warnings.size(), 2u) << ::testing::PrintToString(status.busy_warnings);
  EXPECT_TRUE(contains(status.busy_warnings[0] + status.busy_warnings[1],
                       fmt::format("'fast': the machine was busy during {} of {} runs", fast_runs, fast_runs)))
      << ::testing::PrintToString(status.busy_warnings);
  status = RecordingStatus{};
  ASSERT_EQ(build_with(rebuild, slides + "An edit, and no claim that would sample more.\n"), 0) << status.all_errors();
  EXPECT_EQ(snippet_report("fast")["from_cache"], true);
  EXPECT_TRUE(status.busy_warnings.empty()) << ::testing::PrintToString(status.busy_warnings);
}

// A slide says "machine busy" only when leaving the busy runs out would change a number
// its timing line shows; the report and the terminal still count every busy run.
TEST_F(Pipeline, ASlideSaysBusyOnlyWhenTheBusyRunsMovedANumberItShows) {
  snippet("same.sh");
  snippet("moved.sh");
  // same: the busy run measured what the others did. moved: it is the slowest and
  // shifts the median (2 s with it, 1.5 s without).
  runner.script["same"] = {{.wall = 1.0, .other_cpu = 0.5}, {.wall = 1.0}, {.wall = 1.0}};
  runner.script["moved"] = {{.wall = 3.0, .other_cpu = 0.5}, {.wall = 1.0}, {.wall = 2.0}};
  const std::string slides = "```run\nfile: same.sh\nruns: 3\nwarmup: 0\nshow: [output, timing]\n```\n\n"
                             "```run\nfile: moved.sh\nruns: 3\nwarmup: 0\nshow: [output, timing]\n```\n";
  ASSERT_EQ(build(slides), 0) << status.all_errors();
  EXPECT_FALSE(contains(snippet_html("same"), "machine busy")) << snippet_html("same");
  EXPECT_TRUE(contains(snippet_html("moved"), "machine busy during 1 of 3 runs")) << snippet_html("moved");
  EXPECT_EQ(snippet_report("same")["busy_runs"], 1);
  EXPECT_EQ(status.busy_warnings.size(), 2u) << ::testing::PrintToString(status.busy_warnings);
}

// `busy_notes: false` (front matter: every slide; a run block: its own) hides the note on
// the slide, never in the terminal or the report.
TEST_F(Pipeline, BusyNotesFalseHidesTheSlideNoteOnly) {
  snippet("moved.sh");
  const std::string block = "```run\nfile: moved.sh\nruns: 3\nwarmup: 0\nshow: [output, timing]\n";
  for (const std::string& slides : {"---\nbusy_notes: false\n---\n\n" + block + "```\n",
                                    block + "busy_notes: false\n```\n"}) {
    status = RecordingStatus{};
    runner.script["moved"] = {{.wall = 3.0, .other_cpu = 0.5}, {.wall = 1.0}, {.wall = 2.0}};
    options.force = true;
    ASSERT_EQ(build(slides), 0) << status.all_errors();
    EXPECT_FALSE(contains(snippet_html("moved"), "machine busy")) << slides << snippet_html("moved");
    EXPECT_EQ(snippet_report("moved")["busy_runs"], 1);
    EXPECT_EQ(status.busy_warnings.size(), 1u) << slides;
  }
}

TEST(ResultReport, AFailureIsAnErrorWithTheCompilersWords) {
  PlannedSnippet snippet;
  snippet.spec.id = "broken";
  SnippetResult result;
  result.id = "broken";
  result.outcome = Outcome::failed;
  result.failure = "compile failed";
  result.compile_output = "x.c:1: error: expected ';'\n\n";
  RecordingStatus status;
  report_result(snippet, result, status);
  ASSERT_EQ(status.errors.size(), 1u);
  EXPECT_TRUE(contains(status.errors[0], "snippet 'broken' failed: compile failed\nx.c:1: error: expected ';'"))
      << status.errors[0];
  EXPECT_NE(status.errors[0].back(), '\n');  // trailing blank lines trimmed
}

// --- planning: what runs, how often, with what -------------------------------------

// A run that fails shows, in the terminal too, its exit status and its stderr's tail.
TEST(ResultReport, AFailedRunShowsTheTailOfItsStderr) {
  PlannedSnippet snippet;
  snippet.spec.id = "gil";
  snippet.spec.pos = {"deck/01.md", 4, 1};
  SnippetResult result;
  result.id = "gil";
  result.outcome = Outcome::failed;
  result.failure = "exit status 1";
  for (int i = 1; i <= 14; ++i) result.err.text += fmt::format("frame {}\n", i);
  result.err.text += "ModuleNotFoundError: No module named 'deckgen_trace'\n\n";
  RecordingStatus status;
  report_result(snippet, result, status);
  ASSERT_EQ(status.errors.size(), 1u);
  const std::string& e = status.errors[0];
  EXPECT_TRUE(contains(e, "deck/01.md:4:1: error: snippet 'gil' failed: exit status 1\n  stderr of the last run:\n"
                          "  ...\n  | frame 6\n")) << e;
  EXPECT_TRUE(contains(e, "  | frame 14\n  | ModuleNotFoundError: No module named 'deckgen_trace'")) << e;
  EXPECT_FALSE(contains(e, "frame 5\n")) << "only the last lines";
  EXPECT_NE(e.back(), '\n');
}

TEST_F(Pipeline, WarmupThenTimedRunsInOrder) {
  snippet("a.sh");
  EXPECT_EQ(build("```run\nfile: a.sh\nruns: 4\nwarmup: 2\n```\n"), 0) << status.all_errors();
  EXPECT_EQ(runner.run_indices(), (std::vector<int>{-2, -1, 0, 1, 2, 3}));
  json a = snippet_report("a");
  EXPECT_EQ(a["warmup_runs"], 2);
  EXPECT_EQ(a["runs"].size(), 4u);
  EXPECT_EQ(a["stats"]["wall"]["n"], 4);
}

TEST_F(Pipeline, SnippetsOnOneChartAreMeasuredInAlternatingRounds) {
  snippet("a.sh");
  snippet("b.sh");
  snippet("c.sh");
  EXPECT_EQ(build("```run\nfile: a.sh\nruns: 3\nwarmup: 1\n```\n\n```run\nfile: c.sh\nruns: 2\nwarmup: 0\n"
                  "show: [timing]\n```\n\n```run\nfile: b.sh\nruns: 2\nwarmup: 1\n```\n\n"
                  "```chart\nsnippets: [a, b]\n```\n"),
            0)
      << status.all_errors();
  // Within a round the order is drawn at random: compare each round's runs as a set.
  std::vector<std::pair<std::string, std::string>> order;
  for (const RunRequest& r : runner.snippet_runs) order.push_back({r.env.at("DECKGEN_RUN_INDEX"), r.env.at("DECKGEN_SNIPPET_ID")});
  for (size_t start = 0; start < order.size();) {
    size_t end = start;
    while (end < order.size() && order[end].first == order[start].first) ++end;
    std::sort(order.begin() + static_cast<long>(start), order.begin() + static_cast<long>(end));
    start = end;
  }
  std::vector<std::string> runs;
  for (const auto& [index, id] : order) runs.push_back(id + index);
  EXPECT_EQ(runs, (std::vector<std::string>{"a-1", "b-1", "a0", "b0", "a1", "b1", "a2", "c0", "c1"}));
}

TEST_F(Pipeline, WhenOneSnippetOfAGroupMustRunTheWholeGroupRunsAgain) {
  snippet("a.sh");
  snippet("b.sh");
  snippet("c.sh");
  std::string slides = "```run\nfile: a.sh\nruns: 1\nwarmup: 0\n```\n\n```run\nfile: b.sh\nruns: 1\nwarmup: 0\n```\n\n"
                       "```run\nfile: c.sh\nruns: 1\nwarmup: 0\nshow: [timing]\n```\n\n"
                       "```chart\nsnippets: [a, b]\n```\n";
  ASSERT_EQ(build(slides), 0) << status.all_errors();
  ASSERT_EQ(runner.snippet_runs.size(), 3u);
  snippet("b.sh", "echo changed\n");
  ASSERT_EQ(build(slides), 0) << status.all_errors();
  EXPECT_EQ(runner.snippet_runs.size(), 5u) << "a's cached runs were paired with b's fresh ones";
  EXPECT_EQ(snippet_report("a")["from_cache"], false);
  EXPECT_EQ(snippet_report("b")["from_cache"], false);
  EXPECT_EQ(snippet_report("c")["from_cache"], true);
}

// --baseline with --fail-on-regression judges every built-in metric, not wall time alone:
// here only the peak memory grew, and the JUnit output names it as the failure.
TEST_F(Pipeline, APeakMemoryRegressionFailsTheBaselineCheckAndShowsInJUnit) {
  snippet("a.sh");
  std::string slides = "```run\nfile: a.sh\nruns: 6\nwarmup: 0\nshow: [timing]\n```\n";
  options.use_cache = false;
  runner.script["a"] = {{.wall = 0.100, .rss_kib = 1000}, {.wall = 0.101, .rss_kib = 1001}, {.wall = 0.099, .rss_kib = 999},
                        {.wall = 0.102, .rss_kib = 1002}, {.wall = 0.098, .rss_kib = 998}, {.wall = 0.100, .rss_kib = 1000}};
  ASSERT_EQ(build(slides), 0) << status.all_errors();
  fs::path old = dir.path() / "old.json";
  fs::rename(*options.report, old);
  runner.script["a"] = {{.wall = 0.100, .rss_kib = 4000}, {.wall = 0.101, .rss_kib = 4001}, {.wall = 0.099, .rss_kib = 3999},
                        {.wall = 0.102, .rss_kib = 4002}, {.wall = 0.098, .rss_kib = 3998}, {.wall = 0.100, .rss_kib = 4000}};
  options.baseline = old;
  options.fail_on_regression_percent = 20;
  EXPECT_EQ(build(slides), 1) << "a 4× peak memory passed --fail-on-regression 20";
  EXPECT_TRUE(contains(status.all_errors(), "regression beyond 20%: a rss:")) << status.all_errors();
  std::string junit;
  ASSERT_TRUE(read_file(*options.junit, junit));
  EXPECT_TRUE(contains(junit, "<testcase classname=\"deckgen.baseline\" name=\"a rss\">\n      <failure")) << junit;
  EXPECT_EQ(report()["baseline"]["changes"][0]["metric"], "rss");
  EXPECT_EQ(report()["baseline"]["changes"][0]["regression"], true);
}

TEST_F(Pipeline, NoWarmupAndOneRun) {
  snippet("a.sh");
  EXPECT_EQ(build("```run\nfile: a.sh\nruns: 1\nwarmup: 0\n```\n"), 0);
  EXPECT_EQ(runner.run_indices(), (std::vector<int>{0}));
}

TEST_F(Pipeline, EachRunGetsTheDocumentedEnvironmentAndNothingElse) {
  fs::path file = snippet("env.sh");
  EXPECT_EQ(build("```run\nfile: env.sh\nruns: 2\nwarmup: 1\nargs: [\"4\", \"--fast\"]\nstdin: \"some input\"\n"
                  "env: {WORKERS: \"4\"}\ntimeout: 7\n```\n"),
            0)
      << status.all_errors();
  ASSERT_EQ(runner.snippet_runs.size(), 3u);
  fs::path snippets_dir = fs::weakly_canonical(dir.path() / "snippets");
  std::set<std::string> scratch_dirs;
  for (size_t i = 0; i < runner.snippet_runs.size(); ++i) {
    const RunRequest& r = runner.snippet_runs[i];
    SCOPED_TRACE("run " + std::to_string(i));
    EXPECT_EQ(r.argv, (std::vector<std::string>{"/bin/sh", file.lexically_normal().string(), "4", "--fast"}));
    EXPECT_EQ(r.stdin_data, "some input");
    EXPECT_EQ(r.timeout, std::chrono::seconds(7));
    std::set<std::string> keys;
    for (const auto& [k, v] : r.env) keys.insert(k);
    EXPECT_EQ(keys, (std::set<std::string>{"PATH", "HOME", "TMPDIR", "LANG", "LC_ALL", "PYTHONPATH",
                                           "PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED", "DECKGEN_SNIPPET_ID",
                                           "DECKGEN_RUN_INDEX", "DECKGEN_SCRATCH", "DECKGEN_OUT_DIR",
                                           "DECKGEN_SNIPPETS", "DECKGEN_CPUS", "DECKGEN_PHYSICAL_CORES",
                                           "WORKERS"}));
    // The same counts a claim's machine.cores and machine.physical_cores see (the report's).
    EXPECT_EQ(r.env.at("DECKGEN_CPUS"), std::to_string(report()["provenance"]["machine"]["usable_cores"].get<int>()));
    EXPECT_EQ(r.env.at("DECKGEN_PHYSICAL_CORES"),
              std::to_string(report()["provenance"]["machine"]["usable_physical_cores"].get<int>()));
    EXPECT_EQ(r.env.at("PATH"), std::getenv("PATH"));
    EXPECT_EQ(r.env.at("LANG"), "C.UTF-8");
    EXPECT_EQ(r.env.at("WORKERS"), "4");
    EXPECT_EQ(r.env.at("DECKGEN_SNIPPET_ID"), "env");
    EXPECT_EQ(r.env.at("DECKGEN_RUN_INDEX"), std::to_string(static_cast<int>(i) - 1));
    std::string python_path = r.env.at("PYTHONPATH");
    EXPECT_EQ(fs::weakly_canonical(python_path.substr(0, python_path.find(':'))), snippets_dir);
    // The cwd is the private scratch folder, which is also HOME; it exists during the run.
    EXPECT_EQ(r.env.at("DECKGEN_SCRATCH"), r.work_dir.string());
    EXPECT_EQ(r.env.at("HOME"), r.work_dir.string());
    EXPECT_TRUE(runner.work_dir_existed[i]);
    EXPECT_EQ(fs::path(r.env.at("DECKGEN_OUT_DIR")).parent_path(), r.work_dir);
    scratch_dirs.insert(r.work_dir.string());
  }
  EXPECT_EQ(scratch_dirs.size(), 3u) << "each run has its own scratch folder";
  for (const std::string& scratch : scratch_dirs) EXPECT_FALSE(fs::exists(scratch)) << scratch << " was not removed";
}

// deckgen's own trace helpers come after the snippets folder, on the import path of every
// run and the include path (CPATH) of every compile, and exist while they run.
TEST_F(Pipeline, TraceHelpersFollowTheSnippetsFolderOnBothPaths) {
  snippet("a.py", "import deckgen_trace\n");
  snippet("c.c", "#include <deckgen_trace.h>\nint main(void) { return 0; }\n");
  std::vector<std::string> helper_texts;
  runner.during_run = [&](const RunRequest& r) {
    std::string path = r.env.at("PYTHONPATH");
    size_t colon = path.find(':');
    ASSERT_NE(colon, std::string::npos) << path;
    EXPECT_EQ(fs::weakly_canonical(path.substr(0, colon)), fs::weakly_canonical(dir.path() / "snippets"));
    std::string text;
    EXPECT_TRUE(read_file(fs::path(path.substr(colon + 1)) / "deckgen_trace.py", text));
    helper_texts.push_back(text);
  };
  EXPECT_EQ(build("```run\nfile: a.py\nruns: 1\nwarmup: 0\n```\n\n```run\nfile: c.c\nruns: 1\nwarmup: 0\n```\n"), 0)
      << status.all_errors();
  ASSERT_EQ(helper_texts.size(), 2u);
  EXPECT_EQ(helper_texts[0], embedded_asset(Asset_id::trace_py));
  ASSERT_EQ(runner.compiles.size(), 1u);
  const RunRequest& c = runner.compiles[0];
  ASSERT_EQ(c.env.count("CPATH"), 1u);
  EXPECT_EQ(fs::path(c.env.at("CPATH")), fs::path(runner.snippet_runs[0].env.at("PYTHONPATH").substr(
                                               runner.snippet_runs[0].env.at("PYTHONPATH").find(':') + 1)));
  // The folder is deckgen's own, kept for the process (`watch` builds many times), and a
  // helper a snippet changed is written again before the next build's runs.
  fs::path folder = c.env.at("CPATH");
  write_file_atomically(folder / "deckgen_trace.py", "changed by a snippet\n");
  fs::remove(folder / "deckgen_trace.h");
  helper_texts.clear();
  EXPECT_EQ(build("```run\nfile: a.py\nruns: 2\nwarmup: 0\n```\n"), 0) << status.all_errors();
  ASSERT_FALSE(helper_texts.empty());
  EXPECT_EQ(helper_texts.back(), embedded_asset(Asset_id::trace_py));
  std::string header;
  EXPECT_TRUE(read_file(folder / "deckgen_trace.h", header));
  EXPECT_EQ(header, embedded_asset(Asset_id::trace_h));
}

TEST_F(Pipeline, NoStdinMeansDevNullAndNoTraceVariable) {
  snippet("a.sh");
  EXPECT_EQ(build("```run\nfile: a.sh\nruns: 1\nwarmup: 0\n```\n"), 0);
  ASSERT_EQ(runner.snippet_runs.size(), 1u);
  EXPECT_EQ(runner.snippet_runs[0].stdin_data, std::nullopt);
  EXPECT_EQ(runner.snippet_runs[0].env.count("DECKGEN_TRACE"), 0u);
  EXPECT_EQ(runner.snippet_runs[0].timeout, std::chrono::seconds(30));
}

TEST_F(Pipeline, HarnessOverheadIsMeasuredOnceBeforeTheSnippets) {
  snippet("a.sh");
  snippet("b.sh");
  EXPECT_EQ(build("```run\nfile: a.sh\n```\n\n```run\nfile: b.sh\n```\n"), 0);
  EXPECT_EQ(runner.true_runs, 21);   // one warmup, 20 timed
  EXPECT_EQ(runner.python_runs, 0);  // no Python snippet: no interpreter start measured
  EXPECT_EQ(runner.snippet_runs_before_overhead_done, 0u);
  json overhead = report()["provenance"]["harness_overhead"];
  EXPECT_EQ(overhead["true_wall"]["n"], 20);
  EXPECT_DOUBLE_EQ(overhead["true_wall"]["median"].get<double>(), runner.true_wall);
  EXPECT_EQ(overhead["python_start_wall"]["n"], 0);
}

TEST_F(Pipeline, PythonStartIsMeasuredWhenAPythonSnippetRuns) {
  if (!fs::exists("/usr/bin/python3")) GTEST_SKIP() << "no /usr/bin/python3";
  snippet("p.py", "print(1)\n");
  EXPECT_EQ(build("---\npython: /usr/bin/python3\n---\n```run\nfile: p.py\n```\n"), 0) << status.all_errors();
  EXPECT_EQ(runner.python_runs, 11);
  json overhead = report()["provenance"]["harness_overhead"];
  EXPECT_EQ(overhead["python_start_wall"]["n"], 10);
  EXPECT_DOUBLE_EQ(overhead["python_start_wall"]["median"].get<double>(), runner.python_start_wall);
  ASSERT_FALSE(runner.snippet_runs.empty());
  EXPECT_TRUE(fs::path(runner.snippet_runs[0].argv[0]).is_absolute());
  EXPECT_EQ(fs::path(runner.snippet_runs[0].argv[1]).filename(), "p.py");
}

TEST_F(Pipeline, CompiledLanguagesCompileOnceThenRunTheProgram) {
  fs::path file = snippet("c.c", "int main(void) { return 0; }\n");
  runner.compile = {.wall = 0.75};
  EXPECT_EQ(build("```run\nfile: c.c\nruns: 3\nshow: [timing]\n```\n"), 0) << status.all_errors();
  ASSERT_EQ(runner.compiles.size(), 1u);
  const RunRequest& c = runner.compiles[0];
  EXPECT_TRUE(fs::path(c.argv[0]).is_absolute()) << c.argv[0];
  EXPECT_NE(std::find(c.argv.begin(), c.argv.end(), file.lexically_normal().string()), c.argv.end());
  auto o = std::find(c.argv.begin(), c.argv.end(), "-o");
  ASSERT_NE(o, c.argv.end());
  ASSERT_EQ(runner.snippet_runs.size(), 4u);
  for (const RunRequest& r : runner.snippet_runs) EXPECT_EQ(r.argv, (std::vector<std::string>{*(o + 1)}));
  json report_c = snippet_report("c");
  EXPECT_EQ(report_c["compiled"], true);
  EXPECT_DOUBLE_EQ(report_c["compile_seconds"].get<double>(), 0.75);
  EXPECT_TRUE(contains(snippet_html("c"), "compiled in 750 ms"));
}

TEST_F(Pipeline, ACompileErrorRunsNothingAndShowsTheDiagnostics) {
  snippet("bad.cpp", "int main() { return x; }\n");
  runner.compile = {.exit_code = 1, .err = "bad.cpp:1:21: error: 'x' was not declared in this scope\n"};
  EXPECT_EQ(build("```run\nfile: bad.cpp\n```\n"), 1);
  EXPECT_TRUE(runner.snippet_runs.empty());
  json r = snippet_report("bad");
  EXPECT_EQ(r["outcome"], "failed");
  EXPECT_EQ(r["failure"], "compilation failed");
  std::string html = snippet_html("bad");
  EXPECT_TRUE(contains(html, "snippet-error"));
  EXPECT_TRUE(contains(html, "&#39;x&#39; was not declared") || contains(html, "&#x27;x&#x27; was not declared") ||
              contains(html, "'x' was not declared"))
      << html;
}

TEST_F(Pipeline, PathsOnSlidesAreRelativeToTheDeckWhileTheReportKeepsTheProgramsText) {
  fs::path file = snippet("bad.cpp", "int main() { return x; }\n");
  std::string absolute = fs::absolute(file).lexically_normal().generic_string();
  runner.compile = {.exit_code = 1, .err = absolute + ":1:21: error: 'x' was not declared\n"};
  EXPECT_EQ(build("```run\nfile: bad.cpp\n```\n"), 1);
  std::string html = snippet_html("bad");
  EXPECT_TRUE(contains(html, "../snippets/bad.cpp:1:21: error")) << html;
  EXPECT_FALSE(contains(deck(), absolute)) << "the slide shows the build machine's path";
}

TEST_F(Pipeline, TheMeasuredOnSlideCanGoBeforeTheClosingSlide) {
  snippet("a.sh");
  std::string slides = "# Talk\n\n```run\nfile: a.sh\n```\n\n---\n\n# Questions?\n";
  ASSERT_EQ(build(slides), 0) << status.all_errors();
  std::string page = deck();
  EXPECT_LT(page.find("Questions?"), page.find("Measured on")) << "by default it is the last slide";
  ASSERT_EQ(build("---\nprovenance: before_last\n---\n" + slides), 0) << status.all_errors();
  page = deck();
  EXPECT_LT(page.find("Measured on"), page.find("Questions?"));
}

// --- compiled programs kept between builds (the cache's bin/) -------------------------

// One C snippet with `runs` timed runs and no warmup, its timing on the slide.
std::string c_block(int runs, const std::string& file = "c.c") {
  return fmt::format("```run\nfile: {}\nruns: {}\nwarmup: 0\nshow: [timing]\n```\n", file, runs);
}

TEST_F(Pipeline, ChangingOnlyTheRunsRunsTheKeptProgramWithoutCompiling) {
  snippet("c.c", "int main(void) { return 0; }\n");
  runner.compile = {.wall = 0.75, .err = "c.c:1: warning: unused\n"};
  ASSERT_EQ(build(c_block(2)), 0) << status.all_errors();
  ASSERT_EQ(runner.compiles.size(), 1u);
  EXPECT_EQ(snippet_report("c")["compile_reused"], false);
  EXPECT_TRUE(contains(snippet_html("c"), "compiled in 750 ms.")) << snippet_html("c");
  EXPECT_TRUE(fs::is_directory(dir.path() / "deck/.deckgen-cache/bin"));

  runner.compile.wall = 9;  // what a compile now would report
  std::vector<std::string> programs;  // the text of the program each run starts
  runner.during_run = [&](const RunRequest& r) {
    std::string text;
    programs.push_back(read_file(r.argv[0], text) ? text : "(missing)");
  };
  ASSERT_EQ(build(c_block(3)), 0) << status.all_errors();
  EXPECT_EQ(runner.compiles.size(), 1u) << "compiled again";
  EXPECT_EQ(programs, std::vector<std::string>(3, "#!/bin/sh\n# compile 1\n")) << "the first build's program runs";
  ASSERT_EQ(runner.snippet_runs.size(), 5u);
  EXPECT_NE(runner.snippet_runs.back().argv, runner.snippet_runs.front().argv) << "in this build's own folder";
  json c = snippet_report("c");
  EXPECT_EQ(c["from_cache"], false);
  EXPECT_EQ(c["runs"].size(), 3u);
  EXPECT_EQ(c["compiled"], true);
  EXPECT_EQ(c["compile_reused"], true);
  EXPECT_DOUBLE_EQ(c["compile_seconds"].get<double>(), 0.75) << "the recorded compile, not a new one";
  EXPECT_TRUE(contains(snippet_html("c"), "compiled in 750 ms by an earlier build")) << snippet_html("c");
  EXPECT_TRUE(status.warnings.empty()) << status.warnings.front();
}

TEST_F(Pipeline, OnlyRerunsTheKeptProgramAndForceCompilesAgain) {
  snippet("c.c", "int main(void) { return 0; }\n");
  ASSERT_EQ(build(c_block(1)), 0) << status.all_errors();
  options.only = {"c"};
  ASSERT_EQ(build(c_block(1)), 0) << status.all_errors();
  EXPECT_EQ(snippet_report("c")["compile_reused"], true);
  EXPECT_EQ(runner.compiles.size(), 1u);
  options.only.clear();
  options.force = true;  // trusts nothing stored
  ASSERT_EQ(build(c_block(1)), 0) << status.all_errors();
  EXPECT_EQ(snippet_report("c")["compile_reused"], false);
  EXPECT_EQ(runner.compiles.size(), 2u);
  options.force = false;
  options.only = {"c"};  // and what --force compiled is kept for the next rerun
  ASSERT_EQ(build(c_block(1)), 0) << status.all_errors();
  EXPECT_EQ(snippet_report("c")["compile_reused"], true);
  EXPECT_EQ(runner.compiles.size(), 2u);
  EXPECT_EQ(runner.snippet_runs.size(), 4u) << "each build ran it";
}

TEST_F(Pipeline, NoCacheCompilesEveryTimeAndKeepsNoProgram) {
  snippet("c.c", "int main(void) { return 0; }\n");
  options.use_cache = false;
  ASSERT_EQ(build(c_block(1)), 0) << status.all_errors();
  ASSERT_EQ(build(c_block(2)), 0) << status.all_errors();
  ASSERT_EQ(build(c_block(2)), 0) << status.all_errors();
  EXPECT_EQ(runner.compiles.size(), 3u);
  EXPECT_EQ(snippet_report("c")["compile_reused"], false);
  EXPECT_FALSE(fs::exists(dir.path() / "deck/.deckgen-cache/bin"));
}

TEST_F(Pipeline, AChangedSourceCompilesAgain) {
  snippet("c.c", "int main(void) { return 0; }\n");
  ASSERT_EQ(build(c_block(1)), 0) << status.all_errors();
  snippet("c.c", "int main(void) { return 1 - 1; }\n");
  ASSERT_EQ(build(c_block(2)), 0) << status.all_errors();
  EXPECT_EQ(runner.compiles.size(), 2u);
  EXPECT_EQ(snippet_report("c")["compile_reused"], false);
  // The next change of runs reuses the new program, not the old one.
  std::string program;
  runner.during_run = [&](const RunRequest& r) { read_file(r.argv[0], program); };
  ASSERT_EQ(build(c_block(3)), 0) << status.all_errors();
  EXPECT_EQ(runner.compiles.size(), 2u);
  EXPECT_EQ(program, "#!/bin/sh\n# compile 2\n");
}

TEST_F(Pipeline, AFailedCompileIsNotKept) {
  snippet("c.c", "int main(void) { return x; }\n");
  runner.compile = {.exit_code = 1, .err = "c.c:1: error: 'x' undeclared\n"};
  EXPECT_EQ(build(c_block(1)), 1);
  EXPECT_FALSE(fs::exists(dir.path() / "deck/.deckgen-cache/bin")) << "the failed compile's output was kept";
  runner.compile = {};  // the same source now compiles (say, a header outside the key was fixed)
  EXPECT_EQ(build(c_block(1)), 0) << status.all_errors();
  EXPECT_EQ(runner.compiles.size(), 2u);
  EXPECT_EQ(snippet_report("c")["compile_reused"], false);
}

TEST_F(Pipeline, AMissingKeptProgramIsCompiledAgain) {
  snippet("c.c", "int main(void) { return 0; }\n");
  ASSERT_EQ(build(c_block(1)), 0) << status.all_errors();
  for (const auto& entry : fs::directory_iterator(dir.path() / "deck/.deckgen-cache/bin"))
    if (entry.path().extension() != ".json") fs::remove(entry.path());
  ASSERT_EQ(build(c_block(2)), 0) << status.all_errors();
  EXPECT_EQ(runner.compiles.size(), 2u);
  EXPECT_EQ(snippet_report("c")["compile_reused"], false);
  ASSERT_EQ(build(c_block(3)), 0) << status.all_errors();
  EXPECT_EQ(runner.compiles.size(), 2u) << "kept again after the second compile";
}

// A truncated, emptied or edited program in the cache would fail every later build with
// "Exec format error": it is a miss with a warning and compiled again.
TEST_F(Pipeline, ADamagedKeptProgramIsCompiledAgainWithAWarning) {
  snippet("c.c", "int main(void) { return 0; }\n");
  ASSERT_EQ(build(c_block(1)), 0) << status.all_errors();
  for (const auto& entry : fs::directory_iterator(dir.path() / "deck/.deckgen-cache/bin"))
    if (entry.path().extension() != ".json") fs::resize_file(entry.path(), 3);
  std::vector<std::string> programs;
  runner.during_run = [&](const RunRequest& r) {
    std::string text;
    programs.push_back(read_file(r.argv[0], text) ? text : "(missing)");
  };
  ASSERT_EQ(build(c_block(2)), 0) << status.all_errors();
  EXPECT_EQ(runner.compiles.size(), 2u);
  EXPECT_EQ(snippet_report("c")["compile_reused"], false);
  EXPECT_EQ(programs, std::vector<std::string>(2, "#!/bin/sh\n# compile 2\n"));
  ASSERT_EQ(status.warnings.size(), 1u);
  EXPECT_TRUE(contains(status.warnings[0], "compiling again")) << status.warnings[0];
  ASSERT_EQ(build(c_block(3)), 0) << status.all_errors();
  EXPECT_EQ(runner.compiles.size(), 2u) << "the new program is kept in place of the damaged one";
}

TEST_F(Pipeline, ALanguageBuildingIntoItsFolderIsAlwaysCompiled) {
  // Its program may be more than {exe}: keeping one file would not keep it.
  snippet("c.c", "int main(void) { return 0; }\n");
  std::string front = "---\nlanguages:\n  c: {extensions: [.c], compile: [cc, \"{file}\", -o, \"{dir}/prog\"], "
                      "run: [\"{dir}/prog\"]}\n---\n";
  ASSERT_EQ(build(front + c_block(1)), 0) << status.all_errors();
  ASSERT_EQ(build(front + c_block(2)), 0) << status.all_errors();
  EXPECT_EQ(runner.compiles.size(), 2u);
  EXPECT_FALSE(fs::exists(dir.path() / "deck/.deckgen-cache/bin"));
}

TEST_F(Pipeline, TheParallelSchedulerRunsKeptProgramsToo) {
  snippet("timed.c", "int main(void) { return 0; }\n");
  snippet("untimed.cpp", "int main() {}\n");
  SharedRunner main(runner);
  Runners runners{main, [&] { return std::make_unique<SharedRunner>(runner); }, 2, nullptr};
  auto build_with_runs = [&](int runs) {
    dir.write("deck/01.md", fmt::format("{}\n```run\nfile: untimed.cpp\nruns: {}\n```\n", c_block(runs, "timed.c"), runs));
    options.inputs = {dir.path() / "deck"};
    return run_command(options, status, runners);
  };
  ASSERT_EQ(build_with_runs(1), 0) << status.all_errors();
  ASSERT_EQ(runner.compiles.size(), 2u);
  ASSERT_EQ(build_with_runs(2), 0) << status.all_errors();
  EXPECT_EQ(runner.compiles.size(), 2u);
  EXPECT_EQ(snippet_report("timed")["compile_reused"], true);
  EXPECT_EQ(snippet_report("untimed")["compile_reused"], true);
  EXPECT_EQ(snippet_report("untimed")["runs"].size(), 2u);
}

// A snippet whose timing nothing showed ran in the parallel phase, beside other work:
// its figures must not be reused once a slide shows them.
TEST_F(Pipeline, AResultMeasuredWhileSharingTheMachineIsNotReusedForATimedUse) {
  snippet("a.sh");
  snippet("b.sh");
  SharedRunner main(runner);
  Runners runners{main, [&] { return std::make_unique<SharedRunner>(runner); }, 2, nullptr};
  auto build_showing = [&](const std::string& show_a) {
    dir.write("deck/01.md", "```run\nfile: a.sh\nruns: 1\nwarmup: 0\n" + show_a +
                                "```\n\n```run\nfile: b.sh\nruns: 1\nwarmup: 0\n```\n");
    options.inputs = {dir.path() / "deck"};
    return run_command(options, status, runners);
  };
  ASSERT_EQ(build_showing(""), 0) << status.all_errors();
  ASSERT_EQ(runner.snippet_runs.size(), 2u);
  ASSERT_EQ(build_showing("show: [timing]\n"), 0) << status.all_errors();
  EXPECT_EQ(runner.snippet_runs.size(), 3u) << "a's shared-phase timing was reused as if measured alone";
  EXPECT_EQ(snippet_report("a")["from_cache"], false);
  EXPECT_EQ(snippet_report("b")["from_cache"], true);
  ASSERT_EQ(build_showing("show: [timing]\n"), 0) << status.all_errors();
  EXPECT_EQ(runner.snippet_runs.size(), 3u) << "the timed result is reused";
}

// Issue 22, item 1: in a parallel build the untimed snippets run two at a time, so the
// /proc/stat reading around each holds its neighbour's CPU. That says nothing of the rest
// of the machine: such runs are not judged (neither busy nor clean), while the same
// reading on a run made alone is judged busy. On the idle workshop, 12 of 19 such runs
// were flagged "busy" before.
TEST_F(Pipeline, RunsMadeBesideDeckgensOwnWorkAreNotJudgedBusy) {
  snippet("a.sh");
  snippet("b.sh");
  runner.script["a"] = {{.wall = 0.5, .other_cpu = 0.4}};
  runner.script["b"] = {{.wall = 0.5, .other_cpu = 0.4}};
  const std::string deck = "```run\nfile: a.sh\nruns: 1\nwarmup: 0\n```\n\n```run\nfile: b.sh\nruns: 1\nwarmup: 0\n```\n";
  SharedRunner main(runner);
  Runners parallel{main, [&] { return std::make_unique<SharedRunner>(runner); }, 2, nullptr};
  dir.write("deck/01.md", deck);
  options.inputs = {dir.path() / "deck"};
  ASSERT_EQ(run_command(options, status, parallel), 0) << status.all_errors();
  for (const char* id : {"a", "b"}) {
    EXPECT_TRUE(snippet_report(id)["runs"][0]["busy"].is_null()) << id;
    EXPECT_TRUE(snippet_report(id)["runs"][0]["other_cpu_seconds"].is_null()) << id;
  }
  // The same readings with one runner: each run was alone, so the reading is the machine's.
  options.force = true;
  Runners alone = Runners::single(runner);
  ASSERT_EQ(run_command(options, status, alone), 0) << status.all_errors();
  for (const char* id : {"a", "b"}) EXPECT_EQ(snippet_report(id)["runs"][0]["busy"], true) << id;
}

// Issue 24, item 2: a source edited while it ran and restored after was the edit's
// output shown under the original code by the next build, from the cache.
TEST_F(Pipeline, ASourceChangedWhileItRanIsNotKeptUnderItsOldKey) {
  snippet("a.sh", "echo original\n");
  const std::string block = "```run\nfile: a.sh\nruns: 1\nwarmup: 0\n```\n";
  runner.during_run = [&](const RunRequest&) { snippet("a.sh", "echo edited\n"); };
  ASSERT_EQ(build(block), 0) << status.all_errors();
  EXPECT_TRUE(std::any_of(status.warnings.begin(), status.warnings.end(),
                          [](const std::string& w) { return contains(w, "snippet 'a' changed while it ran"); }));
  runner.during_run = nullptr;
  snippet("a.sh", "echo original\n");  // restored
  ASSERT_EQ(build(block), 0) << status.all_errors();
  EXPECT_EQ(runner.snippet_runs.size(), 2u) << "the edited run was kept under the original's key";
  EXPECT_EQ(snippet_report("a")["from_cache"], false);
  ASSERT_EQ(build(block), 0) << status.all_errors();
  EXPECT_EQ(runner.snippet_runs.size(), 2u) << "an unchanged run is kept";
}

TEST_F(Pipeline, CleanRemovesTheKeptPrograms) {
  snippet("c.c", "int main(void) { return 0; }\n");
  ASSERT_EQ(build(c_block(1)), 0) << status.all_errors();
  ASSERT_FALSE(fs::is_empty(dir.path() / "deck/.deckgen-cache/bin"));
  options.command = Command::clean;
  EXPECT_EQ(run_command(options, status, Runners::single(runner)), 0) << status.all_errors();
  EXPECT_FALSE(fs::exists(dir.path() / "deck/.deckgen-cache"));
  options.command = Command::build;
  ASSERT_EQ(build(c_block(2)), 0) << status.all_errors();
  EXPECT_EQ(runner.compiles.size(), 2u);
}

// --- placeholders ---------------------------------------------------------------------

// `{{a.wall<TAB>}}` was parsed trimmed but looked up untrimmed: "n/a" on a build that passed.
TEST_F(Pipeline, APlaceholderWithATabShowsItsValue) {
  snippet("a.sh");
  runner.script["a"] = {{.wall = 0.25}};
  ASSERT_EQ(build("```run\nfile: a.sh\nruns: 1\nwarmup: 0\n```\n\ntook {{a.wall\t}}\n"), 0) << status.all_errors();
  std::string page = deck();
  EXPECT_TRUE(contains(page, "data-placeholder=\"a.wall\">250 ms</span>"));
  EXPECT_FALSE(contains(page, ">n/a<"));
}

// --- stopping early -------------------------------------------------------------------

TEST_F(Pipeline, AFailingRunStopsTheRemainingRuns) {
  snippet("flaky.sh");
  runner.script["flaky"] = {{.wall = 0.1}, {.wall = 0.2}, {.wall = 0.3, .exit_code = 3, .err = "boom\n"}, {.wall = 0.4}};
  EXPECT_EQ(build("```run\nfile: flaky.sh\nruns: 5\nwarmup: 1\n```\n"), 1);
  EXPECT_EQ(runner.run_indices(), (std::vector<int>{-1, 0, 1}));
  json r = snippet_report("flaky");
  EXPECT_EQ(r["outcome"], "failed");
  EXPECT_EQ(r["failure"], "exit status 3");
  ASSERT_EQ(r["runs"].size(), 2u);
  EXPECT_EQ(r["runs"][1]["exit_code"], 3);
}

TEST_F(Pipeline, AFailingWarmupStopsBeforeAnyTimedRun) {
  snippet("crash.sh");
  runner.script["crash"] = {{.signal = SIGSEGV}};
  EXPECT_EQ(build("```run\nfile: crash.sh\nruns: 5\nwarmup: 2\nshow: [output, timing]\n```\n"), 1);
  EXPECT_EQ(runner.run_indices(), (std::vector<int>{-2}));
  json r = snippet_report("crash");
  EXPECT_EQ(r["runs"].size(), 0u);
  EXPECT_EQ(r["failure"], "killed by signal 11 (Segmentation fault)");
  EXPECT_FALSE(contains(snippet_html("crash"), "class=\"timing\"")) << "no timing line without timed runs";
}

TEST_F(Pipeline, ATimeoutStopsAndSaysSo) {
  snippet("slow.sh");
  runner.script["slow"] = {{.wall = 2.0, .out = "so far\n", .timed_out = true}};
  EXPECT_EQ(build("```run\nfile: slow.sh\ntimeout: 2\nruns: 3\nwarmup: 0\n```\n"), 1);
  EXPECT_EQ(runner.snippet_runs.size(), 1u);
  EXPECT_EQ(snippet_report("slow")["runs"][0]["timed_out"], true);
  std::string html = snippet_html("slow");
  EXPECT_TRUE(contains(html, "timed out after 2 s")) << html;
  EXPECT_TRUE(contains(html, "so far")) << "the output so far is shown";
}

TEST_F(Pipeline, AnExpectedFailureRunsEveryRun) {
  snippet("oops.sh");
  runner.script["oops"] = {{.exit_code = 1, .out = "Traceback\n"}};
  EXPECT_EQ(build("```run\nfile: oops.sh\nruns: 3\nwarmup: 1\nexpect: {fails: true}\n```\n"), 0);
  EXPECT_EQ(runner.snippet_runs.size(), 4u);
}

// --- statistics reach the report ------------------------------------------------------

TEST_F(Pipeline, StatisticsOfTheScriptedTimesAreExactInTheReport) {
  snippet("t.sh");
  // The warmup's 100 s must not count; the 8 s run is an outlier.
  runner.script["t"] = {{.wall = 100},
                        {.wall = 2.0, .user = 1.0, .sys = 0.25, .rss_kib = 1000},
                        {.wall = 2.5, .user = 1.0, .sys = 0.25, .rss_kib = 3000},
                        {.wall = 1.5, .user = 1.0, .sys = 0.25, .rss_kib = 2000},
                        {.wall = 2.25, .user = 1.0, .sys = 0.25, .rss_kib = 2000},
                        {.wall = 8.0, .user = 1.0, .sys = 0.25, .rss_kib = 2000}};
  EXPECT_EQ(build("```run\nfile: t.sh\nruns: 5\nwarmup: 1\nshow: [timing]\n```\n"), 0);
  json r = snippet_report("t");
  ASSERT_EQ(r["runs"].size(), 5u);
  std::vector<double> walls;
  for (const json& run : r["runs"]) walls.push_back(run["wall_seconds"]);
  EXPECT_EQ(walls, (std::vector<double>{2.0, 2.5, 1.5, 2.25, 8.0}));
  json wall = r["stats"]["wall"];
  EXPECT_EQ(wall["n"], 5);
  EXPECT_EQ(wall["median"].get<double>(), 2.25);
  EXPECT_EQ(wall["mad"].get<double>(), 0.25);  // deviations 0.25 0.25 0.75 0 5.75
  EXPECT_EQ(wall["mean"].get<double>(), 3.25);
  EXPECT_DOUBLE_EQ(wall["stddev"].get<double>(), std::sqrt(28.75 / 4));  // sample σ
  EXPECT_EQ(wall["min"].get<double>(), 1.5);
  EXPECT_EQ(wall["max"].get<double>(), 8.0);
  EXPECT_EQ(wall["outliers"], json::array({4}));
  EXPECT_EQ(wall["unstable"], true);
  EXPECT_EQ(r["stats"]["cpu"]["median"].get<double>(), 1.25);
  EXPECT_EQ(r["stats"]["rss"]["median"].get<double>(), 2000.0 * 1024);
  EXPECT_EQ(r["runs"][1]["max_rss_bytes"], 3000 * 1024);

  std::string html = snippet_html("t");
  EXPECT_TRUE(contains(html, "2.25 s ± 250 ms (n=5)")) << html;
  EXPECT_TRUE(contains(html, "1 outlier(s)")) << html;
  EXPECT_TRUE(contains(html, "unstable")) << html;
  EXPECT_TRUE(contains(html, "peak RSS 1.9 MiB") || contains(html, "peak RSS 2.0 MiB")) << html;
  EXPECT_TRUE(contains(html, "5 timed run(s) after 1 warmup(s)")) << html;
}

TEST_F(Pipeline, MetricsASnippetWritesReachTheReport) {
  snippet("m.sh");
  int value = 10;
  runner.during_run = [&](const RunRequest& r) {
    std::ofstream(fs::path(r.env.at("DECKGEN_OUT_DIR")) / "metrics-1.json")
        << "{\"metrics\": {\"ns_per_op\": {\"value\": " << value++ << ", \"unit\": \"ns\"}}}";
  };
  EXPECT_EQ(build("```run\nfile: m.sh\nruns: 3\nwarmup: 1\n```\n"), 0);
  json m = snippet_report("m")["metrics"]["ns_per_op"];
  EXPECT_EQ(m["unit"], "ns");
  EXPECT_EQ(m["values"], json::array({11, 12, 13})) << "the warmup's metric does not count";
  EXPECT_EQ(m["stats"]["median"].get<double>(), 12);
}

// --- expectations ---------------------------------------------------------------------

struct ExpectationCase {
  const char* name;
  const char* expect;  // the block's expect: value (YAML flow)
  Scripted run;
  const char* failure;  // "" when the snippet passes
};

void PrintTo(const ExpectationCase& c, std::ostream* os) { *os << c.name; }

class Expectations : public Pipeline, public ::testing::WithParamInterface<ExpectationCase> {};

TEST_P(Expectations, Verdict) {
  const ExpectationCase& c = GetParam();
  snippet("e.sh");
  runner.script["e"] = {c.run};
  int code = build(fmt::format("```run\nfile: e.sh\nruns: 1\nwarmup: 0\nexpect: {}\n```\n", c.expect));
  json r = snippet_report("e");
  if (std::string(c.failure).empty()) {
    EXPECT_EQ(code, 0);
    EXPECT_EQ(r["outcome"], "passed") << r["failure"];
    EXPECT_TRUE(status.errors.empty()) << status.all_errors();
  } else {
    EXPECT_EQ(code, 1);
    EXPECT_EQ(r["outcome"], "failed");
    EXPECT_EQ(r["failure"], c.failure);
    ASSERT_EQ(status.errors.size(), 1u);
    EXPECT_TRUE(contains(status.errors[0], "01.md:1:1: error: snippet 'e' failed: " + std::string(c.failure)))
        << status.errors[0];
  }
}

INSTANTIATE_TEST_SUITE_P(
    Pipeline, Expectations,
    ::testing::Values(
        ExpectationCase{"ExitZeroPasses", "{}", {}, ""},
        ExpectationCase{"NonZeroFails", "{}", {.exit_code = 2}, "exit status 2"},
        ExpectationCase{"ExpectedExitCode", "{exit: 3}", {.exit_code = 3}, ""},
        ExpectationCase{"WrongExitCode", "{exit: 3}", {.exit_code = 0}, "exit status 0 (expected exit status 3)"},
        ExpectationCase{"StdoutContains", "{stdout: hello}", {.out = "oh hello there\n"}, ""},
        ExpectationCase{"StdoutLacks", "{stdout: hello}", {.out = "bye\n"}, "stdout does not contain \"hello\""},
        ExpectationCase{"StdoutMatches", "{stdout_matches: 'took \\d+ ms'}", {.out = "it took 12 ms\n"}, ""},
        ExpectationCase{"StdoutMisses", "{stdout_matches: 'took \\d+ ms'}", {.out = "took many ms\n"},
                        "stdout does not match /took \\d+ ms/"},
        ExpectationCase{"StderrContains", "{stderr: Traceback}", {.err = "Traceback (most recent call last)\n"}, ""},
        ExpectationCase{"StdoutIsNotStderr", "{stderr: Traceback}", {.out = "Traceback\n"},
                        "stderr does not contain \"Traceback\""},
        ExpectationCase{"StderrMatches", "{stderr_matches: '^Error: [a-z]+'}", {.err = "Error: bad\n"}, ""},
        ExpectationCase{"ExpectedFailureFails", "{fails: true}", {.exit_code = 1}, ""},
        ExpectationCase{"ExpectedFailureSignal", "{fails: true}", {.signal = SIGABRT}, ""},
        ExpectationCase{"ExpectedFailureSucceeds", "{fails: true}", {}, "expected to fail, but exited with status 0"},
        ExpectationCase{"ExpectedFailureWithText", "{fails: true, stderr: ZeroDivisionError}",
                        {.exit_code = 1, .err = "Traceback\nValueError\n"}, "stderr does not contain \"ZeroDivisionError\""},
        ExpectationCase{"Signal", "{}", {.signal = SIGKILL}, "killed by signal 9 (Killed)"},
        ExpectationCase{"CouldNotStart", "{}", {.started = false}, "could not start: No such file or directory"}),
    [](const auto& info) { return std::string(info.param.name); });

// --- rendering ------------------------------------------------------------------------

TEST_F(Pipeline, AnUnexpectedFailureIsAnErrorBoxWithTheEndOfStderr) {
  snippet("f.sh");
  std::string err;
  for (int i = 1; i <= 40; ++i) err += fmt::format("line {}\n", i);
  runner.script["f"] = {{.exit_code = 4, .out = "partial\n", .err = err + "FATAL <b>oops</b>\n"}};
  EXPECT_EQ(build("```run\nfile: f.sh\nruns: 1\nwarmup: 0\n```\n"), 1);
  std::string html = snippet_html("f");
  EXPECT_TRUE(contains(deck(), "<div class=\"snippet failed\" data-snippet=\"f\"")) << html;
  EXPECT_TRUE(contains(html, "role=\"alert\"")) << html;
  EXPECT_TRUE(contains(html, "f: exit status 4")) << html;
  EXPECT_TRUE(contains(html, "FATAL &lt;b&gt;oops&lt;/b&gt;")) << html;
  EXPECT_FALSE(contains(html, "<b>oops")) << html;
  EXPECT_FALSE(contains(html, "line 1\n")) << "only the tail of stderr is shown";
  EXPECT_TRUE(contains(html, "partial")) << "stdout is still shown";
}

TEST_F(Pipeline, AnExpectedFailureShowsItsOutputWithoutAnErrorBox) {
  snippet("x.sh");
  runner.script["x"] = {{.exit_code = 1, .out = "before\n", .err = "ZeroDivisionError: division by zero\n"}};
  EXPECT_EQ(build("```run\nfile: x.sh\nruns: 1\nwarmup: 0\nexpect: {fails: true}\n```\n"), 0);
  std::string html = snippet_html("x");
  EXPECT_FALSE(contains(html, "snippet-error")) << html;
  EXPECT_TRUE(contains(html, "before")) << html;
  EXPECT_TRUE(contains(html, "ZeroDivisionError: division by zero")) << html;
}

TEST_F(Pipeline, OutputIsEscapedCleanedAndItsCutIsNoted) {
  snippet("h.sh");
  runner.script["h"] = {{.out = "</script><img src=x onerror=alert(1)>\n\x1b[31mred\x1b[0m bad\xff\xfe byte\n",
                         .out_bytes = 5u << 20}};
  EXPECT_EQ(build("```run\nfile: h.sh\nruns: 1\nwarmup: 0\n```\n"), 0);
  std::string html = snippet_html("h");
  EXPECT_TRUE(contains(html, "&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;")) << html;
  EXPECT_FALSE(contains(html, "<img src=x")) << html;
  EXPECT_TRUE(contains(html, "red bad")) << "colour codes removed: " << html;
  EXPECT_FALSE(contains(html, "\x1b")) << html;
  EXPECT_TRUE(contains(html, "\xef\xbf\xbd")) << "invalid UTF-8 replaced: " << html;
  EXPECT_FALSE(contains(html, "\xff")) << html;
  EXPECT_TRUE(contains(html, "more not shown")) << html;
  EXPECT_EQ(snippet_report("h")["stdout_bytes"], 5u << 20);
}

TEST_F(Pipeline, ShowChoosesWhatTheSlideHas) {
  snippet("s.sh", "echo CODE_MARKER\n");
  runner.script["s"] = {{.out = "OUTPUT_MARKER\n"}};
  EXPECT_EQ(build("```run\nfile: s.sh\nshow: [output]\n```\n"), 0);
  std::string html = snippet_html("s");
  EXPECT_FALSE(contains(html, "CODE_MARKER"));
  EXPECT_TRUE(contains(html, "OUTPUT_MARKER"));
  EXPECT_FALSE(contains(html, "class=\"timing\""));
}

// --- exit codes, status, CI files -----------------------------------------------------

TEST_F(Pipeline, AllPassingExitsZeroAndSummarises) {
  snippet("a.sh");
  snippet("b.sh");
  EXPECT_EQ(build("```run\nfile: a.sh\n```\n\n```run\nfile: b.sh\n```\n"), 0);
  EXPECT_TRUE(status.errors.empty()) << status.all_errors();
  bool summary = false;
  for (const std::string& line : status.infos) summary |= contains(line, "snippets: 2 passed, 0 failed, 2 in all");
  EXPECT_TRUE(summary);
  std::string junit;
  ASSERT_TRUE(read_file(*options.junit, junit));
  EXPECT_TRUE(contains(junit, "tests=\"2\" failures=\"0\""));
}

TEST_F(Pipeline, OneFailureExitsOneButTheDeckIsWritten) {
  snippet("good.sh");
  snippet("bad.sh");
  runner.script["bad"] = {{.exit_code = 1, .err = "nope\n"}};
  EXPECT_EQ(build("# Slide\n\n```run\nfile: good.sh\n```\n\n```run\nfile: bad.sh\n```\n"), 1);
  EXPECT_TRUE(fs::exists(options.output));
  ASSERT_EQ(status.errors.size(), 1u);
  EXPECT_TRUE(contains(status.errors[0], "01.md:7:1: error: snippet 'bad' failed: exit status 1")) << status.errors[0];
  bool summary = false;
  for (const std::string& line : status.infos) summary |= contains(line, "snippets: 1 passed, 1 failed, 2 in all");
  EXPECT_TRUE(summary);
  std::string junit;
  ASSERT_TRUE(read_file(*options.junit, junit));
  EXPECT_TRUE(contains(junit, "tests=\"2\" failures=\"1\""));
  EXPECT_TRUE(contains(junit, "<failure message=\"exit status 1\">nope"));
  EXPECT_EQ(snippet_report("good")["outcome"], "passed");
}

// Seven runs 0.1 s to 0.5 s bound the median (at the first look's 4%) only between 0.1
// and 0.5 s: "below 0.3 s" is undecided, "below 0.05 s" fails (and max_runs keeps
// sampling from adding runs).
const std::string kUndecidedDeck =
    "```run\nfile: a.sh\nruns: 7\nwarmup: 0\n```\n\n```claim\nvalue: a.wall\nbelow: 0.3\nmax_runs: 7\n```\n";

class UndecidedClaim : public Pipeline {
 protected:
  void SetUp() override {
    Pipeline::SetUp();
    snippet("a.sh");
    runner.script["a"] = {{.wall = 0.1}, {.wall = 0.3}, {.wall = 0.5}, {.wall = 0.2},
                          {.wall = 0.4}, {.wall = 0.25}, {.wall = 0.35}};
  }
};

TEST_F(UndecidedClaim, BuildWarnsExitsZeroAndShowsItAmber) {
  EXPECT_EQ(build(kUndecidedDeck), 0) << status.all_errors();
  EXPECT_TRUE(status.errors.empty()) << status.all_errors();
  bool warned = false;
  for (const std::string& w : status.warnings) warned |= contains(w, "01.md:7:1: warning: claim undecided: not yet decided whether");
  EXPECT_TRUE(warned);
  EXPECT_TRUE(contains(deck(), "class=\"claim undecided\""));
  EXPECT_FALSE(contains(deck(), "class=\"claim fail\""));
  std::string junit;
  ASSERT_TRUE(read_file(*options.junit, junit));
  EXPECT_TRUE(contains(junit, "name=\"deckgen claims\" tests=\"1\" failures=\"0\" skipped=\"1\"")) << junit;
}

TEST_F(UndecidedClaim, CheckFailsOnIt) {
  options.command = Command::check;
  EXPECT_EQ(build(kUndecidedDeck), 1);
  ASSERT_EQ(status.errors.size(), 1u) << status.all_errors();
  EXPECT_TRUE(contains(status.errors[0], "01.md:7:1: error: claim undecided: not yet decided whether")) << status.errors[0];
}

TEST_F(UndecidedClaim, BuildStrictFailsOnIt) {
  options.strict = true;
  EXPECT_EQ(build(kUndecidedDeck), 1);
}

TEST_F(UndecidedClaim, AContradictedClaimStillFailsTheBuild) {
  std::string failing = kUndecidedDeck;
  failing.replace(failing.find("below: 0.3"), 10, "below: 0.05");
  EXPECT_EQ(build(failing), 1);
  ASSERT_EQ(status.errors.size(), 1u) << status.all_errors();
  EXPECT_TRUE(contains(status.errors[0], "01.md:7:1: error: claim failed:")) << status.errors[0];
  EXPECT_TRUE(contains(deck(), "class=\"claim fail\""));
}

// --- `--cpus 1,all`: several CPU masks side by side ---------------------------------

// The deck is measured under each mask in turn (deckgen moved there, then back); each
// claim is decided under each, shown side by side on its slide and in the report, and
// one that fails under any mask fails the build. The snippet's box shows the first mask's runs.
TEST_F(Pipeline, SeveralCpuMasksDecideEveryClaimUnderEach) {
  snippet("par.sh");
  // Seven runs bound the median between their least and greatest (kUndecidedDeck): on one
  // CPU 1.0-1.5 s, above the bound; on all of them 0.1-0.5 s, below it.
  auto runs = [](double scale, double from) {
    std::deque<Scripted> s;
    for (double x : {0.0, 0.3, 0.5, 0.2, 0.4, 0.25, 0.35}) s.push_back({.wall = from + scale * x});
    return s;
  };
  runner.script["par"] = runs(1, 1.0);
  std::vector<std::string> moved_to;
  Runners runners = Runners::single(runner);
  runners.use_cpus = [&](const std::string& mask) -> std::optional<std::string> {
    moved_to.push_back(mask);
    runner.script["par"] = mask == "all" ? runs(0.8, 0.1) : runs(1, 1.0);
    return std::nullopt;
  };
  options.use_cache = false;  // one fake machine under both masks: neither may take the other's results
  options.cpus = "1";
  options.compare_cpus = {"all"};
  dir.write("deck/01.md", "```run\nfile: par.sh\nruns: 7\nwarmup: 0\nshow: [output, timing]\n```\n\n"
                          "```claim\nvalue: par.wall\nbelow: 0.6\nmax_runs: 7\n```\n");
  options.inputs = {dir.path() / "deck"};
  EXPECT_EQ(run_command(options, status, runners), 1) << "the claim fails on one CPU";
  EXPECT_EQ(moved_to, (std::vector<std::string>{"all", "1"}));
  ASSERT_EQ(status.errors.size(), 1u) << status.all_errors();
  EXPECT_TRUE(contains(status.errors[0], "01.md:8:1: error: claim failed (--cpus 1):")) << status.errors[0];
  bool held = false;
  for (const std::string& line : status.infos) held |= contains(line, "01.md:8:1: claim holds (--cpus all):");
  EXPECT_TRUE(held) << ::testing::PrintToString(status.infos);
  std::string page = deck();
  size_t side_by_side = page.find("<div class=\"claim-masks\">");
  ASSERT_NE(side_by_side, std::string::npos);
  size_t one = page.find("CPU 1 · ", side_by_side), fail = page.find("class=\"claim fail\"", side_by_side);
  size_t all = page.find("all CPUs · ", side_by_side), ok = page.find("class=\"claim ok\"", side_by_side);
  EXPECT_TRUE(one < fail && fail < all && all < ok && ok != std::string::npos) << page.substr(side_by_side, 2000);
  json masks = report()["cpu_masks"];
  ASSERT_EQ(masks.size(), 2u) << masks;
  EXPECT_EQ(masks[0]["cpus"], "1");
  EXPECT_EQ(masks[0]["claims"][0]["outcome"], "fails");
  EXPECT_EQ(masks[1]["cpus"], "all");
  EXPECT_EQ(masks[1]["claims"][0]["outcome"], "holds");
  EXPECT_EQ(report()["claims"][0]["outcome"], "fails");  // the first mask's, as with one mask
  EXPECT_EQ(snippet_report("par")["stats"]["wall"]["min"], 1.0);
}

// Every mask's results are recorded, not only the first's: one JUnit case per claim per
// mask (a dashboard tells them apart by name), the snippets that failed under a further
// mask, and a line per mask on the last slide.
TEST_F(Pipeline, SeveralCpuMasksAreEachInTheJUnitFileAndOnTheLastSlide) {
  snippet("par.sh");
  snippet("flaky.sh");
  auto runs = [](double from) {  // seven runs decide a bound outside them (see above)
    std::deque<Scripted> s;
    for (double x : {0.0, 0.3, 0.5, 0.2, 0.4, 0.25, 0.35}) s.push_back({.wall = from + 0.5 * x});
    return s;
  };
  runner.script["par"] = runs(1.0);
  runner.script["flaky"] = {{.wall = 0.1}};
  Runners runners = Runners::single(runner);
  runners.use_cpus = [&](const std::string& mask) -> std::optional<std::string> {
    runner.script["par"] = runs(mask == "all" ? 0.1 : 1.0);
    runner.script["flaky"] = {{.wall = 0.1, .exit_code = mask == "all" ? 1 : 0}};  // fails on all CPUs only
    return std::nullopt;
  };
  options.use_cache = false;
  options.cpus = "1";
  options.compare_cpus = {"all"};
  dir.write("deck/01.md", "```run\nfile: par.sh\nruns: 7\nwarmup: 0\n```\n\n"
                          "```claim\nvalue: par.wall\nbelow: 0.6\nmax_runs: 7\n```\n\n"
                          "```run\nfile: flaky.sh\nruns: 1\nwarmup: 0\n```\n");
  options.inputs = {dir.path() / "deck"};
  EXPECT_EQ(run_command(options, status, runners), 1);
  std::string xml;
  ASSERT_TRUE(read_file(*options.junit, xml));
  EXPECT_TRUE(contains(xml, "<testsuite name=\"deckgen claims (--cpus 1)\" tests=\"1\" failures=\"1\"")) << xml;
  EXPECT_TRUE(contains(xml, "<testsuite name=\"deckgen claims (--cpus all)\" tests=\"1\" failures=\"0\"")) << xml;
  EXPECT_TRUE(contains(xml, "01.md:7:1 (--cpus 1)\"")) << xml;
  EXPECT_TRUE(contains(xml, "01.md:7:1 (--cpus all)\"")) << xml;
  EXPECT_TRUE(contains(xml, "<testsuite name=\"deckgen snippets (--cpus all)\" tests=\"1\" failures=\"1\"")) << xml;
  EXPECT_TRUE(contains(xml, "name=\"flaky (--cpus all)\"")) << xml;
  EXPECT_FALSE(contains(xml, "deckgen claims\" ")) << "a suite that names no mask";
  json masks = report()["cpu_masks"];
  ASSERT_EQ(masks.size(), 2u) << masks;
  EXPECT_EQ(masks[0]["failed_snippets"], json::array());
  EXPECT_EQ(masks[1]["failed_snippets"], json::array({"flaky"}));
  std::string page = deck();
  size_t one = page.find("<th>--cpus 1</th><td>CPU 1"), all = page.find("<th>--cpus all</th><td>all CPUs");
  ASSERT_NE(one, std::string::npos) << page;
  ASSERT_NE(all, std::string::npos) << page;
  EXPECT_TRUE(contains(page.substr(one, all - one), "claims: 0 hold, 1 failed (the runs shown)")) << page.substr(one, 300);
  EXPECT_TRUE(contains(page.substr(all, 300), "claims: 1 hold, 0 failed; 1 snippet failed</td>")) << page.substr(all, 300);
}

// The page as a layout in Chromium would leave it: deck.js marked the second slide.
DomResult one_slide_overflowing(std::string_view page, std::string_view query, int width, int height) {
  DomResult out;
  out.ok = query == "deckgen-fit-report" && width == 1280 && height == 720 && page.find("<section") != std::string_view::npos;
  out.dom = "<body class=\"deckgen\" data-fit-report=\"done\"><section data-source=\"deck/01.md:1:1\"></section>"
            "<section data-source=\"deck/01.md:5:1\" data-overflow=\"310 px below the bottom (about 12 lines of code) "
            "is hidden, with its code, output and tables at 60% size (figures keep theirs)\">"
            "</section></body>";
  return out;
}

TEST_F(Pipeline, CheckReportsASlideThatDoesNotFitAsAWarning) {
  options.command = Command::check;
  fit_layout = one_slide_overflowing;
  EXPECT_EQ(build("# One\n\n---\n\n# Two\n"), 0);
  ASSERT_EQ(status.warnings.size(), 1u);
  EXPECT_TRUE(contains(status.warnings[0], "deck/01.md:5:1: warning: the slide does not fit 1280×720")) << status.warnings[0];
  EXPECT_TRUE(contains(status.warnings[0], "310 px below the bottom (about 12 lines of code) is hidden"));
}

TEST_F(Pipeline, CheckStrictFailsOnASlideThatDoesNotFit) {
  options.command = Command::check;
  options.strict = true;
  fit_layout = one_slide_overflowing;
  EXPECT_EQ(build("# One\n\n---\n\n# Two\n"), 1);
  ASSERT_EQ(status.errors.size(), 1u);
  EXPECT_TRUE(contains(status.errors[0], "deck/01.md:5:1: error: the slide does not fit")) << status.errors[0];
}

TEST_F(Pipeline, CheckWithoutALayoutSaysItCouldNotMeasure) {
  options.command = Command::check;
  options.strict = true;
  fit_layout = [](std::string_view, std::string_view, int, int) { return DomResult{false, "", "no chromium"}; };
  EXPECT_EQ(build("# One\n"), 0);
  ASSERT_EQ(status.warnings.size(), 1u);
  EXPECT_TRUE(contains(status.warnings[0], "cannot check that every slide fits: no chromium"));
}

TEST_F(Pipeline, BuildDoesNotLayTheDeckOut) {
  fit_layout = [](std::string_view, std::string_view, int, int) -> DomResult { ADD_FAILURE() << "laid out"; return {}; };
  EXPECT_EQ(build("# One\n"), 0);
}

TEST_F(Pipeline, CheckWritesNoDeckUnlessAsked) {
  snippet("a.sh");
  options.command = Command::check;
  options.write_deck = false;
  EXPECT_EQ(build("```run\nfile: a.sh\n```\n"), 0);
  EXPECT_FALSE(fs::exists(options.output));
  EXPECT_TRUE(fs::exists(*options.report));
}

TEST_F(Pipeline, AnInterruptWritesNothingAndExits130) {
  snippet("a.sh");
  dir.write("out/deck.html", "previous deck");
  runner.during_run = [](const RunRequest&) { throw Interrupted(SIGINT); };
  EXPECT_EQ(build("```run\nfile: a.sh\n```\n"), 130);
  std::string text;
  ASSERT_TRUE(read_file(options.output, text));
  EXPECT_EQ(text, "previous deck");
  EXPECT_FALSE(fs::exists(*options.report));
  ASSERT_FALSE(status.errors.empty());
  EXPECT_TRUE(contains(status.errors.back(), "interrupted"));
}

// Issue 13: the first snippet's result used to be stored before the second was interrupted.
TEST_F(Pipeline, AnInterruptStoresNoCacheEntries) {
  snippet("a.sh");
  snippet("b.sh");
  runner.during_run = [](const RunRequest& r) {
    if (r.env.at("DECKGEN_SNIPPET_ID") == "b") throw Interrupted(SIGINT);
  };
  EXPECT_EQ(build("```run\nfile: a.sh\n```\n\n```run\nfile: b.sh\n```\n"), 130);
  fs::path results = dir.path() / "deck/.deckgen-cache/results";
  EXPECT_TRUE(!fs::exists(results) || fs::is_empty(results)) << "a result was stored by an interrupted build";
  runner.during_run = nullptr;
  EXPECT_EQ(build("```run\nfile: a.sh\n```\n\n```run\nfile: b.sh\n```\n"), 0) << status.all_errors();
  EXPECT_FALSE(fs::is_empty(results));  // a whole build does store them
}

// `present`'s reruns (StoreResults::no) are measured during the talk: the page shows
// them, but the cache keeps the build's, so a build afterwards shows the build's runs.
TEST_F(Pipeline, ARerunThatStoresNothingLeavesTheBuildsResultsInTheCache) {
  snippet("a.sh");
  const std::string slides = "```run\nfile: a.sh\nruns: 1\nwarmup: 0\n```\n";
  runner.script["a"] = {{.wall = 1.0}};
  ASSERT_EQ(build(slides), 0) << status.all_errors();
  runner.script["a"] = {{.wall = 3.0}};  // slower during the talk
  options.only = {"a"};
  ASSERT_EQ(build_with({.store = StoreResults::no}, slides), 0) << status.all_errors();
  EXPECT_EQ(snippet_report("a")["from_cache"], false);
  EXPECT_NEAR(snippet_report("a")["runs"][0]["wall_seconds"].get<double>(), 3.0, 0.01) << "the rerun is shown";
  options.only.clear();
  ASSERT_EQ(build(slides), 0) << status.all_errors();
  EXPECT_EQ(snippet_report("a")["from_cache"], true);
  EXPECT_NEAR(snippet_report("a")["runs"][0]["wall_seconds"].get<double>(), 1.0, 0.01) << "the build's run, not the talk's";
}

// Issue 13: {{machine.cores}} was 0 and {{machine.cpu}} empty in a deck with no run block.
TEST_F(Pipeline, MachinePlaceholdersNeedNoRunBlock) {
  options.report.reset();
  options.junit.reset();
  ASSERT_EQ(build("cores=[{{machine.cores}}] cpu=[{{machine.cpu}}]\n"), 0) << status.all_errors();
  std::string page = deck();
  EXPECT_FALSE(contains(page, "cores=[0]")) << "no core count";
  EXPECT_FALSE(contains(page, "cpu=[]")) << "no CPU model";
  EXPECT_TRUE(runner.snippet_runs.empty());
}

// Issue 13: `-o` naming a slide overwrote it with HTML and exited 0.
TEST_F(Pipeline, AnOutputNamingASlideIsRefusedAndNothingIsWritten) {
  fs::path slide = dir.write("deck/01.md", "# a\n");
  options.junit = slide;
  options.inputs = {dir.path() / "deck"};
  EXPECT_EQ(run_command(options, status, Runners::single(runner)), 2);
  EXPECT_TRUE(contains(status.all_errors(), "--junit names")) << status.all_errors();
  std::string text;
  ASSERT_TRUE(read_file(slide, text));
  EXPECT_EQ(text, "# a\n");
  EXPECT_FALSE(fs::exists(options.output));
  EXPECT_FALSE(fs::exists(*options.report));
  EXPECT_FALSE(fs::exists(dir.path() / "deck/.deckgen-cache"));
}

TEST_F(Pipeline, AStaleTemporaryFileBesideTheOutputIsRemoved) {
  fs::path stale = dir.write("out/.deck.html.tmp-AbC123", "half a deck");
  fs::path other = dir.write("out/.deck.html.tmp-AbC1234", "not a name deckgen makes");
  fs::path neighbour = dir.write("out/.talk.html.tmp-AbC123", "another output's");
  ASSERT_EQ(build("# a\n"), 0) << status.all_errors();
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_TRUE(fs::exists(other));
  EXPECT_TRUE(fs::exists(neighbour));
}

TEST_F(Pipeline, OneCacheForTheDeckWhateverTheOutput) {
  snippet("a.sh");
  ASSERT_EQ(build("```run\nfile: a.sh\n```\n"), 0) << status.all_errors();
  size_t runs = runner.snippet_runs.size();
  options.output = dir.path() / "elsewhere/deck.html";
  ASSERT_EQ(build("```run\nfile: a.sh\n```\n"), 0) << status.all_errors();
  EXPECT_EQ(runner.snippet_runs.size(), runs) << "the second build reran instead of using the deck's cache";
  EXPECT_EQ(snippet_report("a")["from_cache"], true);
}

TEST_F(Pipeline, ACacheFolderDeckgenDidNotMakeIsRefused) {
  fs::path theirs = dir.write("deck/.deckgen-cache/notes.txt", "mine");
  EXPECT_EQ(build("# a\n"), 2);
  EXPECT_TRUE(contains(status.all_errors(), "deckgen did not make it")) << status.all_errors();
  EXPECT_FALSE(fs::exists(options.output));
  EXPECT_FALSE(fs::exists(dir.path() / "deck/.deckgen-cache/CACHEDIR.TAG"));
  options.use_cache = false;  // --no-cache leaves the folder alone and builds
  EXPECT_EQ(build("# a\n"), 0) << status.all_errors();
  EXPECT_FALSE(fs::exists(dir.path() / "deck/.deckgen-cache/CACHEDIR.TAG"));
  options.command = Command::clean;
  EXPECT_EQ(run_command(options, status, Runners::single(runner)), 2);
  EXPECT_TRUE(fs::exists(theirs));
}

// --- lower level: run_snippet and measure_snippet --------------------------------------

TEST(RunSnippet, ExpectedExitCodeKeepsRunning) {
  test::TempDir dir;
  PlannedSnippet s;
  s.spec.id = "x";
  s.spec.file = dir.write("x.sh", "exit 3\n");
  s.spec.runs = 3;
  s.spec.warmup = 0;
  s.spec.expect.exit_code = 3;
  s.language = {"sh", {".sh"}, {}, {"/bin/sh", "{file}"}, "sh"};
  FakeRunner runner;
  runner.script["x"] = {{.exit_code = 3}};
  ExecuteContext ctx;
  ctx.snippets_dir = dir.path();
  ctx.path_env = "/usr/bin:/bin";
  PreparedSnippet prepared(s, ctx);  // a shell script: nothing to compile
  run_snippet(prepared, 0, 1, ctx, runner);
  const RawSnippetRuns& raw = prepared.raw;
  EXPECT_EQ(raw.timed.size(), 3u);
  EXPECT_FALSE(raw.stopped_early);
  EXPECT_EQ(measure_snippet(s, raw).outcome, Outcome::passed);
}

}  // namespace
}  // namespace deckgen
