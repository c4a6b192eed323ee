#pragma once
// Before anything runs: which snippets' results are already settled (their language
// cannot run here, the cache holds them, or --only leaves them out) and which must run.
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cache/cache_key.h"
#include "cache/result_store.h"
#include "pipeline/run_settings.h"
#include "pipeline/status.h"
#include "plan/plan.h"
#include "toolchain/toolchain.h"

namespace deckgen {

struct SnippetLookup {
  std::vector<std::optional<SnippetResult>> settled;  // per plan snippet; nullopt: must run
  std::vector<std::string> result_keys;               // per plan snippet; empty without a cache
  std::map<std::string, std::string> program_keys;    // snippet id -> compile_cache_key
  std::vector<size_t> to_run;                         // plan indices, in plan order
  // Per plan snippet, its result key as computed again now, from the files as they are:
  // a result is stored only when this still gives result_keys[i] after its runs (issue
  // 24: a source edited while it ran, then restored, showed the edit's output under the
  // original code). Empty without a cache.
  std::vector<std::function<std::string()>> key_now;
  // RunControls::live_rerun: the cached (build's) results of the snippets that rerun live.
  std::map<std::string, SnippetResult> build_results;
};

// `cache` is null under --no-cache. `base` holds the inputs shared by every snippet (the
// tool is filled in per language). `timed_ids`: timing_sensitive_snippets. `group`:
// measured_together; a group is run whole when any of it must run, its cached results
// set aside. `report` is told each settled result that a run would also report.
SnippetLookup look_up_snippets(const Plan& plan, const Toolchains& tools, const RunSettings& options,
                               const ResultStore* cache, const CacheInputs& base,
                               const std::set<std::string>& timed_ids, const std::vector<size_t>& group,
                               Status& status,
                               const std::function<void(size_t, const SnippetResult&)>& report);

}  // namespace deckgen
