#pragma once
// A claim on its slide: a one-line verdict, green when the measurements bear it out
// and an unmistakable red box when they do not; the evidence one click away.
#include <string>

#include "measure/claims.h"

namespace deckgen {

std::string claim_html(const ClaimResult& result);

}  // namespace deckgen
