#pragma once
// When a claim may be looked at, and at which level: the group-sequential design that
// keeps a claim's error at its nominal level however many runs adaptive sampling adds
// and however many builds continue its runs from the cache.
//
// Testing again after every added run at the full level, and stopping at the first
// decision, decides a claim that sits exactly on its bound the wrong way far more often
// than the level says (17% instead of 5% when measured). Here a claim is decided only at
// looks fixed in advance, and each look spends its own share of the error:
//
//   sizes:  m_0 = max(the runs asked for, the fewest that can decide at look 0),
//           m_{j+1} = max(m_j + 1, ⌈1.5 · m_j⌉)           (runs per side, or pairs)
//   levels: α_0 = 0.8 α, α_j = 0.2 α / 2^j for j ≥ 1      (4%, 0.5%, 0.25%, …; Σ α_j < α)
//
// The first look spends most of the error because almost every claim of a talk is
// decided there, at the runs its blocks ask for; the few that are not share the rest.
//
// By the Bonferroni inequality the chance of a wrong decision at any look is at most
// Σ α_j < α, whatever the looks' correlation, the stopping rule (decided, fragile,
// budget, max_runs) or the number of builds. Neither the sizes nor the levels depend on
// `max_runs` or `budget`, so raising them continues the same design: the verdict is a
// function of the runs alone (the first m_j of each side at the last look reached), and
// a rebuild that adds no run looks at nothing new. Lan–DeMets boundaries computed from
// the joint normal distribution of the looks would spend less conservatively, but are
// only asymptotically right for rank statistics at 3 to 40 runs; this one is exact.
#include <cstddef>
#include <optional>
#include <vector>

namespace deckgen {

// How many runs a snippet may get for a claim whose block gives no `max_runs:`.
inline constexpr int kDefaultMaxRuns = 40;

struct Look {
  int index = 0;       // 0 for the first look
  size_t size = 0;     // runs per side (pairs, for paired rounds) the look decides on
  double alpha = 0;    // the one-sided error this look may spend
};

// How a look's level limits the fewest runs that can decide anything: the exact tests
// cannot reach a small p with a handful of runs (3 against 3 can do no better than 5%).
enum class LookTest {
  rank_sum,      // unpaired Mann–Whitney / Hodges–Lehmann, equal sides
  signed_rank,   // paired rounds, Wilcoxon signed-rank
  median,        // the order-statistic interval of a median
  bootstrap,     // BCa intervals of a mean, standard deviation or MAD
};

inline constexpr double kFirstLookShare = 0.8;

class LookSchedule {
 public:
  // `initial`: the runs the blocks asked for (the smaller side); `alpha`: 1 − confidence.
  LookSchedule(size_t initial, LookTest test, double alpha);

  // The last look that `available` runs have reached, if any.
  std::optional<Look> reached(size_t available) const;
  // The look after `available` runs: the runs sampling must reach for the next decision.
  Look next(size_t available) const;
  // The sizes of every look up to `max_runs` (for the report).
  std::vector<size_t> sizes_up_to(size_t max_runs) const;

  size_t first_size() const { return first_; }
  double first_alpha() const { return kFirstLookShare * alpha_; }
  double alpha() const { return alpha_; }

 private:
  Look look(int index) const;
  size_t first_;
  double alpha_;
};

// The fewest runs (per side, or pairs) with which `test` can decide at one-sided level
// `alpha` and still decide with any one run left out (a decision at the very fewest runs
// would always be fragile). Bootstrap intervals need kMinBootstrapRuns whatever the level.
inline constexpr size_t kMinBootstrapRuns = 20;
size_t fewest_runs_to_decide(LookTest test, double alpha);

}  // namespace deckgen
