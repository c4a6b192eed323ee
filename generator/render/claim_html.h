#pragma once
// A claim on its slide: a one-line verdict, green when the measurements bear it out
// and an unmistakable red box when they do not; the evidence one click away.
#include <string>
#include <vector>

#include "measure/claims.h"

namespace deckgen {

std::string claim_html(const ClaimResult& result);

// `--cpus 1,all`: one claim decided under each CPU mask, side by side, each verdict
// under its mask's name ("CPU 1 · 1 core"). `claim_htmls` are claim_html's, in the order
// of `labels`.
std::string claim_per_mask_html(const std::vector<std::string>& labels, const std::vector<std::string>& claim_htmls);

}  // namespace deckgen
