#pragma once
// Bracketed spans, as pandoc and Quarto write them: `[appears later]{.fragment}`.
// cmark reads them as plain text (brackets and braces included); this transform makes
// each one a NodeType::span with its classes. Known: fragment (shown on the next key
// press); other classes are warnings and the span shows as plain text.
#include "model/document.h"
#include "read/file_context.h"

namespace deckgen {

// Spans nest at most this deep (docs/layout.md): every later walk of the slide's tree
// recurses once per level. A deeper span is an input error.
inline constexpr size_t kMaxSpanNesting = 50;

void read_bracketed_spans(NodeList& nodes, const FileContext& ctx);

}  // namespace deckgen
