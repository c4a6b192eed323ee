#include "run/execute.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>

#include "plan/languages.h"
#include "run/metrics_file.h"
#include "run/process.h"
#include "run/thread_trace.h"
#include "util/files.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

// The snippets folder first, so that a deck's own copy of a trace helper wins.
std::string python_path(const ExecuteContext& ctx) {
  std::string path = ctx.snippets_dir.string();
  if (!ctx.helpers_dir.empty()) {
    path += ':';  // (not `":" + ...`: g++ 12 warns about that wrongly, -Wrestrict)
    path += ctx.helpers_dir.string();
  }
  return path;
}

constexpr uintmax_t kMaxTraceBytes = 256 << 20;
// A metrics file holds a few named numbers (docs/traces-and-charts.md); a runaway one must not
// take deckgen's memory, nor its time parsing it.
constexpr uintmax_t kMaxMetricsFileBytes = 1 << 20;

// What a file the snippet made in its output folder is, when it is not a regular file
// (a FIFO would block the read for ever; a directory has no size), else empty.
std::string not_regular(const fs::directory_entry& entry) {
  std::error_code ec;
  switch (entry.symlink_status(ec).type()) {
    case fs::file_type::regular: return {};
    case fs::file_type::directory: return "a directory";
    case fs::file_type::fifo: return "a FIFO";
    case fs::file_type::socket: return "a socket";
    case fs::file_type::symlink: return "a symbolic link";
    case fs::file_type::block:
    case fs::file_type::character: return "a device";
    default: return "not a regular file";
  }
}

void read_outputs(const fs::path& out_dir, RawRun& run, bool keep_traces) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(out_dir, ec)) {
    std::string name = entry.path().filename().string();
    if (!name.ends_with(".json")) continue;
    const bool metrics = name.starts_with("metrics-");
    const bool trace = keep_traces && name.starts_with("trace-");
    if (!metrics && !trace) continue;
    if (std::string kind = not_regular(entry); !kind.empty()) {
      std::string problem = fmt::format("{} is {}, not a regular file; it was not read", name, kind);
      (metrics ? run.metric_problems : run.trace_problems).push_back(std::move(problem));
      continue;
    }
    if (metrics) {
      std::error_code size_ec;
      if (uintmax_t size = fs::file_size(entry.path(), size_ec); !size_ec && size > kMaxMetricsFileBytes) {
        run.metric_problems.push_back(fmt::format("{} is {} KiB, over the {} KiB a metrics file may have; it was not read",
                                                  name, size >> 10, kMaxMetricsFileBytes >> 10));
        continue;
      }
      std::string text;
      if (!read_file(entry.path(), text)) continue;
      MetricsFile file = parse_metrics_file(text, name);
      run.metrics.merge(file.metrics);
      run.metric_problems.insert(run.metric_problems.end(), file.problems.begin(), file.problems.end());
    } else {
      // A runaway trace must not take deckgen's memory with it: too large is a
      // problem the timeline reports, not something to read.
      std::error_code size_ec;
      uintmax_t size = fs::file_size(entry.path(), size_ec);
      if (size_ec)
        run.trace_problems.push_back(fmt::format("{} cannot be read: {}", name, size_ec.message()));
      else if (size > kMaxTraceBytes)
        run.trace_problems.push_back(fmt::format("{} is {} MiB, over the {} MiB a trace may have; record fewer spans",
                                                 name, size / (1 << 20), kMaxTraceBytes >> 20));
      else
        run.traces.push_back(entry.path().string());
    }
  }
}

bool run_failed(const RunOutcome& o) { return !o.started || o.timed_out || o.signal != 0; }

bool mentions(const std::vector<std::string>& command, std::string_view token) {
  return std::any_of(command.begin(), command.end(), [&](const std::string& arg) { return arg.find(token) != std::string::npos; });
}

// Whether the compiled program is the one file {exe}, so that keeping that file keeps
// the program: a language whose commands use {dir} may build more than that file.
bool program_is_one_file(const Language& l) {
  return mentions(l.compile, "{exe}") && !mentions(l.compile, "{dir}") && !mentions(l.run, "{dir}");
}

}  // namespace

std::string shell_words(const std::vector<std::string>& argv) {
  std::string line;
  for (const std::string& word : argv) {
    if (!line.empty()) line += ' ';
    bool plain = !word.empty() && word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                         "0123456789_-+=./:,@%") == std::string::npos;
    if (plain) {
      line += word;
      continue;
    }
    line += '\'';
    for (char c : word) line += c == '\'' ? std::string("'\\''") : std::string(1, c);
    line += '\'';
  }
  return line;
}

