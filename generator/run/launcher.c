/* deckgen-launcher: runs one snippet and measures it. Usage:
 *
 *   deckgen-launcher REPORT_FD[,GO_FD] PROGRAM [ARG...]
 *
 * With GO_FD, the launcher waits for a byte (or the end of the pipe) on it before it
 * starts PROGRAM: meanwhile deckgen's thread sampler attaches the kernel's thread
 * lifecycle records to the launcher, so that every thread the snippet starts is counted
 * (run/thread_lifecycle.h).
 *
 * Why it exists: Linux gives a new process the peak-RSS mark (ru_maxrss) of the process
 * that forked it, for fork as well as vfork/posix_spawn, so a snippet started straight
 * from deckgen would report at least deckgen's own memory. This program is static and
 * tiny, so what a snippet inherits from it is a few hundred KiB.
 *
 * The runner starts it in a fresh process group with the snippet's stdio, working
 * directory and whole environment already in place. It spawns PROGRAM with exactly that
 * environment, waits with wait4() for that one process, and writes a
 * struct deckgen_launch_report to REPORT_FD. Everything else (timeouts, capturing
 * output) stays in the runner. Keep it small: no allocation, no stdio.
 *
 * No process outlives the snippet. The launcher is a child subreaper, so whatever the
 * snippet starts stays below it even after leaving the process group or the session
 * (setsid, a double fork, a daemon): an orphan is re-parented here, not to deckgen.
 * When the snippet ends, or SIGTERM arrives (the runner's timeout, deckgen's Ctrl-C, or
 * deckgen dying: the parent-death signal), the launcher kills its children until none
 * is left, reaping each, and their CPU time goes into the report with the snippet's.
 * A daemon that kept stdout open is gone before the report is written, so the runner
 * does not wait for its pipes. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/resource.h>
#include <sys/time.h>
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

/* Set by the vfork child, which shares our memory, when its exec failed. */
static volatile int exec_error;

/* The snippet while it may be signalled (0 before the spawn and once reaped), and
 * whether SIGTERM asked for it to stop before it was spawned. */
static volatile sig_atomic_t snippet_pid;
static volatile sig_atomic_t stop_requested;

/* The snippet gets stdin, stdout and stderr and nothing else. Boost.Process 1.81 leaves
 * open whatever lies between the descriptors it was told to keep (its close_all skips
 * the gaps), so close those here, all but `low` and `high` (-1: none; low < high); the
 * report descriptor is close-on-exec, the go descriptor closed before the spawn. */
static void close_inherited_descriptors(int low, int high) {
  unsigned from = 3;
  int keep[2] = {low, high};
  for (int i = 0; i < 2; ++i) {
    if (keep[i] < 3) continue;
    if ((unsigned)keep[i] > from) close_range(from, (unsigned)keep[i] - 1, 0);
    from = (unsigned)keep[i] + 1;
  }
  close_range(from, ~0U, 0);
}

/* Waits for deckgen's word on `go_fd` (a byte, or the pipe's end), or for SIGTERM. */
static void wait_for_go(int go_fd) {
  char byte;
  while (read(go_fd, &byte, 1) == -1 && errno == EINTR && !stop_requested) {
  }
  close(go_fd);
}


static void on_stop(int sig) {
  (void)sig;
  stop_requested = 1;
  if (snippet_pid > 0) kill(snippet_pid, SIGKILL);
}

/* Sends SIGKILL to every child listed in /proc/self/task/TID/children (the launcher has
 * one thread). Returns how many it signalled; -1 when the list cannot be read. */
static int kill_children(void) {
  char path[64] = "/proc/self/task/";
  char number[24];
  int length = 0;
  for (long tid = syscall(SYS_gettid); tid > 0; tid /= 10) number[length++] = (char)('0' + tid % 10);
  size_t at = strlen(path);
  while (length > 0) path[at++] = number[--length];
  memcpy(path + at, "/children", sizeof "/children");
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd == -1) return -1;
  char buffer[4096];
  int signalled = 0;
  long pid = 0;
  ssize_t n;
  while ((n = read(fd, buffer, sizeof buffer)) > 0) {
    for (ssize_t i = 0; i < n; ++i) {
      if (buffer[i] >= '0' && buffer[i] <= '9') {
        pid = pid * 10 + (buffer[i] - '0');
      } else if (pid > 0) {
        kill((pid_t)pid, SIGKILL);
        ++signalled;
        pid = 0;
      }
    }
  }
  if (pid > 0) {
    kill((pid_t)pid, SIGKILL);
    ++signalled;
  }
  close(fd);
  return signalled;
}

static void add_usage(struct rusage* total, const struct rusage* more) {
  timeradd(&total->ru_utime, &more->ru_utime, &total->ru_utime);
  timeradd(&total->ru_stime, &more->ru_stime, &total->ru_stime);
}

