#include "cache/result_store.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <random>
#include <system_error>

#include "cache/cache_folder.h"
#include "cache/cache_key.h"
#include "cache/result_json.h"
#include "util/files.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

constexpr std::string_view kSchema = "deckgen-cache-entry/1";

}  // namespace

ResultStore::ResultStore(fs::path dir, std::string machine_fingerprint)
    : dir_(std::move(dir)), machine_(std::move(machine_fingerprint)) {}

fs::path ResultStore::entry_path(const std::string& key) const { return dir_ / "results" / (key + ".json"); }

std::optional<SnippetResult> ResultStore::load(const std::string& key, std::string* warning) const {
  auto miss = [&](const std::string& why) -> std::optional<SnippetResult> {
    if (warning) *warning = fmt::format("cache entry {} ignored: {}", entry_path(key).generic_string(), why);
    return std::nullopt;
  };
  if (!is_cache_key(key)) return miss("not a cache key");
  std::string text;
  std::error_code ec;
  if (!fs::exists(entry_path(key), ec)) return std::nullopt;
  if (!read_file(entry_path(key), text)) return miss("cannot be read");
  nlohmann::json entry = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (entry.is_discarded()) return miss(text.empty() ? "empty file" : "not valid JSON (truncated?)");
  if (!entry.is_object()) return miss("not a JSON object");
  auto text_field = [&](const char* name) {
    auto it = entry.find(name);
    return it != entry.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  if (std::string schema = text_field("schema"); schema != kSchema)
    return miss(fmt::format("schema '{}', expected '{}'", schema, kSchema));
  if (text_field("key") != key) return miss("it holds another key's result");
  if (std::string machine = text_field("machine"); machine != machine_)
    return miss(fmt::format("measured on another machine ({})", machine));
  auto result = entry.find("result");
  if (result == entry.end()) return miss("no result in it");
  std::string error;
  std::optional<SnippetResult> r = result_from_json(*result, &error);
  if (!r) return miss(error);
  r->from_cache = true;
  return r;
}

bool ResultStore::save(const std::string& key, const SnippetResult& result, std::string* warning) const {
  try {
    if (!is_cache_key(key)) throw std::invalid_argument(fmt::format("'{}' is not a cache key", key));
    claim_cache_dir(dir_);  // made when missing; someone else's folder is an error
    nlohmann::json entry = {{"schema", kSchema},
                            {"key", key},
                            {"machine", machine_},
                            {"deckgen_version", DECKGEN_VERSION},
                            {"result", result_to_json(result)}};
    write_file_atomically(entry_path(key), entry.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return true;
  } catch (const std::exception& e) {
    if (warning) *warning = fmt::format("cannot save snippet '{}' to the cache: {}", result.id, e.what());
    return false;
  }
}

bool ResultStore::clean(const fs::path& dir, std::string* error) {
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
