#pragma once
// Where deckgen keeps its cache, and how it knows a folder is its own (issue 13).
//
// One cache per deck: `.deckgen-cache` inside the deck folder (for .md files given one
// by one, the folder of the first), so that build, check, watch and pdf of a deck share
// it whatever -o names. deckgen makes the folder itself: it is created under a private
// name with a CACHEDIR.TAG naming deckgen inside, then renamed into place without
// replacing anything. A folder of that name without the tag (or a symbolic link, or a
// file) is someone else's: deckgen neither uses, tags nor removes it.
#include <filesystem>
#include <string_view>
#include <vector>

namespace deckgen {

inline constexpr std::string_view kCacheFolderName = ".deckgen-cache";

// The cache folder of the deck that `inputs` (a deck folder, or .md files) names. Asks
// the file system only whether the first input is a folder; reads nothing.
std::filesystem::path cache_dir_for(const std::vector<std::filesystem::path>& inputs);

// True when `dir` is a folder (not a symbolic link) holding deckgen's CACHEDIR.TAG.
bool is_deckgen_cache(const std::filesystem::path& dir);

// Makes `dir` as deckgen's cache when it does not exist; does nothing when it already
// is one. Throws InputError (exit 2) saying what to do when `dir` is anything else, and
// std::system_error when it cannot be made (a read-only folder).
void claim_cache_dir(const std::filesystem::path& dir);

}  // namespace deckgen
