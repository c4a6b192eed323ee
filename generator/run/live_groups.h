#pragma once
// The processes of the runs in progress, so that a signal handler can stop them.
// Internal to run/: snippet_runner.cpp and process.cpp add and remove, interrupts.cpp stops.
#include <sys/types.h>

namespace deckgen {

enum class LiveKind {
  // A snippet launcher (run/launcher.c): SIGTERM to it, and it kills the snippet and
  // everything the snippet started, wherever in the process tree, before it exits.
  snippet_launcher,
  // A helper deckgen starts (Chromium, Pygments, git, the interpreter probe), the leader
  // of its own process group: SIGKILL to the group.
  helper_group,
};

// False when too many are live at once (the table is fixed: a signal handler cannot
// allocate); the caller then stops its process itself.
bool add_live_group(pid_t pgid, LiveKind kind);
void remove_live_group(pid_t pgid);
// Async-signal-safe: stops every live one, each as its kind says.
void kill_live_groups();

}  // namespace deckgen
