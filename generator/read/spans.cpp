#include "read/spans.h"

#include <fmt/format.h>

#include <algorithm>

#include "model/input_error.h"
#include "read/attributes.h"
#include "read/images.h"  // locate
#include "util/text.h"

namespace deckgen {
namespace {

constexpr std::string_view kKnownSpanClasses[] = {"fragment"};

bool is_known(std::string_view name) {
  return std::find(std::begin(kKnownSpanClasses), std::end(kKnownSpanClasses), name) != std::end(kKnownSpanClasses);
}

// Makes the spans of one list of inlines in a single pass, left to right. Each `[` seen
// in text is remembered on a stack (where it is, nothing is split); a `]{...}` that
// holds attributes closes the innermost `[` still open: the text after that `[` and
// every node after it become the span's children. Every character is copied at most
// once and every node moved at most once per span around it, so time and memory are
// linear (the earlier search from each `]{` back to its `[` copied the rest of the text
// at each span: 40,000 spans took 9 s and 11 GB, and nested ones overflowed the stack).
class SpanMaker {
 public:
  SpanMaker(NodeList& out, const FileContext& ctx, size_t enclosing)
      : out_(out), ctx_(ctx), enclosing_(enclosing), memory_(out.get_allocator().resource()) {}

  void add(Node&& n) {
    if (n.type != NodeType::text) {
      push(std::move(n), 0);
      return;
    }
    SourcePos pos = n.pos;
    std::string_view text = n.literal;
    start_text(pos);
    size_t at = 0;
    while (at < text.size()) {
      size_t next = text.find_first_of("[]", at);
      if (next == std::string_view::npos) break;
      if (text[next] == '[') {
        open_.push_back({out_.size() - 1, out_.back().literal.size() + (next - at), pos,
                         static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(next), '['))});
        append(text.substr(at, next + 1 - at));
        at = next + 1;
        continue;
      }
      size_t end = next + 1 < text.size() && text[next + 1] == '{' ? text.find('}', next + 2) : std::string_view::npos;
      std::optional<ParsedAttributes> parsed;
      if (end != std::string_view::npos && !open_.empty()) parsed = parse_attributes(text.substr(next + 2, end - next - 2));
      if (!parsed) {  // a `]` that closes no span: text
        append(text.substr(at, next + 1 - at));
        at = next + 1;
        continue;
      }
      append(text.substr(at, next - at));
      close(parsed->attrs);
      start_text(pos);
      at = end + 1;
    }
    append(text.substr(at));
  }

 private:
  struct Open {
    size_t node;    // the text node in out_ that holds the `[`
    size_t offset;  // of the `[` in its literal
    SourcePos pos;  // that text node's position
    size_t before;  // `[`s before it in that text node
  };

  // Where the `[` of `open` is in the file: counted among the `[`s of its line from where
  // its text node starts (an entity or escape earlier on the line shifts the text, not the
  // count; a text node is one line), else the first `]{` after it.
  SourcePos bracket_of(const Open& open, const SourcePos& near) const {
    LineCursor lines(ctx_.text);
    std::string_view line;
    while (open.pos.column > 0 && lines.next(line)) {
      if (lines.line_number() < open.pos.line) continue;
      size_t at = static_cast<size_t>(open.pos.column - 1);
      for (size_t seen = 0; at < line.size(); ++at)
        if (line[at] == '[' && seen++ == open.before) return {open.pos.file, open.pos.line, static_cast<int>(at) + 1};
      break;
    }
    return near;
  }

  void push(Node&& n, size_t height) {
    out_.push_back(std::move(n));
    heights_.push_back(height);
  }
  void start_text(const SourcePos& pos) {
    Node text(memory_);
    text.type = NodeType::text;
    text.pos = pos;
    push(std::move(text), 0);
  }
  void append(std::string_view part) { out_.back().literal.append(part); }

  void close(const Attributes& attrs) {
    Open open = open_.back();
    open_.pop_back();
    Node span(memory_);
    span.type = NodeType::span;
    span.pos = open.pos;
    SourcePos near = locate(open.pos, ctx_.text, "]{");
    for (const std::string& c : attrs.classes) {
      if (is_known(c)) span.details().attrs.classes.push_back(c);
      else ctx_.warn(near, fmt::format("unknown span class '{}': it changes nothing", c),
                     "known: .fragment (the text appears on the next key press)");
    }
    for (const auto& [key, value] : attrs.values)
      ctx_.warn(near, fmt::format("unknown span attribute '{}': ignored", key),
                "a span takes classes only, such as {.fragment}");
    // Its height: spans nested in it, plus one.
    size_t height = 1;
    for (size_t i = open.node + 1; i < heights_.size(); ++i) height = std::max(height, heights_[i] + 1);
    if (enclosing_ + height > kMaxSpanNesting)
      throw InputError(bracket_of(open, near), fmt::format("bracketed spans nest more than {} deep here", kMaxSpanNesting),
                       "close some of the spans with `]{.fragment}`, or remove some `[`");
    std::pmr::string& holder = out_[open.node].literal;
    Node first(memory_);
    first.type = NodeType::text;
    first.pos = open.pos;
    first.literal.assign(std::string_view(holder).substr(open.offset + 1));
    holder.resize(open.offset);
    span.children.reserve(out_.size() - open.node);
    if (!first.literal.empty()) span.children.push_back(std::move(first));
    for (size_t i = open.node + 1; i < out_.size(); ++i)
      if (out_[i].type != NodeType::text || !out_[i].literal.empty()) span.children.push_back(std::move(out_[i]));
    out_.erase(out_.begin() + static_cast<std::ptrdiff_t>(open.node) + 1, out_.end());
    heights_.resize(open.node + 1);
    push(std::move(span), height);
  }

  NodeList& out_;
  const FileContext& ctx_;
  size_t enclosing_;  // spans around this list of inlines
  std::pmr::memory_resource* memory_;
  std::vector<size_t> heights_;  // per node of out_: spans nested in it (0: not a span)
  std::vector<Open> open_;       // `[` not closed yet, innermost last
};

bool has_bracket(const NodeList& nodes) {
  return std::any_of(nodes.begin(), nodes.end(), [](const Node& n) {
    return n.type == NodeType::text && n.literal.find(']') != std::string::npos;
  });
}

// `scan` is false for the children of a span just made: their text was read already.
void read_spans(NodeList& nodes, const FileContext& ctx, size_t enclosing, bool scan) {
  if (scan && has_bracket(nodes)) {
    NodeList out(nodes.get_allocator().resource());
    out.reserve(nodes.size());
    SpanMaker maker(out, ctx, enclosing);
    for (Node& n : nodes) maker.add(std::move(n));
    std::erase_if(out, [](const Node& c) { return c.type == NodeType::text && c.literal.empty(); });
    nodes.swap(out);
  }
  // Recursion over the tree the reader bounded (Markdown 100 deep, divs 50), and over
  // spans, bounded here.
  for (Node& n : nodes) {
    if (n.type == NodeType::code_block || n.type == NodeType::code) continue;
    if (n.type == NodeType::span) read_spans(n.children, ctx, enclosing + 1, false);
    else read_spans(n.children, ctx, enclosing, true);
  }
}

}  // namespace

void read_bracketed_spans(NodeList& nodes, const FileContext& ctx) { read_spans(nodes, ctx, 0, true); }

}  // namespace deckgen
