#pragma once
// Changes the parsed tree into deckgen's own node types, right after the Markdown is
// read (cmark and pandoc both advise changing the tree after parsing rather than
// hooking the parser): fenced ```run, ```claim, ```chart and ```timeline blocks become
// typed blocks whose options are parsed and collected into the deck, and every {{...}}
// in text becomes a placeholder node. Later stages switch on node types; none of them
// looks at a fence's info string or scans text for braces.
#include "model/document.h"
#include "model/input_error.h"

namespace deckgen {

// Transforms `nodes` in place, appending what it finds to deck.snippets, claims,
// charts, timelines and placeholders (document order). Throws InputError for a
// malformed block or placeholder.
void make_typed_nodes(NodeList& nodes, Deck& deck);
// The same, keeping each malformed block's or text's error in `errors` and going on, so
// that one mistake does not hide the next (such a block stays an ordinary code block).
void make_typed_nodes(NodeList& nodes, Deck& deck, InputErrorList& errors);

}  // namespace deckgen
