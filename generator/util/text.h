#pragma once
// Small text helpers that know nothing of decks.
#include <fmt/format.h>

#include <map>
#include <string>
#include <string_view>

namespace deckgen {

// A part of a text, as byte offsets: [begin, end).
struct TextSpan {
  size_t begin = 0, end = 0;
  bool operator==(const TextSpan&) const = default;
};

std::string_view trim_right(std::string_view s);
std::string_view trim(std::string_view s);

// Walks a text line by line; lines end at "\n", and a trailing "\r" is dropped.
class LineCursor {
 public:
  explicit LineCursor(std::string_view text) : text_(text) {}
  bool next(std::string_view& line);
  size_t offset() const { return next_; }            // where the next line starts
  size_t line_start() const { return start_; }       // where the current line starts
  int line_number() const { return number_; }        // 1-based number of the current line
 private:
  std::string_view text_;
  size_t start_ = 0, next_ = 0;
  int number_ = 0;
};

// Levenshtein distance, for "did you mean" hints.
size_t edit_distance(std::string_view a, std::string_view b);

// The key of `candidates` nearest to `word`, if it is near enough to be a typo.
template <typename Map>
std::string closest_word(std::string_view word, const Map& candidates) {
  std::string best;
  size_t best_distance = word.size() / 3 + 2;
  for (const auto& [key, _] : candidates) {
    size_t d = edit_distance(word, key);
    if (d < best_distance) best_distance = d, best = key;
  }
  return best;
}

// Decodes %XX escapes, as found in Markdown link destinations.
std::string percent_decode(std::string_view s);

// Removes ANSI escape sequences (colours, cursor moves) that programs print for terminals.
std::string strip_ansi(std::string_view s);

// Replaces every byte sequence that is not valid UTF-8 with U+FFFD.
std::string sanitize_utf8(std::string_view s);

// A slide file as the reader takes it: a leading UTF-8 byte order mark (which some
// editors write) dropped, so that front matter after it is read as front matter, and a
// lone CR (old Mac line ends) made LF, as CommonMark reads it; CRLF stays. Positions on
// every line but the first are unchanged.
void normalize_text_start_and_line_ends(std::string& text);

// `s` made safe to print on a terminal: valid UTF-8, and every control character but
// newline and tab (ESC, CR, BEL, DEL, the C1 controls such as CSI) written out as
// \xNN or \u{NN}, so that a file name or a YAML key cannot move the cursor, retitle
// the window or hide what came before it.
std::string terminal_safe(std::string_view s);

}  // namespace deckgen
