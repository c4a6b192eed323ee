#pragma once
// Writes the deck's node tree as HTML: one loop over node types, as cmark's own
// renderers do. Code blocks are handed to a callback so the caller decides how code
// looks (highlighted, a snippet's result) without this file knowing.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "model/document.h"

namespace deckgen {

struct HtmlContext {
  // Writes a fenced or indented code block, or an option block (run, claim, chart,
  // timeline); the default writes it escaped in <pre><code>, as the author wrote it.
  std::function<void(std::string& out, const Node& code_block)> code_block;
  // Writes a placeholder node (its measured value); the default writes it back as
  // written, braces included.
  std::function<void(std::string& out, const Node& placeholder)> placeholder;
  // Local images, inlined as data: URIs (keys are Node::url after reading).
  const std::map<std::string, Asset, std::less<>>* images = nullptr;
  // Typeset math by formula_key (draw/math.h); a formula missing from it (or no map) is
  // written as its TeX between its dollars.
  const std::map<std::string, std::string>* formulas = nullptr;
  // Set when a formula was written: the page then carries KaTeX's stylesheet.
  bool* wrote_math = nullptr;
};

void render_blocks(std::string& out, const NodeList& blocks, const HtmlContext& ctx);
std::string render_blocks(const NodeList& blocks, const HtmlContext& ctx);


}  // namespace deckgen
