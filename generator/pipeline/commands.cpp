#include "pipeline/commands.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <chrono>
#include <cstdlib>

#include "cache/binary_store.h"
#include "cache/cache_folder.h"
#include "cache/cache_key.h"
#include "cache/result_json.h"
#include "cache/result_store.h"
#include "measure/claims.h"
#include "measure/machine.h"
#include "measure/provenance.h"
#include "measure/values.h"
#include "render/claim_html.h"
#include "render/figures.h"
#include "measure/snippet_result.h"
#include "measure/units.h"
#include "model/input_error.h"
#include "pipeline/output_paths.h"
#include "pipeline/result_report.h"
#include "pipeline/schedule.h"
#include "pipeline/pdf_command.h"
#include "pipeline/watch_command.h"
#include "plan/plan.h"
#include "plan/toolchain.h"
#include "read/deck_reader.h"
#include "render/highlight.h"
#include "render/provenance_slide.h"
#include "render/slides.h"
#include "run/execute.h"
#include "measure/overhead.h"
#include "util/files.h"
#include "util/text.h"
#include "write/page.h"
#include "write/report.h"
#include "write/trace_files.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

// One cache per deck, inside its folder, whatever -o names (cache/cache_folder.h).
fs::path cache_dir(const Options& o) { return cache_dir_for(o.inputs); }

std::string path_for_snippets() {
  const char* path = std::getenv("PATH");
  return path && *path ? path : "/usr/local/bin:/usr/bin:/bin";
}

struct Measured {
  std::map<std::string, SnippetResult> results;
  Provenance provenance;
  double seconds = 0;
};

// Status is not thread-safe; workers report through this.
class LockedStatus final : public Status {
 public:
  explicit LockedStatus(Status& inner) : inner_(inner) {}
  void info(const std::string& l) override { std::lock_guard g(m_); inner_.info(l); }
  void summary(const std::string& l) override { std::lock_guard g(m_); inner_.summary(l); }
  void warning(const std::string& l) override { std::lock_guard g(m_); inner_.warning(l); }
  void error(const std::string& l) override { std::lock_guard g(m_); inner_.error(l); }
  void progress(const Progress& p) override { std::lock_guard g(m_); inner_.progress(p); }
  void progress_done() override { std::lock_guard g(m_); inner_.progress_done(); }

 private:
  Status& inner_;
  std::mutex m_;
};

