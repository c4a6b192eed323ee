#pragma once
// Which run's output a run slide shows: the median run, so that the output printed on
// the slide agrees with the median the prose quotes (one run's "32%" beside a quoted
// "46.6%" told the audience the deck was wrong).
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "model/claims.h"

namespace deckgen {

// The index of the run whose value is the median: for an even count, the earlier of the
// two middle runs. nullopt for no runs.
std::optional<size_t> median_run(std::span<const double> values);

// The metric that decides a snippet's median run: the first claim's that reads the
// snippet, else wall time.
std::string median_run_metric(const std::string& id, const std::vector<ClaimSpec>& claims);

// "run 4 of 9, the median" (`index` is 0-based).
std::string median_run_caption(size_t index, size_t count);

}  // namespace deckgen
