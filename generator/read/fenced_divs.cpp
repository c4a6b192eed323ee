#include "read/fenced_divs.h"

#include <fmt/format.h>

#include <algorithm>

#include "model/input_error.h"
#include "read/attributes.h"
#include "read/block_lines.h"
#include "util/text.h"

namespace deckgen {
namespace {

bool is_css_length(std::string_view v) {
  size_t digits = v.find_first_not_of("0123456789.");
  if (digits == 0 || v.empty()) return false;
  std::string_view unit = v.substr(std::min(digits, v.size()));
  return unit.empty() || unit == "%" || unit == "px" || unit == "em" || unit == "rem";
}

// Checks a div's attributes against what the renderer knows, warning about the rest
// and dropping the values it cannot use.
void check(Node& div, const FileContext& ctx) {
  static constexpr std::string_view known[] = {"columns", "column", "incremental", "nonincremental", "notes",
                                               "fragment"};
  for (const std::string& c : div.attrs().classes)
    if (std::find(std::begin(known), std::end(known), c) == std::end(known))
      ctx.warn(div.pos, fmt::format("unknown div class '{}': the div is shown as plain content", c),
               "known: columns, column, incremental, nonincremental, notes, fragment");
  std::erase_if(div.details().attrs.values, [&](const std::pair<std::string, std::string>& kv) {
    const auto& [key, value] = kv;
    if (key == "width" && div.attrs().has_class("column")) {
      if (is_css_length(value)) return false;
      ctx.warn(div.pos, fmt::format("column width '{}' is not a length: ignored", value),
               "write a percentage or pixels: width=\"40%\"");
      return true;
    }
    ctx.warn(div.pos, fmt::format("unknown div attribute '{}': ignored", key),
             "a column takes width=\"40%\"; other divs take no attributes");
    return true;
  });
}

// The attributes of an opening fence ("::: columns", "::: {.column width=40%}"), or
// nullopt when the line is a closing fence.
std::optional<Attributes> opening(std::string_view line, const SourcePos& pos, const FileContext& ctx) {
  size_t colons = line.find_first_not_of(':');
  if (colons == std::string_view::npos) return std::nullopt;
  std::string_view rest = trim(line.substr(colons));
  if (rest.empty()) return std::nullopt;
  // pandoc allows colons after the attributes too: "::: columns :::".
  while (rest.ends_with(':')) rest = trim(rest.substr(0, rest.size() - 1));
  Attributes attrs;
  if (rest.starts_with('{') && rest.ends_with('}')) {
    auto parsed = parse_attributes(rest.substr(1, rest.size() - 2));
    if (!parsed) {
      ctx.warn(pos, fmt::format("cannot read the attributes '{}': the div has none", rest),
               "write them as {.class key=\"value\"}");
      return attrs;
    }
    return parsed->attrs;
  }
  if (rest.find_first_of(" \t{}") != std::string_view::npos) {
    ctx.warn(pos, fmt::format("a div fence takes one class or {{attributes}}, not '{}'", rest),
             "write `::: columns` or `::: {.column width=\"40%\"}`");
    rest = rest.substr(0, rest.find_first_of(" \t{}"));
  }
  attrs.classes.emplace_back(rest);
  return attrs;
}

// Refuses, before any block moves, a slide whose divs nest deeper than kMaxDivNesting:
// every later walk of the tree (transforms, renderer, the tree's destructor) recurses
// once per level, and 12,000 nested divs overflowed the stack (issue 24).
void check_nesting(const NodeList& blocks) {
  size_t open = 0;
  for (const Node& block : blocks) {
    const auto* line = lone_line(block);
    if (!line || !is_div_fence(*line)) continue;
    size_t colons = line->find_first_not_of(':');
    bool opens = colons != std::string::npos && !trim(std::string_view(*line).substr(colons)).empty();
    if (!opens) {
      if (open > 0) --open;
      continue;
    }
    if (++open > kMaxDivNesting)
      throw InputError(block.pos, fmt::format("fenced divs nest more than {} deep here", kMaxDivNesting),
                       "close some of the divs above with `:::` lines");
  }
}

// Moves the content of every `notes` div in `blocks` to the end of `notes`.
void move_notes(NodeList& blocks, NodeList& notes) {
  for (Node& n : blocks) {
    if (n.type != NodeType::div) continue;
    if (n.attrs().has_class("notes"))
      for (Node& inside : n.children) notes.push_back(std::move(inside));
    else
      move_notes(n.children, notes);
  }
  std::erase_if(blocks, [](const Node& n) { return n.type == NodeType::div && n.attrs().has_class("notes"); });
}

}  // namespace

void take_notes_divs(Slide& slide) {
  NodeList notes(slide.notes.get_allocator().resource());
  move_notes(slide.body, notes);
  for (Node& n : notes) slide.notes.push_back(std::move(n));
}

const std::pmr::string* lone_line(const Node& paragraph) {
  if (paragraph.type != NodeType::paragraph || paragraph.children.size() != 1) return nullptr;
  const Node& text = paragraph.children.front();
  return text.type == NodeType::text ? &text.literal : nullptr;
}

void group_fenced_divs(NodeList& blocks, const FileContext& ctx) {
  bool any = false;
  for (const Node& b : blocks)
    if (const auto* line = lone_line(b); line && is_div_fence(*line)) any = true;
  if (!any) return;
  check_nesting(blocks);
  std::pmr::memory_resource* memory = blocks.get_allocator().resource();
  NodeList out(memory);
  std::vector<Node> open;  // divs being filled, innermost last
  auto target = [&]() -> NodeList& { return open.empty() ? out : open.back().children; };
  auto close = [&] {
    Node div = std::move(open.back());
    open.pop_back();
    check(div, ctx);
    target().push_back(std::move(div));
  };
  for (Node& block : blocks) {
    const auto* line = lone_line(block);
    if (!line || !is_div_fence(*line)) {
      target().push_back(std::move(block));
      continue;
    }
    if (std::optional<Attributes> attrs = opening(*line, block.pos, ctx)) {
      Node& div = open.emplace_back(memory);
      div.type = NodeType::div;
      div.pos = block.pos;
      div.details().attrs = std::move(*attrs);
    } else if (open.empty()) {
      ctx.warn(block.pos, "this ':::' closes no div: ignored", "remove it, or open a div above it with `::: columns`");
    } else {
      close();
    }
  }
  while (!open.empty()) {
    ctx.warn(open.back().pos, "this div is not closed before the slide ends: closed there",
             "end it with a line `:::` (as many colons as it opened with, or more)");
    close();
  }
  blocks = std::move(out);
}

}  // namespace deckgen
