#include "read/unsupported_syntax.h"

#include <cctype>

#include "read/images.h"

namespace deckgen {
namespace {

bool blank(char c) { return c == ' ' || c == '\t' || c == '\n'; }

}  // namespace

bool has_dollar_math(std::string_view text) {
  for (size_t open = text.find('$'); open != std::string_view::npos; open = text.find('$', open + 1)) {
    if (open > 0 && text[open - 1] == '\\') continue;
    if (text.substr(open).starts_with("$$")) {
      if (text.find("$$", open + 2) != std::string_view::npos) return true;
      ++open;
      continue;
    }
    if (open + 1 >= text.size() || blank(text[open + 1])) continue;
    for (size_t close = text.find('$', open + 1); close != std::string_view::npos; close = text.find('$', close + 1)) {
      if (blank(text[close - 1]) || text[close - 1] == '\\') continue;
      if (close + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[close + 1]))) continue;
      return true;
    }
    return false;  // no closing dollar for this one, so none for any later one
  }
  return false;
}

void warn_unsupported_syntax(const NodeList& nodes, const FileContext& ctx, bool in_table_cell) {
  for (const Node& n : nodes) {
    if (in_table_cell && n.type == NodeType::text && has_dollar_math(n.literal))
      ctx.warn(locate(n.pos, ctx.text, "$"), "`$...$` math in a table cell is not typeset: shown as written",
               "move the formula out of the table, or write it with Unicode (x², √n, ≤)");
    warn_unsupported_syntax(n.children, ctx, in_table_cell || n.type == NodeType::table_cell);
  }
}

}  // namespace deckgen
