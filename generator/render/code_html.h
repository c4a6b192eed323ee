#pragma once
// A block of code on a slide: <pre class="code"><code>, highlighted when Pygments knew
// the language. With line numbers or highlighted lines each line becomes its own
// <span class="line">, so the theme can number them and mark the chosen ones; steps
// ("1-3|5") add one empty reveal.js fragment per later step, which deck.js follows to
// move the mark (the first step is marked in the HTML itself, so print and no-script
// views show it).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace deckgen {

enum class LineNumbers { hidden, shown };

struct CodeLook {
  std::string lines;  // line steps as parse_line_steps reads them; empty: none
  LineNumbers numbers = LineNumbers::hidden;
};

// `highlighted` is Pygments' HTML for `code` (already escaped), or null: then `code`
// is written escaped.
void write_code(std::string& out, std::string_view language, std::string_view code,
                const std::string* highlighted, const CodeLook& look = {});

// Splits code HTML into lines, each one well-formed: a <span> still open at a line's
// end is closed there and opened again on the next line. A final newline ends the last
// line rather than starting an empty one.
std::vector<std::string> html_lines(std::string_view html);

}  // namespace deckgen
