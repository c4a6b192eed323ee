#pragma once
// Assembles the one self-contained HTML file: the presentation runtime, the theme and
// every slide, inline. The only file that knows the presentation library (reveal.js).
#include <string>
#include <vector>

#include "model/document.h"
#include "render/slides.h"
#include "util/text.h"

namespace deckgen {

// A file the page carries inside itself, such as the trace a timeline links to
// (`traces/ID.json`): a link to `path` on a slide downloads `content` from the page,
// so the single file still holds everything its slides point at.
struct Attachment {
  std::string path;      // as the slides link to it, relative to the page
  std::string content;   // JSON text
};

// `slide_spans`, when given, gets where each top-level slide (its <section> element,
// the title slide first when there is one) lies in the page: what `watch` compares to
// send an open page only the slides that changed.
std::string write_page(const FrontMatter& meta, const std::vector<RenderedSlide>& slides,
                       const std::vector<Attachment>& attachments = {}, std::vector<TextSpan>* slide_spans = nullptr);

// The URL query that opens a written page in its print layout (`deckgen pdf`): one
// slide per page, and with PrintNotes::yes each slide's speaker notes below it on its page.
enum class PrintNotes { no, yes };
std::string print_layout_query(PrintNotes notes);

}  // namespace deckgen
