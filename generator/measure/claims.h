#pragma once
// Checks the deck's claims against this build's measurements, each by a stated
// procedure at a stated confidence (measure/decisions.h). A claim that the numbers
// contradict fails; one they cannot decide is `undecided`, which is not a pass either
// (a warning for `build`, a failure for `check`);
// one whose `when:` condition is false on this machine is `skipped`.
#include <optional>
#include <string>
#include <vector>

#include "measure/decisions.h"
#include "measure/values.h"
#include "model/expression.h"

namespace deckgen {

enum class ClaimOutcome { holds, fails, undecided, skipped };

struct ClaimResult {
  ClaimSpec spec;
  ClaimOutcome outcome = ClaimOutcome::fails;
  bool fragile = false;  // leaving out any single run would change the outcome
  std::string verdict;   // one line for the slide: "io-asyncio is 23.4× faster than io-seq (needed ≥ 10×)"
  std::string evidence;  // the numbers and the procedure behind it
  std::string procedure; // its name, for the report: "Hodges–Lehmann ratio interval", ...
  double confidence = kDefaultConfidence;
  std::optional<Interval> interval;     // of B/A (comparisons) or of the statistic (values)
  size_t n_a = 0, n_b = 0;              // runs on each side (values: n_a)
  std::optional<double> ratio, p_value, measured;
  std::optional<double> bound;          // by / margin / below / above as evaluated on this machine
};

// Whether the claim makes the command exit 1. Holding and skipped claims never do and
// failed ones always do. An undecided claim is a warning where the deck is being written
// (`build`, `watch`, `pdf`: `lenient`) and a failure where it is being verified (`check`:
// `normal`); with `strict` (--strict) it fails, and so do fragile ones.
enum class Strictness { lenient, normal, strict };
bool claim_fails_build(const ClaimResult& result, Strictness strictness);

struct ClaimContext {
  double confidence = kDefaultConfidence;  // front matter `confidence:`
  MachineFacts machine;                    // for `when:` and bounds like `0.6 * machine.cores`
};

std::vector<ClaimResult> check_claims(const std::vector<ClaimSpec>& claims, const Results& results,
                                      const ClaimContext& context);

// "claims: 27 hold (2 fragile), 1 failed, 1 undecided, 1 skipped": the terminal's summary line.
std::string claims_summary(const std::vector<ClaimResult>& results);

// "holds", "fails", "undecided", "skipped": the report's words.
const char* outcome_name(ClaimOutcome outcome);

}  // namespace deckgen