// Runs `work(i, runner)` for every i in `items` on up to `runners.parallelism` threads,
// each with its own runner. The first exception (an interrupt) is rethrown after all
// threads stopped.
void in_parallel(const std::vector<size_t>& items, Runners& runners,
                 const std::function<void(size_t, Runner&)>& work) {
  if (items.empty()) return;
  std::atomic<size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto worker = [&](Runner& runner) {
    for (size_t k; (k = next++) < items.size();) {
      try {
        work(items[k], runner);
      } catch (...) {
        std::lock_guard g(failure_mutex);
        if (!failure) failure = std::current_exception();
        next = items.size();
      }
    }
  };
  unsigned extra = std::min<size_t>(runners.parallelism, items.size()) - 1;
  std::vector<std::unique_ptr<Runner>> more;
  for (unsigned t = 0; t < extra; ++t) more.push_back(runners.make_more());
  std::vector<std::thread> threads;
  for (auto& r : more) threads.emplace_back(worker, std::ref(*r));
  worker(runners.main);
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

std::optional<HarnessOverhead> load_overhead(const fs::path& file) {
  std::string text;
  if (!read_file(file, text)) return std::nullopt;
  try {
    auto j = nlohmann::json::parse(text);
    return HarnessOverhead{summary_from_json(j.at("true_wall")), summary_from_json(j.at("python_start_wall"))};
  } catch (const std::exception&) {
    return std::nullopt;  // damaged: measure again
  }
}

void save_overhead(const fs::path& file, const HarnessOverhead& o) {
  try {
    nlohmann::json j = {{"true_wall", summary_to_json(o.true_wall)}, {"python_start_wall", summary_to_json(o.python_start_wall)}};
    write_file_atomically(file, j.dump());
  } catch (const std::exception&) {
  }
}

// The executor's ProgramCache, kept in the cache folder's bin/ by compile_cache_key.
// The keys are all worked out before anything runs, so workers only read them.
// `reuse` is false under --force, which trusts nothing stored: every snippet is compiled
// again (a new system header is not in the key), and the new programs are kept.
class KeptPrograms final : public ProgramCache {
 public:
  KeptPrograms(fs::path dir, bool reuse, Status& status) : store_(std::move(dir)), reuse_(reuse), status_(status) {}

  std::map<std::string, std::string> keys;  // snippet id -> compile_cache_key

  std::optional<CompiledProgram> fetch(const PlannedSnippet& s, const fs::path& exe) override {
    auto key = keys.find(s.spec.id);
    return !reuse_ || key == keys.end() ? std::nullopt : store_.fetch(key->second, exe);
  }
  void keep(const PlannedSnippet& s, const fs::path& exe, const CompiledProgram& program) override {
    auto key = keys.find(s.spec.id);
    std::string warning;
    if (key != keys.end() && !store_.store(key->second, exe, program, &warning))
      status_.warning(fmt::format("snippet '{}': {}", s.spec.id, warning));
  }

 private:
  BinaryStore store_;
  bool reuse_;
  Status& status_;  // thread-safe (LockedStatus)
};

ToolInfo tool_for(const Toolchains& tools, const std::string& language) {
  for (const ToolInfo& t : tools.tools)
    if (t.language == language) return t;
  return {language, "", ""};
}

Measured run_and_measure(const Deck& deck, const Plan& plan, const Options& options, Status& outer_status,
                         Runners runners) {
  Measured m;
  LockedStatus status(outer_status);
  Toolchains tools = resolve_toolchains(plan, deck.meta.python,
                                        options.use_cache ? cache_dir(options) / "toolchains.json" : fs::path());
  ExecuteContext ctx;
  ctx.snippets_dir = plan.snippets_dir;
  ctx.python = tools.python;
  ctx.path_env = path_for_snippets();
  auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  ctx.progress = [&](size_t i, size_t n, const std::string& id, const std::string& phase) {
    status.progress({i, n, id, phase, elapsed()});
  };

  m.provenance = collect_provenance(deck.deck_dir, tools.tools);

  size_t count = plan.snippets.size();
  std::vector<std::optional<SnippetResult>> results(count);
  std::vector<std::unique_ptr<PreparedSnippet>> prepared(count);
  std::vector<std::string> keys(count);
  std::vector<size_t> runnable;
  // Results are keyed by everything that can change them, this machine included.
  std::string machine = machine_fingerprint(m.provenance.machine);
  std::optional<ResultStore> cache;
  std::optional<KeptPrograms> programs;  // compiled programs, reused when only how they run changed
  if (options.use_cache) {
    cache.emplace(cache_dir(options), machine);
    ctx.programs = &programs.emplace(cache_dir(options), !options.force, status);
  }
  const std::set<std::string> timed_ids = timing_sensitive_snippets(deck, plan);
  auto report = [&](size_t i, const SnippetResult& r) {
    report_result(plan.snippets[i], r, timed_ids.count(plan.snippets[i].spec.id) > 0, status);
  };
  for (size_t i = 0; i < count; ++i) {
    const PlannedSnippet& s = plan.snippets[i];
    if (auto missing = tools.missing.find(s.spec.language); missing != tools.missing.end()) {
      SnippetResult r;
      r.id = s.spec.id;
      r.outcome = Outcome::failed;
      r.failure = fmt::format("cannot run {}: {}", s.spec.language, missing->second);
      report(i, r);
      results[i] = std::move(r);
      continue;
    }
    if (cache) {
      CacheInputs inputs;
      inputs.snippets_dir = plan.snippets_dir;
      inputs.tool = tool_for(tools, s.spec.language);
      inputs.python = tools.python;
      inputs.path_env = ctx.path_env;
      inputs.machine_fingerprint = machine;
      keys[i] = snippet_cache_key(s, inputs);
      bool rerun = options.force || (!options.only.empty() && options.only.count(s.spec.id));
      std::string warning;
      std::optional<SnippetResult> hit = rerun ? std::nullopt : cache->load(keys[i], &warning);
      if (!warning.empty()) status.warning(warning);
      if (hit) {
        report(i, *hit);
        results[i] = std::move(*hit);
        continue;
      }
      if (std::string key = compile_cache_key(s, inputs); !key.empty()) programs->keys[s.spec.id] = std::move(key);
    }
    if (!options.only.empty() && !options.only.count(s.spec.id) && !options.force) {
      // --only: the others come from the cache, or are not run at all this time.
      SnippetResult r;
      r.id = s.spec.id;
      r.outcome = Outcome::failed;
      r.failure = "not run: --only names other snippets and no cached result exists";
      results[i] = std::move(r);
      continue;
    }
    runnable.push_back(i);
  }
  // The harness's own cost, measured alone before anything runs. When nothing runs
  // (everything came from the cache) the figure from the build that ran them stays.
  fs::path overhead_file = cache_dir(options) / fmt::format("overhead-{:016x}.json",
                                                            std::hash<std::string>{}(machine + "\n" + tools.python));
  std::optional<HarnessOverhead> stored = runnable.empty() && options.use_cache ? load_overhead(overhead_file) : std::nullopt;
  if (stored) {
    m.provenance.overhead = *stored;
  } else {
    m.provenance.overhead = summarize_overhead(sample_overhead(runners.main, tools.python, ctx.path_env));
    if (options.use_cache) save_overhead(overhead_file, m.provenance.overhead);
  }

  auto finish = [&](size_t i) {
    SnippetResult r = measure_snippet(plan.snippets[i], prepared[i]->raw);
    report(i, r);
    results[i] = std::move(r);
    prepared[i].reset();  // removes its build folder
  };

  if (runners.parallelism <= 1) {
    for (size_t i : runnable) {
      prepared[i] = std::make_unique<PreparedSnippet>(plan.snippets[i], ctx);
      compile_snippet(*prepared[i], i, count, ctx, runners.main);
      if (!prepared[i]->raw.compile_failed) run_snippet(*prepared[i], i, count, ctx, runners.main);
      finish(i);
    }
  } else {
    // Untimed work shares the machine: every compile, and whole snippets whose timing
    // nothing shows. Then the timed runs, one at a time, with nothing else running.
    in_parallel(runnable, runners, [&](size_t i, Runner& runner) {
      prepared[i] = std::make_unique<PreparedSnippet>(plan.snippets[i], ctx);
      compile_snippet(*prepared[i], i, count, ctx, runner);
      if (timed_ids.count(plan.snippets[i].spec.id) && !prepared[i]->raw.compile_failed) return;
      if (!prepared[i]->raw.compile_failed) run_snippet(*prepared[i], i, count, ctx, runner);
      finish(i);
    });
    for (size_t i : runnable) {
      if (results[i]) continue;
      run_snippet(*prepared[i], i, count, ctx, runners.main);
      finish(i);
    }
  }
  // Stored only once every snippet ran: an interrupted build (Interrupted thrown above)
  // writes no cache entries. Only passing results are kept: a failure reruns until fixed,
  // so a flaky one (a timeout on a busy machine) is never replayed from the cache.
  for (size_t i : runnable) {
    std::string warning;
    if (cache && results[i]->outcome == Outcome::passed && !cache->save(keys[i], *results[i], &warning))
      status.warning(warning);
  }
  for (size_t i = 0; i < count; ++i) m.results[plan.snippets[i].spec.id] = std::move(*results[i]);
  status.progress_done();
  m.seconds = elapsed();
  return m;
}

void print_summary(const Plan& plan, const Measured& m, Status& status) {
  size_t failed = 0, cached = 0;
  std::vector<std::pair<double, std::string>> slowest;
  for (const auto& [id, r] : m.results) {
    failed += r.outcome == Outcome::failed;
    cached += r.from_cache;
    double total = r.compile_seconds;
    for (const RunRecord& run : r.runs) total += run.wall_seconds;
    slowest.push_back({total, id});
  }
  std::sort(slowest.rbegin(), slowest.rend());
  std::vector<std::string> top;
  for (size_t i = 0; i < std::min<size_t>(3, slowest.size()); ++i)
    top.push_back(fmt::format("{} {}", slowest[i].second, format_duration(slowest[i].first)));
  status.summary(fmt::format("snippets: {} passed, {} failed, {} in all ({} ran, {} from the cache), measured in {}{}",
                          plan.snippets.size() - failed, failed, plan.snippets.size(), plan.snippets.size() - cached,
                          cached, format_duration(m.seconds),
                          top.empty() ? "" : fmt::format(" (slowest: {})", fmt::join(top, ", "))));
}

// The deck's cache (-o no longer decides where it is; it is accepted and ignored).
int clean(const Options& options, Status& status) {
  std::string error;
  fs::path dir = cache_dir(options);
  if (!fs::exists(dir)) {
    status.summary(fmt::format("no cache at {}", dir.generic_string()));
    return exit_ok;
  }
  if (!ResultStore::clean(dir, &error)) {
    status.error(error);
    return exit_input_error;
  }
  status.summary(fmt::format("removed {}", dir.generic_string()));
  return exit_ok;
}

int build(const Options& options, Status& status, Runners runners) {
  if (options.command == Command::clean) return clean(options, status);
  Deck deck = read_deck(options.inputs);
  Plan plan = make_plan(deck, options.snippets_dir);
  // Before anything runs or is written: no output may destroy anything.
  std::vector<OutputPath> outputs = outputs_of(options);
  check_outputs(outputs, input_files(deck, plan), cache_dir(options));
  for (const OutputPath& out : outputs) remove_stale_temp_files(out.path);  // left by a kill -9
  if (options.use_cache) {
    try {
      claim_cache_dir(cache_dir(options));  // refuses (exit 2) a folder deckgen did not make
    } catch (const std::system_error& e) {
      status.warning(fmt::format("cannot create the cache folder: {}", e.what()));
    }
  }

  Measured measured;
  if (!plan.snippets.empty()) measured = run_and_measure(deck, plan, options, status, runners);
  else if (std::any_of(deck.placeholders.begin(), deck.placeholders.end(),
                       [](const Placeholder& p) { return p.kind == Placeholder::Kind::machine; }))
    measured.provenance.machine = probe_machine();  // {{machine.cores}} needs no run block

  // Measured values into prose, claims checked against them.
  std::map<std::string, std::string> values = placeholder_values(deck.placeholders, measured.results, measured.provenance);
  std::vector<ClaimResult> claims = check_claims(deck.claims, measured.results);
  std::map<SourcePos, std::string> block_html;
  for (const ClaimResult& c : claims) {
    block_html[c.spec.pos] = claim_html(c);
    if (!c.ok) status.error(fmt::format("{}: error: claim failed: {}", c.spec.pos, c.verdict));
  }
  for (const ChartSpec& c : deck.charts) block_html[c.pos] = chart_html(c, measured.results);
  size_t failed_figures = 0;
  for (const TimelineSpec& t : deck.timelines) {
    auto r = measured.results.find(t.snippet);
    TimelineFigure fig = timeline_html(t, r == measured.results.end() ? nullptr : &r->second);
    for (const std::string& w : fig.warnings) status.warning(fmt::format("{}: warning: trace of '{}': {}", t.pos, t.snippet, w));
    if (!fig.error.empty()) {
      status.error(fmt::format("{}: error: {}", t.pos, fig.error));
      ++failed_figures;
    }
    block_html[t.pos] = std::move(fig.html);
  }
  SnippetViews views{&plan, &measured.results, &values, &block_html};

  auto highlighter = make_pygments_highlighter(options.use_cache ? cache_dir(options) / "highlight.bin" : fs::path());
  std::vector<CodeBlock> code_blocks = code_blocks_to_highlight(deck, views);
  HighlightResult highlighted = highlighter->highlight(code_blocks);
  if (!highlighted.warning.empty()) status.warning(highlighted.warning);
  HighlightedCode highlighted_code;
  for (size_t i = 0; i < code_blocks.size() && i < highlighted.html.size(); ++i)
    if (highlighted.html[i]) highlighted_code.emplace(code_blocks[i].pos, std::move(*highlighted.html[i]));

  std::vector<RenderedSlide> slides = render_slides(deck, highlighted_code, views);
  if (!plan.snippets.empty()) slides.push_back(provenance_slide(measured.provenance, plan.snippets.size(), measured.seconds));
  std::string page = write_page(deck.meta, slides);

  BuildResults results{plan, measured.results, measured.provenance, claims};
  // Traces go beside the deck before it: the deck links to them.
  if (options.write_deck && !options.deck_is_intermediate) {
    for (const PlannedSnippet& s : plan.snippets) {
      auto r = measured.results.find(s.spec.id);
      if (!s.spec.trace || r == measured.results.end() || r->second.traces.empty()) continue;
      write_file_atomically(options.output.parent_path() / "traces" / (s.spec.id + ".json"),
                            merged_trace_json(r->second.traces));
    }
  }
  if (options.report) write_file_atomically(*options.report, report_json(results));
  if (options.junit) write_file_atomically(*options.junit, junit_xml(results));
  if (options.write_deck) {
    write_file_atomically(options.output, page);
    if (!options.deck_is_intermediate)
      status.info(fmt::format("wrote {} ({} slides, {} KiB)", options.output.generic_string(),
                              slides.size() + (deck.meta.title.empty() ? 0 : 1), (page.size() + 1023) / 1024));
  }
  if (!plan.snippets.empty()) print_summary(plan, measured, status);
  size_t failed_claims = std::count_if(claims.begin(), claims.end(), [](const ClaimResult& c) { return !c.ok; });
  if (!claims.empty())
    status.summary(fmt::format("claims: {} hold, {} failed", claims.size() - failed_claims, failed_claims));
  bool failed = failed_claims > 0 || failed_figures > 0 ||
                std::any_of(measured.results.begin(), measured.results.end(),
                            [](const auto& r) { return r.second.outcome == Outcome::failed; });
  return failed ? exit_deck_failed : exit_ok;
}

}  // namespace

