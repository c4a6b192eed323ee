#pragma once
// `--cpus 1,all` (issue 22): the deck measured once per CPU mask in one build. The slides
// show the first mask's runs; every claim is decided under each mask and shown side by
// side, in the terminal, on its slide, in the report and the JUnit file; the last slide
// has a line per mask.
#include <map>
#include <string>
#include <vector>

#include "cache/warm_cache.h"
#include "pipeline/build_request.h"
#include "model/document.h"
#include "pipeline/run_snippets.h"
#include "pipeline/status.h"
#include "pipeline/worker_pool.h"
#include "plan/plan.h"
#include "render/provenance_slide.h"
#include "write/report.h"

namespace deckgen {

// A claim's verdict line in the terminal (an error when it fails the build, a warning
// when it is undecided or fragile, else an info line), with the advice for the author
// under it. `mask` names the CPU mask it was decided under (empty: the build has one).
// True when the claim fails the build.
bool report_claim(const ClaimResult& claim, Strictness strictness, const std::string& mask, Status& status);

// "CPU 1 · 1 core", "all CPUs · 2 cores": a mask as a slide names it.
std::string mask_label(const std::string& mask, const Machine& machine);

// The ids of the snippets that failed, for a mask's record.
std::vector<std::string> failed_snippet_ids(const std::map<std::string, SnippetResult>& results);

// Each mask's line on the provenance slide: its CPUs and what its claims came to.
std::vector<MaskSummary> mask_summaries(const std::vector<MaskClaims>& masks);

struct OtherMasks {
  std::vector<MaskClaims> masks;  // the first mask's (given) first, then one per Options::compare_cpus
  size_t failed = 0;              // claims that fail the build and snippets that failed, under the others
};

// Measures the deck again under each of the request's compare_cpus in turn (runners.use_cpus
// moves deckgen there first) and decides every claim under it; back on the first mask after.
OtherMasks measure_under_other_masks(const Deck& deck, const Plan& plan, const BuildRequest& request, Strictness strictness,
                                     MaskClaims first, Status& status, Runners runners, WarmCache* warm);

// Each claim's block: its verdict under every mask, side by side.
void show_claims_per_mask(const std::vector<MaskClaims>& masks, std::map<SourcePos, std::string>& block_html);

}  // namespace deckgen
