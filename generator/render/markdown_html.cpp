#include "render/markdown_html.h"

#include <algorithm>

#include "render/html.h"

namespace deckgen {
namespace {

class Writer {
 public:
  Writer(std::string& out, const HtmlContext& ctx) : out_(out), ctx_(ctx) {}

  void blocks(const NodeList& nodes, bool tight = false) {
    for (const Node& n : nodes) block(n, tight);
  }

 private:
  void block(const Node& n, bool tight) {
    switch (n.type) {
      case NodeType::paragraph:
        if (tight) {
          inlines(n.children);
          out_ += '\n';
        } else {
          out_ += "<p>";
          inlines(n.children);
          out_ += "</p>\n";
        }
        break;
      case NodeType::heading: {
        char level = static_cast<char>('0' + std::clamp(n.level, 1, 6));
        out_ += "<h", out_ += level;
        class_attribute(n.attrs());
        out_ += '>';
        inlines(n.children);
        out_ += "</h", out_ += level, out_ += ">\n";
        break;
      }
      case NodeType::block_quote:
        out_ += "<blockquote>\n";
        blocks(n.children);
        out_ += "</blockquote>\n";
        break;
      case NodeType::list:
        if (n.ordered) {
          out_ += n.start == 1 ? std::string("<ol>\n") : fmt::format("<ol start=\"{}\">\n", n.start);
        } else {
          out_ += "<ul>\n";
        }
        for (const Node& item : n.children) list_item(item, n.tight);
        out_ += n.ordered ? "</ol>\n" : "</ul>\n";
        break;
      case NodeType::item:
        list_item(n, tight);
        break;
      case NodeType::code_block:
      case NodeType::run_block:
      case NodeType::claim_block:
      case NodeType::chart_block:
      case NodeType::timeline_block:
        if (ctx_.code_block) {
          ctx_.code_block(out_, n);
        } else {
          std::string lang = fence_language(n.info());
          out_ += lang.empty() ? std::string("<pre><code>") : "<pre><code class=\"language-" + escape_html(lang) + "\">";
          append_escaped(out_, n.literal);
          out_ += "</code></pre>\n";
        }
        break;
      case NodeType::html_block:
        raw_html(n);  // the author's own HTML, on purpose
        break;
      case NodeType::div:
        out_ += "<div";
        class_attribute(n.attrs());
        if (const std::string* width = n.attrs().find("width")) {
          out_ += " style=\"width:";
          append_escaped(out_, *width);
          out_ += '"';
        }
        out_ += ">\n";
        blocks(n.children);
        out_ += "</div>\n";
        break;
      case NodeType::thematic_break:
        out_ += "<hr />\n";
        break;
      case NodeType::table:
        table(n);
        break;
      default:  // an inline where a block was expected: wrap it
        out_ += "<p>";
        inline_node(n);
        out_ += "</p>\n";
    }
  }

  void list_item(const Node& item, bool tight) {
    out_ += "<li";
    if (item.task) out_ += " class=\"task\"";
    else class_attribute(item.attrs());
    out_ += '>';
    if (item.task) out_ += *item.task ? "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> "
                                      : "<input type=\"checkbox\" disabled=\"\" /> ";
    blocks(item.children, tight);
    if (!out_.empty() && out_.back() == '\n' && tight) out_.pop_back();
    out_ += "</li>\n";
  }

  void table(const Node& t) {
    out_ += "<table>\n";
    bool body_open = false;
    for (const Node& row : t.children) {
      if (!row.header && !body_open) out_ += "<tbody>\n", body_open = true;
      if (row.header) out_ += "<thead>\n";
      out_ += "<tr>\n";
      const char* cell_tag = row.header ? "th" : "td";
      for (size_t i = 0; i < row.children.size(); ++i) {
        Align a = t.align(i);
        out_ += fmt::format("<{}{}>", cell_tag,
                            a == Align::left ? " style=\"text-align:left\"" : a == Align::center ? " style=\"text-align:center\""
                            : a == Align::right ? " style=\"text-align:right\"" : "");
        inlines(row.children[i].children);
        out_ += fmt::format("</{}>\n", cell_tag);
      }
      out_ += "</tr>\n";
      if (row.header) out_ += "</thead>\n";
    }
    if (body_open) out_ += "</tbody>\n";
    out_ += "</table>\n";
  }

  void inlines(const NodeList& nodes) {
    for (const Node& n : nodes) inline_node(n);
  }

  void wrap(const char* tag, const Node& n) {
    out_ += '<', out_ += tag, out_ += '>';
    inlines(n.children);
    out_ += "</", out_ += tag, out_ += '>';
  }

