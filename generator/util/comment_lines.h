#pragma once
// deckgen's own stylesheets and scripts explain themselves in comments, which every
// deck would otherwise carry: about 9 KB of a 60-slide deck's 400 KB budget (issue 12,
// item 9). The page embeds them without their comment lines.
#include <string>
#include <string_view>

namespace deckgen {

enum class CommentSyntax {
  css,  // /* ... */
  js,   // /* ... */ and // ...
};

// The text without what a reader of the source needs and a browser does not: comments
// that begin a line (a `/* ... */` block through its `*/`, and in JS a `// ...` line),
// each line's indentation, and blank lines. A comment after code on the same line is
// kept. Only for text without multi-line strings or template literals (our own assets),
// where a line that starts with `//` or `/*` cannot be inside a string.
std::string without_comment_lines(std::string_view source, CommentSyntax syntax);

}  // namespace deckgen
