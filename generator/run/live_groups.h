#pragma once
// The process groups of the runs in progress, so that a signal handler can kill them.
// Internal to run/: snippet_runner.cpp adds and removes, interrupts.cpp kills.
#include <sys/types.h>

namespace deckgen {

// False when too many runs are live at once (the table is fixed: a signal handler
// cannot allocate).
bool add_live_group(pid_t pgid);
void remove_live_group(pid_t pgid);
// Async-signal-safe: SIGKILL to every live group.
void kill_live_groups();

}  // namespace deckgen
