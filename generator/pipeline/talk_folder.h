#pragma once
// `deckgen build talk`, where talk/ is the folder `deckgen init talk` made (deck/ and
// snippets/ inside, no .md file of its own): builds talk/deck as `cd talk && deckgen
// build` would, its default output going to talk/output/ as well.
#include "cli/options.h"

namespace deckgen {

// `options` with a talk folder's input replaced by its deck folder (and the default
// outputs moved into it); unchanged for anything else.
Options with_talk_folder_resolved(Options options);

}  // namespace deckgen
