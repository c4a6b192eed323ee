#pragma once
// Assembles the one self-contained HTML file: the presentation runtime, the theme and
// every slide, inline. The only file that knows the presentation library (reveal.js).
#include <string>
#include <vector>

#include "model/document.h"
#include "render/slides.h"

namespace deckgen {

std::string write_page(const FrontMatter& meta, const std::vector<RenderedSlide>& slides);

// The URL query that opens a written page in its print layout (`deckgen pdf`): one
// slide per page, and with PrintNotes::yes each slide's speaker notes on its page.
enum class PrintNotes { no, yes };
std::string print_layout_query(PrintNotes notes);

}  // namespace deckgen