// The process runner is made on first use: it writes the launcher into a memfd, which
// a deck without snippets (or a build that takes everything from the cache) never needs.
class LazyRunner final : public Runner {
 public:
  RunOutcome run(const RunRequest& request) override {
    if (!runner_) runner_ = make_process_runner();
    return runner_->run(request);
  }

 private:
  std::unique_ptr<Runner> runner_;
};

int run_command(const Options& options) {
  auto status = make_terminal_status(options.quiet);
  install_interrupt_handling();
  LazyRunner runner;
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  return run_command(options, *status, Runners{runner, [] { return std::make_unique<LazyRunner>(); }, cores});
}

int run_command(const Options& options, Status& status, Runner& runner) {
  return run_command(options, status, Runners{runner, nullptr, 1});
}

int run_command(const Options& options, Status& status, Runners runners) {
  // watch and pdf build through run_command with Command::build (pipeline/*_command.h).
  if (options.command == Command::watch) return run_watch(options, status, runners.main);
  if (options.command == Command::pdf) return run_pdf(options, status, runners.main);
  try {
    return build(options, status, runners);
  } catch (const InputError& e) {
    status.error(e.message());
    return exit_input_error;
  } catch (const Interrupted& e) {
    status.progress_done();
    status.error("interrupted: every snippet process was stopped, nothing was written");
    return e.exit_code();
  } catch (const std::system_error& e) {
    status.error(fmt::format("{} ({})", e.what(), e.code().message()));
    return exit_input_error;
  }
}

}  // namespace deckgen
