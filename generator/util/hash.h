#pragma once
// The one hash that names things deckgen keeps: every cache entry's key and every
// checksum is XXH3-128 of some bytes, written as 32 lowercase hex digits.
#include <string>
#include <string_view>

namespace deckgen {

std::string hash_hex(std::string_view bytes);

// Whether `key` has the form hash_hex returns (such keys name files in the cache).
bool is_cache_key(std::string_view key);

}  // namespace deckgen
