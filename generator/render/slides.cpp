#include "render/slides.h"

#include "render/html.h"
#include "render/markdown_html.h"
#include "render/snippet_html.h"

namespace deckgen {
namespace {

bool is_option_block(const std::string& lang) {
  return lang == "run" || lang == "claim" || lang == "chart" || lang == "timeline";
}

// Writes text with each {{...}} replaced by its measured value.
void write_text(std::string& out, std::string_view text, const std::map<std::string, std::string>& values) {
  size_t at = 0;
  for (size_t open; (open = text.find("{{", at)) != std::string_view::npos;) {
    size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos) break;
    append_escaped(out, text.substr(at, open - at));
    std::string key(text.substr(open + 2, close - open - 2));
    size_t b = key.find_first_not_of(' '), e = key.find_last_not_of(' ');
    key = b == std::string::npos ? std::string() : key.substr(b, e - b + 1);
    auto found = values.find(key);
    out += "<span class=\"measured\" data-placeholder=\"";
    append_escaped(out, key);
    out += "\">";
    append_escaped(out, found != values.end() ? found->second : std::string("n/a"));
    out += "</span>";
    at = close + 2;
  }
  append_escaped(out, text.substr(at));
}

// The one walk over code blocks that both highlighting and rendering follow, so the
// n-th highlighted block is the n-th block rendered.
struct CodeWalk {
  const Deck& deck;
  SnippetViews views;

  const PlannedSnippet* snippet(const Node& n) const {
    if (fence_language(n.info()) != "run" || !views.plan) return nullptr;
    return views.plan->at(n.pos);
  }
  // The code to highlight for a block, or nullopt when it takes no highlighting.
  std::optional<CodeBlock> code_of(const Node& n) const {
    if (const PlannedSnippet* s = snippet(n)) {
      if (!s->spec.show_code) return std::nullopt;
      return CodeBlock{s->language.pygments, s->shown_code};
    }
    std::string lang = fence_language(n.info());
    if (lang.empty() || is_option_block(lang)) return std::nullopt;
    return CodeBlock{lang, std::string(n.literal)};
  }
};

template <typename F>
void for_each_code_block(const NodeList& nodes, F&& f) {
  for (const Node& n : nodes) {
    if (n.type == NodeType::code_block) f(n);
    for_each_code_block(n.children, f);
  }
}

void write_code(std::string& out, const std::string& language, std::string_view code,
                const std::optional<std::string>* highlighted) {
  out += "<pre class=\"code\"><code";
  if (!language.empty()) out += " class=\"language-", append_escaped(out, language), out += '"';
  out += '>';
  if (highlighted && *highlighted) out += **highlighted;
  else append_escaped(out, code);
  out += "</code></pre>\n";
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

std::vector<RenderedSlide> render_slides(const Deck& deck, const std::vector<std::optional<std::string>>& highlighted,
                                         SnippetViews views) {
  CodeWalk walk{deck, views};
  size_t next_highlighted = 0;
  static const std::optional<std::string> none;
  auto take_highlight = [&](const Node& n) -> const std::optional<std::string>& {
    if (!walk.code_of(n)) return none;
    size_t i = next_highlighted++;
    return i < highlighted.size() ? highlighted[i] : none;
  };
  HtmlContext ctx;
  ctx.images = &deck.images;
  if (views.placeholder_values)
    ctx.text = [&](std::string& out, const Node& n) { write_text(out, n.literal, *views.placeholder_values); };
  ctx.code_block = [&](std::string& out, const Node& n) {
    const std::optional<std::string>& h = take_highlight(n);
    if (std::string lang = fence_language(n.info()); lang != "run" && is_option_block(lang)) {
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
      write_snippet(out, *s, result, h);
      return;
    }
    write_code(out, fence_language(n.info()), n.literal, &h);
  };
  std::vector<RenderedSlide> slides;
  for (const Slide& s : deck.slides) {
    RenderedSlide r;
    r.pos = s.pos;
    render_blocks(r.html, s.body, ctx);
    render_blocks(r.notes, s.notes, ctx);
    slides.push_back(std::move(r));
  }
  return slides;
}

}  // namespace deckgen
