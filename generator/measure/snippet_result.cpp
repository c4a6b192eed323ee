#include "measure/snippet_result.h"

#include <fmt/format.h>

#include <algorithm>
#include <csignal>
#include <cstring>

#include "measure/cpu_load.h"
#include "measure/median_run.h"
#include "measure/stats.h"
#include "model/metrics.h"
#include "util/pattern.h"
#include "util/text.h"

namespace deckgen {
namespace {

std::string describe_exit(const RunOutcome& run, std::chrono::milliseconds timeout) {
  if (!run.started) return fmt::format("could not start: {}", run.start_error);
  if (run.timed_out) return fmt::format("timed out after {} s", timeout.count() / 1000.0);
  if (run.signal != 0) return fmt::format("killed by signal {} ({})", run.signal, strsignal(run.signal));
  return fmt::format("exit status {}", run.exit_code);
}

}  // namespace

CapturedText clean_output(const std::string& raw, uint64_t total_bytes) {
  CapturedText t;
  t.text = sanitize_utf8(strip_ansi(raw));
  t.total_bytes = std::max<uint64_t>(total_bytes, raw.size());
  t.cut_bytes = t.total_bytes - raw.size();
  return t;
}

std::string check_expectation(const Expectation& expect, const RunOutcome& run, std::chrono::milliseconds timeout) {
  bool failed = !run.started || run.timed_out || run.signal != 0 || run.exit_code != 0;
  if (expect.fails) {
    if (!failed) return "expected to fail, but exited with status 0";
  } else if (!run.started || run.timed_out || run.signal != 0 || run.exit_code != expect.exit_code) {
    std::string what = describe_exit(run, timeout);
    return expect.exit_code == 0 ? what : fmt::format("{} (expected exit status {})", what, expect.exit_code);
  }
  auto lacks = [](const std::string& text, const std::string& needle) { return text.find(needle) == std::string::npos; };
  auto misses = [](const std::string& text, const std::string& pattern) {
    return !pattern_found(pattern, text);
  };
  if (expect.stdout_contains && lacks(run.out, *expect.stdout_contains))
    return fmt::format("stdout does not contain \"{}\"", *expect.stdout_contains);
  if (expect.stderr_contains && lacks(run.err, *expect.stderr_contains))
    return fmt::format("stderr does not contain \"{}\"", *expect.stderr_contains);
  if (expect.stdout_matches && misses(run.out, *expect.stdout_matches))
    return fmt::format("stdout does not match /{}/", *expect.stdout_matches);
  if (expect.stderr_matches && misses(run.err, *expect.stderr_matches))
    return fmt::format("stderr does not match /{}/", *expect.stderr_matches);
  return {};
}

void summarize_runs(SnippetResult& r) {
  if (!r.runs.empty()) {
    std::vector<double> values;
    for (const BuiltinMetric& m : builtin_metrics()) {
      values.clear();
      for (const RunRecord& run : r.runs) values.push_back(m.read(run));
      r.stats[std::string(m.name)] = summarize(values);
    }
  }
  for (const auto& [name, series] : r.metrics) r.metric_stats[name] = summarize(series.values);
}

namespace {

void add_timed_run(SnippetResult& r, const RawRun& run) {
  const RunUsage& u = run.outcome.usage;
  RunRecord rec;
  rec.index = static_cast<int>(r.runs.size());
  rec.exit_code = run.outcome.exit_code;
  rec.signal = run.outcome.signal;
  rec.timed_out = run.outcome.timed_out;
  rec.wall_seconds = u.wall_seconds;
  rec.user_seconds = u.user_seconds;
  rec.system_seconds = u.system_seconds;
  rec.max_rss_kib = u.max_rss_kib;
  rec.voluntary_switches = u.voluntary_switches;
  rec.involuntary_switches = u.involuntary_switches;
  rec.other_cpu_seconds = run.other_cpu_seconds;
  rec.busy_judged = run.other_cpu_judged;
  rec.busy = rec.busy_judged && busy_machine(run.other_cpu_seconds, u.wall_seconds, run.other_cpu_resolution);
  r.busy_runs += rec.busy ? 1 : 0;
  r.runs.push_back(rec);
  r.run_outputs.push_back(clean_output(run.outcome.out, run.outcome.out_bytes));
  for (const std::string& problem : run.metric_problems)
    if (std::find(r.metric_problems.begin(), r.metric_problems.end(), problem) == r.metric_problems.end())
      r.metric_problems.push_back(problem);
  for (const auto& [name, value] : run.metrics) {
    r.metrics[name].unit = value.second;
    r.metrics[name].values.push_back(value.first);
  }
}

}  // namespace

void add_sampled_run(SnippetResult& r, const PlannedSnippet& snippet, const RawRun& run, const RunOutcome& last) {
  bool kept_every_output = r.run_outputs.size() == r.runs.size();
  add_timed_run(r, run);
  if (!kept_every_output) r.run_outputs.clear();  // a cached result: no median run to choose from
  summarize_runs(r);
  std::string why = check_expectation(snippet.spec.expect, last, snippet.spec.timeout);
  if (!why.empty()) {
    r.outcome = Outcome::failed;
    r.failure = fmt::format("{} (in run {}, one of those added for a claim)", why, r.runs.size());
    r.out = clean_output(last.out, last.out_bytes);
    r.err = clean_output(last.err, last.err_bytes);
  }
}

void show_median_run(SnippetResult& r, const std::string& metric) {
  if (r.outcome != Outcome::passed || r.runs.empty() || r.run_outputs.size() != r.runs.size()) return;
  std::vector<double> values;
  if (const BuiltinMetric* m = find_builtin_metric(metric)) {
    for (const RunRecord& run : r.runs) values.push_back(m->read(run));
  } else if (metric.starts_with("m.")) {
    auto found = r.metrics.find(metric.substr(2));
    if (found != r.metrics.end()) values = found->second.values;
  }
  if (values.size() != r.runs.size()) {  // a metric not recorded by every run: by wall time
    values.clear();
    for (const RunRecord& run : r.runs) values.push_back(run.wall_seconds);
  }
  std::optional<size_t> median = median_run(values);
  if (!median) return;
  r.out = r.run_outputs[*median];
  r.shown_run = static_cast<int>(*median);
}

SnippetResult measure_snippet(const PlannedSnippet& snippet, const RawSnippetRuns& raw) {
  SnippetResult r;
  r.id = raw.id;
  r.compiled = raw.compiled;
  r.compile_seconds = raw.compile_seconds;
  r.compile_reused = raw.compile_reused;
  r.warmup_runs = raw.warmup_runs;
  r.warmup_seconds = raw.warmup_seconds;
  if (raw.compile_failed) {
    r.outcome = Outcome::failed;
    r.failure = raw.compile_timed_out ? fmt::format("compilation timed out after {} s",
                                                    snippet.spec.compile_timeout.count() / 1000.0)
                                      : "compilation failed";
    r.compile_output = clean_output(raw.compile_error, raw.compile_error.size()).text;
    return r;
  }
  r.out = clean_output(raw.last.out, raw.last.out_bytes);
  r.err = clean_output(raw.last.err, raw.last.err_bytes);

  for (const RawRun& run : raw.timed) add_timed_run(r, run);
  summarize_runs(r);
  if (!raw.timed.empty()) {
    r.traces = raw.timed.back().traces;
    r.trace_problems = raw.timed.back().trace_problems;
  }

  std::string why = check_expectation(snippet.spec.expect, raw.last, snippet.spec.timeout);
  if (!why.empty()) {
    r.outcome = Outcome::failed;
    r.failure = why;
  }
  return r;
}

}  // namespace deckgen
