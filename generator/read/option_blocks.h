#pragma once
// The YAML inside ```claim, ```chart and ```timeline blocks, and the {{...}}
// placeholders in slide text. Syntax only: whether the snippets they name exist is
// checked by the plan.
#include <string_view>
#include <vector>

#include "model/claims.h"

namespace deckgen {

ClaimSpec parse_claim_block(std::string_view yaml, const SourcePos& block);
ChartSpec parse_chart_block(std::string_view yaml, const SourcePos& block);
TimelineSpec parse_timeline_block(std::string_view yaml, const SourcePos& block);

// A {{...}} found in text: where it is, and what it asks for.
struct PlaceholderMatch {
  size_t begin = 0, end = 0;  // the bytes of `text` from "{{" to past "}}"
  std::string_view written;   // between the braces, as written
  Placeholder placeholder;    // parsed: its `text` is `written` trimmed
};

// Every {{...}} in `text` (a text node starting at `pos`), parsed. The one scanner of
// placeholders: the reader turns each match into a placeholder node, so nothing later
// scans text for braces again. Throws InputError for an unclosed or malformed one.
std::vector<PlaceholderMatch> find_placeholders(std::string_view text, const SourcePos& pos);

}  // namespace deckgen
