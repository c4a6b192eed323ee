#pragma once
// Why a snippet reran: the inputs of its cache key that differ from the key of its last
// stored result, in words ("source changed", "python version changed", "runs changed"),
// as ccache's debug mode tells which input missed. Works on the canonical key texts of
// cache/cache_key.h, so every input the key holds can be named.
#include <string>
#include <string_view>
#include <vector>

namespace deckgen {

// What differs between two canonical texts, one phrase per changed input, in the key's
// order. `before` empty: {"no earlier result in the cache"}. Equal texts: {}.
std::vector<std::string> key_changes(std::string_view before, std::string_view after);

}  // namespace deckgen
