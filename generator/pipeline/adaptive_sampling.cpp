#include "pipeline/adaptive_sampling.h"

#include <fmt/format.h>

#include <algorithm>

#include "measure/units.h"

namespace deckgen {
namespace {

std::vector<std::string> snippets_of(const ClaimSpec& c) {
  if (c.kind == ClaimSpec::Kind::value) return {c.value.id};
  return {c.a, c.b};
}

bool wants_more(const ClaimResult& r) {
  return r.outcome == ClaimOutcome::undecided || (r.fragile && r.outcome != ClaimOutcome::skipped);
}

bool all_passed(const ClaimSpec& c, const Results& results) {
  for (const std::string& id : snippets_of(c)) {
    auto found = results.find(id);
    if (found == results.end() || found->second.outcome != Outcome::passed || found->second.runs.empty()) return false;
  }
  return true;
}

}  // namespace

SamplingLog sample_until_decided(const std::vector<ClaimSpec>& claims, Results& results, const ClaimContext& context,
                                 const RunOneMore& run_one_more) {
  SamplingLog log;
  for (const auto& [id, r] : results) log.snippets[id].initial_runs = static_cast<int>(r.runs.size());
  for (const ClaimSpec& c : claims) log.claims[c.pos];

  for (;;) {
    // Which claims still want runs, and may have them.
    std::vector<ClaimResult> now = check_claims(claims, results, context);
    std::vector<const ClaimSpec*> pending;
    for (size_t i = 0; i < claims.size(); ++i) {
      const ClaimSpec& c = claims[i];
      if (!wants_more(now[i]) || !all_passed(c, results)) continue;
      SamplingLog::Claim& spent = log.claims[c.pos];
      int max_runs = c.max_runs.value_or(kDefaultMaxRuns);
      std::vector<std::string> reads = snippets_of(c);
      bool room = std::any_of(reads.begin(), reads.end(), [&](const std::string& id) {
        return static_cast<int>(results.at(id).runs.size()) < max_runs;
      });
      if (spent.seconds >= c.budget_seconds.value_or(kDefaultClaimBudgetSeconds) || !room) {
        spent.budget_spent = true;
        continue;
      }
      pending.push_back(&c);
    }
    if (pending.empty()) return log;

    // One round: each pending claim's snippets once, in the claim's order (A then B), a
    // snippet shared by several claims once per round.
    std::vector<std::string> round;
    for (const ClaimSpec* c : pending)
      for (const std::string& id : snippets_of(*c))
        if (std::find(round.begin(), round.end(), id) == round.end() &&
            static_cast<int>(results.at(id).runs.size()) < c->max_runs.value_or(kDefaultMaxRuns))
          round.push_back(id);
    for (const std::string& id : round) {
      SnippetResult& result = results.at(id);
      double seconds = run_one_more(id, result);
      SamplingLog::Snippet& s = log.snippets[id];
      ++s.added_runs;
      ++result.sampled_runs;
      for (const ClaimSpec* c : pending) {
        std::vector<std::string> reads = snippets_of(*c);
        if (std::find(reads.begin(), reads.end(), id) == reads.end()) continue;
        log.claims[c->pos].seconds += seconds;
        std::string reason = fmt::format("{}", c->pos);
        if (std::find(s.reasons.begin(), s.reasons.end(), reason) == s.reasons.end()) {
          s.reasons.push_back(reason);
          result.sampled_for.push_back(reason);
        }
      }
    }
    for (const ClaimSpec* c : pending) ++log.claims[c->pos].rounds;
  }
}

void add_sampling_note(ClaimResult& result, const SamplingLog& log) {
  if (result.outcome != ClaimOutcome::undecided && !result.fragile) return;
  auto found = log.claims.find(result.spec.pos);
  if (found == log.claims.end()) return;
  std::string runs = result.spec.kind == ClaimSpec::Kind::value ? fmt::format("{} runs", result.n_a)
                                                                 : fmt::format("{} and {} runs", result.n_a, result.n_b);
  std::string note = fmt::format("after {} and {} of sampling", runs, format_duration(found->second.seconds));
  if (found->second.budget_spent) note += " (its budget: raise `budget:` or `max_runs:`, or make the snippets steadier)";
  result.verdict = fmt::format("{} — {}", result.verdict, note);
}

std::vector<std::string> describe_sampling(const SamplingLog& log) {
  std::vector<std::string> lines;
  for (const auto& [id, s] : log.snippets)
    if (s.added_runs > 0)
      lines.push_back(fmt::format("{}: {} + {} runs (for the claims at {})", id, s.initial_runs, s.added_runs,
                                  fmt::join(s.reasons, ", ")));
  return lines;
}

}  // namespace deckgen
