#include "run/helper_child.h"

#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <cerrno>

namespace deckgen {
namespace {

// deckgen's pid, read when it starts: a forked child still holds the value.
const pid_t deckgen_pid = ::getpid();

}  // namespace

int prepare_helper_child() {
  if (::setpgid(0, 0) == -1) return errno;
  // The death signal follows the thread that forked, which waits for the helper in
  // run_process; if deckgen died before this line, the signal will never come.
  if (::prctl(PR_SET_PDEATHSIG, SIGKILL) == -1) return errno;
  if (::getppid() != deckgen_pid) ::_exit(127);
  ::signal(SIGPIPE, SIG_DFL);
  ::signal(SIGXFSZ, SIG_DFL);
  return 0;
}

}  // namespace deckgen
