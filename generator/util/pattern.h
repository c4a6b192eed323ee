#pragma once
// Regular expressions in RE2 syntax (https://github.com/google/re2/wiki/Syntax), behind
// a small interface so that only pattern.cpp includes RE2. RE2 matches in time linear
// in the text and without recursion: a pattern written by a deck's author can neither
// hang a build (`^(a+)+$`) nor overflow the stack on a large output (`[\s\S]*done`),
// as std::regex did. The price: no backreferences and no lookaround.
#include <optional>
#include <string>
#include <string_view>

namespace deckgen {

// Why `pattern` cannot be used (RE2's words), or nothing when it is valid.
std::optional<std::string> pattern_problem(std::string_view pattern);

// Whether `pattern` matches somewhere in `text` (an unanchored search), in multi-line
// mode: ^ and $ match at the start and end of every line, as an author matching a
// program's output means (`^done$` finds the line "done" in "done\n"); \A and \z
// match only at the start and end of the whole text, and (?-m) turns the mode off.
// An invalid pattern matches nothing; callers check patterns with pattern_problem first.
bool pattern_found(std::string_view pattern, std::string_view text);

}  // namespace deckgen
