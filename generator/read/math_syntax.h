#pragma once
// TeX math between dollars, read as pandoc and Quarto read it (pandoc's tex_math_dollars):
// `$...$` inline, `$$...$$` displayed (over several lines of a paragraph too). An
// inline opener has no blank after it; its closer has no blank before it and no digit
// after it, so "$5 and $10" stays text. `\$` is a dollar, in text and in math.
// A cmark inline extension, so the TeX is taken as written: cmark's own inline parsing
// would have read `\{` as `{` and `a_1 * b_2 *` as emphasis. The converter
// (read/markdown.cpp) makes each match a NodeType::math_inline or math_display node.
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <string_view>

namespace deckgen {

// The extension, made once; its nodes are allocated from `memory` (the parse's arena).
cmark_syntax_extension* math_syntax_extension(cmark_mem* memory);

struct MathMatch {
  bool display = false;
  std::string_view tex;
  int line = 0, column = 0;  // of the opening dollar, in the parsed text
};

// What a node the extension made holds, or false for any other node.
bool read_math_node(cmark_node* node, MathMatch& out);

}  // namespace deckgen
