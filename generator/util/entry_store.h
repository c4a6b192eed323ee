#pragma once
// Somewhere to keep answers between builds, by key (a hash_hex of everything the answer
// depends on). The stages that keep answers -- highlighting, diagrams, toolchain probes --
// sit below cache/ in the layer order, so they see only this; the pipeline hands them
// a shelf of cache/cache_store.h, and a test hands them a map.
//
// The contract is the cache's: read gives the bytes or nullopt (a miss; `warning` says
// why when an entry was there but unusable), write is atomic and may fail without
// stopping anything (`warning` says why). The caller checks an entry's content and treats
// one it cannot use as a miss, to be replaced by its next write.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace deckgen {

class EntryStore {
 public:
  virtual ~EntryStore() = default;
  virtual std::optional<std::string> read(std::string_view key, std::string* warning) const = 0;
  virtual bool write(std::string_view key, std::string_view bytes, std::string* warning) const = 0;
  // Many entries at once (key, bytes), which a store may flush to disk together; false at
  // the first that cannot be written, as write.
  virtual bool write_all(const std::vector<std::pair<std::string, std::string>>& entries, std::string* warning) const {
    for (const auto& [key, bytes] : entries)
      if (!write(key, bytes, warning)) return false;
    return true;
  }
};

}  // namespace deckgen
