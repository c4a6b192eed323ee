#include "read/swallowed_lines.h"

#include <fmt/format.h>

#include <algorithm>

#include "util/text.h"

namespace deckgen {
namespace {

// The fence that opens or closes a code block (``` or ~~~, at most 3 spaces in), or empty.
std::string_view code_fence(std::string_view line) {
  size_t indent = line.find_first_not_of(' ');
  if (indent == std::string_view::npos || indent > 3) return {};
  line.remove_prefix(indent);
  char c = line[0];
  if (c != '`' && c != '~') return {};
  size_t n = std::min(line.find_first_not_of(c), line.size());
  if (n < 3) return {};
  // A backtick fence's info string holds no backtick (else it is inline code).
  if (c == '`' && line.find('`', n) != std::string_view::npos) return {};
  return line.substr(0, n);
}

bool closes(std::string_view line, std::string_view open) {
  std::string_view fence = code_fence(line);
  return !fence.empty() && fence[0] == open[0] && fence.size() >= open.size() && trim(line).size() == fence.size();
}

// One or two backticks alone on a line, perhaps with a language: a fence short of a tick.
bool is_short_fence(std::string_view line) {
  size_t indent = line.find_first_not_of(' ');
  if (indent == std::string_view::npos || indent > 3) return false;
  std::string_view rest = trim(line.substr(indent));
  size_t ticks = std::min(rest.find_first_not_of('`'), rest.size());
  if (ticks == 0 || ticks > 2) return false;
  return rest.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+-.{}", ticks) ==
         std::string_view::npos;
}

}  // namespace

void warn_swallowed_lines(std::string_view body, const std::string& file, int first_line, const FileContext& ctx) {
  std::string_view open;  // the fence of the code block the line is in, or empty
  int open_line = 0;
  int breaks_inside = 0;  // lines that would have been slide breaks, in the open block
  std::string_view previous;
  LineCursor cursor(body);
  for (std::string_view line; cursor.next(line); previous = line) {
    int number = first_line + cursor.line_number() - 1;
    if (!open.empty()) {
      if (closes(line, open)) open = {};
      else if (trim_right(line) == "---" && trim(previous).empty()) ++breaks_inside;
      continue;
    }
    if (std::string_view fence = code_fence(line); !fence.empty()) {
      open = fence, open_line = number, breaks_inside = 0;
      continue;
    }
    if (trim_right(line) == "---" && cursor.line_number() > 1 && !trim(previous).empty()) {
      ctx.warn({file, number, 1}, "a slide break needs a blank line before it: this `---` right under a line is not one "
               "(under a paragraph it underlines a heading)",
               "add a blank line above it to break the slide here, or write the heading as `## Title`");
    } else if (is_short_fence(line)) {
      ctx.warn({file, number, 1 + static_cast<int>(line.find('`'))},
               // Quoted, not in backticks: "``" wrapped in ` reads as four of them.
               fmt::format("\"{}\" is not a code fence (a fence takes three backticks or more): the lines up to the "
                           "next backticks run together as inline code, or it shows as written",
                           trim(line)),
               "open and close a code block with ``` lines");
    }
  }
  if (!open.empty())
    ctx.warn({file, open_line, 1},
             fmt::format("this code fence is never closed: the rest of the file is code on this slide{}",
                         breaks_inside ? fmt::format(" ({} slide break{} swallowed)", breaks_inside,
                                                     breaks_inside > 1 ? "s" : "")
                                       : ""),
             fmt::format("close it with a line {}", open));
}

void warn_unsplit_headings(const Slide& slide, const FileContext& ctx) {
  bool seen = false;
  for (const Node& block : slide.body) {
    if (block.type != NodeType::heading || block.level > 2) continue;
    if (seen) {
      ctx.warn(block.pos, "this slide holds several `#`/`##` headings: no slide starts at this one, because the file "
               "breaks its slides with `---`",
               "put a `---` line (after a blank line) above it to start a slide, or set `slide_level: 2` in the "
               "front matter so that headings start slides");
      return;
    }
    seen = true;
  }
}

}  // namespace deckgen
