#pragma once
// A snippet as the plan describes it: what to compile and run, how often, and what
// its slide shows and expects. Plain data; the run block parser fills it.
#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/source_pos.h"

namespace deckgen {

struct Expectation {
  int exit_code = 0;
  bool fails = false;  // failure is the point of the slide: any non-zero exit passes
  std::optional<std::string> stdout_contains, stdout_matches, stderr_contains, stderr_matches;
};

// Where a run block's output goes: under the code, or beside it (Quarto's
// `output-location: column`).
enum class OutputLocation { below, column };

struct SnippetSpec {
  std::string id;
  SourcePos pos;                    // the run block
  // Where the block's keys are written, for errors about their values (unset: `pos`).
  SourcePos file_pos, id_pos, lang_pos, region_pos;
  std::filesystem::path file;       // absolute path of the source
  std::string display_file;         // as written in the block (relative to the snippets folder)
  std::string language;             // a key of the language table
  std::vector<std::string> args;
  std::optional<std::string> stdin_data;
  std::map<std::string, std::string> env;
  std::chrono::milliseconds timeout{30000};
  // How long the compile may take (`compile_timeout:`): a slide's example that compiles
  // for two minutes is a mistake, and a `#include` of a FIFO blocks a compiler forever.
  std::chrono::milliseconds compile_timeout{120000};
  int runs = 5;
  int warmup = 1;
  bool show_code = true, show_output = true, show_timing = false;
  bool busy_notes = true;           // `busy_notes: false`: its slide never says "machine busy"
  std::string region;               // empty: show the whole file
  std::string lines;                // shown lines highlighted in steps, "1-3|5" (model/line_steps.h); empty: none
  OutputLocation output_location = OutputLocation::below;
  bool trace = false;                // `trace: true` or `spans`: deckgen_trace records spans (DECKGEN_TRACE=1)
  bool trace_threads = false;        // `trace: threads`: every thread's state, sampled from outside
  bool records_trace() const { return trace || trace_threads; }
  Expectation expect;
};

// How to build and run one language. Commands are argv templates in which {file}
// (the source), {exe} (the compiled program), {python} (the resolved interpreter) and
// {dir} (the build folder) are replaced.
struct Language {
  std::string name;
  std::vector<std::string> extensions;     // ".py"
  std::vector<std::string> compile;        // empty: interpreted
  std::vector<std::string> run;
  std::string pygments;                    // lexer name for highlighting
};

}  // namespace deckgen
