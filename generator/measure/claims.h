#pragma once
// Checks the deck's claims against this build's measurements. A claim that the
// numbers do not support fails, and so does one they cannot decide (too few runs):
// nothing is passed on a guess.
#include <string>
#include <vector>

#include "measure/values.h"

namespace deckgen {

struct ClaimResult {
  ClaimSpec spec;
  bool ok = false;
  std::string verdict;   // one line for the slide: "io-asyncio is 23.4× faster than io-seq (needed ≥ 10×)"
  std::string evidence;  // the numbers and the test behind it
  std::optional<double> ratio, p_value, measured;
};

std::vector<ClaimResult> check_claims(const std::vector<ClaimSpec>& claims, const Results& results);

}  // namespace deckgen
