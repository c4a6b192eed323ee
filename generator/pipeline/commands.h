#pragma once
// The orchestrator: the only code that knows every stage. It runs them in order —
// read deck → plan → run → measure → render → write — and turns the outcome into an
// exit code.
#include "pipeline/options.h"
#include "pipeline/status.h"
#include "run/snippet_runner.h"

namespace deckgen {

int run_command(const Options& options);
// With a given runner and status: the seam the tests use (a fake runner makes runs
// deterministic).
int run_command(const Options& options, Status& status, Runner& runner);

}  // namespace deckgen
