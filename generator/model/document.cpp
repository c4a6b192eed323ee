#include "model/document.h"

#include "util/huge_pages.h"

#include <utility>

namespace deckgen {

NodeDetails& Node::details() {
  if (!details_) {
    std::pmr::polymorphic_allocator<NodeDetails> alloc(literal.get_allocator().resource());
    details_ = alloc.allocate(1);
    new (details_) NodeDetails(alloc.resource());
  }
  return *details_;
}

void Node::drop_details() noexcept {
  if (!details_) return;
  std::pmr::polymorphic_allocator<NodeDetails> alloc(literal.get_allocator().resource());
  details_->~NodeDetails();
  alloc.deallocate(details_, 1);  // a no-op in the deck's arena
  details_ = nullptr;
}

// Into this node's memory resource (pmr containers keep their own on assignment).
void Node::copy_details(const NodeDetails& from) {
  NodeDetails& d = details();
  d.url = from.url;
  d.title = from.title;
  d.info = from.info;
  d.aligns.assign(from.aligns.begin(), from.aligns.end());
  d.attrs = from.attrs;
}

const Attributes& Node::attrs() const {
  static const Attributes none;
  return details_ ? details_->attrs : none;
}

Node::Node(const Node& other)
    : type(other.type), ordered(other.ordered), tight(other.tight), header(other.header), task(other.task),
      level(other.level), start(other.start), pos(other.pos), literal(other.literal), children(other.children) {
  if (other.details_) {
    copy_details(*other.details_);
  }
}

// The moved literal keeps its memory resource, so the details (made from it) go along.
Node::Node(Node&& other) noexcept
    : type(other.type), ordered(other.ordered), tight(other.tight), header(other.header), task(other.task),
      level(other.level), start(other.start), pos(other.pos), literal(std::move(other.literal)),
      children(std::move(other.children)), details_(std::exchange(other.details_, nullptr)) {}

Node& Node::operator=(const Node& other) {
  if (this == &other) return *this;
  Node copy(other);
  return *this = std::move(copy);
}

Node& Node::operator=(Node&& other) {
  if (this == &other) return *this;
  drop_details();
  type = other.type;
  ordered = other.ordered;
  tight = other.tight;
  header = other.header;
  task = other.task;
  level = other.level;
  start = other.start;
  pos = other.pos;
  literal = std::move(other.literal);    // keeps this node's resource (pmr does not propagate)
  children = std::move(other.children);
  if (other.details_) {
    if (literal.get_allocator() == other.literal.get_allocator()) {
      details_ = std::exchange(other.details_, nullptr);
    } else {  // made from another resource: copied into this node's
      copy_details(*other.details_);
    }
  }
  return *this;
}

Node::~Node() { drop_details(); }

std::shared_ptr<std::pmr::memory_resource> make_node_memory() {
  // Starts at 64 KiB, so a small deck stays in the heap; each next buffer doubles.
  return std::make_shared<std::pmr::monotonic_buffer_resource>(64 * 1024, region_resource());
}

std::string warning_message(const Warning& w) {
  std::string out = fmt::format("{}: warning: {}", w.pos, w.problem);
  if (!w.what_to_do.empty()) out += fmt::format("\n  {}", w.what_to_do);
  return out;
}

bool Attributes::has_class(std::string_view name) const {
  for (const std::string& c : classes)
    if (c == name) return true;
  return false;
}

const std::string* Attributes::find(std::string_view key) const {
  for (const auto& [k, v] : values)
    if (k == key) return &v;
  return nullptr;
}

int stage_width(const FrontMatter& meta) { return meta.aspect_ratio == "4:3" ? 960 : 1280; }

}  // namespace deckgen
