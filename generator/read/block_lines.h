#pragma once
// Lines that must stand alone as blocks before cmark parses the text: the `:::` fences
// of fenced divs and the `. . .` pause. cmark has no fenced divs, and a fence written
// right under a paragraph or a list item would be read as part of it; with a blank line
// around each such line it becomes a paragraph of its own, which read/fenced_divs.h
// and read/pauses.h then recognise in the tree.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace deckgen {

struct SpacedText {
  std::string text;
  std::vector<int> original_line;  // [line of `text` - 1] -> 1-based line of the input
};

// nullopt when nothing needs spacing (the common case: no copy is made). Lines inside
// code fences are left alone.
std::optional<SpacedText> space_block_lines(std::string_view text);

// A line that opens or closes a fenced div: three or more colons at the start.
bool is_div_fence(std::string_view line);
// The pause line of pandoc and Quarto.
bool is_pause(std::string_view line);

}  // namespace deckgen
