#include "read/block_lines.h"

#include "util/text.h"

namespace deckgen {
namespace {

// The fence that opens a code block (``` or ~~~, at most 3 spaces in), or empty.
std::string_view code_fence(std::string_view line) {
  size_t indent = line.find_first_not_of(' ');
  if (indent == std::string_view::npos || indent > 3) return {};
  line.remove_prefix(indent);
  char c = line.empty() ? 0 : line[0];
  if (c != '`' && c != '~') return {};
  size_t n = line.find_first_not_of(c);
  if (n == std::string_view::npos) n = line.size();
  return n >= 3 ? line.substr(0, n) : std::string_view{};
}

bool stands_alone(std::string_view line) { return is_div_fence(line) || is_pause(line); }

}  // namespace

bool is_div_fence(std::string_view line) { return line.starts_with(":::"); }

bool is_pause(std::string_view line) { return trim(line) == ". . ."; }

std::optional<SpacedText> space_block_lines(std::string_view text) {
  if (text.find(":::") == std::string_view::npos && text.find(". . .") == std::string_view::npos) return std::nullopt;
  std::vector<std::string_view> lines;
  LineCursor cursor(text);
  for (std::string_view line; cursor.next(line);) lines.push_back(line);
  // Which lines stand alone, skipping code blocks.
  std::vector<bool> alone(lines.size(), false);
  bool any = false;
  std::string_view open_fence;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view fence = code_fence(lines[i]);
    if (!open_fence.empty()) {
      if (!fence.empty() && fence[0] == open_fence[0] && fence.size() >= open_fence.size() &&
          trim(lines[i]).size() == fence.size())
        open_fence = {};
      continue;
    }
    if (!fence.empty()) {
      open_fence = fence;
      continue;
    }
    if (stands_alone(lines[i])) alone[i] = any = true;
  }
  if (!any) return std::nullopt;
  SpacedText out;
  out.text.reserve(text.size() + 64);
  auto add = [&](std::string_view line, int original) {
    out.text.append(line);
    out.text += '\n';
    out.original_line.push_back(original);
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    int number = static_cast<int>(i) + 1;
    bool blank_before = i == 0 || trim(lines[i - 1]).empty();
    bool blank_after = i + 1 == lines.size() || trim(lines[i + 1]).empty();
    if (alone[i] && !blank_before) add("", number);
    add(lines[i], number);
    if (alone[i] && !blank_after) add("", number);
  }
  return out;
}

}  // namespace deckgen
