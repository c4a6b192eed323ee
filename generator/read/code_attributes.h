#pragma once
// A code fence's info string in the forms authors bring from elsewhere, made uniform:
//
//   ```python {2-3|5}                      presenterm, Quarto: lines highlighted in steps
//   ```{.python .numberLines}              pandoc: the language is the first class
//   ```{.python code-line-numbers="1-3|5"} Quarto
//   ```python lines="1-3|5"
//
// After this, Node::info is the language alone (so fence_language() and everything that
// keys on it work unchanged), and the rest is in Node::attrs: class "numberLines" and
// value "lines" (checked with parse_line_steps). deckgen's own blocks (run, claim,
// chart, timeline) are left alone.
#include "model/document.h"
#include "read/file_context.h"

namespace deckgen {

// Malformed line steps are an input error (the author clearly meant something); unknown
// attributes and a mermaid block (use dot) are warnings.
void read_code_attributes(NodeList& nodes, const FileContext& ctx);

}  // namespace deckgen
