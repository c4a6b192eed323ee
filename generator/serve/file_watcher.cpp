#include "serve/file_watcher.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

namespace fs = std::filesystem;

namespace deckgen {
namespace {

// What counts as a change: content written, files appearing, disappearing, renamed,
// `touch`ed. IN_MODIFY too, for writers that never close (the debounce absorbs them).
constexpr uint32_t kEvents = IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM |
                             IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF;

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

bool is_inside(const fs::path& path, const fs::path& folder) {
  auto [f, p] = std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
  return f == folder.end();
}

fs::path normal_absolute(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  return (ec ? p : abs).lexically_normal();
}

}  // namespace

bool is_scratch_file_name(std::string_view name) {
  if (name.empty()) return false;
  if (name.front() == '.' || name.back() == '~') return true;
  if (name.size() > 1 && name.front() == '#' && name.back() == '#') return true;
  if (name == "4913" || name == "__pycache__") return true;
  for (std::string_view tail : {".swp", ".swx", ".swo", ".tmp", ".kate-swp", ".pyc", ".part", ".crdownload"})
    if (ends_with(name, tail)) return true;
  return false;
}

FileWatcher::FileWatcher() : fd_(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
  if (fd_ < 0) throw std::system_error(errno, std::generic_category(), "cannot watch files (inotify)");
}

FileWatcher::~FileWatcher() { ::close(fd_); }

void FileWatcher::watch(const fs::path& folder) {
  fs::path root = normal_absolute(folder);
  roots_.insert(root);
  add_tree(root);
}

// Both as named and as the file system resolves it: an output named through a symbolic
// link (a linked folder, or a linked deck folder) is reported under the path the
// watched tree has, and each write of it rebuilt the deck again (issue 24: 77 to 494
// builds in 10 s).
void FileWatcher::ignore(const fs::path& path) {
  fs::path named = normal_absolute(path);
  ignored_.insert(named);
  std::error_code ec;
  if (fs::path real = fs::weakly_canonical(named, ec); !ec) ignored_.insert(real);
}

void FileWatcher::watch_for_creation(const fs::path& path) {
  fs::path awaited = normal_absolute(path);
  std::error_code ec;
  fs::path folder = awaited.parent_path();
  while (!fs::is_directory(folder, ec) && folder.has_relative_path()) folder = folder.parent_path();
  int wd = ::inotify_add_watch(fd_, folder.c_str(), kEvents | IN_ONLYDIR | IN_EXCL_UNLINK);
  if (wd < 0) return;
  awaited_.insert(awaited);
  // A folder already watched as part of a tree keeps its path (the same descriptor).
  folders_.try_emplace(wd, folder);
}

bool FileWatcher::counts(const fs::path& path) const {
  std::error_code ec;
  fs::path real = fs::weakly_canonical(path, ec);
  return std::none_of(ignored_.begin(), ignored_.end(),
                      [&](const fs::path& i) { return is_inside(path, i) || (!ec && is_inside(real, i)); });
}

bool FileWatcher::counts_in(const fs::path& folder, const fs::path& path) const {
  if (!counts(path)) return false;
  if (std::any_of(roots_.begin(), roots_.end(), [&](const fs::path& root) { return is_inside(folder, root); }))
    return true;
  // Watched only while waiting for something to appear: only the way to it counts.
  return std::any_of(awaited_.begin(), awaited_.end(), [&](const fs::path& a) { return is_inside(a, path); });
}

void FileWatcher::forget_tree(const fs::path& folder) {
  std::erase_if(folders_, [&](const auto& entry) {
    if (!is_inside(entry.second, folder)) return false;
    ::inotify_rm_watch(fd_, entry.first);
    return true;
  });
}

void FileWatcher::add_tree(const fs::path& folder) {
  auto add = [&](const fs::path& dir) {
    // The same folder twice gives the same descriptor: the map keeps its newest path,
    // which is what a folder renamed inside the tree needs.
    int wd = ::inotify_add_watch(fd_, dir.c_str(), kEvents | IN_ONLYDIR | IN_EXCL_UNLINK);
    if (wd >= 0) folders_[wd] = dir;
    return wd >= 0;
  };
  if (!counts(folder) || !add(folder)) return;
  std::error_code ec;
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (!it->is_directory(ec) || it->is_symlink(ec)) continue;
    const fs::path& dir = it->path();
    if (is_scratch_file_name(dir.filename().string()) || !counts(dir) || !add(dir)) it.disable_recursion_pending();
  }
}

