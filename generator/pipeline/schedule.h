#pragma once
// What runs next, and in which phase (after ninja's Plan, which knows what is ready and
// nothing of how a command is launched; run/execute.h launches).
//
// Two phases. The shared phase may use every core: each snippet's compile, and whole
// snippets whose timing nothing shows. The timed phase comes after it and hands out one
// run at a time, with nothing else of deckgen running: a timed snippet's warmups and
// timed runs, each its own step, so that a later policy can order the steps of several
// snippets (A B A B ...) without touching the orchestrator or the runner.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "model/document.h"
#include "plan/plan.h"

namespace deckgen {

// Ids of the snippets whose timing is shown (`show: [timing]`), quoted by a
// placeholder, compared by a claim or drawn in a chart or timeline. A snippet's own
// recorded metrics count: they are usually timings it took itself.
std::set<std::string> timing_sensitive_snippets(const Deck& deck, const Plan& plan);

// For each plan snippet, the group it is measured with: the plan index of the group's
// first snippet (its own index when nothing compares it with another). Claims comparing
// two snippets, charts and `{{ratio a b}}` placeholders join their snippets' groups,
// transitively.
std::vector<size_t> measured_together(const Deck& deck, const Plan& plan);

enum class Timing { shared, alone };

// One run of one snippet in the timed phase. `run` < 0 is a warmup.
struct TimedStep {
  size_t snippet = 0;  // index into the plan's snippets
  int run = 0;
  // Timed runs of a group's snippets with the same `run` form a round: one id for the
  // round (never 0) and this step's place in it, drawn at random (RunRecord::round).
  uint64_t round = 0;
  int round_position = 0;
};

class SnippetSchedule {
 public:
  // `round_seed` draws the order of the snippets within each round, so that neither side
  // of a comparison always runs first (a warm cache or a CPU's boost favours one).
  explicit SnippetSchedule(uint64_t round_seed = 0x5eed'0002) : random_(round_seed) {}

  // A snippet that must run this build (not taken from the cache), with its warmups and
  // timed runs, and its group (measured_together). Groups are handed out in the order
  // their first snippet was added; within a group, one step of each snippet in turn.
  void add(size_t snippet, Timing timing, int warmup, int runs, size_t group);

  // The shared phase: every added snippet, to compile and, when runs_whole_in_shared_phase,
  // to run all its runs too.
  const std::vector<size_t>& shared_phase() const { return order_; }
  bool runs_whole_in_shared_phase(size_t snippet) const;

  // The timed phase, once the shared phase is over. A timed snippet whose compile failed
  // is dropped first; each step's outcome is reported back with done().
  void drop(size_t snippet);
  std::optional<TimedStep> next_timed();
  // After a step: true when the snippet has nothing left to run (its last run, or
  // `failed`: a failed run stops the snippet's remaining runs).
  enum class StepOutcome { ran, failed };
  bool done(const TimedStep& step, StepOutcome outcome);

 private:
  struct Entry {
    size_t snippet;
    size_t group;
    Timing timing;
    int next_run;   // starts at -warmup
    int runs;
    bool finished;  // dropped, failed or all runs made
  };
  Entry* find(size_t snippet);
  const Entry* find(size_t snippet) const;

  std::vector<size_t> order_;
  std::vector<Entry> entries_;
  std::optional<size_t> current_group_;  // the group whose rounds are under way
  std::mt19937_64 random_;
  std::map<std::pair<size_t, int>, std::pair<uint64_t, int>> rounds_;  // (group, run) → id, steps handed out
  bool step_out_ = false;  // one timed step at a time: nothing may run beside it
};

}  // namespace deckgen
