#pragma once
// `deckgen clean`: removes the build's cache folder, and only when deckgen made it.
#include "cli/options.h"
#include "pipeline/status.h"

namespace deckgen {

int run_clean(const Options& options, Status& status);

}  // namespace deckgen
