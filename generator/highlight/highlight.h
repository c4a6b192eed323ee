#pragma once
// Syntax highlighting at build time, so the deck ships no highlighter JavaScript. A stage
// of its own before rendering: it starts Pygments and keeps its cache file, so that
// render/ does no I/O; render receives the HTML by code block.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/source_pos.h"
#include "util/entry_store.h"

namespace deckgen {

struct CodeBlock {
  SourcePos pos;         // the block in the deck: what its highlighted HTML is found by
  std::string language;  // a Pygments lexer name or alias ("python", "cpp", "sh")
  std::string code;
};

struct HighlightResult {
  // One entry per block: HTML with <span class="..."> tokens, already escaped; empty
  // optional when the language is unknown (the caller writes the code plain).
  std::vector<std::optional<std::string>> html;
  std::string warning;  // set when highlighting could not run at all
  std::vector<std::string> cache_warnings;  // kept entries that could not be used or written
};

class Highlighter {
 public:
  virtual ~Highlighter() = default;
  // Highlights all blocks in one go: one interpreter start per build, not per block.
  virtual HighlightResult highlight(const std::vector<CodeBlock>& blocks) = 0;
};

// Highlighted HTML by the code block's position (render/slides.h finds it there); a
// block missing from it is written plain.
using HighlightedCode = std::map<SourcePos, std::string>;

// Highlights every block in one Highlighter call. `failure` is set when highlighting
// could not run at all (the deck is then written with plain code); `cache_warnings`
// receives one line per kept entry that could not be used or written.
HighlightedCode highlight_blocks(Highlighter& highlighter, const std::vector<CodeBlock>& blocks, std::string* failure,
                                 std::vector<std::string>* cache_warnings);

// Pygments, run by a Python interpreter, with each block's HTML kept in `cache` (may be
// null: no cache) under a key of the highlighting script, the block's language and its
// text, so a rebuild only pays for blocks that changed.
std::unique_ptr<Highlighter> make_pygments_highlighter(const EntryStore* cache);

}  // namespace deckgen
