#pragma once
// File helpers that know nothing of decks.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace deckgen {

// Reads a whole regular file (to its end, whatever size it reports: /proc files say 0);
// false if it cannot (missing, a folder, unreadable).
bool read_file(const std::filesystem::path& path, std::string& out);
// The same, as an optional.
std::optional<std::string> read_text(const std::filesystem::path& path);

// Writes `content` so that `path` holds either its previous content or all of the new
// one, never a part: a temporary file beside it (`.NAME.tmp-XXXXXX`, locked with flock
// while it is written), flushed, then renamed over it.
// Throws std::system_error on failure (and removes the temporary file).
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

// write_file_atomically, unless the file already holds exactly `content`: a rebuild
// that changes nothing there costs a read, not a write and an fsync. True when written.
bool write_file_if_changed(const std::filesystem::path& path, std::string_view content);

// Removes the temporary files write_file_atomically left beside `path` when its process
// was killed (kill -9, a power cut): only regular files named exactly as it names them
// for `path`, and only those no live writer holds locked. Returns how many it removed.
size_t remove_stale_temp_files(const std::filesystem::path& path);

// A private folder (mkdtemp under the system temp folder), removed with the object.
class TempFolder {
 public:
  explicit TempFolder(std::string_view purpose);
  ~TempFolder();
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace deckgen
