#pragma once
// Above the pipeline: the one place a command is chosen. build, check, watch, pdf and
// clean are peers here; watch and pdf build through run_build (build_command.h) with
// the runners given here, so every command that runs snippets schedules them alike.
#include "cli/options.h"
#include "pipeline/status.h"
#include "pipeline/worker_pool.h"

namespace deckgen {

// What main calls: the terminal's Status, interrupt handling, and one process runner
// per core.
int run_command(const Options& options);

// With a given Status and runners: the seam the tests use (fake runners make runs
// deterministic; Runners::single runs everything through one).
int run_command(const Options& options, Status& status, Runners runners);

}  // namespace deckgen
