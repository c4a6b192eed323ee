#pragma once
// Syntax from other slide tools that deckgen does not draw, said out loud instead of
// printed as it is without a word: `$math$` in a table cell (GFM's tables take no
// formula; everywhere else math is typeset, read/math_syntax.h).
// Mermaid blocks and reveal.js comment directives are warned about where they are read
// (read/code_attributes.h, read/slide_attributes.h).
#include "model/document.h"
#include "read/file_context.h"

namespace deckgen {

void warn_unsupported_syntax(const NodeList& nodes, const FileContext& ctx, bool in_table_cell = false);

// Whether `text` holds TeX math between dollars, as pandoc reads it: `$` with no blank
// after it, a closing `$` with no blank before it and no digit after ("$5 and $10"
// is not math), or `$$...$$`.
bool has_dollar_math(std::string_view text);

}  // namespace deckgen
