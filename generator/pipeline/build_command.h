#pragma once
// `build` (and `check`): the stages in order — read deck → plan → run (or take from the
// cache) → measure → highlight → render → write — and the exit code. `watch` and `pdf`
// build through this too, with the same runners and so the same parallel scheduler.
#include "cli/options.h"
#include "pipeline/status.h"
#include "pipeline/worker_pool.h"

namespace deckgen {

// Input errors, an interrupt and a file that cannot be written end here: they are
// reported to `status` and become the exit code (nothing was written).
int run_build(const Options& options, Status& status, Runners runners);

}  // namespace deckgen
