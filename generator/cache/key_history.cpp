#include "cache/key_history.h"

#include "cache/cache_key.h"

namespace deckgen {
namespace {

// Any id (a file's stem may hold anything) as an entry name of the store's one format.
std::string entry_key(const std::string& id) { return hash_hex("snippet id\n" + id); }

}  // namespace

std::string KeyHistory::previous(const std::string& id) const {
  std::string ignored;  // an unreadable history only costs the explanation
  return store_.read(CacheKind::key_texts, entry_key(id), ".txt", &ignored).value_or(std::string());
}

void KeyHistory::remember(const std::string& id, const std::string& text) const {
  if (previous(id) == text) return;
  std::string ignored;
  store_.write(CacheKind::key_texts, entry_key(id), ".txt", text, &ignored);
}

}  // namespace deckgen
