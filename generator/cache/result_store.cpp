#include "cache/result_store.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <system_error>

#include "cache/result_json.h"
#include "util/files.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

constexpr std::string_view kSchema = "deckgen-cache-entry/1";

}  // namespace

ResultStore::ResultStore(fs::path dir, std::string machine_fingerprint, WarmCache* warm)
    : store_(std::move(dir)), machine_(std::move(machine_fingerprint)), warm_(warm) {}

std::optional<SnippetResult> ResultStore::load(const std::string& key, std::string* warning) const {
  auto miss = [&](const std::string& why) -> std::optional<SnippetResult> {
    if (warning)
      *warning = fmt::format("cache entry {} ignored: {}", store_.entry_path(CacheKind::results, key, ".json").generic_string(), why);
    return std::nullopt;
  };
  std::optional<std::string> text = store_.read(CacheKind::results, key, ".json", warning);
  if (!text) return std::nullopt;
  if (warm_) {
    if (std::optional<SnippetResult> kept = warm_->parsed_result(key, machine_, *text)) return kept;
  }
  nlohmann::json entry = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (entry.is_discarded()) return miss(text->empty() ? "empty file" : "not valid JSON (truncated?)");
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
  if (warm_) warm_->keep_parsed_result(key, machine_, std::move(*text), *r);
  return r;
}

bool ResultStore::save(const std::string& key, const SnippetResult& result, std::string* warning) const {
  std::string text;
  try {
    nlohmann::json entry = {{"schema", kSchema},
                            {"key", key},
                            {"machine", machine_},
                            {"deckgen_version", DECKGEN_VERSION},
                            {"result", result_to_json(result)}};
    text = entry.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  } catch (const std::exception& e) {
    if (warning) *warning = fmt::format("cannot save snippet '{}' to the cache: {}", result.id, e.what());
    return false;
  }
  std::string why;
  if (store_.write(CacheKind::results, key, ".json", text, &why)) return true;
  if (warning) *warning = fmt::format("cannot save snippet '{}' to the cache: {}", result.id, why);
  return false;
}

}  // namespace deckgen
