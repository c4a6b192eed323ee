#include "util/hash.h"

#include <fmt/format.h>
#include <xxhash.h>

#include <algorithm>

namespace deckgen {

std::string hash_hex(std::string_view bytes) {
  XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
  return fmt::format("{:016x}{:016x}", h.high64, h.low64);
}

bool is_cache_key(std::string_view key) {
  return key.size() == 32 &&
         std::all_of(key.begin(), key.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace deckgen
