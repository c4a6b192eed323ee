#include "util/embedded.h"

// Symbols defined by the generated assets.S, one begin/end pair per file.
#define DECKGEN_ASSET(name) extern "C" const char deckgen_asset_##name[], deckgen_asset_##name##_end[];
DECKGEN_ASSET(reveal_js)
DECKGEN_ASSET(reveal_css)
DECKGEN_ASSET(notes_js)
DECKGEN_ASSET(theme_css)
DECKGEN_ASSET(highlight_css)
DECKGEN_ASSET(layout_css)
DECKGEN_ASSET(deck_js)
DECKGEN_ASSET(highlight_py)
DECKGEN_ASSET(trace_py)
DECKGEN_ASSET(trace_h)
DECKGEN_ASSET(launcher)
DECKGEN_ASSET(katex_js)
DECKGEN_ASSET(katex_css)
DECKGEN_ASSET(typeset_math_js)
#define DECKGEN_KATEX_FONT(n, name) DECKGEN_ASSET(katex_font_##n)
#include "katex_fonts.inc"
#undef DECKGEN_KATEX_FONT
#undef DECKGEN_ASSET

namespace deckgen {

std::string_view embedded_asset(Asset_id id) {
#define CASE(name) \
  case Asset_id::name: return {deckgen_asset_##name, static_cast<size_t>(deckgen_asset_##name##_end - deckgen_asset_##name)};
  switch (id) {
    CASE(reveal_js)
    CASE(reveal_css)
    CASE(notes_js)
    CASE(theme_css)
    CASE(highlight_css)
    CASE(layout_css)
    CASE(deck_js)
    CASE(highlight_py)
    CASE(trace_py)
    CASE(trace_h)
    CASE(launcher)
    CASE(katex_js)
    CASE(katex_css)
    CASE(typeset_math_js)
  }
#undef CASE
  return {};
}

std::string_view embedded_katex_font(std::string_view file_name) {
  struct Font {
    std::string_view name;
    const char *begin, *end;
  };
  static constexpr Font kFonts[] = {
#define DECKGEN_KATEX_FONT(n, name) {name, deckgen_asset_katex_font_##n, deckgen_asset_katex_font_##n##_end},
#include "katex_fonts.inc"
#undef DECKGEN_KATEX_FONT
  };
  for (const Font& f : kFonts)
    if (f.name == file_name) return {f.begin, static_cast<size_t>(f.end - f.begin)};
  return {};
}

}  // namespace deckgen
