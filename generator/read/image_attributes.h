#pragma once
// Image sizing in pandoc's and Quarto's form: `![alt](p.png){width=50%}`. cmark leaves
// the braces as text after the image; this moves them into the image's attributes.
#include "model/document.h"
#include "read/file_context.h"

namespace deckgen {

// Known: width and height (a number with px, %, em or rem, or a bare number of pixels).
// Anything else in the braces is a warning.
void read_image_attributes(NodeList& nodes, const FileContext& ctx);

}  // namespace deckgen
