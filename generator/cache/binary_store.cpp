#include "cache/binary_store.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <random>

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

std::optional<CompiledProgram> BinaryStore::fetch(const std::string& key, const fs::path& destination,
                                                  std::string* warning) const {
  if (!is_cache_key(key)) return std::nullopt;
  fs::path exe = dir_ / "bin" / key;
  fs::path record_file = exe.string() + ".json";
  std::error_code ec;
  if (!fs::exists(exe, ec) && !fs::exists(record_file, ec)) return std::nullopt;  // a plain miss
  auto damaged = [&](const std::string& why) -> std::optional<CompiledProgram> {
    if (warning) *warning = fmt::format("compiled program {} ignored, compiling again: {}", exe.generic_string(), why);
    return std::nullopt;
  };
  std::string text, program;
  if (!read_file(record_file, text)) return damaged("its record is missing or unreadable");
  auto record = nlohmann::json::parse(text, nullptr, false);
  if (!record.is_object() || !record["compile_seconds"].is_number() || !record["compile_output"].is_string() ||
      !record["size"].is_number_unsigned() || !record["xxh3"].is_string())
    return damaged("its record is damaged or from an older deckgen");
  if (!fs::is_regular_file(exe, ec) || !read_file(exe, program)) return damaged("the executable is missing or unreadable");
  if (program.size() != record["size"].get<size_t>())
    return damaged(fmt::format("the executable has {} bytes, {} were stored", program.size(), record["size"].get<size_t>()));
  if (hash_hex(program) != record["xxh3"].get<std::string>()) return damaged("the executable's content changed");
  if (!fs::copy_file(exe, destination, fs::copy_options::overwrite_existing, ec) || ec)
    return damaged(fmt::format("cannot copy it: {}", ec.message()));
  // The stored copy's mode bits are not trusted either: the copy is made executable.
  fs::permissions(destination, fs::perms::owner_all, fs::perm_options::add, ec);
  if (ec) return damaged(fmt::format("cannot make the copy executable: {}", ec.message()));
  return CompiledProgram{record["compile_seconds"].get<double>(), record["compile_output"].get<std::string>()};
}

bool BinaryStore::store(const std::string& key, const fs::path& executable, const CompiledProgram& program,
                        std::string* warning) const {
  try {
    if (!is_cache_key(key)) throw std::invalid_argument(fmt::format("'{}' is not a cache key", key));
    mark_cache_dir(dir_);
    fs::path exe = dir_ / "bin" / key;
    std::string bytes;
    if (!read_file(executable, bytes)) throw std::runtime_error(fmt::format("cannot read {}", executable.string()));
    nlohmann::json record = {{"compile_seconds", program.compile_seconds},
                             {"compile_output", program.compile_output},
                             {"size", bytes.size()},
                             {"xxh3", hash_hex(bytes)}};
    write_file_atomically(exe.string() + ".json", record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    copy_atomically(executable, exe);
    return true;
  } catch (const std::exception& e) {
    if (warning) *warning = fmt::format("cannot keep the compiled program in the cache: {}", e.what());
    return false;
  }
}

}  // namespace deckgen
