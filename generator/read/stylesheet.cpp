#include "read/stylesheet.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "model/input_error.h"
#include "util/files.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace deckgen {

void load_stylesheet(FrontMatter& meta, const fs::path& deck_dir) {
  if (meta.css.empty()) return;
  fs::path path = deck_dir / meta.css;
  if (path.extension() != ".css")
    throw InputError(meta.css_pos, fmt::format("'{}' is not a .css file", meta.css),
                     "give `css:` a stylesheet, relative to the deck folder: css: style.css");
  std::string text;
  if (!read_file(path, text))
    throw InputError(meta.css_pos, fmt::format("cannot read the stylesheet {}", path.generic_string()),
                     "`css:` is relative to the deck folder; check the name");
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower.find("</style") != std::string::npos)
    throw InputError(meta.css_pos, fmt::format("the stylesheet {} holds '</style', which would end the page's style", path.generic_string()),
                     "remove it: the file is embedded in a <style> element");
  meta.css = sanitize_utf8(text);
}

}  // namespace deckgen
