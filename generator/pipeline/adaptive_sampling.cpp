#include "pipeline/adaptive_sampling.h"

#include <fmt/format.h>

#include <algorithm>
#include <random>

#include "measure/busy_claims.h"
#include "measure/units.h"

namespace deckgen {
namespace {

bool wants_more(const ClaimResult& r) {
  if (r.outcome == ClaimOutcome::skipped || r.observed_fact) return false;
  return r.outcome == ClaimOutcome::undecided || r.fragile;
}

bool all_passed(const ClaimSpec& c, const Results& results) {
  for (const std::string& id : claim_snippets(c)) {
    auto found = results.find(id);
    if (found == results.end() || found->second.outcome != Outcome::passed || found->second.runs.empty()) return false;
  }
  return true;
}

// The runs (per side, or pairs) the claim's next look needs; 0 when max_runs allows none.
size_t next_look_size(const ClaimResult& r) {
  for (size_t size : r.looks)
    if (size > r.available) return size;
  return 0;
}

struct Pending {
  const ClaimSpec* claim;
  // The runs each of its snippets must have for the next look: what it has now, and as
  // many more as the look lacks. (The look counts the runs the claim decides on, which
  // leaves out runs made while the machine was busy: the runs a snippet has can be more.)
  std::map<std::string, size_t> goal;
};

}  // namespace

SamplingLog sample_until_decided(const std::vector<ClaimSpec>& claims, Results& results, const ClaimContext& context,
                                 const RunOneMore& run_one_more, uint64_t round_seed) {
  SamplingLog log;
  log.round_seed = round_seed;
  std::mt19937_64 random(round_seed);
  for (const auto& [id, r] : results) log.snippets[id].initial_runs = static_cast<int>(r.runs.size());
  for (const ClaimSpec& c : claims) log.claims[c.pos];

  for (;;) {
    // Which claims want runs for their next look, and may have them.
    // Busy runs are left out (measure/busy_claims.h): a claim the load left undecided
    // gets more runs, within its budget, that may be clean.
    std::vector<ClaimResult> now = check_claims_without_load(claims, results, context);
    std::vector<Pending> pending;
    for (size_t i = 0; i < claims.size(); ++i) {
      const ClaimSpec& c = claims[i];
      if (!wants_more(now[i]) || !all_passed(c, results)) continue;
      SamplingLog::Claim& spent = log.claims[c.pos];
      size_t target = next_look_size(now[i]);
      if (target == 0) {
        spent.runs_spent = true;
        continue;
      }
      if (spent.seconds >= c.budget_seconds.value_or(kDefaultClaimBudgetSeconds)) {
        spent.budget_spent = true;
        continue;
      }
      Pending p{&c, {}};
      for (const std::string& id : claim_snippets(c)) p.goal[id] = results.at(id).runs.size() + (target - now[i].available);
      pending.push_back(std::move(p));
    }
    if (pending.empty()) return log;

    // Rounds until every pending claim reaches its next look (or its budget): each round
    // runs each snippet a pending claim still needs once, a snippet shared by several
    // claims once, in an order drawn at random, so that neither side always runs first.
    for (;;) {
      std::vector<std::string> round;
      std::vector<const Pending*> in_round;
      for (const Pending& p : pending) {
        SamplingLog::Claim& spent = log.claims[p.claim->pos];
        if (spent.seconds >= p.claim->budget_seconds.value_or(kDefaultClaimBudgetSeconds)) continue;
        // Both sides run in every round until both reach their goal, so paired rounds stay pairs.
        bool short_of_goal = false;
        for (const auto& [id, goal] : p.goal) short_of_goal |= results.at(id).runs.size() < goal;
        if (!short_of_goal) continue;
        in_round.push_back(&p);
        for (const auto& [id, goal] : p.goal)
          if (std::find(round.begin(), round.end(), id) == round.end()) round.push_back(id);
      }
      if (round.empty()) break;
      std::shuffle(round.begin(), round.end(), random);
      uint64_t round_id = random() | 1;  // never 0, which means "no round"
      for (size_t position = 0; position < round.size(); ++position) {
        const std::string& id = round[position];
        SnippetResult& result = results.at(id);
        double seconds = run_one_more(id, result);
        if (!result.runs.empty()) {
          result.runs.back().round = round_id;
          result.runs.back().round_position = static_cast<int>(position);
        }
        SamplingLog::Snippet& s = log.snippets[id];
        ++s.added_runs;
        ++result.sampled_runs;
        for (const Pending* p : in_round) {
          std::vector<std::string> reads = claim_snippets(*p->claim);
          if (std::find(reads.begin(), reads.end(), id) == reads.end()) continue;
          log.claims[p->claim->pos].seconds += seconds;
          std::string reason = fmt::format("{}", p->claim->pos);
          if (std::find(s.reasons.begin(), s.reasons.end(), reason) == s.reasons.end()) {
            s.reasons.push_back(reason);
            result.sampled_for.push_back(reason);
          }
        }
        if (result.outcome != Outcome::passed) break;
      }
      for (const Pending* p : in_round) ++log.claims[p->claim->pos].rounds;
      bool failed = std::any_of(round.begin(), round.end(),
                                [&](const std::string& id) { return results.at(id).outcome != Outcome::passed; });
      if (failed) break;
    }
  }
}

void add_sampling_note(ClaimResult& result, const SamplingLog& log) {
  if (result.outcome != ClaimOutcome::undecided && !result.fragile) return;
  auto found = log.claims.find(result.spec.pos);
  if (found == log.claims.end()) return;
  std::string runs = compares_two(result.spec.kind) ? fmt::format("{} and {} runs", result.n_a, result.n_b)
                                                    : fmt::format("{} runs", result.n_a);
  std::string note = fmt::format("after {} and {} of sampling", runs, format_duration(found->second.seconds));
  if (found->second.budget_spent) note += " (its `budget:` ran out)";
  if (found->second.runs_spent) note += " (its next look is past `max_runs:`)";
  result.advice = result.advice.empty() ? note : fmt::format("{}; {}", note, result.advice);
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
