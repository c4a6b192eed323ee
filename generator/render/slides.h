#pragma once
// Renders every slide's body and notes to HTML fragments. Pure: no I/O; what needed
// I/O (images, highlighting) was done before and is passed in.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/document.h"
#include "render/highlight.h"

namespace deckgen {

struct RenderedSlide {
  SourcePos pos;
  std::string html;   // the slide's content
  std::string notes;  // speaker notes, empty if none
};

// Code blocks that want highlighting, in document order, for one Highlighter call.
std::vector<CodeBlock> code_blocks_to_highlight(const Deck& deck);

// `highlighted` answers code_blocks_to_highlight(deck) in the same order (missing or
// empty entries are written plain).
std::vector<RenderedSlide> render_slides(const Deck& deck, const std::vector<std::optional<std::string>>& highlighted);

}  // namespace deckgen
