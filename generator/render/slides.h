#pragma once
// Renders every slide's body and notes to HTML fragments. Pure: no I/O; what needed
// I/O (images, highlighting, running snippets) was done before and is passed in.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/document.h"
#include "model/results.h"
#include "plan/plan.h"
#include "highlight/highlight.h"

namespace deckgen {

struct RenderedSlide {
  SourcePos pos;
  std::string html;   // the slide's content
  std::string notes;  // speaker notes, empty if none
  std::string css_class;         // space-separated: the slide's classes ("center", "section")
  std::string background_image;  // a data: URI, or empty
  std::string background_color;  // a CSS colour, or empty
  bool has_math = false;         // holds typeset math: the page needs KaTeX's stylesheet
};

// What the slides show besides the Markdown: the plan's snippets and their results.
// Both may be absent (a deck without snippets, or tests of plain Markdown).
struct SnippetViews {
  const Plan* plan = nullptr;
  const std::map<std::string, SnippetResult>* results = nullptr;
  // {{text}} -> the value shown (already formatted; escaped when written).
  const std::map<std::string, std::string>* placeholder_values = nullptr;
  // The HTML of each claim/chart/timeline block, by the block's position.
  const std::map<SourcePos, std::string>* block_html = nullptr;
  // The snippets whose timing line says "machine busy" (measure/busy_notes.h); none when absent.
  const std::set<std::string>* busy_notes = nullptr;
};

// Code that wants highlighting, each with its block's position: fenced code with a
// language, and the code each `run` block shows. Pure: the highlight stage runs them.
std::vector<CodeBlock> code_blocks_to_highlight(const Deck& deck, SnippetViews views = {});

// `highlighted` holds the HTML of code_blocks_to_highlight's blocks by position (a block
// without an entry is written plain).
std::vector<RenderedSlide> render_slides(const Deck& deck, const HighlightedCode& highlighted, SnippetViews views = {});

}  // namespace deckgen