// A file written to (or just created) and not yet closed: its writer is still at work.
// Everything else (closed after writing, renamed, deleted, touched, a folder) ends a step.
SaveBurst::Step step_of(uint32_t mask) {
  bool writing = (mask & (IN_MODIFY | IN_CREATE)) && !(mask & IN_ISDIR);
  return writing ? SaveBurst::Step::writing : SaveBurst::Step::finished;
}

std::optional<SaveBurst::Step> FileWatcher::drain(std::set<fs::path>& changed) {
  alignas(inotify_event) char buffer[64 * 1024];
  std::optional<SaveBurst::Step> counted;
  for (;;) {
    ssize_t n = ::read(fd_, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return counted;  // EAGAIN: the queue is empty
    for (char* at = buffer; at < buffer + n;) {
      const auto* event = reinterpret_cast<const inotify_event*>(at);
      at += sizeof(inotify_event) + event->len;
      if (event->mask & IN_Q_OVERFLOW) {  // events were lost: rescan, and rebuild to be safe
        for (const fs::path& root : roots_) add_tree(root), changed.insert(root);
        counted = SaveBurst::Step::writing;  // a flood: let it pass
        continue;
      }
      auto folder = folders_.find(event->wd);
      if (folder == folders_.end()) continue;
      if (event->mask & IN_IGNORED) {  // the folder is gone
        folders_.erase(folder);
        continue;
      }
      std::string_view name = event->len ? std::string_view(event->name) : std::string_view();
      if (is_scratch_file_name(name)) continue;
      fs::path path = name.empty() ? folder->second : folder->second / name;
      if (!counts_in(folder->second, path)) continue;
      if (event->mask & IN_MOVE_SELF) {
        // The folder now lives elsewhere under another name; its watches would report
        // changes there under the old one. The next build watches what is at the old
        // path again, or waits for it to appear.
        forget_tree(path);
        changed.insert(path);
        counted = SaveBurst::Step::finished;
        continue;
      }
      if ((event->mask & IN_ISDIR) && (event->mask & (IN_CREATE | IN_MOVED_TO))) add_tree(path);
      changed.insert(path);
      counted = step_of(event->mask);
    }
  }
}

std::optional<std::vector<fs::path>> FileWatcher::wait_for_change(SaveBurst::Quiet quiet,
                                                                   const std::function<bool()>& stop) {
  using Clock = SaveBurst::Clock;
  constexpr std::chrono::milliseconds kStopCheck{100};
  std::set<fs::path> changed;
  SaveBurst burst(quiet);
  for (;;) {
    if (stop()) return std::nullopt;
    auto timeout = kStopCheck;
    if (auto over_at = burst.over_at()) {
      auto now = Clock::now();
      if (now >= *over_at) break;
      auto left = std::chrono::ceil<std::chrono::milliseconds>(*over_at - now);
      timeout = std::min(kStopCheck, left);
    }
    pollfd p{fd_, POLLIN, 0};
    int ready = ::poll(&p, 1, static_cast<int>(timeout.count()));
    if (ready < 0 && errno != EINTR) throw std::system_error(errno, std::generic_category(), "cannot watch files");
    if (ready <= 0) continue;
    // Every event of the burst is read as it comes: its last step (a close after writing)
    // is what ends the wait early, and none is left over to start a second build.
    if (auto step = drain(changed)) burst.add(*step, Clock::now());
  }
  return std::vector<fs::path>(changed.begin(), changed.end());
}

}  // namespace deckgen
