#pragma once
// What a helper process (Pygments, dot, a compiler probe, Chromium) does between fork and
// exec, in run_process (run/process.cpp).

namespace deckgen {

// Makes the child lead its own process group (what it starts is killed with it, and a
// terminal's Ctrl-C reaches deckgen's handler instead), die with deckgen
// (PR_SET_PDEATHSIG: a kill -9 of deckgen left Pygments or dot running, issue 24), and
// get the default SIGPIPE and SIGXFSZ back, which deckgen ignores. Returns 0 or errno.
// Only system calls: it runs in a forked child of a threaded process.
int prepare_helper_child();

}  // namespace deckgen
