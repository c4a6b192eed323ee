#include "read/tree_transforms.h"

#include <fmt/format.h>

#include <algorithm>
#include <mutex>
#include <string>
#include <unordered_map>

#include "read/option_blocks.h"
#include "read/run_block.h"

namespace deckgen {
namespace {

// Parsing the option blocks' YAML was a third of reading the workshop deck (yaml-cpp
// scans with regular expressions), and `watch` reads the same blocks at every rebuild.
// Each parse is a pure function of the block's text and place, so a block parsed once
// is handed out again as a copy. Only what parsed is kept (an error is raised afresh),
// for the whole process, and all of it is dropped past a bound so memory stays small.
template <typename Spec>
class ParsedBlocks {
 public:
  Spec operator()(Spec (*parse)(std::string_view, const SourcePos&), std::string_view yaml, const SourcePos& pos) {
    std::string key = fmt::format("{}\n{}", pos, yaml);
    {
      std::lock_guard lock(mutex_);
      if (auto found = parsed_.find(key); found != parsed_.end()) return found->second;
    }
    Spec spec = parse(yaml, pos);
    std::lock_guard lock(mutex_);
    if (parsed_.size() >= kMostKept) parsed_.clear();
    parsed_.emplace(std::move(key), spec);
    return spec;
  }

 private:
  static constexpr size_t kMostKept = 4096;
  std::mutex mutex_;
  std::unordered_map<std::string, Spec> parsed_;
};

void type_option_block(Node& n, Deck& deck) {
  if (n.type != NodeType::code_block) return;
  static ParsedBlocks<SnippetSpec> runs;
  static ParsedBlocks<ClaimSpec> claims;
  static ParsedBlocks<ChartSpec> charts;
  static ParsedBlocks<TimelineSpec> timelines;
  std::string kind = fence_language(n.info());
  if (kind == "run") {
    deck.snippets.push_back(runs(parse_run_block, n.literal, n.pos));
    n.type = NodeType::run_block;
  } else if (kind == "claim") {
    deck.claims.push_back(claims(parse_claim_block, n.literal, n.pos));
    n.type = NodeType::claim_block;
  } else if (kind == "chart") {
    deck.charts.push_back(charts(parse_chart_block, n.literal, n.pos));
    n.type = NodeType::chart_block;
  } else if (kind == "timeline") {
    deck.timelines.push_back(timelines(parse_timeline_block, n.literal, n.pos));
    n.type = NodeType::timeline_block;
  }
}

// Appends `text` split at its placeholders to `out`: text, placeholder, text, ...
// (empty text between them is left out).
void split_text(Node& text, NodeList& out, Deck& deck) {
  std::vector<PlaceholderMatch> found = find_placeholders(text.literal, text.pos);
  if (found.empty()) {
    out.push_back(std::move(text));
    return;
  }
  std::pmr::memory_resource* memory = out.get_allocator().resource();
  std::string_view literal = text.literal;
  auto add_text = [&](std::string_view part) {
    if (part.empty()) return;
    Node piece(memory);
    piece.type = NodeType::text;
    piece.pos = text.pos;  // inlines' positions are best effort (model/document.h)
    piece.literal.assign(part);
    out.push_back(std::move(piece));
  };
  size_t at = 0;
  for (PlaceholderMatch& match : found) {
    add_text(literal.substr(at, match.begin - at));
    Node placeholder(memory);
    placeholder.type = NodeType::placeholder;
    placeholder.pos = match.placeholder.pos;
    placeholder.literal.assign(match.placeholder.text);
    placeholder.details().info.assign(match.written);
    out.push_back(std::move(placeholder));
    deck.placeholders.push_back(std::move(match.placeholder));
    at = match.end;
  }
  add_text(literal.substr(at));
}

}  // namespace

void make_typed_nodes(NodeList& nodes, Deck& deck, InputErrorList& errors) {
  auto has_placeholder = [](const Node& n) {
    return n.type == NodeType::text && n.literal.find("{{") != std::string::npos;
  };
  // In document order, as the deck's lists must be: each node, then its children.
  if (std::none_of(nodes.begin(), nodes.end(), has_placeholder)) {
    for (Node& n : nodes) {
      errors.collect([&] { type_option_block(n, deck); });
      make_typed_nodes(n.children, deck, errors);
    }
    return;
  }
  NodeList typed(nodes.get_allocator().resource());
  typed.reserve(nodes.size() + 2);
  for (Node& n : nodes) {
    if (n.type == NodeType::text) {
      // find_placeholders throws before anything is moved: a malformed text is dropped,
      // which only matters to a build that fails anyway.
      errors.collect([&] { split_text(n, typed, deck); });
    } else {
      errors.collect([&] { type_option_block(n, deck); });
      make_typed_nodes(n.children, deck, errors);
      typed.push_back(std::move(n));
    }
  }
  nodes.swap(typed);
}

void make_typed_nodes(NodeList& nodes, Deck& deck) {
  InputErrorList errors;
  make_typed_nodes(nodes, deck, errors);
  errors.throw_if_any();
}

}  // namespace deckgen
