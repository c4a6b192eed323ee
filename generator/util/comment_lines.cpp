#include "util/comment_lines.h"

#include "util/text.h"

namespace deckgen {

std::string without_comment_lines(std::string_view source, CommentSyntax syntax) {
  std::string out;
  out.reserve(source.size());
  bool in_block = false;
  LineCursor lines(source);
  for (std::string_view line; lines.next(line);) {
    std::string_view code = trim(line);
    if (in_block) {
      size_t end = code.find("*/");
      if (end == std::string_view::npos) continue;
      in_block = false;
      code = trim(code.substr(end + 2));
    }
    // A block comment that begins the line; code after its end on the same line stays.
    while (code.starts_with("/*")) {
      size_t end = code.find("*/", 2);
      if (end == std::string_view::npos) {
        in_block = true;
        code = {};
        break;
      }
      code = trim(code.substr(end + 2));
    }
    if (syntax == CommentSyntax::js && code.starts_with("//")) continue;
    if (code.empty()) continue;
    out += code;
    out += '\n';
  }
  return out;
}

}  // namespace deckgen
