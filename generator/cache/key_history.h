#pragma once
// The canonical key text (cache_key.h) each snippet had when it was last looked up, so
// that a later build can say which input changed when its result is not in the cache
// (--verbose; cache/key_changes.h). One file per snippet id under DIR/keys/, written
// atomically and only when the text changed. Best effort: a history that cannot be
// read or written costs only the explanation, never the build.
#include <filesystem>
#include <string>

namespace deckgen {

class KeyHistory {
 public:
  explicit KeyHistory(std::filesystem::path cache_dir) : dir_(std::move(cache_dir) / "keys") {}

  // The text remembered for `id`; empty when there is none.
  std::string previous(const std::string& id) const;
  // Remembers `text` for `id` (when it differs from what is remembered).
  void remember(const std::string& id, const std::string& text) const;

 private:
  std::filesystem::path file_for(const std::string& id) const;
  std::filesystem::path dir_;
};

}  // namespace deckgen
