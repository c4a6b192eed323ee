// SIGINT/SIGTERM: stop the snippets and helpers from the handler (they are not in
// deckgen's process group, so a terminal's Ctrl-C does not reach them), record the
// signal, and let the runner turn it into an `Interrupted` exception so deckgen's own
// cleanup runs. A snippet's launcher is asked to stop rather than killed: only it can
// find the processes the snippet moved out of its group or session (run/launcher.c).
#include <signal.h>
#include <unistd.h>

#include <array>
#include <atomic>

#include "run/live_groups.h"
#include "run/snippet_runner.h"

namespace deckgen {
namespace {

// A slot holds a live process group: +pgid for a snippet launcher, -pgid for a helper
// group, 0 when free (one atomic word, so the handler never sees half an entry).
std::array<std::atomic<pid_t>, 64> live_groups{};
std::atomic<int> caught_signal{0};

extern "C" void on_interrupt(int sig) {
  int none = 0;
  bool first = caught_signal.compare_exchange_strong(none, sig);
  kill_live_groups();
  if (!first) _exit(128 + sig);  // a second Ctrl-C: the user does not want to wait for cleanup
}

}  // namespace

bool add_live_group(pid_t pgid, LiveKind kind) {
  const pid_t entry = kind == LiveKind::snippet_launcher ? pgid : -pgid;
  for (auto& slot : live_groups) {
    pid_t free_slot = 0;
    if (slot.compare_exchange_strong(free_slot, entry)) return true;
  }
  return false;
}

void remove_live_group(pid_t pgid) {
  for (auto& slot : live_groups) {
    pid_t expected = slot.load();
    if ((expected == pgid || expected == -pgid) && slot.compare_exchange_strong(expected, 0)) return;
  }
}

void kill_live_groups() {
  for (auto& slot : live_groups) {
    pid_t entry = slot.load();
    if (entry > 0) ::kill(entry, SIGTERM);    // the launcher stops its snippet's whole tree
    if (entry < 0) ::kill(entry, SIGKILL);    // kill(-pgid): the helper's whole group
  }
}

void install_interrupt_handling() {
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  ::sigaction(SIGINT, &action, nullptr);
  ::sigaction(SIGTERM, &action, nullptr);
  // A write to a helper that exited before reading (SIGPIPE), or past RLIMIT_FSIZE
  // (SIGXFSZ), killed deckgen without a word (exit 141 for a highlighter that never
  // read its input, issue 24). Ignored, the write fails with EPIPE or EFBIG instead, and
  // that is reported as the failure it is. Helpers get the defaults back
  // (run/process.cpp), snippets too (run/launcher.c).
  ::signal(SIGPIPE, SIG_IGN);
  ::signal(SIGXFSZ, SIG_IGN);
}

bool interrupted() { return caught_signal.load() != 0; }
int interrupt_signal() { return caught_signal.load(); }

}  // namespace deckgen
