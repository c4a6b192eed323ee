#include "render/code_html.h"

#include <fmt/format.h>

#include "model/line_steps.h"
#include "render/html.h"

namespace deckgen {
namespace {

// Whether an HTML fragment holds anything but tags.
bool has_text(std::string_view html) {
  for (size_t i = 0; i < html.size(); ++i) {
    if (html[i] != '<') return true;
    i = html.find('>', i);
    if (i == std::string_view::npos) return false;
  }
  return false;
}

}  // namespace

std::vector<std::string> html_lines(std::string_view html) {
  std::vector<std::string> lines(1);
  std::vector<std::string_view> open;  // the opening tags of the spans open here
  for (size_t i = 0; i < html.size();) {
    char c = html[i];
    if (c == '\n') {
      for (size_t k = 0; k < open.size(); ++k) lines.back() += "</span>";
      lines.emplace_back();
      for (std::string_view tag : open) lines.back() += tag;
      ++i;
      continue;
    }
    if (c == '<') {
      size_t end = html.find('>', i);
      if (end == std::string_view::npos) end = html.size() - 1;
      std::string_view tag = html.substr(i, end - i + 1);
      if (tag.starts_with("<span")) open.push_back(tag);
      else if (tag == "</span>" && !open.empty()) open.pop_back();
      lines.back() += tag;
      i = end + 1;
      continue;
    }
    size_t next = html.find_first_of("<\n", i);
    if (next == std::string_view::npos) next = html.size();
    lines.back().append(html.substr(i, next - i));
    i = next;
  }
  if (lines.size() > 1 && !has_text(lines.back())) lines.pop_back();  // what follows the final newline
  return lines;
}

void write_code(std::string& out, std::string_view language, std::string_view code,
                const std::string* highlighted, const CodeLook& look) {
  std::optional<LineSteps> steps = look.lines.empty() ? std::nullopt : parse_line_steps(look.lines);
  bool per_line = steps || look.numbers == LineNumbers::shown;
  out += "<pre class=\"code";
  if (look.numbers == LineNumbers::shown) out += " numbered";
  if (steps) out += " marked";
  out += '"';
  if (steps && steps->size() > 1) out += " data-line-steps=\"", append_escaped(out, look.lines), out += '"';
  out += "><code";
  if (!language.empty()) out += " class=\"language-", append_escaped(out, language), out += '"';
  out += '>';
  std::string escaped;
  std::string_view body = highlighted ? std::string_view(*highlighted) : (append_escaped(escaped, code), std::string_view(escaped));
  if (!per_line) {
    out += body;
  } else {
    int number = 0;
    for (const std::string& line : html_lines(body)) {
      ++number;
      out += steps && step_covers(steps->front(), number) ? "<span class=\"line mark\">" : "<span class=\"line\">";
      out += line;
      out += "</span>\n";
    }
  }
  out += "</code>";
  // One fragment per step after the first; deck.js moves the mark as they show.
  if (steps)
    for (size_t k = 1; k < steps->size(); ++k) fmt::format_to(std::back_inserter(out), "<span class=\"fragment code-step\" data-step=\"{}\"></span>", k);
  out += "</pre>\n";
}

}  // namespace deckgen
