#include "cache/binary_store.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <random>

#include "cache/cache_folder.h"
#include "cache/cache_key.h"
#include "cache/result_store.h"
#include "util/files.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

// Copies to a temporary name beside `to`, then renames it over `to`: readers see the
// whole file or none.
void copy_atomically(const fs::path& from, const fs::path& to) {
  fs::path tmp = to;
  tmp.replace_filename(fmt::format(".{}.tmp-{:08x}{:08x}", to.filename().string(), std::random_device()(),
                                   static_cast<unsigned>(::getpid())));
  try {
    fs::copy_file(from, tmp, fs::copy_options::overwrite_existing);
    fs::permissions(tmp, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                             fs::perms::others_read | fs::perms::others_exec);
    fs::rename(tmp, to);
  } catch (...) {
    std::error_code ec;
    fs::remove(tmp, ec);
    throw;
  }
}

}  // namespace

BinaryStore::BinaryStore(fs::path dir) : dir_(std::move(dir)) {}

std::optional<CompiledProgram> BinaryStore::fetch(const std::string& key, const fs::path& destination) const {
  if (!is_cache_key(key)) return std::nullopt;
  fs::path exe = dir_ / "bin" / key;
  std::string text;
  std::error_code ec;
  if (!fs::is_regular_file(exe, ec) || !read_file(exe.string() + ".json", text)) return std::nullopt;
  auto record = nlohmann::json::parse(text, nullptr, false);
  if (!record.is_object() || !record["compile_seconds"].is_number() || !record["compile_output"].is_string())
    return std::nullopt;
  if (!fs::copy_file(exe, destination, fs::copy_options::overwrite_existing, ec) || ec) return std::nullopt;
  fs::permissions(destination, fs::perms::owner_all, fs::perm_options::add, ec);
  return CompiledProgram{record["compile_seconds"].get<double>(), record["compile_output"].get<std::string>()};
}

bool BinaryStore::store(const std::string& key, const fs::path& executable, const CompiledProgram& program,
                        std::string* warning) const {
  try {
    if (!is_cache_key(key)) throw std::invalid_argument(fmt::format("'{}' is not a cache key", key));
    claim_cache_dir(dir_);
    fs::path exe = dir_ / "bin" / key;
    nlohmann::json record = {{"compile_seconds", program.compile_seconds}, {"compile_output", program.compile_output}};
    write_file_atomically(exe.string() + ".json", record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    copy_atomically(executable, exe);
    return true;
  } catch (const std::exception& e) {
    if (warning) *warning = fmt::format("cannot keep the compiled program in the cache: {}", e.what());
    return false;
  }
}

}  // namespace deckgen
