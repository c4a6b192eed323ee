#pragma once
// The result cache: one entry per snippet result, named by its cache key (cache_key.h),
// kept through the CacheStore (cache_store.h, which says how files are written, read
// and cleaned) in the deck's cache folder (cache_folder.h: DECK/.deckgen-cache):
//
//   results/KEY.json       {"schema": "deckgen-cache-entry/1", "key": KEY,
//                           "machine": FINGERPRINT, "deckgen_version": V,
//                           "result": result_to_json(...)}
//
// Two deckgen processes writing the same key write the same result, and the last rename
// wins. A damaged entry (truncated, edited, from another deckgen version or another
// machine) is a miss with a warning.
#include <filesystem>
#include <optional>
#include <string>

#include "cache/cache_store.h"
#include "cache/warm_cache.h"
#include "model/results.h"

namespace deckgen {

class ResultStore {
 public:
  // Nothing is read or written until load or save. `machine_fingerprint` is this
  // machine's: an entry made elsewhere is never returned, whatever its key.
  // `warm`, when given, keeps what was parsed for the next build of a long-running deckgen.
  ResultStore(std::filesystem::path dir, std::string machine_fingerprint, WarmCache* warm = nullptr);

  // The stored result with from_cache set, or nullopt. A missing entry is a plain miss; an
  // entry that cannot be used is a miss with the reason in `warning` (for the Status), and
  // is left for the next save to replace. Never throws for what is on disk.
  std::optional<SnippetResult> load(const std::string& key, std::string* warning) const;

  // Stores `result` under `key` (and the folder's marker when missing). False, with the
  // reason in `warning`, when it cannot (a read-only or full disk): a build goes on
  // without its cache. Safe to call from several threads and processes at once.
  bool save(const std::string& key, const SnippetResult& result, std::string* warning) const;

  const std::filesystem::path& dir() const { return store_.dir(); }

 private:
  CacheStore store_;
  std::string machine_;
  WarmCache* warm_;
};

}  // namespace deckgen
