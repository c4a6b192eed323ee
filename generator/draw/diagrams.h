#pragma once
// Diagrams drawn at build time: every ```dot block becomes inline SVG through
// Graphviz's `dot -Tsvg` (Debian's graphviz), so the deck ships no diagram script and
// the renderer, which starts no process, only inserts the SVG. Runs after reading and
// before rendering; drawings are cached by their source, like highlighting.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "model/document.h"
#include "util/entry_store.h"

namespace deckgen {

// Fills deck.diagrams. `cache` (may be null: no cache) keeps the SVG of each source drawn
// before; `cache_warnings` receives a line per kept entry that could not be used or
// written. A diagram dot cannot draw is an InputError at the block's line (the line dot
// names, when it names one); a missing `dot` is one at the first block. So is a drawing
// that takes longer than `time_limit` (unset: the front matter's `dot_timeout:`, 60 s by
// default): dot is stopped, as an `image=` naming a FIFO blocks it forever and would
// hang build, watch and present with it.
void draw_diagrams(Deck& deck, const EntryStore* cache, std::vector<std::string>* cache_warnings,
                   std::optional<std::chrono::milliseconds> time_limit = std::nullopt);

}  // namespace deckgen
