#pragma once
// Which snippets' timings matter. Timed runs must run alone, with nothing else of
// deckgen running; everything else (compiles, and snippets whose timing is neither
// shown, quoted nor claimed) may share the machine.
#include <set>
#include <string>

#include "model/document.h"
#include "plan/plan.h"

namespace deckgen {

// Ids of the snippets whose timing is shown (`show: [timing]`), quoted by a
// placeholder, compared by a claim or drawn in a chart or timeline. A snippet's own
// recorded metrics count: they are usually timings it took itself.
std::set<std::string> timing_sensitive_snippets(const Deck& deck, const Plan& plan);

}  // namespace deckgen
