#include "render/slides.h"

#include "render/html.h"
#include "render/markdown_html.h"

namespace deckgen {
namespace {

template <typename F>
void for_each_code_block(const std::vector<Node>& nodes, F&& f) {
  for (const Node& n : nodes) {
    if (n.type == NodeType::code_block) f(n);
    for_each_code_block(n.children, f);
  }
}

template <typename F>
void for_each_code_block(const Deck& deck, F&& f) {
  for (const Slide& s : deck.slides) {
    for_each_code_block(s.body, f);
    for_each_code_block(s.notes, f);
  }
}

void write_code(std::string& out, const std::string& language, const std::string& code,
                const std::optional<std::string>* highlighted) {
  out += "<pre class=\"code\"><code";
  if (!language.empty()) out += " class=\"language-", append_escaped(out, language), out += '"';
  out += '>';
  if (highlighted && *highlighted) out += **highlighted;
  else append_escaped(out, code);
  out += "</code></pre>\n";
}

}  // namespace

std::vector<CodeBlock> code_blocks_to_highlight(const Deck& deck) {
  std::vector<CodeBlock> blocks;
  for_each_code_block(deck, [&](const Node& n) {
    std::string lang = fence_language(n.info);
    if (!lang.empty()) blocks.push_back({lang, n.literal});
  });
  return blocks;
}

std::vector<RenderedSlide> render_slides(const Deck& deck, const std::vector<std::optional<std::string>>& highlighted) {
  // Code blocks meet the callback in the same order code_blocks_to_highlight saw them.
  size_t next_highlighted = 0;
  HtmlContext ctx;
  ctx.images = &deck.images;
  ctx.code_block = [&](std::string& out, const Node& n) {
    std::string lang = fence_language(n.info);
    const std::optional<std::string>* h = nullptr;
    if (!lang.empty()) {
      if (next_highlighted < highlighted.size()) h = &highlighted[next_highlighted];
      ++next_highlighted;
    }
    write_code(out, lang, n.literal, h);
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
