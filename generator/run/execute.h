#pragma once
// Runs the plan's snippets: compiles what needs compiling, then warmup and timed runs,
// one at a time, each in a private scratch folder. Produces raw runs; the measure
// stage turns them into statistics and verdicts.
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/results.h"
#include "plan/plan.h"
#include "run/raw_runs.h"
#include "run/snippet_runner.h"
#include "util/files.h"

namespace deckgen {

// Compiled programs kept between builds, so that a snippet whose compile inputs did not
// change runs again without compiling (the orchestrator backs it with the cache's
// BinaryStore; which file holds what is not the executor's business). Used only for a
// language whose program is the one file {exe}. Called from several threads at once.
class ProgramCache {
 public:
  virtual ~ProgramCache() = default;
  // Puts the program kept for `s` at `exe`, with how it was compiled; nullopt on a miss.
  virtual std::optional<CompiledProgram> fetch(const PlannedSnippet& s, const std::filesystem::path& exe) = 0;
  // Keeps `exe`, which compiling `s` just made without error. Reports its own problems.
  virtual void keep(const PlannedSnippet& s, const std::filesystem::path& exe, const CompiledProgram& program) = 0;
};

struct ExecuteContext {
  std::filesystem::path snippets_dir;
  // deckgen's own trace helpers (run/trace_helpers.h), searched after snippets_dir; empty: none.
  std::filesystem::path helpers_dir;
  std::string python;                         // resolved interpreter
  std::string path_env;                       // PATH given to snippets
  // The cores a claim's `machine.cores` and `machine.physical_cores` count, given to every
  // run as DECKGEN_CPUS and DECKGEN_PHYSICAL_CORES so that a snippet sizing its pool counts
  // as its claim does (0: not given).
  int cpus = 0, physical_cores = 0;
  ProgramCache* programs = nullptr;           // null: every compiled snippet is compiled (--no-cache)
  // Called before each run: snippet index (0-based), snippet count, id, what is happening.
  std::function<void(size_t, size_t, const std::string&, const std::string&)> progress;
  // Told each command before it runs, as a line a shell would run (--verbose).
  std::function<void(const std::string&)> show_command;
};

// `argv` as one line a POSIX shell reads back as the same words (for --verbose).
std::string shell_words(const std::vector<std::string>& argv);

// The environment every snippet run gets (docs/snippets.md, "Each run").
std::map<std::string, std::string> snippet_environment(const PlannedSnippet& s, const ExecuteContext& ctx,
                                                       const std::filesystem::path& scratch,
                                                       const std::filesystem::path& out_dir, int run_index);

// A snippet between compiling and running: its build folder holds the program.
struct PreparedSnippet {
  PreparedSnippet(const PlannedSnippet& s, const ExecuteContext& ctx);
  const PlannedSnippet& snippet;
  TempFolder build;
  std::map<std::string, std::string> values;  // for the command templates
  RawSnippetRuns raw;
};

// The two halves, so a scheduler can compile in parallel and time runs alone.
void compile_snippet(PreparedSnippet& p, size_t index, size_t count, const ExecuteContext& ctx, Runner& runner);

// What deckgen itself runs beside a run. The /proc/stat reading around a run counts all
// the CPU the snippet did not use; when deckgen runs other work at the same time (the
// shared phase of a parallel build: compiles and other untimed snippets), that work is in
// the reading, which then says nothing about the rest of the machine: the run is not
// judged busy or clean (RunRecord::busy_judged). On an idle 2-core VM, 12 of the 19 runs
// the workshop makes in that phase were flagged "busy" by their neighbours.
enum class Beside { nothing, own_work };

// Every warmup and timed run in order, until one fails: run_once for each.
void run_snippet(PreparedSnippet& p, size_t index, size_t count, const ExecuteContext& ctx, Runner& runner,
                 Beside beside = Beside::nothing);

// One run, the step a scheduler hands out: `run` is -warmup..-1 for a warmup, 0..runs-1
// for a timed run. The runs of one snippet must come in that order, but runs of other
// snippets may come between them. `stop` when this run failed: the snippet's remaining
// runs would fail the same way and must not be made.
enum class AfterRun { go_on, stop };
AfterRun run_once(PreparedSnippet& p, int run, size_t index, size_t count, const ExecuteContext& ctx, Runner& runner,
                  Beside beside = Beside::nothing);

}  // namespace deckgen
