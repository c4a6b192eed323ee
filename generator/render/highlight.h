#pragma once
// Syntax highlighting at build time, so the deck ships no highlighter JavaScript.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/source_pos.h"

namespace deckgen {

struct CodeBlock {
  std::string language;  // a Pygments lexer name or alias ("python", "cpp", "sh")
  std::string code;
  SourcePos pos;         // the block's identity: where its node starts in the deck
};

struct HighlightResult {
  // One entry per block: HTML with <span class="..."> tokens, already escaped; empty
  // optional when the language is unknown (the caller writes the code plain).
  std::vector<std::optional<std::string>> html;
  std::string warning;  // set when highlighting could not run at all
};

class Highlighter {
 public:
  virtual ~Highlighter() = default;
  // Highlights all blocks in one go: one interpreter start per build, not per block.
  virtual HighlightResult highlight(const std::vector<CodeBlock>& blocks) = 0;
};

// Pygments, run by a Python interpreter, with results kept in `cache_file` keyed by
// the block's language and text, so a rebuild only pays for blocks that changed.
// An empty `cache_file` means no cache.
std::unique_ptr<Highlighter> make_pygments_highlighter(std::filesystem::path cache_file);

}  // namespace deckgen
