#pragma once
// The run stage of a build: every snippet of the plan taken from the cache or run (in
// the two phases of schedule.h), measured, reported to the Status as soon as known, and
// kept in the cache when it passed.
#include <map>
#include <string>

#include "cache/warm_cache.h"
#include "measure/provenance.h"
#include "model/document.h"
#include "model/results.h"
#include "pipeline/adaptive_sampling.h"
#include "pipeline/run_settings.h"
#include "pipeline/status.h"
#include "pipeline/worker_pool.h"
#include "plan/plan.h"
#include "util/stage_times.h"

namespace deckgen {

struct Measured {
  std::map<std::string, SnippetResult> results;  // by snippet id, one per plan snippet
  Provenance provenance;
  double seconds = 0;                            // the whole run stage, wall time
  SamplingLog sampling;                          // the runs added for claims (adaptive_sampling.h)
  uint64_t round_seed = 0;                       // drew the order within each round of runs
  // RunControls::live_rerun: the build's own results of the snippets rerun live, by id.
  std::map<std::string, SnippetResult> build_results;
};

// `times`, when given, gets a lap for each of the stage's steps (--verbose prints them);
// `warm` keeps what was read for the next build (cache/warm_cache.h).
Measured run_snippets(const Deck& deck, const Plan& plan, const RunSettings& options, Status& status, Runners runners,
                      StageTimes* times = nullptr, WarmCache* warm = nullptr);

}  // namespace deckgen
