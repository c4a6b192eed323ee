#include "util/utf8_pieces.h"

namespace deckgen {
namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// How many bytes the character starting with `lead` has; 1 for anything that cannot
// start a longer one.
size_t sequence_length(unsigned char lead) {
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

// Where the unfinished character at the end of `text` starts; text.size() when the
// text ends on a character boundary.
size_t unfinished_tail(std::string_view text) {
  // A character is at most 4 bytes: its lead is among the last 4.
  for (size_t back = 1; back <= 4 && back <= text.size(); ++back) {
    auto c = static_cast<unsigned char>(text[text.size() - back]);
    if (is_continuation(c)) continue;
    return sequence_length(c) > back ? text.size() - back : text.size();
  }
  return text.size();  // only continuation bytes: not UTF-8, passed on
}

}  // namespace

std::string Utf8Pieces::take(std::string_view piece) {
  held_.append(piece);
  size_t cut = unfinished_tail(held_);
  std::string text = held_.substr(0, cut);
  held_.erase(0, cut);
  return text;
}

std::string Utf8Pieces::finish() {
  std::string rest;
  rest.swap(held_);
  return rest;
}

std::string_view utf8_prefix(std::string_view text, size_t limit) {
  if (text.size() <= limit) return text;
  // The cut falls inside a character when the byte after it continues one.
  size_t cut = limit;
  while (cut > 0 && limit - cut < 3 && is_continuation(static_cast<unsigned char>(text[cut]))) --cut;
  return text.substr(0, is_continuation(static_cast<unsigned char>(text[cut])) ? limit : cut);
}

}  // namespace deckgen
