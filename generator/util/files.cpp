#include "util/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

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
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  if (size < 0) return false;
  out.resize(static_cast<size_t>(size));
  in.seekg(0);
  in.read(out.data(), size);
  return static_cast<bool>(in) || in.eof();
}

void write_file_atomically(const fs::path& path, std::string_view content) {
  fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  fs::create_directories(dir);
  std::string tmp = (dir / fmt::format(".{}.tmp-XXXXXX", path.filename().string())).string();
  int fd = mkstemp(tmp.data());
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "cannot create a file in " + dir.string());
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
  if (::fchmod(fd, 0666 & ~mask) != 0 || ::fsync(fd) != 0) fail("cannot write");
  if (::close(fd) != 0) {
    ::unlink(tmp.c_str());
    throw std::system_error(errno, std::generic_category(), "cannot write " + path.string());
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    throw std::system_error(err, std::generic_category(), "cannot replace " + path.string());
  }
}

TempFolder::TempFolder(std::string_view purpose) {
  std::string pattern = (fs::temp_directory_path() / fmt::format("deckgen-{}-XXXXXX", purpose)).string();
  if (!::mkdtemp(pattern.data())) throw std::system_error(errno, std::generic_category(), "cannot create " + pattern);
  path_ = pattern;
}

TempFolder::~TempFolder() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

}  // namespace deckgen
