#pragma once
// Checks the deck's claims against this build's measurements, each by a stated
// procedure at a stated confidence (measure/decisions.h). A claim that the numbers
// contradict fails; one they cannot decide is `undecided`, which is not a pass either
// (a warning for `build`, a failure for `check`);
// one whose `when:` condition is false on this machine is `skipped`.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "measure/decisions.h"
#include "measure/machine.h"
#include "measure/sequential.h"
#include "measure/values.h"
#include "model/document.h"
#include "model/expression.h"

namespace deckgen {

enum class ClaimOutcome { holds, fails, undecided, skipped };

struct ClaimResult {
  ClaimSpec spec;
  ClaimOutcome outcome = ClaimOutcome::fails;
  bool fragile = false;  // leaving out any single run would change the outcome
  // One plain sentence for the audience: "io-asyncio was 23.4× faster than io-seq
  // (likely 21.0× to 25.9×)". No statistics and no advice.
  std::string verdict;
  std::string evidence;  // the numbers and the procedure behind it, for the curious
  std::string advice;    // for the author, in the terminal and the report only: never on a slide
  std::string procedure; // its name, for the report: "Hodges–Lehmann ratio interval", ...
  // min and max claims: facts about the runs that were made, not decided at a confidence.
  bool observed_fact = false;
  bool paired = false;          // decided on paired rounds (per-round ratios)
  std::optional<Look> look;     // the look it was decided at (measure/sequential.h)
  std::vector<size_t> looks;    // the sizes of every look its max_runs allows
  size_t available = 0;         // the runs (per side; pairs when paired) the looks count
  double confidence = kDefaultConfidence;
  bool family_adjusted = false;  // its confidence is the deck's divided among its claims (--family)
  std::optional<Interval> interval;     // of B/A (comparisons) or of the statistic (values)
  size_t n_a = 0, n_b = 0;              // runs on each side (values: n_a)
  std::optional<double> ratio, p_value, measured;
  std::optional<double> bound;          // by / margin / below / above as evaluated on this machine
};

// Whether the claim makes the command exit 1. Holding and skipped claims never do and
// failed ones always do. An undecided claim is a warning where the deck is being written
// (`build`, `watch`, `pdf`: `lenient`) and a failure where it is being verified (`check`:
// `normal`); with `strict` (--strict) it fails, and so do fragile ones and skipped ones
// whose block does not say `skip_ok: true`.
enum class Strictness { lenient, normal, strict };
bool claim_fails_build(const ClaimResult& result, Strictness strictness);

// How the deck's claims share their error. `each`: every claim is wrong at most α (1 −
// confidence) of the time, and about α of claims sitting on their bounds would hold by
// chance. `bonferroni` (--family bonferroni): each of the K statistical claims checked
// on this machine is decided at α/K, so that all of them together are wrong with
// probability at most α. (Holm's step-down would be uniformly stronger, but needs each
// claim's p-value, which claims decided at looks on intervals do not have.)
enum class ClaimFamily { each, bonferroni };

struct ClaimContext {
  double confidence = kDefaultConfidence;  // front matter `confidence:`
  MachineFacts machine;                    // for `when:` and bounds like `0.6 * machine.cores`
  std::map<std::string, std::string> labels = {};  // snippet id → the name a chart gives it
  ClaimFamily family = ClaimFamily::each;
  double deck_confidence = 0;  // with a family: the deck's own confidence, before dividing
};


// The context a deck's claims are checked in on this machine: its confidence (for the
// family), the machine's facts, and the names the deck's charts give snippets.
ClaimContext claim_context(const Deck& deck, const Machine& machine, ClaimFamily family = ClaimFamily::each);

std::vector<ClaimResult> check_claims(const std::vector<ClaimSpec>& claims, const Results& results,
                                      const ClaimContext& context);

// "claims: 27 hold (2 fragile), 1 failed, 1 undecided, 1 skipped": the terminal's summary line.
std::string claims_summary(const std::vector<ClaimResult>& results);

// What the deck's claims mean together: "each of the 12 decided claims is wrong at most
// 5% of the time; were every claim exactly on its bound, about 0.6 would hold by chance".
std::string family_statement(const std::vector<ClaimResult>& results);

// "holds", "fails", "undecided", "skipped": the report's words.
const char* outcome_name(ClaimOutcome outcome);

}  // namespace deckgen
