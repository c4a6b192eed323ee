#pragma once
// Starts programs and collects what they print. The only place in deckgen (with the
// snippet runner beside it) that knows how processes are launched.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace deckgen {

struct ProcessResult {
  bool started = false;     // false: the program could not be launched (see `error`)
  bool timed_out = false;   // killed after the time limit
  int exit_code = -1;       // the program's exit code, or 128+signal
  std::string out, err;     // stdout and stderr, complete
  std::string error;        // why it did not start
};

// Runs `program` with `args`, feeds it `input` on stdin, and waits at most `timeout`.
// stdout and stderr are read concurrently, so a chatty program cannot deadlock it.
// The program leads its own process group, which is killed when it exits or times out;
// a process that left the group and still holds its output is no longer waited for
// after a second. On SIGINT/SIGTERM (install_interrupt_handling) the group is killed
// and this throws `Interrupted` (run/snippet_runner.h).
ProcessResult run_process(const std::filesystem::path& program, const std::vector<std::string>& args,
                          std::string_view input, std::chrono::milliseconds timeout);

// Looks `name` up on PATH like a shell would; a name with a '/' is taken as a path.
std::optional<std::filesystem::path> find_executable(std::string_view name);

}  // namespace deckgen
