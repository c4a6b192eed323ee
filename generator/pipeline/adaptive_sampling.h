#pragma once
// Adaptive runs: after every snippet made its `runs:`, the snippets that claims read
// get more timed runs, in interleaved rounds (A B A B …), until every claim is decided
// and not fragile, or its budget (`budget:` seconds, `max_runs:`) is spent. Runs are
// made one at a time through a callback, so tests drive this with a fake runner and a
// fake clock, and no two timed runs ever overlap.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "measure/claims.h"

namespace deckgen {

// What a claim may spend when its block says nothing. Ten seconds of runs decide a 1.5×
// claim between 100 ms snippets many times over; max_runs keeps fast snippets from
// running thousands of times when their spread simply does not shrink.
inline constexpr double kDefaultClaimBudgetSeconds = 10;
inline constexpr int kDefaultMaxRuns = 40;

// Makes one more timed run of snippet `id`, appends it to `result` (its run record, its
// recorded metrics, its output) and returns the seconds the run took.
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
    bool budget_spent = false;
  };
  std::map<SourcePos, Claim> claims;
};

SamplingLog sample_until_decided(const std::vector<ClaimSpec>& claims, Results& results, const ClaimContext& context,
                                 const RunOneMore& run_one_more);

// Adds to an undecided or fragile claim's verdict how far sampling went: "undecided
// after 40 and 40 runs and 10.2 s".
void add_sampling_note(ClaimResult& result, const SamplingLog& log);

// "io-seq: 3 + 6 runs (for deck/05-threads.md:37)" per snippet that got more runs.
std::vector<std::string> describe_sampling(const SamplingLog& log);

}  // namespace deckgen
