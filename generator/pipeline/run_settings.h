#pragma once
// The run stage's own settings (issue 22, item 8): what `build` hands the stage that runs
// snippets or takes them from the cache (pipeline/build_request.h makes them). The stage
// reads these, not the Options, so that a build can run it with other settings
// (`--cpus 1,all`'s further masks) without a second Options.
#include <filesystem>

#include "cli/options.h"

namespace deckgen {

// Whether a build's fresh results go into the cache. `present`'s reruns do not: they are
// measured in front of an audience, on a machine busy presenting, and a later build
// must show the build's own measurements, not the talk's.
enum class StoreResults { yes, no };

// What only deckgen's own commands decide about a build's runs; never the command line.
struct RunControls {
  StoreResults store = StoreResults::yes;  // no: read the cache, write no result into it
  // Cached results with busy runs are measured again (issue 22). `watch` and `present` do
  // that in their first build only: a rebuild after an edit (or a file a snippet wrote)
  // must neither take the time to re-measure nor change the numbers the page shows.
  bool remeasure_busy = true;
  // `present`'s ▶ (with `only` naming one snippet): that snippet runs alone with its own
  // run count, its group's others are not rerun and no claim adds runs; the claims,
  // charts and values keep the build's results (cached), the live one shown beside them.
  bool live_rerun = false;
};

// The command line's choices (use_cache, force, only, cpus: the mask the runs are made
// under, as asked; family: for the claims sampling decides) and the build's controls.
struct RunSettings : RunChoices, RunControls {
  std::filesystem::path cache_dir;  // the deck's cache folder (cache/cache_folder.h)
};

}  // namespace deckgen
