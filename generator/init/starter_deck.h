#pragma once
// `deckgen init`: the small working talk a new speaker starts from (generator/assets/
// starter/, compiled into deckgen): slides in deck/ that show each feature once, and
// snippets/ with a Python and a C example, a claim, a chart and a timeline, and a
// .gitignore for what deckgen rebuilds (output/, .deckgen-cache/).
#include <filesystem>
#include <string_view>
#include <vector>

namespace deckgen {

struct StarterFile {
  std::string_view path;     // relative: "deck/01-intro.md"
  std::string_view content;
};

// Every file of the starter talk, sorted by path.
std::vector<StarterFile> starter_files();

// Writes the starter talk under `dir` (made if missing) and returns the files written.
// deckgen never writes over what is not its own: when any of the files already exists,
// it throws InputError naming them and writes nothing (an existing .gitignore is kept,
// and the rest written). Throws std::system_error when a
// file cannot be written.
std::vector<std::filesystem::path> write_starter_deck(const std::filesystem::path& dir);

}  // namespace deckgen
