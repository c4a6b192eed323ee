#pragma once
// The canonical key text (cache_key.h) each snippet had when it was last looked up, so
// that a later build can say which input changed when its result is not in the cache
// (--verbose; cache/key_changes.h). One entry per snippet id in the cache store
// (keys/KEY.txt, KEY the hash of the id), written only when the text changed. Best
// effort: a history that cannot be read or written costs only the explanation.
#include <string>

#include "cache/cache_store.h"

namespace deckgen {

class KeyHistory {
 public:
  explicit KeyHistory(const CacheStore& store) : store_(store) {}

  // The text remembered for `id`; empty when there is none (or it cannot be read).
  std::string previous(const std::string& id) const;
  // Remembers `text` for `id` (when it differs from what is remembered).
  void remember(const std::string& id, const std::string& text) const;

 private:
  const CacheStore& store_;
};

}  // namespace deckgen
