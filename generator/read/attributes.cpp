#include "read/attributes.h"

#include <algorithm>

#include "util/text.h"

namespace deckgen {
namespace {

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':' || c == '.';
}

// A bare value or word: anything up to a blank or the end, but no quote or brace.
bool is_bare_char(char c) { return c != ' ' && c != '\t' && c != '"' && c != '\'' && c != '{' && c != '}' && c != '='; }

}  // namespace

std::optional<ParsedAttributes> parse_attributes(std::string_view s, BareWords bare) {
  ParsedAttributes out;
  size_t i = 0;
  auto skip_blanks = [&] {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) ++i;
  };
  auto take_while = [&](auto pred) {
    size_t start = i;
    while (i < s.size() && pred(s[i])) ++i;
    return std::string(s.substr(start, i - start));
  };
  for (skip_blanks(); i < s.size(); skip_blanks()) {
    if (s[i] == '.' || s[i] == '#') {
      char sigil = s[i++];
      std::string name = take_while(is_name_char);
      if (name.empty()) return std::nullopt;
      if (sigil == '.') out.attrs.classes.push_back(std::move(name));
      else out.attrs.values.emplace_back("id", std::move(name));
      continue;
    }
    std::string word = take_while(is_bare_char);
    if (word.empty()) return std::nullopt;
    if (i < s.size() && s[i] == '=') {
      ++i;
      std::string value;
      if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
        char quote = s[i++];
        size_t close = s.find(quote, i);
        if (close == std::string_view::npos) return std::nullopt;
        value = std::string(s.substr(i, close - i));
        i = close + 1;
      } else {
        value = take_while(is_bare_char);
      }
      bool key_ok = std::all_of(word.begin(), word.end(), is_name_char);
      if (!key_ok) return std::nullopt;
      out.attrs.values.emplace_back(std::move(word), std::move(value));
      continue;
    }
    if (bare == BareWords::refused) return std::nullopt;
    out.words.push_back(std::move(word));
  }
  return out;
}

size_t trailing_braces(std::string_view text) {
  std::string_view t = trim_right(text);
  if (!t.ends_with('}') || t.ends_with("}}")) return std::string_view::npos;
  size_t open = t.rfind('{');
  if (open == std::string_view::npos || (open > 0 && t[open - 1] == '{')) return std::string_view::npos;
  return open;
}

}  // namespace deckgen
