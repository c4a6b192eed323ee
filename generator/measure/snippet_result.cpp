#include "measure/snippet_result.h"

#include <fmt/format.h>

#include <csignal>
#include <cstring>

#include "measure/cpu_load.h"
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
    r.failure = "compilation failed";
    r.compile_output = clean_output(raw.compile_error, raw.compile_error.size()).text;
    return r;
  }
  r.out = clean_output(raw.last.out, raw.last.out_bytes);
  r.err = clean_output(raw.last.err, raw.last.err_bytes);

  std::vector<double> wall, cpu, user, sys, rss, ctx;
  std::map<std::string, std::vector<double>> metric_values;
  for (size_t i = 0; i < raw.timed.size(); ++i) {
    const RawRun& run = raw.timed[i];
    const RunUsage& u = run.outcome.usage;
    RunRecord rec;
    rec.index = static_cast<int>(i);
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
    rec.busy = busy_machine(run.other_cpu_seconds, u.wall_seconds);
    r.busy_runs += rec.busy ? 1 : 0;
    r.runs.push_back(rec);
    wall.push_back(u.wall_seconds);
    cpu.push_back(u.user_seconds + u.system_seconds);
    user.push_back(u.user_seconds);
    sys.push_back(u.system_seconds);
    rss.push_back(static_cast<double>(u.max_rss_kib) * 1024.0);
    ctx.push_back(static_cast<double>(u.voluntary_switches + u.involuntary_switches));
    for (const auto& [name, value] : run.metrics) {
      metric_values[name].push_back(value.first);
      r.metrics[name].unit = value.second;
      r.metrics[name].values.push_back(value.first);
    }
  }
  if (!wall.empty()) {
    r.stats["wall"] = summarize(wall);
    r.stats["cpu"] = summarize(cpu);
    r.stats["user"] = summarize(user);
    r.stats["sys"] = summarize(sys);
    r.stats["rss"] = summarize(rss);
    r.stats["ctx"] = summarize(ctx);
  }
  for (const auto& [name, values] : metric_values) r.metric_stats[name] = summarize(values);
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
