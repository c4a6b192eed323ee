#include "read/slide_attributes.h"

#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "read/attributes.h"
#include "read/images.h"
#include "util/text.h"

namespace deckgen {
namespace {

constexpr std::string_view kKnownClasses[] = {"center", "smaller", "section", "incremental"};

// A CSS colour we can write into a style without escaping surprises: a name, #hex, or
// rgb()/hsl() with plain numbers.
bool is_css_color(std::string_view v) {
  static const std::regex color(R"(^([a-zA-Z]+|#[0-9a-fA-F]{3,8}|(rgb|rgba|hsl|hsla)\([0-9., %]+\))$)");
  return std::regex_match(v.begin(), v.end(), color);
}

void add_classes(Slide& slide, std::string_view text, const SourcePos& pos, const FileContext& ctx) {
  for (size_t at = 0; at < text.size();) {
    size_t end = text.find(' ', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view name = text.substr(at, end - at);
    at = end + 1;
    if (name.empty()) continue;
    if (!is_known_slide_class(name))
      ctx.warn(pos, fmt::format("slide class '{}' has no style in deckgen's theme: it changes nothing", name),
               "known slide classes: center, smaller, section, incremental");
    if (std::find(slide.classes.begin(), slide.classes.end(), name) == slide.classes.end())
      slide.classes.emplace_back(name);
  }
}

// Applies one key=value to the slide, in Quarto's spelling (background-image) or the
// reveal.js comment's (data-background-image).
void apply(Slide& slide, const std::string& key, const std::string& value, const SourcePos& pos, const FileContext& ctx) {
  std::string_view name = key;
  if (name.starts_with("data-")) name.remove_prefix(5);
  if (name == "background" && is_css_color(value)) {  // reveal.js's data-background: a colour or an image
    slide.background_color = value;
  } else if (name == "background-image" || name == "background") {
    slide.background_image = load_local_image(value, pos, ctx);
  } else if (name == "background-color") {
    if (is_css_color(value)) slide.background_color = value;
    else ctx.warn(pos, fmt::format("background-color '{}' is not a colour: ignored", value),
                  "write a name (navy), #hex or rgb(...)");
  } else if (key == "class") {
    add_classes(slide, value, pos, ctx);
  } else {
    ctx.warn(pos, fmt::format("unknown slide attribute '{}': ignored", key),
             "known: background-image, background-color (and classes such as .center)");
  }
}

// GFM's autolinks turn a URL inside the braces (`{background-image="https://..."}`)
// into a link node; put such a tail back into one text node, so that it is read as
// attributes (and the remote image refused) instead of printed.
void unlink_trailing_braces(NodeList& inlines) {
  size_t first = inlines.size();
  bool any_link = false;
  while (first > 0) {
    const Node& n = inlines[first - 1];
    bool autolink = n.type == NodeType::link && n.children.size() == 1 && n.children[0].type == NodeType::text;
    if (n.type != NodeType::text && !autolink) return;
    --first;
    any_link = any_link || autolink;
    if (n.type == NodeType::text && n.literal.find('{') != std::pmr::string::npos) break;
  }
  if (!any_link || first == inlines.size() || inlines[first].type != NodeType::text) return;
  Node& text = inlines[first];
  for (size_t i = first + 1; i < inlines.size(); ++i)
    text.literal += inlines[i].type == NodeType::text ? inlines[i].literal : inlines[i].children[0].literal;
  inlines.erase(inlines.begin() + static_cast<std::ptrdiff_t>(first) + 1, inlines.end());
}

void read_title_braces(Slide& slide, Node& heading, bool is_title, const FileContext& ctx) {
  unlink_trailing_braces(heading.children);
  if (heading.children.empty() || heading.children.back().type != NodeType::text) return;
  std::pmr::string& text = heading.children.back().literal;
  size_t open = trailing_braces(text);
  if (open == std::string_view::npos) return;
  if (open > 0 && text[open - 1] == ']') return;  // `[text]{.fragment}`: a span (read/spans.h)
  std::string_view inside = trim(std::string_view(text).substr(open + 1));
  inside.remove_suffix(1);
  auto parsed = parse_attributes(inside);
  if (!parsed) return;  // braces in the title's prose, not attributes
  SourcePos pos = locate(heading.pos, ctx.text, "{");
  text.erase(text.begin() + static_cast<std::ptrdiff_t>(open), text.end());
  while (!text.empty() && text.back() == ' ') text.pop_back();
  if (text.empty()) heading.children.pop_back();
  if (!is_title) {
    heading.details().attrs = std::move(parsed->attrs);
    for (const auto& [key, value] : heading.attrs().values)
      ctx.warn(pos, fmt::format("attribute '{}' on a heading that is not the slide's title: ignored", key),
               "slide attributes go on the slide's first heading");
    heading.details().attrs.values.clear();
    return;
  }
  for (const std::string& c : parsed->attrs.classes) add_classes(slide, c, pos, ctx);
  for (const auto& [key, value] : parsed->attrs.values) apply(slide, key, value, pos, ctx);
}

// `<!-- .slide: ... -->` as reveal.js's Markdown plugin reads it. Returns true when the
// block was a directive (and has been applied or warned about), so it can go.
bool read_comment_directive(Slide& slide, const Node& block, const FileContext& ctx) {
  if (block.type != NodeType::html_block && block.type != NodeType::html_inline) return false;
  std::string_view html = trim(block.literal);
  if (!html.starts_with("<!--") || !html.ends_with("-->")) return false;
  std::string_view inside = trim(html.substr(4, html.size() - 7));
  if (!inside.starts_with('.')) return false;
  size_t colon = inside.find(':');
  std::string_view directive = inside.substr(1, colon == std::string_view::npos ? std::string_view::npos : colon - 1);
  if (directive != "slide") {
    ctx.warn(block.pos, fmt::format("the reveal.js directive '.{}' is not supported: ignored", directive),
             "deckgen reads `<!-- .slide: class=\"...\" -->`; for an element's class use Markdown attributes");
    return true;
  }
  auto parsed = parse_attributes(colon == std::string_view::npos ? std::string_view{} : inside.substr(colon + 1));
  if (!parsed) {
    ctx.warn(block.pos, "cannot read this `.slide:` directive: ignored",
             "write it as <!-- .slide: class=\"center\" data-background-image=\"img.png\" -->");
    return true;
  }
  for (const auto& [key, value] : parsed->attrs.values) apply(slide, key, value, block.pos, ctx);
  return true;
}

// A directive is a block of its own, or inside a paragraph when written right under
// text (an inline comment).
void read_inline_directives(Slide& slide, NodeList& nodes, const FileContext& ctx) {
  std::erase_if(nodes, [&](const Node& n) { return read_comment_directive(slide, n, ctx); });
  for (Node& n : nodes) read_inline_directives(slide, n.children, ctx);
}

}  // namespace

bool is_known_slide_class(std::string_view name) {
  return std::find(std::begin(kKnownClasses), std::end(kKnownClasses), name) != std::end(kKnownClasses);
}

void read_slide_attributes(Slide& slide, const FileContext& ctx) {
  read_inline_directives(slide, slide.body, ctx);
  bool title = true;
  for (Node& block : slide.body) {
    if (block.type == NodeType::heading) read_title_braces(slide, block, title, ctx);
    title = false;
  }
  // A paragraph left empty by a removed directive would be an empty <p>.
  std::erase_if(slide.body, [](const Node& n) { return n.type == NodeType::paragraph && n.children.empty(); });
  if (slide.body.size() == 1 && slide.body.front().type == NodeType::heading &&
      std::find(slide.classes.begin(), slide.classes.end(), "section") == slide.classes.end())
    slide.classes.emplace_back("section");
}

}  // namespace deckgen
