#pragma once
// The runs a claim decides on: a comparison's two sides, paired by round where they were
// made round by round, and how many runs the blocks asked for (where the claim's looks
// start, measure/sequential.h).
#include <cstddef>
#include <string>

#include "measure/decisions.h"
#include "measure/values.h"

namespace deckgen {

// The values of `metric` for snippets a and b. Paired when every run of the side with
// fewer runs has a partner on the other side made in the same round (RunRecord::round);
// the pairs then keep a's run order and runs without a partner are left out. Unpaired
// otherwise: one side came from the cache of an earlier build, or a run did not record
// the metric. Empty sides when a snippet failed.
Sides comparison_sides(const Results& results, const std::string& a, const std::string& b, const std::string& metric,
                       const SourcePos& pos);

// The runs the block asked for: the timed runs less those adaptive sampling added.
size_t initial_runs(const Results& results, const std::string& id);

// `{{ratio a b}}` and a comparison claim's estimate, one estimand: the Hodges–Lehmann
// estimate of a/b (paired when the runs are), 0 when either side has no positive values.
double ratio_estimate(const Sides& sides_b_over_a);

}  // namespace deckgen
