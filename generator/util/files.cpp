#include "util/files.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <fstream>
#include <random>
#include <system_error>

namespace fs = std::filesystem;

namespace deckgen {

bool read_file(const fs::path& path, std::string& out) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return false;
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  // The size is only a hint: files under /proc report 0 and still have content.
  uintmax_t hint = fs::file_size(path, ec);
  out.clear();
  out.reserve(ec ? 0 : static_cast<size_t>(hint));
  char buffer[64 * 1024];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) out.append(buffer, static_cast<size_t>(in.gcount()));
  return !in.bad();
}

std::optional<std::string> read_text(const fs::path& path) {
  std::string text;
  if (!read_file(path, text)) return std::nullopt;
  return text;
}

namespace {

// Writes `content` to a fresh temporary file beside `path` (created with its folder),
// flushed to disk, and returns the temporary file's name; throws, leaving nothing, when
// it cannot. Renaming it over `path` is then all that is left to do.
enum class Flush { now, by_caller };

std::string write_temp_beside(const fs::path& path, std::string_view content, Flush flush = Flush::now) {
  fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  fs::create_directories(dir);
  std::string tmp = (dir / fmt::format(".{}.tmp-XXXXXX", path.filename().string())).string();
  int fd = mkstemp(tmp.data());
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "cannot create a file in " + dir.string());
  // Held until the file is renamed or removed: remove_stale_temp_files leaves it alone.
  ::flock(fd, LOCK_EX);
  auto fail = [&](const char* what) {
    int err = errno;
    ::close(fd);
    ::unlink(tmp.c_str());
    throw std::system_error(err, std::generic_category(), std::string(what) + " " + path.string());
  };
  const char* p = content.data();
  size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("cannot write");
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  // mkstemp makes the file private (0600); a deck is meant to be shared like any file.
  mode_t mask = ::umask(0);
  ::umask(mask);
  if (::fchmod(fd, 0666 & ~mask) != 0 || (flush == Flush::now && ::fsync(fd) != 0)) fail("cannot write");
  if (::close(fd) != 0) {
    ::unlink(tmp.c_str());
    throw std::system_error(errno, std::generic_category(), "cannot write " + path.string());
  }
  return tmp;
}

void replace_with(const std::string& tmp, const fs::path& path) {
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    throw std::system_error(err, std::generic_category(), "cannot replace " + path.string());
  }
}

}  // namespace

void write_file_atomically(const fs::path& path, std::string_view content) {
  replace_with(write_temp_beside(path, content), path);
}

void write_files_atomically(const std::vector<std::pair<fs::path, std::string>>& files) {
  if (files.empty()) return;
  std::vector<std::string> temps;
  auto remove_temps = [&](size_t from) {
    for (size_t i = from; i < temps.size(); ++i) ::unlink(temps[i].c_str());
  };
  // One flush of the file system for many: an fsync each cost a disk round trip per file,
  // which was most of a first build of 100,000 code blocks (issue 24). A few (a block
  // edited under `watch`) keep their own fsync, which does not wait on other writers'
  // data as syncfs does.
  constexpr size_t kFewFiles = 8;
  const Flush flush = files.size() <= kFewFiles ? Flush::now : Flush::by_caller;
  try {
    for (const auto& [path, content] : files) temps.push_back(write_temp_beside(path, content, flush));
    int fd = flush == Flush::now ? -1 : ::open(temps.front().c_str(), O_RDONLY | O_CLOEXEC);
    bool flushed = flush == Flush::now || (fd >= 0 && ::syncfs(fd) == 0);
    int err = errno;
    if (fd >= 0) ::close(fd);
    if (!flushed) throw std::system_error(err, std::generic_category(), "cannot write " + files.front().first.string());
  } catch (...) {
    remove_temps(0);
    throw;
  }
  for (size_t i = 0; i < files.size(); ++i) {
    try {
      replace_with(temps[i], files[i].first);
    } catch (...) {
      remove_temps(i + 1);
      throw;
    }
  }
}

void StagedWrites::add(const fs::path& path, std::string_view content) {
  staged_.push_back({write_temp_beside(path, content), path});
}

