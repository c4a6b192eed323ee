#include "cache/cache_folder.h"

#include <stdio.h>  // renameat2
#include <fcntl.h>
#include <stdlib.h>

#include <fmt/format.h>

#include <cerrno>
#include <string>
#include <system_error>

#include "model/input_error.h"
#include "util/files.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

// The Cache Directory Tagging Specification (https://bford.info/cachedir/) requires this
// exact first line (backup tools then skip the folder); the second says which program
// made the folder, which is what deckgen checks.
constexpr std::string_view kTagSignature = "Signature: 8a477f597d28d172789f06886806bc55";
constexpr std::string_view kTagOwner = "# This file is a cache directory tag created by deckgen.";

std::string tag_text() {
  return fmt::format("{}\n{}\n# For information about cache directory tags, see https://bford.info/cachedir/\n",
                     kTagSignature, kTagOwner);
}

[[noreturn]] void refuse(const fs::path& dir, std::string_view what) {
  throw InputError({dir.generic_string()},
                   fmt::format("{}, and deckgen did not make it (no CACHEDIR.TAG written by deckgen): it will not use, "
                               "tag or remove it",
                               what),
                   fmt::format("move or rename it (deckgen then makes its own {}), or build with --no-cache",
                               kCacheFolderName));
}

}  // namespace

fs::path cache_dir_for(const std::vector<fs::path>& inputs) {
  fs::path first = inputs.empty() ? fs::path(".") : inputs.front();
  std::error_code ec;
  bool is_file = fs::is_regular_file(first, ec) || (!fs::exists(first, ec) && first.extension() == ".md");
  fs::path folder = is_file ? first.parent_path() : first;
  return (folder.empty() ? fs::path(".") : folder) / kCacheFolderName;
}

bool is_deckgen_cache(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(fs::symlink_status(dir, ec))) return false;
  std::string tag;
  return read_file(dir / "CACHEDIR.TAG", tag) && tag.starts_with(kTagSignature) &&
         tag.find(kTagOwner) != std::string::npos;
}

void claim_cache_dir(const fs::path& dir) {
  std::error_code ec;
  fs::file_status status = fs::symlink_status(dir, ec);
  if (status.type() == fs::file_type::not_found) {
    fs::path parent = dir.parent_path().empty() ? fs::path(".") : dir.parent_path();
    fs::create_directories(parent);
    std::string aside = (parent / fmt::format(".{}.new-XXXXXX", dir.filename().string())).string();
    if (!::mkdtemp(aside.data()))
      throw std::system_error(errno, std::generic_category(), "cannot create a folder in " + parent.string());
    try {
      write_file_atomically(fs::path(aside) / "CACHEDIR.TAG", tag_text());
    } catch (...) {
      fs::remove_all(aside, ec);
      throw;
    }
    // RENAME_NOREPLACE: never over a folder that appeared meanwhile (rename(2) would
    // replace an empty one). Another deckgen winning the race is fine: its folder is
    // checked below like any existing one.
    if (::renameat2(AT_FDCWD, aside.c_str(), AT_FDCWD, dir.c_str(), RENAME_NOREPLACE) == 0) return;
    int err = errno;
    fs::remove_all(aside, ec);
    if (err != EEXIST && err != ENOTEMPTY)
      throw std::system_error(err, std::generic_category(), "cannot create " + dir.string());
    status = fs::symlink_status(dir, ec);
  }
  if (fs::is_symlink(status)) refuse(dir, "it is a symbolic link");
  if (!fs::is_directory(status)) refuse(dir, "it is not a folder");
  if (!is_deckgen_cache(dir)) refuse(dir, "this folder exists");
}

}  // namespace deckgen
