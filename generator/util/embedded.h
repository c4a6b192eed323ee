#pragma once
// Files compiled into the executable (see generator/CMakeLists.txt, DECKGEN_ASSETS).
#include <string_view>

namespace deckgen {

enum class Asset_id {
  reveal_js, reveal_css, notes_js, theme_css, highlight_css, layout_css, deck_js, highlight_py, trace_py, trace_h, launcher
};

std::string_view embedded_asset(Asset_id id);

}  // namespace deckgen
