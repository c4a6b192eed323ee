#include "pipeline/claim_sampling.h"

#include <fmt/format.h>

#include <memory>

#include "measure/median_run.h"
#include "measure/snippet_result.h"

namespace deckgen {

SamplingLog sample_for_claims(const Deck& deck, const Plan& plan, const ExecuteContext& ctx, Runner& runner,
                              const Machine& machine, std::map<std::string, SnippetResult>& results,
                              const std::function<void(size_t, const SnippetResult&)>& keep, Status& status) {
  size_t count = plan.snippets.size();
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < count; ++i) index[plan.snippets[i].spec.id] = i;

  // A snippet sampled again is prepared again: its program comes from the kept
  // programs (or is compiled), and it gets its warmups before the first added run.
  std::map<size_t, std::unique_ptr<PreparedSnippet>> prepared;
  auto run_one_more = [&](const std::string& id, SnippetResult& r) -> double {
    size_t i = index.at(id);
    const PlannedSnippet& s = plan.snippets[i];
    std::unique_ptr<PreparedSnippet>& p = prepared[i];
    if (!p) {
      p = std::make_unique<PreparedSnippet>(s, ctx);
      compile_snippet(*p, i, count, ctx, runner);
      if (p->raw.compile_failed) {
        r.outcome = Outcome::failed;
        r.failure = "compiling it again for more runs failed";
        return 0;
      }
      for (int warmup = -s.spec.warmup; warmup < 0; ++warmup) run_once(*p, warmup, i, count, ctx, runner);
    }
    run_once(*p, static_cast<int>(r.runs.size()), i, count, ctx, runner);
    add_sampled_run(r, s, p->raw.timed.back(), p->raw.last);
    return r.runs.back().wall_seconds;
  };

  SamplingLog log;
  if (!deck.claims.empty()) {
    ClaimContext context{deck.meta.confidence, {machine.usable_cores, machine.logical_cores, machine.usable_physical_cores}};
    log = sample_until_decided(deck.claims, results, context, run_one_more);
    for (const std::string& line : describe_sampling(log)) status.info(fmt::format("more runs: {}", line));
  }
  for (auto& [id, r] : results) {
    int shown = r.shown_run;
    show_median_run(r, median_run_metric(id, deck.claims));
    if (r.sampled_runs > 0 || r.shown_run != shown) keep(index.at(id), r);
  }
  return log;
}

}  // namespace deckgen
