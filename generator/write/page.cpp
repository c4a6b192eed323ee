#include "write/page.h"

#include <nlohmann/json.hpp>

#include "render/html.h"
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

std::string reveal_config(const FrontMatter& meta) {
  bool wide = meta.aspect_ratio == "16:9";
  nlohmann::ordered_json config = {
      {"width", wide ? 1280 : 960},
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

std::string write_page(const FrontMatter& meta, const std::vector<RenderedSlide>& slides) {
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
  append_style(out, embedded_asset(Asset_id::theme_css));
  append_style(out, embedded_asset(Asset_id::highlight_css));
  out += "</head>\n<body class=\"deckgen theme-";
  out += meta.theme;
  out += "\">\n<div class=\"reveal\">\n<div class=\"slides\">\n";
  if (!meta.title.empty()) title_slide(out, meta);
  for (const RenderedSlide& s : slides) {
    out += "<section";
    if (!s.css_class.empty()) out += " class=\"", append_escaped(out, s.css_class), out += '"';
    if (!s.pos.file.empty()) out += " data-source=\"", append_escaped(out, fmt::format("{}", s.pos)), out += '"';
    out += ">\n";
    out += s.html;
    if (!s.notes.empty()) {
      out += "<aside class=\"notes\">\n";
      out += s.notes;
      out += "</aside>\n";
    }
    out += "</section>\n";
  }
  out += "</div>\n</div>\n";
  append_script(out, embedded_asset(Asset_id::reveal_js));
  append_script(out, embedded_asset(Asset_id::notes_js));
  out += "<script>Reveal.initialize(Object.assign(";
  out += reveal_config(meta);
  out += ", {plugins: [RevealNotes]}));</script>\n</body>\n</html>\n";
  return out;
}

// reveal.js reads its configuration from the query too: `print-pdf` selects the print
// view, pdfMaxPagesPerSlide=1 keeps a tall slide to one page (what does not fit is cut),
// showNotes=true prints the notes over the bottom of their slide's page, so the page
// count stays the slide count.
std::string print_layout_query(PrintNotes notes) {
  std::string query = "print-pdf&pdfMaxPagesPerSlide=1";
  if (notes == PrintNotes::yes) query += "&showNotes=true";
  return query;
}

}  // namespace deckgen
