#pragma once
// The width each chart and timeline is drawn at. One SVG unit is to be one px on the slide,
// so that text drawn at 18 units shows at 18 px: a figure is drawn for the box it stands
// in, the slide's text column (render/figures.h) or, inside `::: columns`, its column
// (drawn for the text column and scaled into half of it, its labels showed at 9 px).
#include <map>

#include "model/document.h"

namespace deckgen {

// By the position of each chart and timeline block in the deck's slides. Columns are
// laid out as layout.css lays them out: a column with a width keeps it (`40%` of the
// columns' box, `300px`; `em` at the slides' 32 px type), the others share what is left
// equally, with 32 px between columns.
std::map<SourcePos, double> figure_widths(const Deck& deck, int stage_width);

}  // namespace deckgen