std::map<std::string, std::string> snippet_environment(const PlannedSnippet& s, const ExecuteContext& ctx,
                                                       const fs::path& scratch, const fs::path& out_dir,
                                                       int run_index) {
  std::map<std::string, std::string> env = {
      {"PATH", ctx.path_env},
      {"HOME", scratch.string()},
      {"TMPDIR", scratch.string()},
      {"LANG", "C.UTF-8"},
      {"LC_ALL", "C.UTF-8"},
      {"PYTHONPATH", python_path(ctx)},
      {"PYTHONDONTWRITEBYTECODE", "1"},
      {"PYTHONUNBUFFERED", "1"},
      {"DECKGEN_SNIPPET_ID", s.spec.id},
      {"DECKGEN_RUN_INDEX", std::to_string(run_index)},
      {"DECKGEN_SCRATCH", scratch.string()},
      {"DECKGEN_OUT_DIR", out_dir.string()},
      {"DECKGEN_SNIPPETS", ctx.snippets_dir.string()},
  };
  if (ctx.cpus > 0) env.emplace("DECKGEN_CPUS", std::to_string(ctx.cpus));
  if (ctx.physical_cores > 0) env.emplace("DECKGEN_PHYSICAL_CORES", std::to_string(ctx.physical_cores));
  if (s.spec.trace) env.emplace("DECKGEN_TRACE", "1");
  for (const auto& [k, v] : s.spec.env) env[k] = v;
  return env;
}

PreparedSnippet::PreparedSnippet(const PlannedSnippet& s, const ExecuteContext& ctx)
    : snippet(s), build("build") {
  raw.id = s.spec.id;
  values = {
      {"file", s.spec.file.string()},
      {"exe", (build.path() / "snippet").string()},
      {"dir", build.path().string()},
      {"python", ctx.python},
      {"snippets", ctx.snippets_dir.string()},
  };
}

void compile_snippet(PreparedSnippet& p, size_t index, size_t count, const ExecuteContext& ctx, Runner& runner) {
  const PlannedSnippet& s = p.snippet;
  RawSnippetRuns& raw = p.raw;
  const auto& values = p.values;
  const TempFolder& build = p.build;

  if (!s.language.compile.empty()) {
    const fs::path exe = values.at("exe");
    ProgramCache* programs = program_is_one_file(s.language) ? ctx.programs : nullptr;
    if (programs) {
      if (std::optional<CompiledProgram> kept = programs->fetch(s, exe)) {
        raw.compiled = true;
        raw.compile_reused = true;
        raw.compile_seconds = kept->compile_seconds;
        return;
      }
    }
    if (ctx.progress) ctx.progress(index, count, s.spec.id, "compiling");
    RunRequest compile;
    compile.argv = expand_command(s.language.compile, values);
    compile.env = {{"PATH", ctx.path_env}, {"LANG", "C.UTF-8"}, {"HOME", build.path().string()}, {"TMPDIR", build.path().string()}};
    // CPATH is searched after every -I of the command, so a deck's own deckgen_trace.h
    // (beside the source or under -I{snippets}) wins; custom compile commands get it too.
    if (!ctx.helpers_dir.empty()) compile.env.emplace("CPATH", ctx.helpers_dir.string());
    compile.work_dir = build.path();
    compile.timeout = s.spec.compile_timeout;
    if (auto program = find_executable(compile.argv[0])) compile.argv[0] = program->string();
    if (ctx.show_command) ctx.show_command(fmt::format("snippet '{}': compiling: {}", s.spec.id, shell_words(compile.argv)));
    RunOutcome c = runner.run(compile);
    if (interrupted()) throw Interrupted(interrupt_signal());
    raw.compiled = true;
    raw.compile_seconds = c.usage.wall_seconds;
    if (!c.started || c.timed_out || c.signal != 0 || c.exit_code != 0) {
      raw.compile_failed = true;
      raw.compile_timed_out = c.started && c.timed_out;
      raw.compile_error = !c.started ? fmt::format("cannot start {}: {}", compile.argv[0], c.start_error)
                                     : c.err + c.out;
      if (raw.compile_timed_out)
        raw.compile_error += fmt::format(
            "{}the compiler did not finish within {} s and was stopped: a `#include` of a FIFO or a device waits "
            "forever; give the block a longer `compile_timeout:` if it really needs more time",
            raw.compile_error.empty() || raw.compile_error.ends_with('\n') ? "" : "\n",
            s.spec.compile_timeout.count() / 1000.0);
      raw.last = c;
    } else if (programs && fs::is_regular_file(exe)) {
      programs->keep(s, exe, CompiledProgram{c.usage.wall_seconds, c.err + c.out});
    }
  }
}

