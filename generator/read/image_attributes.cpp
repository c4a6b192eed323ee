#include "read/image_attributes.h"

#include <fmt/format.h>

#include "read/attributes.h"
#include "read/images.h"

namespace deckgen {
namespace {

// A CSS length the renderer may write into a style: digits, then %, px, em or rem (or
// nothing, meaning pixels as in HTML's width attribute).
bool is_size(std::string_view v) {
  size_t end = v.find_first_not_of("0123456789.");
  if (end == 0 || v.empty()) return false;
  std::string_view unit = end == std::string_view::npos ? std::string_view{} : v.substr(end);
  return unit.empty() || unit == "%" || unit == "px" || unit == "em" || unit == "rem";
}

void take_braces(Node& image, Node& text, const FileContext& ctx) {
  std::string_view s = text.literal;
  if (!s.starts_with('{')) return;
  size_t close = s.find('}');
  if (close == std::string_view::npos) return;
  auto parsed = parse_attributes(s.substr(1, close - 1));
  if (!parsed) return;
  SourcePos pos = locate(image.pos, ctx.text, s.substr(0, close + 1));
  for (const auto& [key, value] : parsed->attrs.values) {
    if (key != "width" && key != "height") {
      ctx.warn(pos, fmt::format("unknown image attribute '{}': ignored", key), "images take width= and height=");
    } else if (!is_size(value)) {
      ctx.warn(pos, fmt::format("image {} '{}' is not a size: ignored", key, value),
               "write a percentage or a length: width=50% or width=300px");
    } else {
      image.details().attrs.values.emplace_back(key, value);
    }
  }
  for (const std::string& c : parsed->attrs.classes)
    ctx.warn(pos, fmt::format("image class '{}' has no style in deckgen's theme: ignored", c), "images take width= and height=");
  text.literal.erase(0, close + 1);
}

}  // namespace

void read_image_attributes(NodeList& nodes, const FileContext& ctx) {
  for (size_t i = 0; i < nodes.size(); ++i) {
    Node& n = nodes[i];
    if (n.type == NodeType::image && i + 1 < nodes.size() && nodes[i + 1].type == NodeType::text) {
      take_braces(n, nodes[i + 1], ctx);
      if (nodes[i + 1].literal.empty()) nodes.erase(nodes.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    }
    read_image_attributes(n.children, ctx);
  }
}

}  // namespace deckgen
