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

// Every {{...}} in `text` (a text node starting at `pos`), parsed.
std::vector<Placeholder> find_placeholders(std::string_view text, const SourcePos& pos);

}  // namespace deckgen
