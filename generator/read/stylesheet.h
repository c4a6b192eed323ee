#pragma once
// The deck's own stylesheet, `css: style.css` in the front matter: read once, checked,
// and embedded by the page writer after deckgen's theme, so that its rules win.
#include <filesystem>

#include "model/document.h"

namespace deckgen {

// Replaces meta.css (a path relative to `deck_dir`) with the file's text. Throws
// InputError at the `css:` key for a missing or unreadable file, one that is not
// .css, or text that would end the page's <style> element.
void load_stylesheet(FrontMatter& meta, const std::filesystem::path& deck_dir);

}  // namespace deckgen
