#include "read/spans.h"

#include <fmt/format.h>

#include <algorithm>

#include "read/attributes.h"
#include "read/images.h"  // locate

namespace deckgen {
namespace {

constexpr std::string_view kKnownSpanClasses[] = {"fragment"};

bool is_known(std::string_view name) {
  return std::find(std::begin(kKnownSpanClasses), std::end(kKnownSpanClasses), name) != std::end(kKnownSpanClasses);
}

Node text_node(std::string_view text, const SourcePos& pos, std::pmr::memory_resource* memory) {
  Node n(memory);
  n.type = NodeType::text;
  n.pos = pos;
  n.literal.assign(text);
  return n;
}

// Finds the first span whose `]{...}` is in inlines[close] at or after `from`, with its
// `[` in the same text node or an earlier one; makes it a span node in place. Returns
// where to look next (the text after the span), or nullopt when there is none.
struct Cursor { size_t node, offset; };

std::optional<Cursor> make_one_span(NodeList& inlines, Cursor at, const FileContext& ctx) {
  std::pmr::memory_resource* memory = inlines.get_allocator().resource();
  for (size_t i = at.node; i < inlines.size(); ++i, at.offset = 0) {
    if (inlines[i].type != NodeType::text) continue;
    std::string_view text = inlines[i].literal;
    for (size_t close = text.find("]{", at.offset); close != std::string_view::npos; close = text.find("]{", close + 1)) {
      size_t end = text.find('}', close + 2);
      if (end == std::string_view::npos) break;
      auto parsed = parse_attributes(text.substr(close + 2, end - close - 2));
      if (!parsed) continue;
      // The `[` that opens it: the last one before, in this node or an earlier text node.
      size_t open_node = i, open = text.rfind('[', close);
      while (open == std::string_view::npos && open_node > 0) {
        if (inlines[--open_node].type == NodeType::text) open = std::string_view(inlines[open_node].literal).rfind('[');
      }
      if (open == std::string_view::npos) continue;
      SourcePos pos = inlines[open_node].pos;
      for (const std::string& c : parsed->attrs.classes)
        if (!is_known(c))
          ctx.warn(locate(pos, ctx.text, "]{"), fmt::format("unknown span class '{}': it changes nothing", c),
                   "known: .fragment (the text appears on the next key press)");
      for (const auto& [key, value] : parsed->attrs.values)
        ctx.warn(locate(pos, ctx.text, "]{"), fmt::format("unknown span attribute '{}': ignored", key),
                 "a span takes classes only, such as {.fragment}");
      Node span(memory);
      span.type = NodeType::span;
      span.pos = pos;
      for (const std::string& c : parsed->attrs.classes)
        if (is_known(c)) span.details().attrs.classes.push_back(c);
      std::string after(text.substr(end + 1));
      if (open_node == i) {
        span.children.push_back(text_node(text.substr(open + 1, close - open - 1), pos, memory));
        inlines[i].literal.erase(open);
      } else {
        span.children.push_back(text_node(std::string_view(inlines[open_node].literal).substr(open + 1), pos, memory));
        for (size_t k = open_node + 1; k < i; ++k) span.children.push_back(std::move(inlines[k]));
        span.children.push_back(text_node(text.substr(0, close), pos, memory));
        inlines[open_node].literal.erase(open);
        inlines.erase(inlines.begin() + static_cast<std::ptrdiff_t>(open_node) + 1,
                      inlines.begin() + static_cast<std::ptrdiff_t>(i) + 1);
      }
      std::erase_if(span.children, [](const Node& n) { return n.type == NodeType::text && n.literal.empty(); });
      auto place = inlines.begin() + static_cast<std::ptrdiff_t>(open_node) + 1;
      place = inlines.insert(place, std::move(span));
      inlines.insert(place + 1, text_node(after, pos, memory));
      return Cursor{open_node + 2, 0};
    }
  }
  return std::nullopt;
}

}  // namespace

void read_bracketed_spans(NodeList& nodes, const FileContext& ctx) {
  for (Node& n : nodes) {
    if (n.type == NodeType::code_block || n.type == NodeType::code) continue;
    for (std::optional<Cursor> at = Cursor{0, 0}; at;) at = make_one_span(n.children, *at, ctx);
    std::erase_if(n.children, [](const Node& c) { return c.type == NodeType::text && c.literal.empty(); });
    read_bracketed_spans(n.children, ctx);
  }
}

}  // namespace deckgen
