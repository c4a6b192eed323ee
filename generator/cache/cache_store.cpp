#include "cache/cache_store.h"

#include <fmt/format.h>

#include <random>
#include <system_error>

#include "cache/cache_folder.h"
#include "util/hash.h"
#include "util/files.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

std::string_view folder_of(CacheKind kind) {
  switch (kind) {
    case CacheKind::results: return "results";
    case CacheKind::programs: return "bin";
    case CacheKind::overhead: return "overhead";
    case CacheKind::highlighting: return "highlight";
    case CacheKind::diagrams: return "diagrams";
    case CacheKind::formulas: return "math";
    case CacheKind::toolchains: return "toolchains";
    case CacheKind::key_texts: return "keys";
  }
  return "other";
}

// Why an entry is not deckgen's own file when the entry or its kind's folder is a
// symbolic link, else empty: an entry read through a link is whatever the link points
// at, and one written through it lands outside the cache (issue 24).
std::string symlink_inside(const fs::path& entry) {
  std::error_code ec;
  for (const fs::path& p : {entry.parent_path(), entry})
    if (fs::is_symlink(fs::symlink_status(p, ec)))
      return fmt::format("{} is a symbolic link; the cache holds only its own files", p.generic_string());
  return {};
}

}  // namespace

CacheStore::CacheStore(fs::path dir) : dir_(std::move(dir)) {}

fs::path CacheStore::entry_path(CacheKind kind, std::string_view key, std::string_view suffix) const {
  return dir_ / folder_of(kind) / fmt::format("{}{}", key, suffix);
}

std::optional<std::string> CacheStore::read(CacheKind kind, std::string_view key, std::string_view suffix,
                                            std::string* warning) const {
  fs::path path = entry_path(kind, key, suffix);
  auto miss = [&](const std::string& why) -> std::optional<std::string> {
    if (warning) *warning = fmt::format("cache entry {} ignored: {}", path.generic_string(), why);
    return std::nullopt;
  };
  if (!is_cache_key(key)) return miss("not a cache key");
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(path, ec))) return std::nullopt;
  if (std::string link = symlink_inside(path); !link.empty()) return miss(link);
  std::string bytes;
  if (!read_file(path, bytes)) return miss("cannot be read");
  return bytes;
}

bool CacheStore::write_all(CacheKind kind, const std::vector<std::pair<std::string, std::string>>& entries,
                           std::string_view suffix, std::string* warning) const {
  try {
    mark();
    std::vector<std::pair<fs::path, std::string>> files;
    files.reserve(entries.size());
    for (const auto& [key, bytes] : entries) {
      if (!is_cache_key(key)) throw std::invalid_argument(fmt::format("'{}' is not a cache key", key));
      fs::path path = entry_path(kind, key, suffix);
      if (std::string link = symlink_inside(path); !link.empty()) throw std::invalid_argument(link);
      files.emplace_back(std::move(path), bytes);
    }
    write_files_atomically(files);
    return true;
  } catch (const std::exception& e) {
    if (warning) *warning = e.what();
    return false;
  }
}

bool CacheStore::write(CacheKind kind, std::string_view key, std::string_view suffix, std::string_view bytes,
                       std::string* warning) const {
  try {
    if (!is_cache_key(key)) throw std::invalid_argument(fmt::format("'{}' is not a cache key", key));
    mark();
    fs::path path = entry_path(kind, key, suffix);
    if (std::string link = symlink_inside(path); !link.empty()) throw std::invalid_argument(link);
    write_file_atomically(path, bytes);
    return true;
  } catch (const std::exception& e) {
    if (warning) *warning = e.what();
    return false;
  }
}

void CacheStore::mark() const { claim_cache_dir(dir_); }

bool CacheStore::clean(const fs::path& dir, std::string* error) {
  auto fail = [&](const std::string& why) {
    if (error) *error = fmt::format("not removing {}: {}", dir.generic_string(), why);
    return false;
  };
  std::string name = dir.lexically_normal().filename().string();
  if (name.empty() || name == "." || name == "..") return fail("name the cache folder itself, not a path ending in '/', '.' or '..'");
  std::error_code ec;
  fs::file_status status = fs::symlink_status(dir, ec);
  if (status.type() == fs::file_type::not_found) return true;
  if (ec) return fail(ec.message());
  if (fs::is_symlink(status)) return fail("it is a symbolic link");
  if (!fs::is_directory(status)) return fail("it is not a folder");
  if (!is_deckgen_cache(dir)) return fail("it does not look like a deckgen cache (no CACHEDIR.TAG written by deckgen)");

  // Renamed aside first: a build writing meanwhile then makes a new folder instead of
  // finding half of this one.
  fs::path doomed = dir;
  doomed.replace_filename(fmt::format(".{}.removing-{:08x}", dir.filename().string(), std::random_device()()));
  fs::rename(dir, doomed, ec);
  if (ec) doomed = dir;  // e.g. a mount point: remove in place
  fs::remove_all(doomed, ec);
  if (ec) return fail(ec.message());
  return true;
}

}  // namespace deckgen