/* Kills and reaps every descendant: a killed child's own children come to us (we are
 * their subreaper) and are killed on the next pass. Adds their CPU time to `strays`. */
static void kill_descendants(struct rusage* strays) {
  for (;;) {
    int signalled = kill_children();
    /* Without /proc the runner's SIGKILL to the process group is all there is, as
     * before the launcher was a subreaper. */
    if (signalled < 0) return;
    struct rusage usage;
    pid_t reaped = wait4(-1, NULL, signalled > 0 ? 0 : WNOHANG, &usage);
    if (reaped > 0) {
      add_usage(strays, &usage);
      while ((reaped = wait4(-1, NULL, WNOHANG, &usage)) > 0) add_usage(strays, &usage);
      continue;
    }
    /* 0: a child that was not listed yet, just re-parented here; look again. */
    if (reaped == 0 || errno == EINTR) continue;
    return; /* ECHILD: nothing is left */
  }
}

int main(int argc, char** argv) {
  if (argc < 3) return 125;
  char* rest;
  long report_fd = strtol(argv[1], &rest, 10), go_fd = -1;
  if (*rest == ',') go_fd = strtol(rest + 1, &rest, 10);
  if (*rest != '\0' || report_fd < 3 || report_fd > 1 << 20 || go_fd > 1 << 20 || (go_fd != -1 && go_fd < 3) ||
      go_fd == report_fd)
    return 125;
  /* The snippet must hold neither. */
  if (fcntl((int)report_fd, F_SETFD, FD_CLOEXEC) == -1 || (go_fd >= 0 && fcntl((int)go_fd, F_SETFD, FD_CLOEXEC) == -1))
    return 125;
  if (go_fd < 0 || report_fd < go_fd)
    close_inherited_descriptors((int)report_fd, (int)go_fd);
  else
    close_inherited_descriptors((int)go_fd, (int)report_fd);
  restore_default_signals();
  prctl(PR_SET_CHILD_SUBREAPER, 1);
  struct sigaction stop = {.sa_handler = on_stop};
  sigemptyset(&stop.sa_mask);
  sigaction(SIGTERM, &stop, NULL);
  prctl(PR_SET_PDEATHSIG, SIGTERM);
  if (go_fd >= 0) wait_for_go((int)go_fd);

  struct deckgen_launch_report report = {.magic = DECKGEN_LAUNCH_REPORT_MAGIC};
  struct timespec start, end;
  struct rusage usage;
  int status = 0;
  pid_t pid;
  /* vfork: the cheapest start, as posix_spawn would do it. posix_spawn itself is not used
   * because it leaves glibc's two internal signals ignored in the snippet. vfork is safe
   * here: SIGTERM, the one signal with a handler, stays blocked in the shared child
   * until its exec resets the handler (the mask is the child's own). */
  sigset_t term, none;
  sigemptyset(&term);
  sigaddset(&term, SIGTERM);
  sigemptyset(&none);
  sigprocmask(SIG_BLOCK, &term, NULL);
  clock_gettime(CLOCK_MONOTONIC, &start);
  pid = vfork();
  if (pid == 0) {
    sigprocmask(SIG_SETMASK, &none, NULL);
    execve(argv[2], argv + 2, environ);
    exec_error = errno;
    _exit(127);
  }
  int error = pid == -1 ? errno : 0;
  if (pid > 0) snippet_pid = pid;
  sigprocmask(SIG_UNBLOCK, &term, NULL); /* a SIGTERM that came meanwhile kills it now */
  if (pid > 0) {
    if (stop_requested) kill(pid, SIGKILL);
    while (wait4(pid, &status, 0, &usage) == -1)
      if (errno != EINTR) return 125;
    snippet_pid = 0;
    error = exec_error;
  }
  clock_gettime(CLOCK_MONOTONIC, &end);
  struct rusage strays = {0};
  kill_descendants(&strays);

  if (error != 0) {
    report.spawn_error = error;
  } else {
    report.wait_status = status;
    report.wall_ns = nanoseconds(&end) - nanoseconds(&start);
    report.user_us = microseconds(&usage.ru_utime) + microseconds(&strays.ru_utime);
    report.system_us = microseconds(&usage.ru_stime) + microseconds(&strays.ru_stime);
    report.max_rss_kib = usage.ru_maxrss;
    report.voluntary_switches = usage.ru_nvcsw;
    report.involuntary_switches = usage.ru_nivcsw;
  }
  /* A pipe write this small is atomic; a short write means the runner is gone. */
  return write((int)report_fd, &report, sizeof report) == (ssize_t)sizeof report ? 0 : 125;
}
