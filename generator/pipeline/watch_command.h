#pragma once
// `deckgen watch`: builds the deck, serves it on HTTP (serve/deck_server.h), and
// rebuilds it whenever something under the deck or snippets folders changes
// (serve/file_watcher.h). Each build is an ordinary `build` (run_build, with the same
// runners and parallel scheduler) that writes
// Options::output; the open pages reload onto the same slide after each rebuild.
//
// A rebuild that fails keeps the last deck that built (exit 0) on the page, with the
// failure drawn over it and printed in the terminal; a rebuild that exits 1 (a snippet
// failed) is served only when no deck has built yet.
#include "cli/options.h"
#include "pipeline/status.h"
#include "pipeline/worker_pool.h"

namespace deckgen {

// Runs until SIGINT or SIGTERM (install_interrupt_handling() must be in place), then
// stops the server and returns exit_ok: Ctrl-C is how a watch session normally ends,
// even in the middle of a rebuild (whose snippets are stopped and whose output is not
// written). exit_input_error when it cannot start serving (the port is taken).
int run_watch(const Options& options, Status& status, Runners runners);

}  // namespace deckgen
