#include "cache/binary_store.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cache/cache_key.h"
#include "util/files.h"

namespace fs = std::filesystem;

namespace deckgen {

BinaryStore::BinaryStore(fs::path dir) : store_(std::move(dir)) {}

std::optional<CompiledProgram> BinaryStore::fetch(const std::string& key, const fs::path& destination,
                                                  std::string* warning) const {
  fs::path exe = store_.entry_path(CacheKind::programs, key, "");
  auto damaged = [&](const std::string& why) -> std::optional<CompiledProgram> {
    if (warning) *warning = fmt::format("compiled program {} ignored, compiling again: {}", exe.generic_string(), why);
    return std::nullopt;
  };
  std::string unreadable;
  std::optional<std::string> text = store_.read(CacheKind::programs, key, ".json", &unreadable);
  std::optional<std::string> program = store_.read(CacheKind::programs, key, "", &unreadable);
  if (!unreadable.empty()) return damaged(unreadable);
  if (!text && !program) return std::nullopt;  // a plain miss
  if (!text) return damaged("its record is missing");
  if (!program) return damaged("the executable is missing");
  auto record = nlohmann::json::parse(*text, nullptr, false);
  if (!record.is_object() || !record["compile_seconds"].is_number() || !record["compile_output"].is_string() ||
      !record["size"].is_number_unsigned() || !record["xxh3"].is_string())
    return damaged("its record is damaged or from an older deckgen");
  if (program->size() != record["size"].get<size_t>())
    return damaged(fmt::format("the executable has {} bytes, {} were stored", program->size(), record["size"].get<size_t>()));
  if (hash_hex(*program) != record["xxh3"].get<std::string>()) return damaged("the executable's content changed");
  try {
    write_file_atomically(destination, *program);
    // The stored copy's mode bits are not trusted: the copy is made executable here.
    fs::permissions(destination, fs::perms::owner_all);
  } catch (const std::exception& e) {
    return damaged(fmt::format("cannot copy it: {}", e.what()));
  }
  return CompiledProgram{record["compile_seconds"].get<double>(), record["compile_output"].get<std::string>()};
}

bool BinaryStore::store(const std::string& key, const fs::path& executable, const CompiledProgram& program,
                        std::string* warning) const {
  auto fail = [&](const std::string& why) {
    if (warning) *warning = fmt::format("cannot keep the compiled program in the cache: {}", why);
    return false;
  };
  std::string bytes, why;
  if (!read_file(executable, bytes)) return fail(fmt::format("cannot read {}", executable.string()));
  nlohmann::json record = {{"compile_seconds", program.compile_seconds},
                           {"compile_output", program.compile_output},
                           {"size", bytes.size()},
                           {"xxh3", hash_hex(bytes)}};
  // The record first: an executable in place always has one (a reader between the two
  // writes sees a record whose checksum does not match yet: a miss, not a wrong program).
  if (!store_.write(CacheKind::programs, key, ".json",
                    record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), &why) ||
      !store_.write(CacheKind::programs, key, "", bytes, &why))
    return fail(why);
  return true;
}

}  // namespace deckgen
