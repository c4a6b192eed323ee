#pragma once
// `deckgen init [DIR]`: writes the starter talk (init/starter_deck.h) and says what to
// do next. Exit 2, with nothing written, when any of its files already exists.
#include "cli/options.h"
#include "pipeline/status.h"

namespace deckgen {

int run_init(const Options& options, Status& status);

}  // namespace deckgen
