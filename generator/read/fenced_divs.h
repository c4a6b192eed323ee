#pragma once
// Fenced divs, as pandoc and Quarto write them:
//
//   :::: columns                 (or `:::: {.columns}`)
//   ::: {.column width="40%"}
//   text, images, lists
//   :::
//   ::::
//
// cmark has no such block; read/block_lines.h makes each fence line a paragraph of
// its own, and this transform gathers the blocks between an opening and its closing
// fence into a NodeType::div carrying the fence's classes and attributes.
#include "model/document.h"
#include "read/file_context.h"

namespace deckgen {

// Divs nest at most this deep (docs/layout.md, "Divs nest at most 50 deep"); a deeper opening fence is an input error.
inline constexpr size_t kMaxDivNesting = 50;

// Known classes: columns, column (width=), incremental, nonincremental, notes, fragment
// (shown on the next key press). An unknown class
// or attribute, a fence that closes nothing and a div left open at the slide's end are
// warnings (the div still closes there).
void group_fenced_divs(NodeList& blocks, const FileContext& ctx);

// Quarto's speaker notes, `::: notes` (or `::: {.notes}`), anywhere on the slide: their
// content goes to the slide's notes (after any `Note:` paragraph's), the div goes.
void take_notes_divs(Slide& slide);

// The text of a paragraph that is nothing but one line of text, or null: how fence and
// pause lines look once parsed.
const std::pmr::string* lone_line(const Node& paragraph);

}  // namespace deckgen
