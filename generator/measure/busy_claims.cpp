#include "measure/busy_claims.h"

#include <fmt/format.h>

#include "measure/snippet_result.h"

namespace deckgen {
namespace {

// The busy runs of the claim's snippets: "a: runs 2, 5; b: run 3" (1-based, as the
// slide's statistics table counts), and how much CPU the rest of the machine used.
struct BusyRuns {
  int count = 0;
  double other_cpu_seconds = 0, wall_seconds = 0;
  std::vector<std::string> listed;
};

BusyRuns busy_runs_of(const ClaimSpec& c, const Results& results) {
  BusyRuns busy;
  for (const std::string& id : claim_snippets(c)) {
    auto found = results.find(id);
    if (found == results.end()) continue;
    std::vector<std::string> numbers;
    for (const RunRecord& run : found->second.runs) {
      if (!run.busy) continue;
      ++busy.count;
      busy.other_cpu_seconds += run.other_cpu_seconds;
      busy.wall_seconds += run.wall_seconds;
      numbers.push_back(fmt::format("{}", run.index + 1));
    }
    if (!numbers.empty())
      busy.listed.push_back(fmt::format("{}: run{} {}", id, numbers.size() > 1 ? "s" : "", fmt::join(numbers, ", ")));
  }
  return busy;
}

std::string how_busy(const BusyRuns& busy, int cores) {
  double share = busy.wall_seconds > 0 ? busy.other_cpu_seconds / busy.wall_seconds : 0;
  return cores > 0 ? fmt::format("other processes used {:.1f} of {} cores during these runs", share, cores)
                   : fmt::format("other processes used {:.1f} cores during these runs", share);
}

}  // namespace

Results without_busy_runs(const Results& results) {
  Results clean = results;
  for (auto& [_, r] : clean) {
    if (r.busy_runs == 0) continue;
    size_t measured = r.runs.size();
    std::vector<RunRecord> kept;
    std::vector<bool> keep;
    for (const RunRecord& run : r.runs) {
      keep.push_back(!run.busy);
      if (!run.busy) kept.push_back(run);
    }
    r.runs = std::move(kept);
    // A metric recorded by every run is left out run by run; one that some runs did not
    // record cannot be matched to its runs and is kept whole.
    for (auto& [name, series] : r.metrics) {
      if (series.values.size() != measured) continue;
      std::vector<double> values;
      for (size_t i = 0; i < measured; ++i)
        if (keep[i]) values.push_back(series.values[i]);
      series.values = std::move(values);
    }
    r.run_outputs.clear();
    r.busy_runs = 0;
    r.stats.clear();
    r.metric_stats.clear();
    summarize_runs(r);
  }
  return clean;
}

std::vector<ClaimResult> check_claims_without_load(const std::vector<ClaimSpec>& claims, const Results& results,
                                                   const ClaimContext& context) {
  std::vector<ClaimResult> out = check_claims(claims, results, context);
  std::optional<Results> clean;
  for (size_t i = 0; i < claims.size(); ++i) {
    if (out[i].outcome == ClaimOutcome::skipped) continue;
    BusyRuns busy = busy_runs_of(claims[i], results);
    if (busy.count == 0) continue;
    if (!clean) clean = without_busy_runs(results);
    // A snippet all of whose runs were busy has nothing clean to decide with.
    bool nothing_clean = false;
    for (const std::string& id : claim_snippets(claims[i])) {
      auto found = clean->find(id);
      nothing_clean |= found != clean->end() && found->second.outcome == Outcome::passed && found->second.runs.empty();
    }
    ClaimResult decided = nothing_clean ? out[i] : check_claims({claims[i]}, *clean, context).at(0);
    if (nothing_clean) decided.verdict = "no run was made on an idle machine";
    std::string left_out = fmt::format("{} run{} made while the machine was busy left out ({}; {})", busy.count,
                                       busy.count > 1 ? "s" : "", fmt::join(busy.listed, "; "),
                                       how_busy(busy, context.machine.cores));
    // Clean runs that reached a look and still cannot tell are the snippet's own spread,
    // not the load: the claim is undecided for that reason, and says so.
    bool clean_look = !nothing_clean && decided.look.has_value();
    if (!nothing_clean && (decided.outcome == ClaimOutcome::holds || decided.outcome == ClaimOutcome::fails || clean_look)) {
      decided.evidence += fmt::format(". {}", left_out);
      out[i] = std::move(decided);
      continue;
    }
    // The clean runs cannot tell: whatever the busy ones said, the load decides nothing.
    std::string clean_verdict = decided.verdict;
    decided.outcome = ClaimOutcome::undecided;
    decided.fragile = false;
    // The slide says what happened; what to do is the author's, for the terminal.
    decided.verdict = fmt::format("not decided: the machine was busy ({})", how_busy(busy, context.machine.cores));
    decided.advice = "rerun on an idle machine";
    decided.evidence = fmt::format("{}. From the clean runs alone: {}. {}", left_out, clean_verdict, decided.evidence);
    out[i] = std::move(decided);
  }
  return out;
}

}  // namespace deckgen
