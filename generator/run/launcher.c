/* deckgen-launcher: runs one snippet and measures it. Usage:
 *
 *   deckgen-launcher REPORT_FD PROGRAM [ARG...]
 *
 * Why it exists: Linux gives a new process the peak-RSS mark (ru_maxrss) of the process
 * that forked it, for fork as well as vfork/posix_spawn, so a snippet started straight
 * from deckgen would report at least deckgen's own memory. This program is static and
 * tiny, so what a snippet inherits from it is a few hundred KiB.
 *
 * The runner starts it in a fresh process group with the snippet's stdio, working
 * directory and whole environment already in place. It spawns PROGRAM with exactly that
 * environment, waits with wait4() for that one process, and writes a
 * struct deckgen_launch_report to REPORT_FD. Everything else (timeouts, killing the
 * group, capturing output) stays in the runner. Keep it small: no allocation, no stdio. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "launcher_report.h"

extern char** environ;

static int64_t nanoseconds(const struct timespec* t) { return (int64_t)t->tv_sec * 1000000000 + t->tv_nsec; }
static int64_t microseconds(const struct timeval* t) { return (int64_t)t->tv_sec * 1000000 + t->tv_usec; }

/* deckgen may ignore or block signals (SIGPIPE, say); ignored and blocked signals
 * survive exec, and a snippet must start as it would from a shell. */
static void restore_default_signals(void) {
  for (int sig = 1; sig < NSIG; ++sig) signal(sig, SIG_DFL); /* fails harmlessly for KILL/STOP */
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, NULL);
}

/* The snippet gets stdin, stdout and stderr and nothing else. Boost.Process 1.81 leaves
 * open whatever lies between the descriptors it was told to keep (its close_all skips
 * the gaps), so close those here; the report descriptor is close-on-exec. */
static void close_inherited_descriptors(int report_fd) {
  if (report_fd > 3) close_range(3, report_fd - 1, 0);
  close_range(report_fd + 1, ~0U, 0);
}

/* Set by the vfork child, which shares our memory, when its exec failed. */
static volatile int exec_error;

int main(int argc, char** argv) {
  if (argc < 3) return 125;
  int report_fd = atoi(argv[1]);
  if (report_fd < 3 || fcntl(report_fd, F_SETFD, FD_CLOEXEC) == -1) return 125; /* the snippet must not hold it */
  close_inherited_descriptors(report_fd);
  restore_default_signals();

  struct deckgen_launch_report report = {.magic = DECKGEN_LAUNCH_REPORT_MAGIC};
  struct timespec start, end;
  struct rusage usage;
  int status = 0;
  pid_t pid;
  /* vfork: the cheapest start, as posix_spawn would do it. posix_spawn itself is not used
   * because it leaves glibc's two internal signals ignored in the snippet. vfork is safe
   * here: this process has no signal handlers that could run in the shared child. */
  clock_gettime(CLOCK_MONOTONIC, &start);
  pid = vfork();
  if (pid == 0) {
    execve(argv[2], argv + 2, environ);
    exec_error = errno;
    _exit(127);
  }
  int error = pid == -1 ? errno : 0;
  if (pid > 0) {
    while (wait4(pid, &status, 0, &usage) == -1)
      if (errno != EINTR) return 125;
    error = exec_error;
  }
  clock_gettime(CLOCK_MONOTONIC, &end);

  if (error != 0) {
    report.spawn_error = error;
  } else {
    report.wait_status = status;
    report.wall_ns = nanoseconds(&end) - nanoseconds(&start);
    report.user_us = microseconds(&usage.ru_utime);
    report.system_us = microseconds(&usage.ru_stime);
    report.max_rss_kib = usage.ru_maxrss;
    report.voluntary_switches = usage.ru_nvcsw;
    report.involuntary_switches = usage.ru_nivcsw;
  }
  /* A pipe write this small is atomic; a short write means the runner is gone. */
  return write(report_fd, &report, sizeof report) == (ssize_t)sizeof report ? 0 : 125;
}
