#pragma once
// Machine-readable results: the JSON report (schema in the README) and JUnit XML for
// CI dashboards. Both see only results, never the stages that made them.
#include <map>
#include <string>

#include "measure/claims.h"
#include "measure/provenance.h"
#include "measure/baseline.h"
#include "model/results.h"
#include "plan/plan.h"

namespace deckgen {

struct BuildResults {
  const Plan& plan;
  const std::map<std::string, SnippetResult>& snippets;
  const Provenance& provenance;
  const std::vector<ClaimResult>& claims;
  Strictness strictness = Strictness::normal;  // whether an undecided or a fragile claim is a failure
  const BaselineOutcome* baseline = nullptr;    // with --baseline
};

std::string report_json(const BuildResults& results);
std::string junit_xml(const BuildResults& results);

}  // namespace deckgen
