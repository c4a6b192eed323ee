#include "model/line_steps.h"

#include <charconv>

namespace deckgen {
namespace {

std::optional<int> line_number(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  int n = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc() || end != s.data() + s.size() || n < 1) return std::nullopt;
  return n;
}

// Splits `s` at every `sep`, empty pieces included.
std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  for (size_t at = 0;;) {
    size_t next = s.find(sep, at);
    parts.push_back(s.substr(at, next == std::string_view::npos ? std::string_view::npos : next - at));
    if (next == std::string_view::npos) return parts;
    at = next + 1;
  }
}

}  // namespace

std::optional<LineSteps> parse_line_steps(std::string_view text) {
  LineSteps steps;
  for (std::string_view step_text : split(text, '|')) {
    LineStep step;
    for (std::string_view range : split(step_text, ',')) {
      size_t dash = range.find('-');
      auto first = line_number(range.substr(0, dash));
      auto last = dash == std::string_view::npos ? first : line_number(range.substr(dash + 1));
      if (!first || !last || *last < *first) return std::nullopt;
      step.push_back({*first, *last});
    }
    steps.push_back(std::move(step));
  }
  return steps;
}

bool step_covers(const LineStep& step, int line) {
  for (const LineRange& r : step)
    if (line >= r.first && line <= r.last) return true;
  return false;
}

}  // namespace deckgen
