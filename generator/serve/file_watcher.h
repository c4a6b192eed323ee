#pragma once
// Waits for changes under folders through inotify: the watch loop's trigger. Knows
// nothing of decks. Folders are watched recursively, and folders created later are
// watched as they appear. Editors' temporary and swap files, hidden files and folders
// (which include deckgen's own temporary files and caches) and explicitly ignored
// paths (the deck being written) do not count as changes.
#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "serve/save_burst.h"

namespace deckgen {

// True for names no rebuild should follow: hidden (`.x.swp`, `.#x`, `.git`, deckgen's
// `.deck.html.tmp-*`), backups (`x~`), Emacs auto-saves (`#x#`), vim's write probe
// (`4913`), swap and temporary files, Python's byte-code caches.
bool is_scratch_file_name(std::string_view name);

class FileWatcher {
 public:
  FileWatcher();  // throws std::system_error when inotify is unavailable
  ~FileWatcher();
  FileWatcher(const FileWatcher&) = delete;
  FileWatcher& operator=(const FileWatcher&) = delete;

  // Watches `folder` and every folder under it. A missing folder is skipped; watching
  // a folder twice is harmless.
  void watch(const std::filesystem::path& folder);
  // Changes to `path` (a file, or a folder and all under it) do not count.
  void ignore(const std::filesystem::path& path);
  // Notices when `path`, which does not exist, appears: watches its nearest existing
  // folder, not recursively, and counts only the events on the way to `path` there. (A
  // deck folder moved away must not make its parent, often the current folder with the
  // session's log in it, a tree whose every change rebuilds.)
  void watch_for_creation(const std::filesystem::path& path);

  // Blocks until something changed, then until the burst of changes is over (an
  // editor's save is several events, a checkout hundreds: serve/save_burst.h), and
  // returns the changed paths. nullopt once `stop()` says so; it is asked every 100 ms.
  std::optional<std::vector<std::filesystem::path>> wait_for_change(SaveBurst::Quiet quiet,
                                                                     const std::function<bool()>& stop);

 private:
  void add_tree(const std::filesystem::path& folder);
  bool counts(const std::filesystem::path& path) const;
  // Whether a change at `path` in the watched folder `folder` is one to report.
  bool counts_in(const std::filesystem::path& folder, const std::filesystem::path& path) const;
  // Stops watching `folder` and every folder under it (it moved: their paths are stale).
  void forget_tree(const std::filesystem::path& folder);
  // Reads what is queued; adds changed paths to `changed`. The step the last counted
  // event ends on; nullopt when nothing counted.
  std::optional<SaveBurst::Step> drain(std::set<std::filesystem::path>& changed);

  int fd_ = -1;
  std::unordered_map<int, std::filesystem::path> folders_;  // watch descriptor -> folder
  std::set<std::filesystem::path> roots_, ignored_, awaited_;
};

}  // namespace deckgen
