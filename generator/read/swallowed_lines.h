#pragma once
// Markdown that parses without error into something the author almost surely did not
// mean, said out loud (docs/layout.md promises that nothing is ignored without a word):
//   - a code fence never closed: every later line of the file, slide breaks included,
//     becomes code;
//   - a `---` right under a line of text: not a slide break (under a paragraph it
//     underlines a heading);
//   - a line of one or two backticks: not a fence, so its lines run into inline code;
//   - a slide holding several `#`/`##` headings in a file whose headings start no slide.
#include <string>
#include <string_view>

#include "model/document.h"
#include "read/file_context.h"

namespace deckgen {

// Looks at the lines of `body` (a file's Markdown after its front matter; its first line
// is the file's line `first_line`), outside code fences.
void warn_swallowed_lines(std::string_view body, const std::string& file, int first_line, const FileContext& ctx);

// For a slide of a file split at `---` only: a second top-level `#`/`##` heading.
void warn_unsplit_headings(const Slide& slide, const FileContext& ctx);

}  // namespace deckgen
