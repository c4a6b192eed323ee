#include "read/incremental.h"

#include <algorithm>

#include "read/block_lines.h"
#include "read/fenced_divs.h"

namespace deckgen {
namespace {

bool is_pause_block(const Node& n) {
  const auto* line = lone_line(n);
  return line && is_pause(*line);
}

}  // namespace

void apply_pauses(NodeList& blocks) {
  for (Node& n : blocks)
    if (n.type == NodeType::div) apply_pauses(n.children);
  if (std::none_of(blocks.begin(), blocks.end(), is_pause_block)) return;
  std::pmr::memory_resource* memory = blocks.get_allocator().resource();
  NodeList out(memory);
  bool after_pause = false;  // then the last node of `out` is the fragment being filled
  for (Node& block : blocks) {
    if (is_pause_block(block)) {
      Node& fragment = out.emplace_back(memory);
      fragment.type = NodeType::div;
      fragment.pos = block.pos;
      fragment.details().attrs.classes.emplace_back("fragment");
      after_pause = true;
      continue;
    }
    (after_pause ? out.back().children : out).push_back(std::move(block));
  }
  // A pause at the very end shows nothing more: drop its empty fragment.
  if (!out.empty() && out.back().type == NodeType::div && out.back().children.empty() &&
      out.back().attrs().has_class("fragment"))
    out.pop_back();
  blocks = std::move(out);
}

void mark_incremental_lists(NodeList& blocks, Incremental slide) {
  for (Node& n : blocks) {
    Incremental inside = slide;
    if (n.type == NodeType::div && n.attrs().has_class("incremental")) inside = Incremental::yes;
    if (n.type == NodeType::div && n.attrs().has_class("nonincremental")) inside = Incremental::no;
    if (n.type == NodeType::list && inside == Incremental::yes)
      for (Node& item : n.children) item.details().attrs.classes.emplace_back("fragment");
    if (n.type == NodeType::div) mark_incremental_lists(n.children, inside);
  }
}

}  // namespace deckgen
