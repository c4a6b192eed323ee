#include "pipeline/cache_lookup.h"

#include <fmt/format.h>

#include "cache/key_changes.h"
#include "cache/key_history.h"
#include "util/files.h"

namespace deckgen {
namespace {

ToolInfo tool_for(const Toolchains& tools, const std::string& language) {
  for (const ToolInfo& t : tools.tools)
    if (t.language == language) return t;
  return {language, "", ""};
}

// --verbose: why a snippet did not come from the cache, in the words of its key's inputs.
void explain_rerun(const std::string& id, const RunSettings& options, const std::string& previous_key,
                   const std::string& key, Status& status) {
  std::vector<std::string> why;
  if (options.force) why.push_back("--force");
  else if (options.only.count(id)) why.push_back("named by --only");
  else why = key_changes(previous_key, key);
  // The same inputs, and yet no result: it was not kept (only passing results are) or was removed.
  if (why.empty()) why.push_back("nothing changed, but no result was kept (the last run failed, or the entry was removed)");
  status.detail(fmt::format("snippet '{}' reruns: {}", id, fmt::join(why, ", ")));
}

SnippetResult failed(const std::string& id, std::string why) {
  SnippetResult r;
  r.id = id;
  r.outcome = Outcome::failed;
  r.failure = std::move(why);
  return r;
}

}  // namespace

SnippetLookup look_up_snippets(const Plan& plan, const Toolchains& tools, const RunSettings& options,
                               const ResultStore* cache, const CacheInputs& base,
                               const std::set<std::string>& timed_ids, const std::vector<size_t>& group,
                               Status& status, const std::function<void(size_t, const SnippetResult&)>& report) {
  size_t count = plan.snippets.size();
  SnippetLookup lookup;
  lookup.settled.resize(count);
  lookup.result_keys.resize(count);
  lookup.key_now.resize(count);
  std::vector<bool> must_run(count, false);
  std::vector<bool> runnable(count, false);  // its language can run here
  std::vector<std::string> program_keys(count);
  // Which inputs changed since each snippet's last lookup (--verbose).
  std::optional<CacheStore> store;
  if (cache) store.emplace(cache->dir());
  for (size_t i = 0; i < count; ++i) {
    const PlannedSnippet& s = plan.snippets[i];
    bool named_by_only = options.only.count(s.spec.id) > 0;
    if (auto missing = tools.missing.find(s.spec.language); missing != tools.missing.end()) {
      lookup.settled[i] = failed(s.spec.id, fmt::format("cannot run {}: {}", s.spec.language, missing->second));
      continue;
    }
    runnable[i] = true;
    if (cache) {
      CacheInputs inputs = base;
      inputs.tool = tool_for(tools, s.spec.language);
      // A result measured beside other work must never be shown as if measured alone.
      inputs.measurement = timed_ids.count(s.spec.id) ? "alone" : "shared";
      SnippetKeys keys = snippet_keys(s, inputs);
      // The source as it is on disk now (the key above hashed it as the plan read it).
      lookup.key_now[i] = [&s, inputs] {
        PlannedSnippet now = s;
        if (!read_file(now.spec.file, now.source)) return std::string();
        return snippet_keys(now, inputs).result;
      };
      const std::string& key_text = keys.text;
      lookup.result_keys[i] = keys.result;
      program_keys[i] = std::move(keys.program);
      bool rerun = options.force || (!options.only.empty() && named_by_only);
      std::string warning;
      std::optional<SnippetResult> hit = rerun ? std::nullopt : cache->load(lookup.result_keys[i], &warning);
      if (hit && hit->id != s.spec.id) {  // the key covers the id: this entry was edited (issue 24)
        warning = fmt::format("cache entry {} ignored: it holds snippet '{}', not '{}'", lookup.result_keys[i], hit->id,
                              s.spec.id);
        hit.reset();
      }
      if (rerun && options.live_rerun)
        if (std::optional<SnippetResult> build = cache->load(lookup.result_keys[i], &warning))
          lookup.build_results.emplace(s.spec.id, std::move(*build));
      if (!warning.empty()) status.warning(warning);
      KeyHistory history(*store);
      // Timings measured while the machine was busy are not final: a later build measures
      // them again rather than serving (or `check` verifying) what the load made of them.
      // Not on stage, not in watch's rebuilds after its first, and not for snippets --only
      // leaves alone: there the build's results stand, and what was asked for is what runs.
      bool busy = hit && hit->busy_runs > 0 && timed_ids.count(s.spec.id) && options.remeasure_busy &&
                  !options.live_rerun && (options.only.empty() || named_by_only);
      if (busy)
        status.detail(fmt::format("snippet '{}' reruns: {} of its {} stored runs were made while the machine was busy",
                                  s.spec.id, hit->busy_runs, hit->runs.size()));
      else if (!hit)
        explain_rerun(s.spec.id, options, history.previous(s.spec.id), key_text, status);
      if (busy) hit.reset();
      history.remember(s.spec.id, key_text);
      if (hit) {
        lookup.settled[i] = std::move(*hit);
        continue;
      }
    }
    if (!options.only.empty() && !named_by_only && !options.force) {
      // --only: the others come from the cache, or are not run at all this time.
      lookup.settled[i] = failed(s.spec.id, "not run: --only names other snippets and no cached result exists");
      continue;
    }
    must_run[i] = true;
  }
  // Snippets measured together are measured in the same rounds: when one of a group must
  // run, the others run again beside it rather than pairing fresh runs with runs made
  // under other conditions (another day, another load). That includes --only's others.
  // Not for present's ▶: its run is shown beside the build's, never paired with them.
  std::set<size_t> groups_running;
  for (size_t i = 0; i < count && !options.live_rerun; ++i)
    if (must_run[i]) groups_running.insert(group[i]);
  for (size_t i = 0; i < count; ++i)
    if (runnable[i] && !must_run[i] && groups_running.count(group[i])) {
      must_run[i] = true;
      lookup.settled[i].reset();
      status.detail(fmt::format("snippet '{}' reruns: a claim or chart measures it together with snippets that must run",
                                plan.snippets[i].spec.id));
    }
  for (size_t i = 0; i < count; ++i) {
    if (must_run[i]) {
      lookup.to_run.push_back(i);
      if (!program_keys[i].empty()) lookup.program_keys[plan.snippets[i].spec.id] = program_keys[i];
    } else if (lookup.settled[i] && (lookup.settled[i]->outcome == Outcome::passed || !runnable[i])) {
      report(i, *lookup.settled[i]);  // (--only's "not run" is not a result to report)
    }
  }
  return lookup;
}

}  // namespace deckgen
