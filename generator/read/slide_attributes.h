#pragma once
// What a slide says about itself: attributes on its title, in Quarto's and pandoc's
// form (`## Title {.center .smaller background-image="img.png"}`), and reveal.js's
// comment form (`<!-- .slide: class="center" data-background-image="img.png" -->`).
// A slide holding nothing but a heading becomes a section slide (class "section").
#include "model/document.h"
#include "read/file_context.h"

namespace deckgen {

// Slide classes the theme styles; any other is kept but warned about.
//   center: content centred on the slide; smaller: smaller type; section: a lone heading
//   centred; incremental: the slide's lists appear item by item.
bool is_known_slide_class(std::string_view name);

// Reads the title's braces and any `.slide:` comment into slide.classes and its
// background (the image loaded into ctx.images), removing them from the text. Braces
// on other headings become the heading's classes. Unknown keys and reveal.js comment
// directives other than `.slide:` are warnings.
void read_slide_attributes(Slide& slide, const FileContext& ctx);

}  // namespace deckgen
