#pragma once
// Adaptive runs: after every snippet made its `runs:`, the snippets that claims read
// get more timed runs, in rounds (A and B once each, in a random order), until every
// claim is decided and not fragile, or its budget (`budget:` seconds, `max_runs:`) is
// spent. A claim is only ever decided at its looks (measure/sequential.h): sampling
// runs rounds until the claim's next look is reached, then looks again. Runs are made
// one at a time through a callback, so tests drive this with a fake runner and a fake
// clock, and no two timed runs ever overlap.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "measure/claims.h"

namespace deckgen {

// What a claim may spend when its block says nothing. Ten seconds of runs decide a 1.5×
// claim between 100 ms snippets many times over; max_runs keeps fast snippets from
// running thousands of times when their spread simply does not shrink.
// (kDefaultMaxRuns is in measure/sequential.h: the looks a claim plans depend on it.)
inline constexpr double kDefaultClaimBudgetSeconds = 10;

// Makes one more timed run of snippet `id`, appends it to `result` (its run record, its
// recorded metrics, its output) and returns the seconds the run took. The sampler then
// stamps the run with its round.
using RunOneMore = std::function<double(const std::string& id, SnippetResult& result)>;

struct SamplingLog {
  struct Snippet {
    int initial_runs = 0;
    int added_runs = 0;
    std::vector<std::string> reasons;  // the claims (file:line) the runs were added for
  };
  std::map<std::string, Snippet> snippets;
  struct Claim {
    double seconds = 0;  // run time spent on the claim's snippets while it was undecided
    int rounds = 0;
    bool budget_spent = false;   // its `budget:` seconds ran out before its next look
    bool runs_spent = false;     // its next look needs more runs than `max_runs:`
  };
  std::map<SourcePos, Claim> claims;
  uint64_t round_seed = 0;  // drew the order within each round and the rounds' ids
};

SamplingLog sample_until_decided(const std::vector<ClaimSpec>& claims, Results& results, const ClaimContext& context,
                                 const RunOneMore& run_one_more, uint64_t round_seed = 0x5eed'0001);

// Adds to an undecided or fragile claim's advice how far sampling went: "after 40 and 40
// runs and 10.2 s of sampling (its budget)".
void add_sampling_note(ClaimResult& result, const SamplingLog& log);

// "io-seq: 3 + 6 runs (for deck/05-threads.md:37)" per snippet that got more runs.
std::vector<std::string> describe_sampling(const SamplingLog& log);

}  // namespace deckgen
