#pragma once
// What a build is asked to do (issue 22, item 8): the command line's Options as the user
// gave them, and what only deckgen's own commands decide when they build through
// run_build (`pdf`'s hidden page, `present`'s reruns, `watch`'s rebuilds). Dispatch turns
// the Options into one; the Options no longer double as the build's internal controls.
// (The test seams, such as how `check` lays a page out, travel with the Runners.)
#include "cli/options.h"
#include "pipeline/run_settings.h"

namespace deckgen {

struct BuildRequest {
  Options options{};
  RunControls run{};  // store, remeasure_busy, live_rerun
  // `pdf` builds into a hidden temporary page on its way to the PDF: that page is not
  // announced, and the trace files a deck links to are not written beside it.
  bool deck_is_intermediate = false;
};

// The run stage's settings for `request`: its choices and controls, the deck's cache folder.
RunSettings run_settings_of(const BuildRequest& request);

}  // namespace deckgen
