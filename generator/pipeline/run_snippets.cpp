#include "pipeline/run_snippets.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <tuple>

#include "cache/cache_folder.h"
#include "cache/cache_key.h"
#include "cache/cache_store.h"
#include "cache/result_store.h"
#include "measure/snippet_result.h"
#include "pipeline/cache_lookup.h"
#include "pipeline/claim_sampling.h"
#include "pipeline/harness_overhead.h"
#include "pipeline/kept_programs.h"
#include "pipeline/locked_status.h"
#include "pipeline/result_report.h"
#include "pipeline/schedule.h"
#include "run/execute.h"
#include "run/trace_helpers.h"
#include "toolchain/toolchain.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

std::string path_for_snippets() {
  const char* path = std::getenv("PATH");
  return path && *path ? path : "/usr/local/bin:/usr/bin:/bin";
}

}  // namespace

Measured run_snippets(const Deck& deck, const Plan& plan, const RunSettings& options, Status& outer_status,
                      Runners runners, StageTimes* times, WarmCache* warm) {
  auto lap = [times](std::string_view stage) {
    if (times) times->lap(stage);
  };
  Measured m;
  LockedStatus status(outer_status);
  std::optional<CacheShelf> answers;
  if (options.use_cache) answers.emplace(CacheStore(options.cache_dir), CacheKind::toolchains, ".txt");
  Toolchains tools = resolve_toolchains(plan, deck.meta.python, answers ? &*answers : nullptr);
  for (const std::string& w : tools.cache_warnings) status.warning(w);
  lap("toolchains");
  ExecuteContext ctx;
  ctx.snippets_dir = plan.snippets_dir;
  ctx.helpers_dir = trace_helpers_folder();
  ctx.python = tools.python;
  ctx.path_env = path_for_snippets();
  auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  ctx.progress = [&](size_t i, size_t n, const std::string& id, const std::string& phase) {
    status.progress({i, n, id, phase, elapsed()});
  };
  ctx.show_command = [&](const std::string& line) { status.detail(line); };
  std::future<std::string> revision = git_revision_of(deck.deck_dir);  // git answers while the cache is read
  m.provenance = collect_provenance(deck.deck_dir, tools.tools, AskGit::no);
  m.provenance.machine.cpus_requested = options.cpus.value_or("");
  ctx.cpus = m.provenance.machine.usable_cores;
  ctx.physical_cores = m.provenance.machine.usable_physical_cores;
  // Results are keyed by everything that can change them, this machine included.
  std::string machine = machine_fingerprint(m.provenance.machine);
  lap("provenance");

  std::optional<CacheStore> store;
  std::optional<ResultStore> cache;
  std::optional<KeptPrograms> programs;  // compiled programs, reused when only how they run changed
  if (options.use_cache) {
    store.emplace(options.cache_dir);
    cache.emplace(options.cache_dir, machine, warm);
    ReuseKept reuse = options.force ? ReuseKept::none : ReuseKept::stored;
    ctx.programs = &programs.emplace(options.cache_dir, reuse, status);
  }
  const std::set<std::string> timed_ids = timing_sensitive_snippets(deck, plan);
  const std::vector<size_t> group = measured_together(deck, plan);
  auto report = [&](size_t i, const SnippetResult& r) {
    report_result(plan.snippets[i], r, status);
  };

  CacheInputs base;
  base.snippets_dir = plan.snippets_dir;
  base.python = tools.python;
  base.path_env = ctx.path_env;
  base.machine_fingerprint = machine;
  base.cpus = narrower_affinity(m.provenance.machine);
  base.warm = warm;
  SnippetLookup lookup = look_up_snippets(plan, tools, options, cache ? &*cache : nullptr, base, timed_ids, group,
                                          status, report);
  if (programs) programs->keys = lookup.program_keys;
  std::vector<std::optional<SnippetResult>>& results = lookup.settled;
  // What the cache gave, so that the busy runs are told once, by the build that made them.
  std::vector<int> busy_before(plan.snippets.size(), 0), runs_before(plan.snippets.size(), 0);
  for (size_t i = 0; i < results.size(); ++i)
    if (results[i]) busy_before[i] = results[i]->busy_runs, runs_before[i] = static_cast<int>(results[i]->runs.size());
  lap("cache look-up");

  m.provenance.overhead =
      harness_overhead({store ? &*store : nullptr, machine, tools.python, ctx.path_env},
                       lookup.to_run.empty() ? SnippetsToRun::none : SnippetsToRun::some, runners.main, status);

  size_t count = plan.snippets.size();
  std::vector<std::unique_ptr<PreparedSnippet>> prepared(count);
  // Each timed run's round (schedule.h): claims compare the runs of one round as a pair.
  std::vector<std::map<int, std::pair<uint64_t, int>>> rounds(count);
  auto finish = [&](size_t i) {
    SnippetResult r = measure_snippet(plan.snippets[i], prepared[i]->raw);
    for (RunRecord& run : r.runs)
      if (auto found = rounds[i].find(run.index); found != rounds[i].end())
        std::tie(run.round, run.round_position) = found->second;
    report(i, r);
    results[i] = std::move(r);
    prepared[i].reset();  // removes its build folder
  };

  // A fresh seed each build, recorded in the report: the order within rounds is random,
  // not the same every time.
  m.round_seed = (static_cast<uint64_t>(std::random_device{}()) << 32) | std::random_device{}();
  SnippetSchedule schedule(m.round_seed);
  for (size_t i : lookup.to_run) {
    const SnippetSpec& spec = plan.snippets[i].spec;
    schedule.add(i, timed_ids.count(spec.id) ? Timing::alone : Timing::shared, spec.warmup, spec.runs, group[i]);
  }
  // The shared phase: every compile, and whole snippets whose timing nothing shows, with
  // as many at once as the runners allow: then each run has deckgen's other work beside it.
  const std::vector<size_t>& shared = schedule.shared_phase();
  const Beside beside = shared.size() > 1 && runners.make_more && runners.parallelism > 1 ? Beside::own_work
                                                                                           : Beside::nothing;
  in_parallel(shared, runners, [&](size_t i, Runner& runner) {
    prepared[i] = std::make_unique<PreparedSnippet>(plan.snippets[i], ctx);
    compile_snippet(*prepared[i], i, count, ctx, runner);
    if (prepared[i]->raw.compile_failed) {
      schedule.drop(i);  // (each worker touches only its own snippet's entry)
      finish(i);
    } else if (schedule.runs_whole_in_shared_phase(i)) {
      run_snippet(*prepared[i], i, count, ctx, runner, beside);
      finish(i);
    }
  });
  // The timed phase: one run at a time, with nothing else running; snippets measured
  // together alternate, round by round.
  while (std::optional<TimedStep> step = schedule.next_timed()) {
    if (step->round != 0) rounds[step->snippet][step->run] = {step->round, step->round_position};
    AfterRun after = run_once(*prepared[step->snippet], step->run, step->snippet, count, ctx, runners.main);
    auto outcome = after == AfterRun::stop ? SnippetSchedule::StepOutcome::failed : SnippetSchedule::StepOutcome::ran;
    if (schedule.done(*step, outcome)) finish(step->snippet);
  }
  for (size_t i : lookup.to_run)
    if (!results[i]) finish(i);  // a timed snippet with no run to make
  // Stored only once every snippet ran: an interrupted build (Interrupted thrown above)
  // writes no cache entries. Only passing results are kept: a failure reruns until fixed,
  // so a flaky one (a timeout on a busy machine) is never replayed from the cache.
  const bool storing = cache && options.store == StoreResults::yes;
  // A snippet whose inputs changed while it ran is not stored under the key of what was
  // there before (the watch that follows the edit reruns it).
  std::vector<bool> unchanged(count, true);
  for (size_t i : lookup.to_run) {
    if (!storing || results[i]->outcome != Outcome::passed) continue;
    if (lookup.key_now[i] && lookup.key_now[i]() != lookup.result_keys[i]) {
      unchanged[i] = false;
      status.warning(fmt::format("snippet '{}' changed while it ran: its result is shown but not kept in the cache",
                                 plan.snippets[i].spec.id));
      continue;
    }
    std::string warning;
    if (!cache->save(lookup.result_keys[i], *results[i], &warning)) status.warning(warning);
  }
  for (size_t i = 0; i < count; ++i) m.results[plan.snippets[i].spec.id] = std::move(*results[i]);
  m.build_results = std::move(lookup.build_results);
  // Claims the runs cannot decide yet get more of them, in rounds, one run at a time; not
  // on stage (a live rerun decides no claim: see RunControls::live_rerun).
  if (!options.live_rerun)
    m.sampling = sample_for_claims(deck, plan, ctx, runners.main, m.provenance.machine, options.family, m.round_seed + 1,
                                   m.results,
                                 [&](size_t i, const SnippetResult& r) {
                                   std::string warning;
                                   if (storing && r.outcome == Outcome::passed && unchanged[i] &&
                                       !cache->save(lookup.result_keys[i], r, &warning))
                                     status.warning(warning);
                                 }, status);
  status.progress_done();
  for (size_t i = 0; i < count; ++i) {
    const PlannedSnippet& s = plan.snippets[i];
    report_busy_runs(s, m.results.at(s.spec.id), busy_before[i], runs_before[i], timed_ids.count(s.spec.id) > 0,
                     status);
  }
  m.seconds = elapsed();
  m.provenance.git_revision = revision.get();
  lap("runs");
  return m;
}

}  // namespace deckgen
