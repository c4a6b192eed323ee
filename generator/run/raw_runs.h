#pragma once
// What running one snippet recorded, as it came from the machine: each run's exit and
// rusage, the /proc/stat delta, the metrics and trace files it wrote. No statistics:
// measure/snippet_result.h turns these into a SnippetResult.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "run/snippet_runner.h"

namespace deckgen {

struct RawRun {
  RunOutcome outcome;
  double other_cpu_seconds = 0;   // CPU the rest of the machine used during the run
  double other_cpu_resolution = 0.020;  // what that reading cannot resolve (run/cpu_times.h)
  bool other_cpu_judged = true;   // false: deckgen ran other work beside it (run/execute.h, Beside)
  std::map<std::string, std::pair<double, std::string>> metrics;  // name -> (value, unit)
  std::vector<std::string> metric_problems;  // metrics not kept (NaN, not a number), named
  std::vector<std::string> traces;  // the text of each trace-*.json (last timed run only)
  std::vector<std::string> trace_problems;  // trace files that were not read, and why
};

struct RawSnippetRuns {
  std::string id;
  bool compiled = false;
  bool compile_failed = false;
  bool compile_timed_out = false;  // stopped after the block's compile_timeout
  std::string compile_error;     // could not start the compiler, or its diagnostics
  double compile_seconds = 0;    // with compile_reused: what the build that compiled it took
  bool compile_reused = false;   // the program came from a ProgramCache: nothing was compiled
  int warmup_runs = 0;
  double warmup_seconds = 0;     // wall time of the warmup runs together
  std::vector<RawRun> timed;
  RunOutcome last;               // the last run made (timed or warmup), for output and failure
  bool stopped_early = false;    // a run failed: the remaining runs were skipped
};

}  // namespace deckgen
