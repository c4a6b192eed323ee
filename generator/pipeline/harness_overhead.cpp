#include "pipeline/harness_overhead.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <optional>

#include "cache/cache_key.h"
#include "cache/result_json.h"
#include "measure/overhead.h"
#include "run/overhead.h"

namespace deckgen {
namespace {

std::optional<HarnessOverhead> load(const CacheStore& cache, const std::string& key, Status& status) {
  std::string warning;
  std::optional<std::string> text = cache.read(CacheKind::overhead, key, ".json", &warning);
  if (!warning.empty()) status.warning(warning);
  if (!text) return std::nullopt;
  try {
    auto j = nlohmann::json::parse(*text);
    return HarnessOverhead{summary_from_json(j.at("true_wall")), summary_from_json(j.at("python_start_wall"))};
  } catch (const std::exception& e) {
    status.warning(fmt::format("cache entry {} ignored, measuring again: {}",
                               cache.entry_path(CacheKind::overhead, key, ".json").generic_string(), e.what()));
    return std::nullopt;
  }
}

void save(const CacheStore& cache, const std::string& key, const HarnessOverhead& o, Status& status) {
  nlohmann::json j = {{"true_wall", summary_to_json(o.true_wall)}, {"python_start_wall", summary_to_json(o.python_start_wall)}};
  std::string why;
  if (!cache.write(CacheKind::overhead, key, ".json", j.dump(), &why))
    status.warning(fmt::format("cannot keep the harness overhead in the cache: {}", why));
}

}  // namespace

HarnessOverhead harness_overhead(const OverheadContext& context, SnippetsToRun snippets, Runner& runner,
                                 Status& status) {
  std::string key = hash_hex(fmt::format("harness-overhead\n{}\n{}\n", context.machine_fingerprint, context.python));
  if (context.cache && snippets == SnippetsToRun::none)
    if (std::optional<HarnessOverhead> stored = load(*context.cache, key, status)) return *stored;
  HarnessOverhead measured = summarize_overhead(sample_overhead(runner, context.python, context.path_env));
  if (context.cache) save(*context.cache, key, measured, status);
  return measured;
}

}  // namespace deckgen
