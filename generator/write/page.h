#pragma once
// Assembles the one self-contained HTML file: the presentation runtime, the theme and
// every slide, inline. The only file that knows the presentation library (reveal.js).
#include <string>
#include <vector>

#include "model/document.h"
#include "render/slides.h"

namespace deckgen {

std::string write_page(const FrontMatter& meta, const std::vector<RenderedSlide>& slides);

}  // namespace deckgen
