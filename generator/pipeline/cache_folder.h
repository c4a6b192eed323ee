#pragma once
// Where a build keeps its cache: beside the output, so decks built to different places
// do not share one.
#include <filesystem>

#include "cli/options.h"

namespace deckgen {

inline std::filesystem::path cache_folder(const Options& options) { return options.output.parent_path() / ".cache"; }

}  // namespace deckgen
