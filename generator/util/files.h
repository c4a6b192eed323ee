#pragma once
// File helpers that know nothing of decks.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

// write_file_atomically for many files at once, with one flush of the file system for
// all of them (syncfs) instead of an fsync each (up to 8 files, an fsync each); each
// file is then renamed into place.
// Throws std::system_error at the first failure: the files before it are in place, the
// temporary files of the rest removed.
void write_files_atomically(const std::vector<std::pair<std::filesystem::path, std::string>>& files);

// write_file_atomically, unless the file already holds exactly `content`: a rebuild
// that changes nothing there costs a read, not a write and an fsync. True when written.
bool write_file_if_changed(const std::filesystem::path& path, std::string_view content);

// Several outputs written together or not at all (issue 24: on a full disk, a failed
// build had replaced the report, the JUnit file and traces/ beside the old deck). add()
// writes each file's content to its temporary file at once, so that a full disk fails
// there, before anything is replaced; commit() then only renames. What is not committed
// is removed with the object.
class StagedWrites {
 public:
  StagedWrites() = default;
  StagedWrites(const StagedWrites&) = delete;
  StagedWrites& operator=(const StagedWrites&) = delete;
  ~StagedWrites();
  void add(const std::filesystem::path& path, std::string_view content);
  void add_if_changed(const std::filesystem::path& path, std::string_view content);  // as write_file_if_changed
  void commit();

 private:
  struct Staged {
    std::string temp;
    std::filesystem::path path;
  };
  std::vector<Staged> staged_;
};

// Removes the temporary files write_file_atomically left beside `path` when its process
// was killed (kill -9, a power cut): only regular files named exactly as it names them
// for `path`, and only those no live writer holds locked. Returns how many it removed.
size_t remove_stale_temp_files(const std::filesystem::path& path);

// A private folder (mkdtemp under the system temp folder, named deckgen-PURPOSE-XXXXXX),
// removed with the object. It holds a marker file, .deckgen-owner, locked (flock) for
// the object's life: the lock is what proves the folder is deckgen's and still in use.
class TempFolder {
 public:
  explicit TempFolder(std::string_view purpose);
  ~TempFolder();
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  int owner_lock_ = -1;
};

// Removes the TempFolders a killed or crashed deckgen left in `temp_dir` (kill -9, a
// SIGHUP under `watch`, a segfault): only real folders (not links) named deckgen-*,
// owned by this user, holding a regular .deckgen-owner file that no live process holds
// locked. Returns how many it removed.
size_t sweep_abandoned_temp_folders(const std::filesystem::path& temp_dir);

}  // namespace deckgen