void StagedWrites::add_if_changed(const fs::path& path, std::string_view content) {
  std::string existing;
  if (read_file(path, existing) && existing == content) return;
  add(path, content);
}

void StagedWrites::commit() {
  for (Staged& s : staged_) {
    replace_with(s.temp, s.path);
    s.temp.clear();
  }
  staged_.clear();
}

StagedWrites::~StagedWrites() {
  for (const Staged& s : staged_)
    if (!s.temp.empty()) ::unlink(s.temp.c_str());
}

namespace {

// `.NAME.tmp-` and the six characters mkstemp chooses.
bool is_temp_name_of(const std::string& candidate, const std::string& prefix) {
  if (candidate.size() != prefix.size() + 6 || !candidate.starts_with(prefix)) return false;
  return std::all_of(candidate.begin() + static_cast<std::ptrdiff_t>(prefix.size()), candidate.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

}  // namespace

bool write_file_if_changed(const fs::path& path, std::string_view content) {
  std::string existing;
  if (read_file(path, existing) && existing == content) return false;
  write_file_atomically(path, content);
  return true;
}

size_t remove_stale_temp_files(const fs::path& path) {
  fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  std::string prefix = fmt::format(".{}.tmp-", path.filename().string());
  size_t removed = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (!is_temp_name_of(entry.path().filename().string(), prefix)) continue;
    int fd = ::open(entry.path().c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) continue;
    struct stat st {};
    // A writer locks its file as soon as it has made it: a lock we can take is one whose
    // holder is gone.
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && ::flock(fd, LOCK_EX | LOCK_NB) == 0 &&
        ::unlink(entry.path().c_str()) == 0)
      ++removed;
    ::close(fd);
  }
  return removed;
}

namespace {
constexpr const char* kOwnerMarker = ".deckgen-owner";
}  // namespace

TempFolder::TempFolder(std::string_view purpose) {
  std::string pattern = (fs::temp_directory_path() / fmt::format("deckgen-{}-XXXXXX", purpose)).string();
  if (!::mkdtemp(pattern.data())) throw std::system_error(errno, std::generic_category(), "cannot create " + pattern);
  path_ = pattern;
  // Locked before it gets its name, so that a sweeper never finds the marker unlocked
  // while this folder is in use. O_CLOEXEC: a helper or snippet must not hold the lock
  // after deckgen is gone.
  fs::path pending = path_ / ".deckgen-owner.new";
  owner_lock_ = ::open(pending.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (owner_lock_ < 0 || ::flock(owner_lock_, LOCK_EX) != 0 || ::rename(pending.c_str(), (path_ / kOwnerMarker).c_str()) != 0) {
    int error = errno;
    std::error_code ec;
    fs::remove_all(path_, ec);
    if (owner_lock_ >= 0) ::close(owner_lock_);
    throw std::system_error(error, std::generic_category(), "cannot mark " + path_.string() + " as deckgen's");
  }
}

TempFolder::~TempFolder() {
  std::error_code ec;
  fs::remove_all(path_, ec);
  if (owner_lock_ >= 0) ::close(owner_lock_);
}

size_t sweep_abandoned_temp_folders(const fs::path& temp_dir) {
  size_t removed = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(temp_dir, ec)) {
    if (!entry.path().filename().string().starts_with("deckgen-")) continue;
    struct stat folder {};
    if (::lstat(entry.path().c_str(), &folder) != 0 || !S_ISDIR(folder.st_mode) || folder.st_uid != ::geteuid()) continue;
    int fd = ::open((entry.path() / kOwnerMarker).c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) continue;
    struct stat marker {};
    // A lock we can take is one whose holder is gone: the kernel drops it when the
    // process dies, however it dies.
    if (::fstat(fd, &marker) == 0 && S_ISREG(marker.st_mode) && marker.st_uid == ::geteuid() &&
        ::flock(fd, LOCK_EX | LOCK_NB) == 0) {
      std::error_code remove_ec;
      if (fs::remove_all(entry.path(), remove_ec) > 0 && !remove_ec) ++removed;
    }
    ::close(fd);
  }
  return removed;
}

}  // namespace deckgen
