#pragma once
// A byte stream that arrives in pieces (a child's output, read as it comes) cut into
// text that never ends inside a character: a multi-byte UTF-8 character split across
// two reads is held back until its last byte arrives, instead of being shown as two
// replacement characters. Bytes that are not UTF-8 at all pass through as they are
// (whoever shows them replaces them).
#include <string>
#include <string_view>

namespace deckgen {

class Utf8Pieces {
 public:
  // The text up to the last complete character of what arrived so far.
  std::string take(std::string_view piece);
  // What is left at the end of the stream (an unfinished character), and a fresh start.
  std::string finish();

 private:
  std::string held_;
};

// The longest prefix of `text` of at most `limit` bytes that does not end inside a
// UTF-8 character.
std::string_view utf8_prefix(std::string_view text, size_t limit);

}  // namespace deckgen
