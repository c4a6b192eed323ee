#pragma once
// The run stage's last step: more timed runs for the snippets claims read, one at a
// time with nothing else running, until every claim is decided (adaptive_sampling.h);
// then each run slide's output becomes its median run's.
#include <functional>
#include <map>
#include <string>

#include "measure/machine.h"
#include "model/document.h"
#include "pipeline/adaptive_sampling.h"
#include "pipeline/status.h"
#include "plan/plan.h"
#include "run/execute.h"

namespace deckgen {

// `keep(i, result)` stores a result that sampling changed (the cache). Returns what was
// sampled, for the claims' verdicts.
SamplingLog sample_for_claims(const Deck& deck, const Plan& plan, const ExecuteContext& ctx, Runner& runner,
                              const Machine& machine, ClaimFamily family, uint64_t round_seed, std::map<std::string, SnippetResult>& results,
                              const std::function<void(size_t, const SnippetResult&)>& keep, Status& status);

}  // namespace deckgen
