#pragma once
// Machine-readable results: the JSON report (schema in docs/ci.md) and JUnit XML for
// CI dashboards. Both see only results, never the stages that made them.
#include <map>
#include <string>

#include "measure/claims.h"
#include "measure/provenance.h"
#include "measure/baseline.h"
#include "model/results.h"
#include "plan/plan.h"

namespace deckgen {

// `--cpus 1,all`: the deck's claims as decided under one CPU mask.
struct MaskClaims {
  std::string cpus;                 // the mask as asked: "1", "0-1", "all"
  Machine machine;                  // as probed under it (its usable cores, its affinity)
  std::vector<ClaimResult> claims;  // in the deck's order
  std::vector<std::string> failed_snippets;  // the ids of the snippets that failed under it
};

struct BuildResults {
  const Plan& plan;
  const std::map<std::string, SnippetResult>& snippets;
  const Provenance& provenance;
  const std::vector<ClaimResult>& claims;
  Strictness strictness = Strictness::normal;  // whether an undecided or a fragile claim is a failure
  const BaselineOutcome* baseline = nullptr;    // with --baseline
  // The seeds that drew the order within each round of runs (the run stage's, and
  // adaptive sampling's), so that a build's order can be told again. 0: nothing ran.
  uint64_t round_seed = 0, sampling_seed = 0;
  // `--cpus 1,all`: every mask's claims, the first mask's (`claims`) first; empty with one mask.
  const std::vector<MaskClaims>* masks = nullptr;
};

std::string report_json(const BuildResults& results);
std::string junit_xml(const BuildResults& results);

}  // namespace deckgen
