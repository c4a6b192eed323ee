#pragma once
// GitHub-flavoured Markdown to the deck's own node tree. The only file in deckgen that
// sees cmark-gfm: everything after the reader works on model/document.h.
#include <memory_resource>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace deckgen {

// Parses `text` (tables, strikethrough, autolinks and task lists on) and returns its
// top-level blocks. `text` must be valid UTF-8: read_deck passes every file through
// sanitize_utf8 first, so cmark does not check it again. Positions name `file`, with `first_line` the file line of the
// text's first line (so front matter that was cut off still counts).
// The nodes' strings and lists come from `memory` (the deck's node_memory when reading
// a deck), which must outlive them.
NodeList parse_markdown(std::string_view text, const std::string& file, int first_line,
                        std::pmr::memory_resource* memory = std::pmr::get_default_resource());

// The same for a piece of a longer text that is meant to end, on the file's line
// `last_line`, with a thematic break at the top level (a slide separator): then the
// blocks before it are exactly those the whole text would have there, with no link
// reference definitions elsewhere (the caller checks that). nullopt, having made no
// node, when that line is not such a break in this piece: it belongs to a block still
// open (a fenced code block, an HTML block).
std::optional<NodeList> parse_markdown_piece(std::string_view text, const std::string& file, int first_line,
                                             int last_line,
                                             std::pmr::memory_resource* memory = std::pmr::get_default_resource());

}  // namespace deckgen
