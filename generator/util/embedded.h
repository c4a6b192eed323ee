#pragma once
// Files compiled into the executable (see generator/CMakeLists.txt, DECKGEN_ASSETS).
#include <string_view>

namespace deckgen {

enum class Asset_id {
  reveal_js, reveal_css, notes_js, theme_css, highlight_css, layout_css, deck_js, highlight_py, trace_py, trace_h, launcher,
  katex_js, katex_css, typeset_math_js
};

std::string_view embedded_asset(Asset_id id);

// One of KaTeX's fonts by its file name ("KaTeX_Main-Regular.woff2"); empty if there is
// no such font.
std::string_view embedded_katex_font(std::string_view file_name);

}  // namespace deckgen