  void inline_node(const Node& n) {
    switch (n.type) {
      case NodeType::text:
        append_escaped(out_, n.literal);
        break;
      case NodeType::placeholder:
        if (ctx_.placeholder) ctx_.placeholder(out_, n);
        else written_placeholder(n);
        break;
      case NodeType::soft_break: out_ += '\n'; break;
      case NodeType::line_break: out_ += "<br />\n"; break;
      case NodeType::code:
        out_ += "<code>";
        append_escaped(out_, n.literal);
        out_ += "</code>";
        break;
      case NodeType::html_inline: raw_html(n); break;
      case NodeType::emph: wrap("em", n); break;
      case NodeType::strong: wrap("strong", n); break;
      case NodeType::strikethrough: wrap("del", n); break;
      case NodeType::span:
        out_ += "<span";
        class_attribute(n.attrs());
        out_ += '>';
        inlines(n.children);
        out_ += "</span>";
        break;
      case NodeType::link:
        out_ += "<a href=\"";
        append_escaped(out_, safe_url(n.url()));
        out_ += '"';
        if (!n.title().empty()) out_ += " title=\"", append_escaped(out_, n.title()), out_ += '"';
        out_ += '>';
        inlines(n.children);
        out_ += "</a>";
        break;
      case NodeType::image: image(n); break;
      case NodeType::math_inline: case NodeType::math_display: math(n); break;
      default: blocks({n}); break;
    }
  }

  void math(const Node& n) {
    std::string_view dollars = n.type == NodeType::math_display ? "$$" : "$";
    auto found = ctx_.formulas ? ctx_.formulas->find(formula_key(n)) : decltype(ctx_.formulas->end()){};
    if (ctx_.formulas && found != ctx_.formulas->end() && !found->second.empty()) {
      out_ += found->second;  // KaTeX's HTML; the TeX is inside it, for copying and screen readers
      if (ctx_.wrote_math) *ctx_.wrote_math = true;
      return;
    }
    out_ += "<span class=\"math\">";
    out_ += dollars;
    append_escaped(out_, n.literal);
    out_ += dollars;
    out_ += "</span>";
  }

  void image(const Node& n) {
    out_ += "<img src=\"";
    auto found = ctx_.images ? ctx_.images->find(n.url()) : decltype(ctx_.images->end()){};
    if (ctx_.images && found != ctx_.images->end()) {
      out_ += "data:", out_ += found->second.mime, out_ += ";base64,", out_ += base64(found->second.bytes);
    } else {
      append_escaped(out_, safe_url(n.url()));
    }
    out_ += "\" alt=\"";
    alt_text(n.children);
    out_ += '"';
    if (!n.title().empty()) out_ += " title=\"", append_escaped(out_, n.title()), out_ += '"';
    // Sizes were checked by the reader (read/image_attributes.h): a number is pixels.
    std::string style;
    for (const auto& [key, value] : n.attrs().values) {
      bool unitless = value.find_first_not_of("0123456789.") == std::string::npos;
      style += fmt::format("{}:{}{};", key, value, unitless ? "px" : "");
    }
    if (!style.empty()) out_ += " style=\"", append_escaped(out_, style), out_ += '"';
    out_ += " />";
  }

  void class_attribute(const Attributes& attrs) {
    if (attrs.classes.empty()) return;
    out_ += " class=\"";
    for (size_t i = 0; i < attrs.classes.size(); ++i) {
      if (i) out_ += ' ';
      append_escaped(out_, attrs.classes[i]);
    }
    out_ += '"';
  }

  // Raw HTML as written, except that the local images the reader found in its <img>
  // tags (read/raw_html_images.h) are inlined like Markdown images.
  void raw_html(const Node& n) {
    if (n.attrs().values.empty() || !ctx_.images) {
      out_ += n.literal;
      return;
    }
    std::string html(n.literal);
    for (const auto& [key, image_key] : n.attrs().values) {
      auto found = ctx_.images->find(std::string_view(image_key));
      if (key != "src" || found == ctx_.images->end()) continue;
      std::string quoted = "\"" + image_key + "\"";
      std::string uri = "\"data:" + found->second.mime + ";base64," + base64(found->second.bytes) + "\"";
      for (size_t at = 0; (at = html.find(quoted, at)) != std::string::npos; at += uri.size()) html.replace(at, quoted.size(), uri);
    }
    out_ += html;
  }

  void written_placeholder(const Node& n) {
    out_ += "{{";
    append_escaped(out_, n.info());
    out_ += "}}";
  }

  // Placeholders in alt text stay as written: an attribute shows no measured value.
  void alt_text(const NodeList& nodes) {
    for (const Node& c : nodes) {
      if (c.type == NodeType::text || c.type == NodeType::code || c.type == NodeType::math_inline ||
          c.type == NodeType::math_display)
        append_escaped(out_, c.literal);
      else if (c.type == NodeType::placeholder) written_placeholder(c);
      else if (c.type == NodeType::soft_break || c.type == NodeType::line_break) out_ += ' ';
      alt_text(c.children);
    }
  }

  std::string& out_;
  const HtmlContext& ctx_;
};

}  // namespace

void render_blocks(std::string& out, const NodeList& blocks, const HtmlContext& ctx) {
  Writer(out, ctx).blocks(blocks);
}

std::string render_blocks(const NodeList& blocks, const HtmlContext& ctx) {
  std::string out;
  render_blocks(out, blocks, ctx);
  return out;
}


}  // namespace deckgen
