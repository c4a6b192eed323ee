#pragma once
// Claims decided without the load: runs made while the rest of the machine was busy
// (measure/cpu_load.h) are left out of a claim's evidence. A claim the clean runs decide
// gets that verdict, its evidence naming the runs left out; one they cannot decide is
// "undecided: the machine was busy", with how busy and what to do. Load alone never
// makes a claim fail.
#include <string>
#include <vector>

#include "measure/claims.h"
#include "measure/values.h"

namespace deckgen {

// `results` without the runs made on a busy machine (and their recorded metrics), the
// summaries computed again; results with no busy run are unchanged.
Results without_busy_runs(const Results& results);

// check_claims, from clean runs wherever some of a claim's runs were busy.
std::vector<ClaimResult> check_claims_without_load(const std::vector<ClaimSpec>& claims, const Results& results,
                                                   const ClaimContext& context);

}  // namespace deckgen
