#include "init/starter_deck.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

#include "model/input_error.h"

namespace fs = std::filesystem;

// The symbols assets.S defines for each starter file (generator/CMakeLists.txt).
#define DECKGEN_STARTER_FILE(n, path) \
  extern "C" const char deckgen_asset_starter_##n[], deckgen_asset_starter_##n##_end[];
#include "starter_files.inc"
#undef DECKGEN_STARTER_FILE

namespace deckgen {
namespace {

// O_EXCL: a file that appeared since the check is not replaced either.
void create_new_file(const fs::path& path, std::string_view content) {
  fs::create_directories(path.parent_path());
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "cannot create " + path.string());
  for (size_t done = 0; done < content.size();) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int error = errno;
      ::close(fd);
      throw std::system_error(error, std::generic_category(), "cannot write " + path.string());
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) throw std::system_error(errno, std::generic_category(), "cannot write " + path.string());
}

}  // namespace

std::vector<StarterFile> starter_files() {
  return {
#define DECKGEN_STARTER_FILE(n, path)                                                    \
  StarterFile{path, std::string_view(deckgen_asset_starter_##n,                          \
                                     static_cast<size_t>(deckgen_asset_starter_##n##_end - \
                                                         deckgen_asset_starter_##n))},
#include "starter_files.inc"
#undef DECKGEN_STARTER_FILE
  };
}

std::vector<fs::path> write_starter_deck(const fs::path& dir) {
  std::vector<StarterFile> files = starter_files();
  std::vector<std::string> existing;
  // A folder that is already a repository keeps its own .gitignore (not an error: the
  // talk's files are the point, and the user can add two lines).
  std::erase_if(files, [&](const StarterFile& f) {
    std::error_code ec;
    return f.path == ".gitignore" && fs::symlink_status(dir / f.path, ec).type() != fs::file_type::not_found;
  });
  for (const StarterFile& f : files) {
    std::error_code ec;
    if (fs::symlink_status(dir / f.path, ec).type() != fs::file_type::not_found)
      existing.push_back((dir / f.path).generic_string());
  }
  if (!existing.empty())
    throw InputError({existing.front()},
                     fmt::format("already exists, and deckgen init writes over nothing ({} of its {} files exist in {})",
                                 existing.size(), files.size(), dir.generic_string()),
                     "run it in an empty folder, or name a new one: deckgen init NEW_DIR");
  std::vector<fs::path> written;
  for (const StarterFile& f : files) {
    create_new_file(dir / f.path, f.content);
    written.push_back(dir / f.path);
  }
  return written;
}

}  // namespace deckgen
