#pragma once
// What the user asked for, validated and typed. The command line fills it; dispatch
// turns it into a build request (pipeline/build_request.h), which adds what only
// deckgen's own commands decide. Tests build one directly.
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "measure/claims.h"

namespace deckgen {

enum class Command { build, check, clean, watch, present, pdf, init };

// What the command line asks of the stage that runs snippets. The run stage's own
// settings (pipeline/run_settings.h) are these and what a build decides, not a copy.
struct RunChoices {
  bool use_cache = true;                 // --no-cache: neither read nor write stored results
  bool force = false;                    // --force: rerun everything (and store the new results)
  std::set<std::string> only;            // --only ID...: rerun these; the rest from the cache
  // --cpus LIST: build or check with deckgen (and so every snippet) restricted to these
  // CPUs ("1", "0-1", "all"), set before anything runs (run/cpu_affinity.h).
  std::optional<std::string> cpus;
  ClaimFamily family = ClaimFamily::each;  // --family bonferroni: the claims' error shared as a family
};

struct Options : RunChoices {
  Command command = Command::build;
  std::vector<std::filesystem::path> inputs{"deck"};      // a deck folder, or .md files
  std::filesystem::path output{"output/deck.html"};
  bool write_deck = true;  // `check` writes the deck only when -o is given
  bool quiet = false;
  bool verbose = false;  // --verbose: print each command run and why each snippet reran
  std::optional<std::filesystem::path> snippets_dir;  // --snippets: overrides the front matter
  std::optional<std::filesystem::path> report;         // --report FILE.json
  std::optional<std::filesystem::path> junit;          // --junit FILE.xml
  // --strict: what is merely doubtful fails too (a fragile claim, whose verdict a single
  // run decides; a slide that does not fit its stage in `check`).
  bool strict = false;
  // `--cpus 1,all`: the deck is also measured under each of these masks in turn, after
  // `cpus`; every claim is decided once per mask and shown side by side (issue 22).
  std::vector<std::string> compare_cpus;
  std::optional<std::filesystem::path> baseline;       // --baseline OLD.json: compare with an earlier report
  std::optional<double> fail_on_regression_percent;    // --fail-on-regression PCT

  // `watch` and `present`: where the deck is served (see serve/ and pipeline/watch_command.h).
  std::string host = "127.0.0.1";
  int port = 8000;                                     // 0: any free port (printed)
  // `pdf`: the PDF to write (`output` stays the HTML the deck is built to first).
  std::filesystem::path pdf_output{"output/deck.pdf"};
  bool pdf_notes = false;                              // --notes: speaker notes under each slide
  // `init`: the folder the starter talk is written into.
  std::filesystem::path init_dir{"."};
};

// Exit codes, the same for every command (documented in --help and in docs/using.md, "Exit codes").
enum ExitCode : int {
  exit_ok = 0,
  exit_deck_failed = 1,  // the deck was written but something in it failed
  exit_input_error = 2,  // input or usage error: nothing was written
};

}  // namespace deckgen
