#pragma once
// Showing a slide a piece at a time, in pandoc's and Quarto's Markdown:
//
//   a pause line `. . .`   what follows it (to the next pause, or the end of the slide
//                          or of the div it is in) appears on the next key press;
//   ::: incremental        the lists inside appear item by item (also a slide's
//   - one                  `{.incremental}` class); `::: nonincremental` turns that
//   - two                  off inside it.
//   :::
//
// The reader marks what appears later with the class "fragment" (on a div wrapping the
// blocks after a pause, on each list item); the page writer's script and CSS know what
// that means.
#include "model/document.h"

namespace deckgen {

// Runs after group_fenced_divs: pauses inside a column split that column only.
void apply_pauses(NodeList& blocks);

// `incremental_slide`: the slide has the class "incremental".
enum class Incremental { no, yes };
void mark_incremental_lists(NodeList& blocks, Incremental slide);

}  // namespace deckgen
