#pragma once
// The line a build ends with: how many snippets passed, came from the cache, and which
// took longest.
#include "pipeline/run_snippets.h"
#include "pipeline/status.h"
#include "plan/plan.h"

namespace deckgen {

void print_summary(const Plan& plan, const Measured& measured, Status& status);

}  // namespace deckgen
