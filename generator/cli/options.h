#pragma once
// What the user asked for, validated and typed. The command line fills it; the
// pipeline reads it. Tests build one directly.
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string>
#include <vector>

#include "measure/claims.h"
#include "pdf/chromium_pdf.h"

namespace deckgen {

enum class Command { build, check, clean, watch, present, pdf, init };

// Whether a build's fresh results go into the cache. `present`'s reruns do not: they are
// measured in front of an audience, on a machine busy presenting, and a later build
// must show the build's own measurements, not the talk's.
enum class StoreResults { yes, no };

struct Options {
  Command command = Command::build;
  std::vector<std::filesystem::path> inputs{"deck"};      // a deck folder, or .md files
  std::filesystem::path output{"output/deck.html"};
  bool write_deck = true;  // `check` writes the deck only when -o is given
  // `pdf` builds into a hidden temporary page on its way to the PDF: that page is not
  // announced, and the trace files a deck links to are not written beside it.
  bool deck_is_intermediate = false;
  bool quiet = false;
  bool verbose = false;  // --verbose: print each command run and why each snippet reran
  std::optional<std::filesystem::path> snippets_dir;  // --snippets: overrides the front matter
  std::optional<std::filesystem::path> report;         // --report FILE.json
  std::optional<std::filesystem::path> junit;          // --junit FILE.xml
  bool use_cache = true;                 // --no-cache: neither read nor write stored results
  bool force = false;                    // --force: rerun everything (and store the new results)
  StoreResults store_results = StoreResults::yes;  // no: read the cache, write no result into it
  // `present`'s ▶ (with `only` naming one snippet): that snippet runs alone with its own
  // run count, its group's others are not rerun and no claim adds runs; the claims,
  // charts and values keep the build's results (cached), the live one shown beside them.
  bool live_rerun = false;
  std::set<std::string> only;            // --only ID...: rerun these; the rest from the cache
  // Cached results with busy runs are measured again (issue 22). `watch` and `present` do
  // that in their first build only: a rebuild after an edit (or a file a snippet wrote)
  // must neither take the time to re-measure nor change the numbers the page shows.
  bool remeasure_busy = true;
  // --strict: what is merely doubtful fails too (a fragile claim, whose verdict a single
  // run decides; a slide that does not fit its stage in `check`).
  bool strict = false;
  ClaimFamily family = ClaimFamily::each;  // --family bonferroni: the claims' error shared as a family
  // How `check` lays the page out to see that every slide fits: empty is headless
  // Chromium (pdf/chromium_pdf.h, pipeline/fit_check.h); tests give a fake.
  PageLayout fit_layout;
  // --cpus LIST: build or check with deckgen (and so every snippet) restricted to these
  // CPUs ("1", "0-1", "all"), set before anything runs (run/cpu_affinity.h).
  std::optional<std::string> cpus;
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

// Exit codes, the same for every command (documented in --help and the README).
enum ExitCode : int {
  exit_ok = 0,
  exit_deck_failed = 1,  // the deck was written but something in it failed
  exit_input_error = 2,  // input or usage error: nothing was written
};

}  // namespace deckgen