void run_snippet(PreparedSnippet& p, size_t index, size_t count, const ExecuteContext& ctx, Runner& runner,
                 Beside beside) {
  for (int i = -p.snippet.spec.warmup; i < p.snippet.spec.runs; ++i)
    if (run_once(p, i, index, count, ctx, runner, beside) == AfterRun::stop) break;
}

AfterRun run_once(PreparedSnippet& p, int i, size_t index, size_t count, const ExecuteContext& ctx, Runner& runner,
                  Beside beside) {
  const PlannedSnippet& s = p.snippet;
  RawSnippetRuns& raw = p.raw;
  const auto& values = p.values;

  std::vector<std::string> argv = expand_command(s.language.run, values);
  if (auto program = find_executable(argv[0])) argv[0] = program->string();
  argv.insert(argv.end(), s.spec.args.begin(), s.spec.args.end());
  if (ctx.show_command)
    ctx.show_command(fmt::format("snippet '{}': running {} ({} warmup and {} timed runs, each in a fresh private folder)",
                                 s.spec.id, shell_words(argv), s.spec.warmup, s.spec.runs));

  bool timed = i >= 0;
  if (ctx.progress)
    ctx.progress(index, count, s.spec.id,
                 !timed ? fmt::format("warmup {}/{}", i + s.spec.warmup + 1, s.spec.warmup)
                 : i < s.spec.runs ? fmt::format("run {}/{}", i + 1, s.spec.runs)
                                   : fmt::format("run {} (more runs for a claim)", i + 1));
  TempFolder scratch("run");
  fs::path out_dir = scratch.path() / ".deckgen";
  fs::create_directories(out_dir);
  RunRequest request;
  request.argv = argv;
  request.env = snippet_environment(s, ctx, scratch.path(), out_dir, i);
  request.stdin_data = s.spec.stdin_data;
  request.work_dir = scratch.path();
  request.timeout = s.spec.timeout;
  if (s.spec.trace_threads) request.thread_sampling = ThreadSampling::on;

  RunOutcome outcome = runner.run(request);
  if (interrupted()) throw Interrupted(interrupt_signal());

  raw.last = outcome;
  raw.last.threads.reset();  // used below, once: a run's samples can take megabytes
  if (!timed) {
    ++raw.warmup_runs;
    raw.warmup_seconds += outcome.usage.wall_seconds;
  } else {
    RawRun run;
    run.outcome = outcome;
    run.other_cpu_judged = beside == Beside::nothing;
    run.other_cpu_seconds = run.other_cpu_judged ? outcome.other_cpu_seconds.value_or(0.0) : 0.0;
    run.other_cpu_resolution = outcome.other_cpu_resolution;
    const bool keep_traces = i == s.spec.runs - 1;
    read_outputs(out_dir, run, keep_traces);
    // Trace files live in the scratch folder, which goes away: keep their text.
    for (std::string& file : run.traces) {
      std::string text;
      file = read_file(file, text) ? text : std::string();
    }
    // The sampled states come first, so that the helper's names for the same threads
    // and processes (read later) win.
    if (outcome.threads) {
      run.metrics.merge(thread_metrics(*outcome.threads));
      if (std::string problem = thread_count_problem(*outcome.threads); !problem.empty())
        run.metric_problems.push_back(std::move(problem));
      if (keep_traces) run.traces.insert(run.traces.begin(), thread_trace_json(*outcome.threads));
      run.outcome.threads.reset();
    }
    // stdout stays: the slide shows the median run's (measure/median_run.h); stderr is
    // shown only for the last run made, so memory stays bounded by one run's.
    run.outcome.err.clear();
    raw.timed.push_back(std::move(run));
  }
  // A crash, a timeout or an unexpected exit code will not change with more runs.
  bool bad_exit = !s.spec.expect.fails && outcome.exit_code != s.spec.expect.exit_code;
  if (run_failed(outcome) || bad_exit) {
    raw.stopped_early = i + 1 < s.spec.runs;
    return AfterRun::stop;
  }
  return AfterRun::go_on;
}

}  // namespace deckgen
