#pragma once
// Reads a deck: finds its Markdown files, takes the front matter, splits the text into
// slides and speaker notes, and loads the local images the slides show.
#include <filesystem>
#include <memory_resource>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"
#include "read/images.h"  // image_mime

namespace deckgen {

// `inputs` is one deck folder (its *.md files in name order) or a list of .md files.
// Throws InputError for anything it cannot read.
Deck read_deck(const std::vector<std::filesystem::path>& inputs);

// The slides of one file's Markdown (after front matter), valid UTF-8. Exposed for tests.
// Nodes are made with `memory` (see parse_markdown).
std::vector<Slide> split_slides(std::string_view body, const std::string& file, int first_line,
                                std::pmr::memory_resource* memory = std::pmr::get_default_resource());


}  // namespace deckgen
