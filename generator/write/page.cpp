#include "write/page.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "render/html.h"
#include "util/comment_lines.h"
#include "util/embedded.h"

namespace deckgen {
namespace {

// Inline <script> text must not contain "</script" (nor "<!--"), or the HTML parser
// would end the element early; reveal.js's bundle does not, but we guard anyway.
void append_script(std::string& out, std::string_view js) {
  out += "<script>";
  size_t at = 0;
  for (size_t found; (found = js.find("</script", at)) != std::string_view::npos; at = found + 2) {
    out.append(js.substr(at, found - at));
    out += "<\\/";
  }
  out.append(js.substr(at));
  out += "</script>\n";
}

void append_style(std::string& out, std::string_view css) {
  out += "<style>";
  out.append(css);
  out += "</style>\n";
}

// deckgen's own CSS and JS as the page carries them: without their comment lines
// (util/comment_lines.h), stripped once per process. reveal.js's files come minified.
std::string_view own_asset(Asset_id id) {
  auto strip = [](Asset_id asset, CommentSyntax syntax) { return without_comment_lines(embedded_asset(asset), syntax); };
  static const std::string theme = strip(Asset_id::theme_css, CommentSyntax::css);
  static const std::string highlight = strip(Asset_id::highlight_css, CommentSyntax::css);
  static const std::string layout = strip(Asset_id::layout_css, CommentSyntax::css);
  static const std::string deck = strip(Asset_id::deck_js, CommentSyntax::js);
  switch (id) {
    case Asset_id::theme_css: return theme;
    case Asset_id::highlight_css: return highlight;
    case Asset_id::layout_css: return layout;
    case Asset_id::deck_js: return deck;
    default: return embedded_asset(id);
  }
}

// KaTeX's stylesheet with each font inlined: every @font-face's sources, a WOFF2, a WOFF
// and a TTF beside the stylesheet, become the one WOFF2 as a data: URI, so a deck opened
// from file:// with no network draws its formulas in KaTeX's fonts. Made once per process.
const std::string& math_stylesheet() {
  static const std::string css = [] {
    std::string_view in = embedded_asset(Asset_id::katex_css);
    std::string out;
    constexpr std::string_view kSource = "src:url(fonts/";
    size_t at = 0;
    for (size_t src; (src = in.find(kSource, at)) != std::string_view::npos;) {
      size_t name_end = in.find(')', src);
      size_t declaration_end = in.find_first_of(";}", src);
      if (name_end == std::string_view::npos || declaration_end == std::string_view::npos) break;
      std::string_view file = in.substr(src + kSource.size(), name_end - src - kSource.size());
      std::string_view font = embedded_katex_font(file);
      out.append(in.substr(at, src - at));
      if (font.empty()) {  // not a WOFF2 deckgen carries: left as written
        out.append(in.substr(src, declaration_end - src));
      } else {
        out += "src:url(data:font/woff2;base64,";
        out += base64(font);
        out += ") format(\"woff2\")";
      }
      at = declaration_end;
    }
    out.append(in.substr(at));
    return out;
  }();
  return css;
}

// Each attachment as inert JSON in a <script> element that deck.js turns into a blob:
// link. In JSON a "<" can only stand inside a string, where "\u003c" is the same
// character: with none left, no text (</script>, <!--) can end or confuse the element.
void append_attachment(std::string& out, const Attachment& a) {
  out += "<script type=\"application/json\" class=\"deckgen-attachment\" data-path=\"";
  append_escaped(out, a.path);
  out += "\">";
  size_t at = 0;
  for (size_t found; (found = a.content.find('<', at)) != std::string::npos; at = found + 1) {
    out.append(a.content, at, found - at);
    out += "\\u003c";
  }
  out.append(a.content, at);
  out += "</script>\n";
}

std::string reveal_config(const FrontMatter& meta) {
  nlohmann::ordered_json config = {
      {"width", stage_width(meta)},
      {"height", 720},
      {"margin", 0.04},
      {"hash", true},
      {"slideNumber", meta.slide_numbers ? nlohmann::ordered_json("c/t") : nlohmann::ordered_json(false)},
      {"transition", meta.transition},
      {"center", false},
      {"display", "flex"},  // theme.css lays each slide out as a column (long code shrinks)
      {"controls", true},
      {"progress", true},
      {"overview", true},
      {"touch", true},
      {"pdfSeparateFragments", false},
  };
  return config.dump();
}

void title_slide(std::string& out, const FrontMatter& meta) {
  out += "<section class=\"title-slide\">\n<h1>";
  append_escaped(out, meta.title);
  out += "</h1>\n";
  for (const std::string* line : {&meta.author, &meta.event, &meta.date}) {
    if (line->empty()) continue;
    out += "<p class=\"byline\">";
    append_escaped(out, *line);
    out += "</p>\n";
  }
  out += "</section>\n";
}

}  // namespace

std::string write_page(const FrontMatter& meta, const std::vector<RenderedSlide>& slides,
                       const std::vector<Attachment>& attachments, std::vector<TextSpan>* slide_spans) {
  std::vector<TextSpan> spans;
  std::string out;
  out.reserve(400 * 1024);
  out += "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"deckgen " DECKGEN_VERSION "\">\n";
  if (!meta.author.empty()) out += "<meta name=\"author\" content=\"", append_escaped(out, meta.author), out += "\">\n";
  out += "<title>";
  append_escaped(out, meta.title.empty() ? std::string("Slides") : meta.title);
  out += "</title>\n";
  append_style(out, embedded_asset(Asset_id::reveal_css));
  append_style(out, own_asset(Asset_id::theme_css));
  append_style(out, own_asset(Asset_id::highlight_css));
  append_style(out, own_asset(Asset_id::layout_css));
  if (std::any_of(slides.begin(), slides.end(), [](const RenderedSlide& s) { return s.has_math; }))
    append_style(out, math_stylesheet());  // only where there is math: other decks do not grow
  if (!meta.css.empty()) append_style(out, meta.css);  // the deck's own (`css:`), last: its rules win
  out += "</head>\n<body class=\"deckgen theme-";
  out += meta.theme;
  out += "\">\n<div class=\"reveal\">\n<div class=\"slides\">\n";
  if (!meta.title.empty()) {
    size_t begin = out.size();
    title_slide(out, meta);
    spans.push_back({begin, out.size()});
  }
  for (const RenderedSlide& s : slides) {
    size_t begin = out.size();
    out += "<section";
    if (!s.css_class.empty()) out += " class=\"", append_escaped(out, s.css_class), out += '"';
    if (!s.pos.file.empty()) out += " data-source=\"", append_escaped(out, fmt::format("{}", s.pos)), out += '"';
    if (!s.background_image.empty()) out += " data-background-image=\"", append_escaped(out, s.background_image), out += '"';
    if (!s.background_color.empty()) out += " data-background-color=\"", append_escaped(out, s.background_color), out += '"';
    out += ">\n";
    out += s.html;
    if (!s.notes.empty()) {
      out += "<aside class=\"notes\">\n";
      out += s.notes;
      out += "</aside>\n";
    }
    out += "</section>\n";
    spans.push_back({begin, out.size()});
  }
  out += "</div>\n</div>\n";
  for (const Attachment& a : attachments) append_attachment(out, a);
  append_script(out, embedded_asset(Asset_id::reveal_js));
  append_script(out, embedded_asset(Asset_id::notes_js));
  append_script(out, own_asset(Asset_id::deck_js));   // fits slides, steps marked code lines; must precede Reveal.initialize
  out += "<script>Reveal.initialize(Object.assign(";
  out += reveal_config(meta);
  out += ", {plugins: [RevealNotes]}));</script>\n</body>\n</html>\n";
  if (slide_spans) *slide_spans = std::move(spans);
  return out;
}

// reveal.js reads its configuration from the query too: `print-pdf` selects the print
// view, pdfMaxPagesPerSlide=1 keeps each slide to one page (deck.js shrinks a slide to
// fit its page), showNotes=true hands the notes to the print view, where deck.js makes
// every page taller and moves them below their slide: the page count stays the slide
// count.
std::string print_layout_query(PrintNotes notes) {
  std::string query = "print-pdf&pdfMaxPagesPerSlide=1";
  if (notes == PrintNotes::yes) query += "&showNotes=true";
  return query;
}

}  // namespace deckgen
