#include "render/figure_widths.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include "render/figures.h"

namespace deckgen {
namespace {

// layout.css and theme.css, which lay the columns out in the browser.
constexpr double kColumnGap = 32;      // .columns { gap: 32px }
constexpr double kTypeSize = 32;       // .reveal { font-size: 32px }: what 1em is on a slide
constexpr double kRootTypeSize = 16;   // the browser's default root size: 1rem
constexpr double kLeastColumn = 120;   // never draw for less, however crowded the columns

// A column's `width` (checked by the reader to be a number with %, px, em, rem or no
// unit) in px within a box `outer` px wide; nullopt when the browser ignores it (a bare
// number is no CSS length), so the column takes a share of what is left.
std::optional<double> column_width(const std::string& value, double outer) {
  double number = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (error != std::errc()) return std::nullopt;
  std::string_view unit(end, value.data() + value.size() - end);
  if (unit == "%") return outer * number / 100;
  if (unit == "px") return number;
  if (unit == "em") return number * kTypeSize;
  if (unit == "rem") return number * kRootTypeSize;
  return std::nullopt;
}

bool is_figure(NodeType type) { return type == NodeType::chart_block || type == NodeType::timeline_block; }
bool is_div(const Node& n, std::string_view cls) { return n.type == NodeType::div && n.attrs().has_class(cls); }

void visit(const NodeList& blocks, double width, std::map<SourcePos, double>& out);

void visit_columns(const Node& columns, double width, std::map<SourcePos, double>& out) {
  std::vector<std::optional<double>> widths;
  double fixed = 0;
  size_t shared = 0;
  for (const Node& c : columns.children) {
    if (!is_div(c, "column")) continue;
    const std::string* w = c.attrs().find("width");
    widths.push_back(w ? column_width(*w, width) : std::nullopt);
    if (widths.back()) fixed += *widths.back(); else ++shared;
  }
  double gaps = widths.empty() ? 0 : kColumnGap * double(widths.size() - 1);
  double share = shared ? (width - fixed - gaps) / double(shared) : 0;
  size_t index = 0;
  for (const Node& c : columns.children) {
    if (!is_div(c, "column")) {
      visit(c.children, width, out);
      continue;
    }
    const std::optional<double>& w = widths[index++];
    visit(c.children, std::max(kLeastColumn, w ? *w : share), out);
  }
}

void visit(const NodeList& blocks, double width, std::map<SourcePos, double>& out) {
  for (const Node& n : blocks) {
    if (is_figure(n.type)) out[n.pos] = width;
    else if (is_div(n, "columns")) visit_columns(n, width, out);
    else if (n.type == NodeType::div) visit(n.children, width, out);
  }
}

}  // namespace

std::map<SourcePos, double> figure_widths(const Deck& deck, int stage_width) {
  std::map<SourcePos, double> out;
  for (const Slide& s : deck.slides) visit(s.body, figure_width(stage_width), out);
  return out;
}

}  // namespace deckgen
