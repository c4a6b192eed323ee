#include "cache/key_history.h"

#include <fmt/format.h>

#include "util/files.h"

namespace deckgen {

std::filesystem::path KeyHistory::file_for(const std::string& id) const {
  // Hex, so that any id (a file's stem may hold anything) is one safe file name.
  std::string name;
  for (unsigned char c : id) name += fmt::format("{:02x}", c);
  return dir_ / (name + ".txt");
}

std::string KeyHistory::previous(const std::string& id) const {
  std::string text;
  return read_file(file_for(id), text) ? text : std::string();
}

void KeyHistory::remember(const std::string& id, const std::string& text) const {
  if (previous(id) == text) return;
  try {
    write_file_atomically(file_for(id), text);
  } catch (const std::system_error&) {
    // Only the next explanation is lost.
  }
}

}  // namespace deckgen
