#pragma once
// The YAML inside a ```run block, read into a SnippetSpec. Only the syntax is checked
// here; whether the file exists and which language runs it is the plan's job.
#include <string>
#include <string_view>

#include "model/snippet.h"

namespace deckgen {

// `block` is where the fence starts; the YAML's first line is the line after it.
SnippetSpec parse_run_block(std::string_view yaml, const SourcePos& block);

}  // namespace deckgen
