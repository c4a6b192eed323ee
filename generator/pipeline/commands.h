#pragma once
// The orchestrator: the only code that knows every stage. It runs them in order —
// read deck → plan → run (or take from cache) → measure → render → write — and turns
// the outcome into an exit code.
#include "pipeline/options.h"
#include "pipeline/status.h"

namespace deckgen {

int run_command(const Options& options);
int run_command(const Options& options, Status& status);

}  // namespace deckgen
