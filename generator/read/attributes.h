#pragma once
// Pandoc's attribute syntax, `{#id .class key=value key="a value"}`, which Quarto and
// pandoc authors write after headings, images, code fence languages and `:::` fences.
// Only the syntax: what each attribute means is decided where it is written.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace deckgen {

struct ParsedAttributes {
  Attributes attrs;                 // classes and key=value pairs; `#id` is kept as key "id"
  std::vector<std::string> words;   // bare words, in order (`python` in `{python}`, `1-3|5`)
};

enum class BareWords { allowed, refused };

// Parses the text between the braces. nullopt when it is not attribute syntax (an
// unclosed quote, a stray character, or a bare word where they are refused), so that
// prose that merely holds braces stays prose.
std::optional<ParsedAttributes> parse_attributes(std::string_view inside, BareWords bare = BareWords::refused);

// Where a `{...}` that ends `text` (trailing blanks aside) starts, or npos. A `}}` ending
// (a {{placeholder}}) is not one.
size_t trailing_braces(std::string_view text);

}  // namespace deckgen
