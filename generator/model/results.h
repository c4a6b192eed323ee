#pragma once
// What running and measuring the snippets produced: plain data for the renderer, the
// report writers and the claim checker.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/summary.h"

namespace deckgen {

struct RunRecord {
  int index = 0;                 // 0-based among the timed runs
  int exit_code = -1;
  int signal = 0;
  bool timed_out = false;
  double wall_seconds = 0, user_seconds = 0, system_seconds = 0;
  long max_rss_kib = 0;
  long voluntary_switches = 0, involuntary_switches = 0;
  double other_cpu_seconds = 0;  // what the rest of the machine used meanwhile
  bool busy = false;             // the machine was busy during this run
  // false: deckgen ran other work of its own beside this run (an untimed snippet in a
  // parallel build), so how busy the rest of the machine was is unknown, not "idle".
  bool busy_judged = true;
  // The round this run was made in: runs of several snippets with the same nonzero round
  // were made one right after the other (a claim compares them as pairs), in the order
  // of their round_position, which is drawn at random for each round. 0: no round.
  uint64_t round = 0;
  int round_position = 0;
};

// The metrics a snippet recorded with deckgen_trace.metric(), one value per timed run.
struct MetricSeries {
  std::string unit;
  std::vector<double> values;
};

struct CapturedText {
  std::string text;          // sanitised UTF-8, colour codes removed, at most the cap
  uint64_t total_bytes = 0;  // what the program wrote in all
  uint64_t cut_bytes = 0;    // what was past the cap and not kept
};

enum class Outcome { passed, failed };

struct SnippetResult {
  std::string id;
  Outcome outcome = Outcome::passed;
  std::string failure;                 // why it failed, one line ("exit status 1", "timed out after 30 s")
  bool compiled = false;
  double compile_seconds = 0;
  std::string compile_output;          // the compiler's diagnostics
  bool compile_reused = false;         // not compiled by this build: the program (and compile_seconds)
                                       // came from the build that compiled it
  int warmup_runs = 0;
  double warmup_seconds = 0;           // wall time of the warmups together
  std::vector<RunRecord> runs;         // timed runs
  CapturedText out, err;               // of the run shown: the median run (shown_run), else the last run made
  // stdout of each timed run made by this build, beside `runs` (empty for a result read
  // from the cache), from which the median run's output is chosen.
  std::vector<CapturedText> run_outputs;
  int shown_run = -1;                  // the index of the run `out` is from when it is the median run
  // Runs adaptive sampling added after the block's `runs:`, and the claims (file:line:col)
  // it added them for.
  int sampled_runs = 0;
  std::vector<std::string> sampled_for;
  std::map<std::string, Summary> stats;        // wall cpu user sys rss ctx (seconds, bytes, counts)
  std::map<std::string, MetricSeries> metrics; // recorded by the snippet
  std::map<std::string, Summary> metric_stats;
  std::vector<std::string> metric_problems;    // metrics the snippet wrote that were not numbers, named
  int busy_runs = 0;                   // timed runs made while the machine was busy
  std::vector<std::string> traces;     // trace-*.json texts of the last timed run
  std::vector<std::string> trace_problems;  // trace files not read (too large), and why
  bool from_cache = false;
};

// A snippet's compiled program as recorded when it was built (kept between builds by
// cache/binary_store.h, handed to the executor through run/execute.h's ProgramCache).
struct CompiledProgram {
  double compile_seconds = 0;  // what compiling it took when it was built
  std::string compile_output;  // the compiler's diagnostics then
};

// The toolchain that ran a language, recorded for provenance.
struct ToolInfo {
  std::string language;
  std::string path;     // resolved executable (not a version manager's shim)
  std::string version;  // first line of its version output
};

struct HarnessOverhead {
  Summary true_wall;          // running /bin/true
  Summary python_start_wall;  // the interpreter's empty start (n == 0 if no Python snippet)
};

}  // namespace deckgen
