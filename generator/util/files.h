#pragma once
// File helpers that know nothing of decks.
#include <filesystem>
#include <string>
#include <string_view>

namespace deckgen {

// Reads a whole regular file; false if it cannot (missing, a folder, unreadable).
bool read_file(const std::filesystem::path& path, std::string& out);

// Writes `content` so that `path` holds either its previous content or all of the new
// one, never a part: a temporary file beside it, flushed, then renamed over it.
// Throws std::system_error on failure (and removes the temporary file).
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace deckgen
