#pragma once
// Runs one snippet process and measures it: the process layer under planning and
// measuring. Each run gets its own process group, started through a tiny static
// launcher (run/launcher.c) so that the peak RSS is the snippet's own, not deckgen's.
// The `Runner` interface is the seam: unit tests of planning, statistics and rendering
// use a fake one; `make_process_runner()` gives the real one.
#include <chrono>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace deckgen {

enum class OutputStream { out, err };

// What a run is for: a snippet's own (its compile included), or one of the runs that
// measure deckgen's harness overhead (run/overhead.h), which `present` does not show.
enum class RunPurpose { snippet, harness_overhead };

// Whether the runner samples the states of the run's threads (run/thread_sampler.h).
enum class ThreadSampling { off, on };
struct ThreadSamples;

struct RunRequest {
  std::vector<std::string> argv;                 // argv[0]: absolute path of the program
  std::map<std::string, std::string> env;        // the child's WHOLE environment (nothing inherited)
  std::optional<std::string> stdin_data;         // nullopt: stdin is /dev/null
  std::filesystem::path work_dir;                // cwd; must exist (the caller makes and removes it)
  std::chrono::milliseconds timeout{30000};
  size_t output_cap = 1 << 20;                   // per stream; the rest is counted, not kept
  // Each piece of output as it arrives, before run() returns and on its thread
  // (`present` streams a rerun to the page); null: the output is only kept.
  std::function<void(OutputStream, std::string_view)> on_output;
  RunPurpose purpose = RunPurpose::snippet;
  ThreadSampling thread_sampling = ThreadSampling::off;
};

struct RunUsage {                                // from wait4() on the snippet's own process
  double wall_seconds = 0;                       // monotonic clock, around the snippet only
  // The snippet's and its descendants': those it waited for, and those it left behind
  // (reaped by deckgen when the snippet ended).
  double user_seconds = 0, system_seconds = 0;
  long max_rss_kib = 0;
  long voluntary_switches = 0, involuntary_switches = 0;
};

struct RunOutcome {
  bool started = false; std::string start_error; // e.g. "No such file or directory"
  bool timed_out = false;
  int exit_code = -1;                            // when it exited normally
  int signal = 0;                                // when killed by a signal (timeouts: SIGKILL)
  std::string out, err;                          // raw bytes, at most output_cap each
  uint64_t out_bytes = 0, err_bytes = 0;         // total produced, including what was cut
  RunUsage usage;                                // after a timeout: wall_seconds until the kill (deckgen's clock)
  int process_group = 0;                         // the run's process group id (gone by the time run() returns)
  // The CPU the rest of the machine used meanwhile (run/cpu_times.h), when the runner
  // could read it: the process runner reads /proc/stat around the run; a fake says
  // whatever its test needs, and nothing by default, so no neighbour reaches a test.
  std::optional<double> other_cpu_seconds;
  // With ThreadSampling::on: every thread's state at each tick (shared: outcomes are copied).
  std::shared_ptr<const ThreadSamples> threads;
  // The most that reading can be off (run/cpu_times.h: a tick per CPU of the mask).
  double other_cpu_resolution = 0.020;
};

class Runner {                                   // the seam: tests use a fake one
 public:
  virtual ~Runner() = default;
  virtual RunOutcome run(const RunRequest&) = 0;
};

// The real runner. Every process a snippet starts, whether it stays in the run's
// process group or not (setsid, a double fork, a daemon holding stdout), is killed when
// the snippet ends, times out or deckgen is interrupted, and its CPU time is the run's:
// the launcher is their subreaper and sweeps them. deckgen is a child subreaper too, as
// a fallback for a launcher that could not report. The returned runner is for one
// thread at a time; run() returns only when every process of the run is gone.
// It throws `Interrupted` once SIGINT/SIGTERM arrived (see below), before or after a run.
std::unique_ptr<Runner> make_process_runner();

// Thrown by the process runner when deckgen was interrupted: the run's processes are
// already gone. Let it unwind (removing temporary files on the way) and exit with
// exit_code(): 130 for SIGINT, 143 for SIGTERM.
struct Interrupted : std::exception {
  int signal;
  explicit Interrupted(int sig) : signal(sig) {}
  int exit_code() const { return 128 + signal; }
  const char* what() const noexcept override { return "interrupted"; }
};

// Installs SIGINT/SIGTERM handling: stop every live snippet and helper, then let the
// caller's cleanup run (the runner throws `Interrupted`; code outside a run checks
// interrupted()) and exit 130/143. A second signal exits at once. Safe to call twice.
// Also ignores SIGPIPE and SIGXFSZ, so that a failed write is an error, not a silent death.
void install_interrupt_handling();
bool interrupted();
int interrupt_signal();  // SIGINT or SIGTERM once interrupted(), else 0

}  // namespace deckgen
