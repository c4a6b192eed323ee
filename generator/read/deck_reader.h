#pragma once
// Reads a deck: finds its Markdown files, takes the front matter, splits the text into
// slides and speaker notes, and loads the local images the slides show.
#include <filesystem>
#include <memory_resource>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"
#include "model/input_error.h"
#include "read/images.h"  // image_mime

namespace deckgen {

// `inputs` is one deck folder (its *.md files in name order) or a list of .md files.
// Throws InputError (InputErrors when there are several: every block is read) for
// anything it cannot read.
Deck read_deck(const std::vector<std::filesystem::path>& inputs);
// The same, keeping the input errors in `errors` and going on with what could be read,
// so that planning can add its own before they are all reported together. Only a deck
// that cannot be found at all (no input, no .md file) still throws.
Deck read_deck(const std::vector<std::filesystem::path>& inputs, InputErrorList& errors);

// The slides of one file's Markdown (after front matter), valid UTF-8. Exposed for tests.
// Nodes are made with `memory` (see parse_markdown). A `---` after a blank line always
// breaks; a heading of level 1..slide_level outside a fenced div starts a slide too.
// Without a slide_level, that is 2 when the file has no `---` break (a Quarto deck) and
// 0 when it has one (a deck that says where its slides break). `heading_level_used`, if
// given, receives the level applied.
std::vector<Slide> split_slides(std::string_view body, const std::string& file, int first_line,
                                std::pmr::memory_resource* memory = std::pmr::get_default_resource(),
                                std::optional<int> slide_level = std::nullopt, int* heading_level_used = nullptr);


}  // namespace deckgen
