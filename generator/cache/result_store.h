#pragma once
// The result cache on disk: one file per snippet result, named by its cache key
// (cache_key.h), in a folder deckgen alone writes (cache_folder.h: DECK/.deckgen-cache):
//
//   CACHEDIR.TAG           marks the folder as a cache (backup tools skip it) made by
//                          deckgen: deckgen uses and `clean` removes nothing without it
//   results/KEY.json       {"schema": "deckgen-cache-entry/1", "key": KEY,
//                           "machine": FINGERPRINT, "deckgen_version": V,
//                           "result": result_to_json(...)}
//
// Every file is written to a temporary name and renamed into place, so a reader sees a
// whole entry or none, and deckgen processes sharing the folder never corrupt it: two
// writing the same key write the same result, and the last rename wins. A damaged entry
// (truncated, edited, from another deckgen version or another machine) is a miss.
#include <filesystem>
#include <optional>
#include <string>

#include "model/results.h"

namespace deckgen {

class ResultStore {
 public:
  // Nothing is read or written until load or save. `machine_fingerprint` is this
  // machine's: an entry made elsewhere is never returned, whatever its key.
  ResultStore(std::filesystem::path dir, std::string machine_fingerprint);

  // The stored result with from_cache set, or nullopt. A missing entry is a plain miss; an
  // entry that cannot be used is a miss with the reason in `warning` (for the Status), and
  // is left for the next save to replace. Never throws for what is on disk.
  std::optional<SnippetResult> load(const std::string& key, std::string* warning) const;

  // Stores `result` under `key` (making the folder, tagged, when missing). False, with the
  // reason in `warning`, when it cannot (a read-only or full disk): a build goes on
  // without its cache. Safe to call from several threads and processes at once.
  bool save(const std::string& key, const SnippetResult& result, std::string* warning) const;

  const std::filesystem::path& dir() const { return dir_; }

  // Removes the cache folder `dir` when it is a deckgen cache (has deckgen's CACHEDIR.TAG).
  // True when it is gone or was never there; false with the reason in `error` when it is
  // something else (not a folder, a symbolic link, no marker) or cannot be removed. The
  // folder is first renamed aside, so a build running meanwhile starts a fresh one.
  static bool clean(const std::filesystem::path& dir, std::string* error);

 private:
  std::filesystem::path entry_path(const std::string& key) const;

  std::filesystem::path dir_;
  std::string machine_;
};

}  // namespace deckgen
