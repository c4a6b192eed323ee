#include "render/slides.h"

#include "render/code_html.h"
#include "render/html.h"
#include "render/markdown_html.h"
#include "render/snippet_html.h"

namespace deckgen {
namespace {

bool is_figure_block(NodeType type) {
  return type == NodeType::claim_block || type == NodeType::chart_block || type == NodeType::timeline_block;
}

// Writes a placeholder as its measured value.
void write_placeholder(std::string& out, const Node& n, const std::map<std::string, std::string>& values) {
  auto found = values.find(std::string(n.literal));
  out += "<span class=\"measured\" data-placeholder=\"";
  append_escaped(out, n.literal);
  out += "\">";
  append_escaped(out, found != values.end() ? found->second : std::string("n/a"));
  out += "</span>";
}

// What a code block shows, as highlighting and rendering both see it.
struct CodeWalk {
  const Deck& deck;
  SnippetViews views;

  const PlannedSnippet* snippet(const Node& n) const {
    if (n.type != NodeType::run_block || !views.plan) return nullptr;
    return views.plan->at(n.pos);
  }
  // The SVG a ```dot block was drawn as (read/diagrams.h), or null.
  const std::string* diagram(const Node& n) const {
    if (fence_language(n.info()) != "dot") return nullptr;
    auto found = deck.diagrams.find(n.pos);
    return found == deck.diagrams.end() ? nullptr : &found->second;
  }
  // The code to highlight for a block, or nullopt when it takes no highlighting.
  std::optional<CodeBlock> code_of(const Node& n) const {
    if (const PlannedSnippet* s = snippet(n)) {
      if (!s->spec.show_code) return std::nullopt;
      return CodeBlock{n.pos, s->language.pygments, s->shown_code};
    }
    std::string lang = fence_language(n.info());
    if (lang.empty() || n.type != NodeType::code_block || diagram(n)) return std::nullopt;
    return CodeBlock{n.pos, lang, std::string(n.literal)};
  }
};

bool is_code(NodeType type) { return type == NodeType::code_block || type == NodeType::run_block; }

template <typename F>
void for_each_code_block(const NodeList& nodes, F&& f) {
  for (const Node& n : nodes) {
    if (is_code(n.type)) f(n);
    for_each_code_block(n.children, f);
  }
}

CodeLook look_of(const Node& code) {
  CodeLook look;
  if (const std::string* lines = code.attrs().find("lines")) look.lines = *lines;
  if (code.attrs().has_class("numberLines")) look.numbers = LineNumbers::shown;
  return look;
}

std::string slide_classes(const Slide& s) {
  std::string out;
  for (const std::string& c : s.classes) out += out.empty() ? c : " " + c;
  return out;
}

}  // namespace

std::vector<CodeBlock> code_blocks_to_highlight(const Deck& deck, SnippetViews views) {
  CodeWalk walk{deck, views};
  std::vector<CodeBlock> blocks;
  auto visit = [&](const Node& n) {
    if (auto code = walk.code_of(n)) blocks.push_back(std::move(*code));
  };
  for (const Slide& s : deck.slides) {
    for_each_code_block(s.body, visit);
    for_each_code_block(s.notes, visit);
  }
  return blocks;
}

std::vector<RenderedSlide> render_slides(const Deck& deck, const HighlightedCode& highlighted, SnippetViews views) {
  CodeWalk walk{deck, views};
  auto highlight_of = [&](const Node& n) -> const std::string* {
    auto found = highlighted.find(n.pos);
    return found == highlighted.end() ? nullptr : &found->second;
  };
  HtmlContext ctx;
  ctx.images = &deck.images;
  ctx.formulas = &deck.formulas;
  if (views.placeholder_values)
    ctx.placeholder = [&](std::string& out, const Node& n) { write_placeholder(out, n, *views.placeholder_values); };
  ctx.code_block = [&](std::string& out, const Node& n) {
    if (is_figure_block(n.type)) {
      if (views.block_html) {
        auto found = views.block_html->find(n.pos);
        if (found != views.block_html->end()) out += found->second;
      }
      return;
    }
    if (const PlannedSnippet* s = walk.snippet(n)) {
      const SnippetResult* result = nullptr;
      if (views.results) {
        auto found = views.results->find(s->spec.id);
        if (found != views.results->end()) result = &found->second;
      }
      bool busy_note = views.busy_notes && views.busy_notes->count(s->spec.id) > 0;
      write_snippet(out, *s, result, highlight_of(n), busy_note);
      return;
    }
    if (const std::string* svg = walk.diagram(n)) {
      out += "<div class=\"diagram\">";
      out += *svg;
      out += "</div>\n";
      return;
    }
    write_code(out, fence_language(n.info()), n.literal, highlight_of(n), look_of(n));
  };
  std::vector<RenderedSlide> slides;
  for (const Slide& s : deck.slides) {
    RenderedSlide r;
    r.pos = s.pos;
    r.css_class = slide_classes(s);
    r.background_color = s.background_color;
    if (auto image = deck.images.find(s.background_image); !s.background_image.empty() && image != deck.images.end())
      r.background_image = "data:" + image->second.mime + ";base64," + base64(image->second.bytes);
    ctx.wrote_math = &r.has_math;
    render_blocks(r.html, s.body, ctx);
    render_blocks(r.notes, s.notes, ctx);
    slides.push_back(std::move(r));
  }
  return slides;
}

}  // namespace deckgen
