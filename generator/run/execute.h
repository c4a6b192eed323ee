#pragma once
// Runs the plan's snippets: compiles what needs compiling, then warmup and timed runs,
// one at a time, each in a private scratch folder. Produces raw runs; the measure
// stage turns them into statistics and verdicts.
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "plan/plan.h"
#include "run/snippet_runner.h"
#include "util/files.h"

namespace deckgen {

struct RawRun {
  RunOutcome outcome;
  double other_cpu_seconds = 0;   // CPU the rest of the machine used during the run
  std::map<std::string, std::pair<double, std::string>> metrics;  // name -> (value, unit)
  std::vector<std::string> traces;  // the text of each trace-*.json (last timed run only)
  std::vector<std::string> trace_problems;  // trace files that were not read, and why
};

struct RawSnippetRuns {
  std::string id;
  bool compiled = false;
  bool compile_failed = false;
  std::string compile_error;     // could not start the compiler, or its diagnostics
  double compile_seconds = 0;
  int warmup_runs = 0;
  std::vector<RawRun> timed;
  RunOutcome last;               // the last run made (timed or warmup), for output and failure
  bool stopped_early = false;    // a run failed: the remaining runs were skipped
};

struct ExecuteContext {
  std::filesystem::path snippets_dir;
  std::string python;                         // resolved interpreter
  std::string path_env;                       // PATH given to snippets
  // Called before each run: snippet index (0-based), snippet count, id, what is happening.
  std::function<void(size_t, size_t, const std::string&, const std::string&)> progress;
};

// The environment every snippet run gets (documented in the README).
std::map<std::string, std::string> snippet_environment(const PlannedSnippet& s, const ExecuteContext& ctx,
                                                       const std::filesystem::path& scratch,
                                                       const std::filesystem::path& out_dir, int run_index);

// Compiles (if the language needs it) and runs: compile_snippet then run_snippet.
RawSnippetRuns execute_snippet(const PlannedSnippet& s, size_t index, size_t count, const ExecuteContext& ctx,
                               Runner& runner);

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
void run_snippet(PreparedSnippet& p, size_t index, size_t count, const ExecuteContext& ctx, Runner& runner);

}  // namespace deckgen
